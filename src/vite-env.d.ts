/// <reference types="vite/client" />

/** The URLs of the basemap's GeoJSON files (scripts/basemap.ts), relative to the page or absolute. */
declare module 'virtual:basemap-urls' {
  /** One GeoJSON file per part of the basemap (each key of `Basemap` in scripts/basemap.ts). */
  const urls: { countries: string; countryBorders: string; stateBorders: string; mexicoStateBorders: string; stateLabels: string };
  export default urls;
}
