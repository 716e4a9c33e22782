/// <reference types="vite/client" />

declare module 'virtual:basemap' {
  import type { FeatureCollection, MultiLineString, Point } from 'geojson';
  const basemap: {
    countries: FeatureCollection;
    countryBorders: MultiLineString;
    stateBorders: MultiLineString;
    mexicoStateBorders: MultiLineString;
    stateLabels: FeatureCollection<Point, { name: string; country: string }>;
  };
  export default basemap;
}
