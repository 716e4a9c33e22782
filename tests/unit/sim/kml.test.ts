import { describe, expect, it } from 'vitest';
import { kmlTime, trajectoryKml, xmlText } from '../../../src/sim/kml';
import { runScenario } from '../../../src/sim/run-scenario';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const world = tinyWorld();
const trajectory = runScenario(world, tinyScenario({ name: 'Tiny <walk> & "rest"' }));
const kml = trajectoryKml(trajectory, { name: trajectory.scenario.name, colors: { main: '#0072B2' }, groupNames: { main: 'Main' }, crossings: world.crossings });
const placemarks = kml.split('<Placemark>').slice(1);

describe('the KML export', () => {
  it('writes model hours as UTC instants: Mexico City on summer time (UTC−5) until 28 October 2018, then UTC−6', () => {
    expect(kmlTime('2018-10-25', 0)).toBe('2018-10-25T05:00:00Z');
    expect(kmlTime('2018-10-25', 24 + 5.5)).toBe('2018-10-26T10:30:00Z');
    expect(kmlTime('2018-10-25', 5 * 24)).toBe('2018-10-30T06:00:00Z');
  });

  it('gives each overnight position the local day it stands for, one day after another', () => {
    const days = placemarks.filter((p) => p.startsWith('<name>Main · '));
    // 120 km at 30 km a day: the nights of 25, 26, 27 and 28 October.
    expect(days.map((p) => /<name>Main · ([\d-]+)<\/name>/.exec(p)![1])).toEqual(['2018-10-25', '2018-10-26', '2018-10-27', '2018-10-28']);
    expect(days[1]).toContain('<TimeSpan><begin>2018-10-26T05:00:00Z</begin><end>2018-10-27T05:00:00Z</end></TimeSpan>');
    expect(days[1]).toContain('<description>1,000 people, 60 km along the route, walk</description>');
  });

  it('spans the route from the start to the arrival and stamps the arrival at the crossing', () => {
    const route = placemarks.find((p) => p.includes('<LineString>'))!;
    const arrivalHours = trajectory.groups[0]!.arrivalHours!;
    expect(route).toContain(`<TimeSpan><begin>2018-10-25T05:00:00Z</begin><end>${kmlTime('2018-10-25', arrivalHours)}</end></TimeSpan>`);
    const arrival = placemarks.find((p) => p.startsWith('<name>Main at East Port</name>'))!;
    expect(arrival).toContain(`<TimeStamp><when>${kmlTime('2018-10-25', arrivalHours)}</when></TimeStamp>`);
    const port = world.crossings.find((c) => c.id === 'east-port')!;
    expect(arrival).toContain(`<coordinates>${port.lon},${port.lat}</coordinates>`);
  });

  it('colours each group in KML’s aabbggrr order and escapes the scenario name', () => {
    expect(kml).toContain('<IconStyle><color>ffb27200</color>');
    expect(kml).toContain('<name>Tiny &lt;walk&gt; &amp; &quot;rest&quot;</name>');
    expect(xmlText("a'b")).toBe('a&apos;b');
  });
});
