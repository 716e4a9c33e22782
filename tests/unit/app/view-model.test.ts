import { describe, expect, it } from 'vitest';
import { createModelCache } from '../../../src/app/model-cache';
import { crossingPopup, deploymentPopup, distanceBands, groupPopup, groupStatuses, marginColor, positionAnnouncement, statusesAt, timelineView } from '../../../src/app/view-model';
import type { NewsEvent } from '../../../src/data/schemas';
import { marginColors } from '../../../src/map/palette';
import { arrivalRows } from '../../../src/sim/arrival-table';
import { runPlanEnsemble } from '../../../src/sim/ensemble';
import { sampleAt } from '../../../src/sim/sample';
import { textFor } from '../../../src/ui/i18n';
import { tinyData } from '../../fixtures/tiny-data';
import { tinyCrossings, tinyDeployments, tinyScenario } from '../../fixtures/tiny-world';

const en = textFor('en');
const es = textFor('es');
const models = createModelCache(tinyData());
// Walking 30 km a day from a at 4 km/h from 05:00: b (30 km) at 12:30, c on day 1, … e on day 3.
const scenario = tinyScenario({ groups: [{ id: 'main', name: 'Main group', nameEs: 'Grupo principal', headcount: 1000 }] });
const result = models.result(scenario);

describe('the view model', () => {
  it('puts a group between towns near the one behind on a tie: 15 km out at 08:45 is "near A"', () => {
    const [main] = statusesAt(result, 8.75, en);
    expect(main).toMatchObject({ group: 'main', name: 'Main group', km: 15, placeName: 'A', atPlace: false, index: 0, nearestCrossingKm: 85 });
  });

  it('puts a group that has arrived for the night at its town, in the interface’s language', () => {
    const [main] = statusesAt(result, 20, es);
    expect(main).toMatchObject({ name: 'Grupo principal', placeName: 'B', atPlace: true, nearestCrossingKm: 70 });
  });

  it('keeps the sample it is given: statuses extend the positions', () => {
    const positions = sampleAt(result.trajectory, 30);
    expect(groupStatuses(result, positions, 30, en).map(({ group, km, lon, lat }) => ({ group, km, lon, lat }))).toEqual(positions.map(({ group, km, lon, lat }) => ({ group, km, lon, lat })));
  });

  it('announces each group and where it is', () => {
    expect(positionAnnouncement(statusesAt(result, 20, en), en)).toBe('Main group: at B');
    expect(positionAnnouncement(statusesAt(result, 8.75, es), es)).toBe('Grupo principal: cerca de A');
  });

  it('has no distance bands without an ensemble, and P10 ≤ P90 bands within the run with one', () => {
    expect(distanceBands(result, null)).toBeUndefined();
    const ensemble = runPlanEnsemble(models.plan(scenario), 50, 3);
    const [band] = distanceBands(result, ensemble)!;
    expect(band!.group).toBe('main');
    expect(band!.points.length).toBeGreaterThan(4);
    for (const p of band!.points) {
      expect(p.low).toBeLessThanOrEqual(p.high);
      expect(p.tHours).toBeLessThanOrEqual(result.trajectory.spanHours);
    }
  });

  it('gives the timeline the run’s span, its series and events in the interface’s language', () => {
    const events: NewsEvent[] = [{ id: 'orders', date: '2018-10-26', kind: 'troops', title: 'Orders', titleEs: 'Órdenes', text: 'Troops ordered', textEs: 'Tropas ordenadas', source: { title: 'Orders', publisher: 'A newspaper' } }];
    const { data, labels } = timelineView(result, null, events, es);
    expect(data.spanHours).toBe(result.timelineSpanHours);
    expect(data.events).toEqual([{ id: 'orders', date: '2018-10-26', kind: 'troops', title: 'Órdenes', text: 'Tropas ordenadas' }]);
    expect(data.distanceBands).toBeUndefined();
    expect(labels.formatEventDate('2018-11-05')).toBe(es.shortDate('2018-11-05'));
    expect(labels.valueText(36)).toBe(es.dateTime('2018-10-25', 36));
  });

  it('colours a crossing by who is there first', () => {
    const rows = arrivalRows(result.trajectory, tinyData().world);
    const east = rows.find((r) => r.crossing === 'east-port')!;
    expect(east.marginDays).not.toBeNull();
    expect(marginColor(east)).toBe(east.marginDays! >= 0 ? marginColors.troopsFirst : marginColors.caravanFirst);
    expect(marginColor({ ...east, marginDays: null })).toBe(marginColors.unknown);
  });

  it('writes a crossing’s popup: sector, route km, each group’s arrival and the margin', () => {
    const row = arrivalRows(result.trajectory, tinyData().world).find((r) => r.crossing === 'east-port')!;
    const [title, lines] = crossingPopup(tinyCrossings[0]!, row, en);
    expect(title).toBe('East Port');
    expect(lines[0]).toBe('TX · Border Patrol sector: East');
    expect(lines[1]).toBe('Km: 120');
    expect(lines[2]).toBe(`main: ${en.date(row.byGroup[0]!.date!)}`);
    expect(lines[3]).toMatch(/^Margin: -?\d+ \((troops in position first|caravan there first)\)$/);
    expect(crossingPopup(tinyCrossings[1]!, undefined, en)).toEqual(['West Port', ['CA · Border Patrol sector: West']]);
  });

  it('writes a deployment’s popup and a group’s', () => {
    expect(deploymentPopup(tinyDeployments[0]!, en)).toEqual(['Engineers', ['Active-duty troops · TX · East', '100 · Camp East', 'In position: 31 Oct 2018', 'fencing']]);
    const [main] = statusesAt(result, 20, en);
    expect(groupPopup('main', main, en)).toEqual(['Main group', ['1,000', 'at B']]);
    expect(groupPopup('gone', undefined, en)).toEqual(['gone', []]);
  });
});
