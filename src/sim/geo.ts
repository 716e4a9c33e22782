/** Small spherical helpers the model needs in hot loops (sampling positions every frame). */

export type LonLat = readonly [number, number];

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km: `greatCircleKm([-99.13, 19.43], [-103.35, 20.67])` ≈ 461. */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const dLat = toRad(b[1] - a[1]);
  const dLon = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a polyline in km. */
export function polylineKm(coords: readonly LonLat[]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) km += greatCircleKm(coords[i - 1]!, coords[i]!);
  return km;
}
