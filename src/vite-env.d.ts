/// <reference types="vite/client" />

declare module 'virtual:basemap' {
  import type { FeatureCollection, MultiLineString } from 'geojson';
  const basemap: { countries: FeatureCollection; countryBorders: MultiLineString; stateBorders: MultiLineString };
  export default basemap;
}
