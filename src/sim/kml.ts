/**
 * A run as KML 2.2 for Google Earth: each group's route (a LineString with a <TimeSpan> from its
 * start to its arrival or the end of the run), each group's overnight position for every local day
 * (a Point with a <TimeSpan> covering that day, so the time slider shows one dot per group per
 * day) and each arrival at a crossing (a Point with a <TimeStamp> at the arrival). Times are UTC
 * instants (xsd:dateTime with Z) of the model's route-local hours. Pure text; the app downloads it.
 */
import { overnightPositions } from './arrival-table';
import type { Trajectory } from './run-scenario';
import { toUtcMs } from './time';

export interface KmlOptions {
  /** The document's name (the scenario's). */
  name: string;
  /** Each group's colour, '#rrggbb'; a group without one is drawn grey. */
  colors: Readonly<Record<string, string>>;
  /** Each group's name as the app writes it. */
  groupNames: Readonly<Record<string, string>>;
  /** Where the crossings are, for the arrival placemarks. */
  crossings: readonly { id: string; name: string; lon: number; lat: number }[];
}

/** Text or attribute content with the five XML specials escaped. */
export function xmlText(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** KML colours are aabbggrr. */
function kmlColor(hex: string, alpha = 'ff'): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `${alpha}${m[3]}${m[2]}${m[1]}`.toLowerCase() : `${alpha}888888`;
}

/** The UTC instant of model hour `tHours`, to the second: 2018-10-25T05:00:00Z. */
export function kmlTime(startDate: string, tHours: number): string {
  return new Date(toUtcMs(startDate, tHours)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const coordinate = (lon: number, lat: number) => `${Math.round(lon * 1e5) / 1e5},${Math.round(lat * 1e5) / 1e5}`;

/**
 * @example
 * // One group walking 30 km a day from 2018-10-25 on the test network (tests/fixtures/tiny-world):
 * trajectoryKml(trajectory, { name: 'Walk', colors: { main: '#0072B2' }, groupNames: { main: 'Main' }, crossings })
 * // … <Placemark><name>Main · 2018-10-25</name>… <TimeSpan><begin>2018-10-25T05:00:00Z</begin>
 * //   <end>2018-10-26T05:00:00Z</end></TimeSpan> … (Mexico City on summer time, UTC−5, until 28 October 2018)
 */
export function trajectoryKml(trajectory: Trajectory, options: KmlOptions): string {
  const { startDate } = trajectory;
  const out: string[] = [];
  const groupName = (id: string) => xmlText(options.groupNames[id] ?? id);
  out.push('<?xml version="1.0" encoding="UTF-8"?>', '<kml xmlns="http://www.opengis.net/kml/2.2">', '<Document>', `<name>${xmlText(options.name)}</name>`);
  for (const group of trajectory.groups) {
    const color = options.colors[group.id] ?? '#888888';
    out.push(
      `<Style id="group-${xmlText(group.id)}"><LineStyle><color>${kmlColor(color, 'cc')}</color><width>3</width></LineStyle>` +
        `<IconStyle><color>${kmlColor(color)}</color><scale>0.8</scale></IconStyle></Style>`,
    );
  }
  out.push('<Folder><name>Routes</name>');
  for (const group of trajectory.groups) {
    if (group.route.vertices.length < 2) continue;
    // A group that splits off later exists from its first day on.
    const begin = (group.days[0]?.day ?? 0) * 24;
    const end = group.arrivalHours ?? trajectory.spanHours;
    out.push(
      `<Placemark><name>${groupName(group.id)}</name><styleUrl>#group-${xmlText(group.id)}</styleUrl>` +
        `<TimeSpan><begin>${kmlTime(startDate, begin)}</begin><end>${kmlTime(startDate, end)}</end></TimeSpan>` +
        `<LineString><tessellate>1</tessellate><coordinates>${group.route.vertices.map(([lon, lat]) => coordinate(lon, lat)).join(' ')}</coordinates></LineString></Placemark>`,
    );
  }
  out.push('</Folder>', '<Folder><name>Daily positions</name>');
  for (const p of overnightPositions(trajectory)) {
    const day = Math.round((Date.parse(`${p.date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000);
    out.push(
      `<Placemark><name>${groupName(p.group)} · ${p.date}</name><styleUrl>#group-${xmlText(p.group)}</styleUrl>` +
        `<description>${xmlText(`${p.headcount.toLocaleString('en-US')} people, ${p.km} km along the route, ${p.activity}`)}</description>` +
        `<TimeSpan><begin>${kmlTime(startDate, day * 24)}</begin><end>${kmlTime(startDate, (day + 1) * 24)}</end></TimeSpan>` +
        `<Point><coordinates>${coordinate(p.lon, p.lat)}</coordinates></Point></Placemark>`,
    );
  }
  out.push('</Folder>', '<Folder><name>Arrivals</name>');
  const crossings = new Map(options.crossings.map((c) => [c.id, c]));
  for (const arrival of trajectory.arrivals) {
    const crossing = crossings.get(arrival.crossing);
    if (!arrival.isDestination || arrival.tHours === null || !crossing) continue;
    out.push(
      `<Placemark><name>${groupName(arrival.group)} at ${xmlText(crossing.name)}</name><styleUrl>#group-${xmlText(arrival.group)}</styleUrl>` +
        `<TimeStamp><when>${kmlTime(startDate, arrival.tHours)}</when></TimeStamp>` +
        `<Point><coordinates>${coordinate(crossing.lon, crossing.lat)}</coordinates></Point></Placemark>`,
    );
  }
  out.push('</Folder>', '</Document>', '</kml>', '');
  return out.join('\n');
}
