import { describe, expect, it } from 'vitest';
import { overnightStop } from '../../../src/sim/movement';
import { runScenario } from '../../../src/sim/run-scenario';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const world = tinyWorld();
const nights = (scenario = tinyScenario(), group = 'main') =>
  runScenario(world, scenario).groups.find((g) => g.id === group)!.days.map((d) => `${d.date} ${d.activity} ${d.overnightNode}`);

describe('movement on the tiny network', () => {
  it('walks 30 km a day: b, c, d, e on four days and arrives at 12:30 on the fourth (5 h + 30 km at 4 km/h)', () => {
    const trajectory = runScenario(world, tinyScenario());
    expect(nights()).toEqual(['2018-10-25 walk b', '2018-10-26 walk c', '2018-10-27 walk d', '2018-10-28 walk e']);
    expect(trajectory.groups[0]!.arrivalHours).toBe(3 * 24 + 12.5);
    expect(trajectory.arrivals.find((a) => a.crossing === 'east-port')).toMatchObject({ date: '2018-10-28', routeKm: 120, isDestination: true });
  });

  it('rests one day after every two travel days', () => {
    expect(nights(tinyScenario({ rest: { everyNDays: 2 } }))).toEqual([
      '2018-10-25 walk b',
      '2018-10-26 walk c',
      '2018-10-27 rest c',
      '2018-10-28 walk d',
      '2018-10-29 walk e',
    ]);
  });

  it('spends three nights at c when a stay says so, counting the night of arrival', () => {
    expect(nights(tinyScenario({ stays: [{ place: 'c', nights: 3 }] }))).toEqual([
      '2018-10-25 walk b',
      '2018-10-26 walk c',
      '2018-10-27 stay c',
      '2018-10-28 stay c',
      '2018-10-29 walk d',
      '2018-10-30 walk e',
    ]);
  });

  it('switches to hitching once past c and covers the last 60 km in one day', () => {
    const trajectory = runScenario(world, tinyScenario({ modeRules: [{ mode: 'hitch', afterPlace: 'c' }] }));
    expect(trajectory.groups[0]!.days.map((d) => `${d.activity} ${d.overnightNode}`)).toEqual(['walk b', 'walk c', 'hitch e']);
    expect(trajectory.groups[0]!.arrivalHours).toBe(2 * 24 + 5 + 60 / 60);
  });

  it('goes the expected distance on a ride day in the unperturbed run: half 60 km rides, half 30 km walks → 45 km, to c', () => {
    const scenario = tinyScenario({ modeRules: [{ mode: 'hitch', kmPerDay: 60, rideAvailability: 0.5, untilDate: '2018-10-25' }] });
    expect(nights(scenario)).toEqual(['2018-10-25 hitch c', '2018-10-26 walk d', '2018-10-27 walk e']);
  });

  it('takes the bus on the legs of a region only', () => {
    expect(nights(tinyScenario({ modeRules: [{ mode: 'bus', regions: ['North'] }] }))).toEqual(['2018-10-25 walk b', '2018-10-26 walk c', '2018-10-27 bus e']);
  });

  it('takes the bus from a date on', () => {
    expect(nights(tinyScenario({ modeRules: [{ mode: 'bus', fromDate: '2018-10-26' }] }))).toEqual(['2018-10-25 walk b', '2018-10-26 bus e']);
  });

  it('waits at the start for its departure delay', () => {
    expect(nights(tinyScenario({ groups: [{ id: 'main', headcount: 10, departDelayDays: 2 }] }))[2]).toBe('2018-10-27 walk b');
  });

  it('sleeps in the town nearest to where the day’s distance runs out, ties going farther', () => {
    expect(overnightStop([0, 30, 60, 90, 120], 0, 0, 40, 4)).toEqual({ km: 30, index: 1 });
    expect(overnightStop([0, 30, 60, 90, 120], 0, 0, 45, 4)).toEqual({ km: 60, index: 2 });
  });

  it('never goes past a place where it must stop', () => {
    expect(overnightStop([0, 30, 60, 90, 120], 0, 0, 200, 2)).toEqual({ km: 60, index: 2 });
  });

  it('sleeps at the roadside when no town lies within 35 % of the day’s distance of where it ends', () => {
    // 10 km walked: the next town, 30 km on, is 20 km past the end of the day (reach 3.5 km).
    expect(overnightStop([0, 30, 60, 90, 120], 0, 0, 10, 4)).toEqual({ km: 10, index: null });
    // From the roadside at km 10, 30 km more ends at km 40: b (km 30) is 10 km back, within reach (10.5).
    expect(overnightStop([0, 30, 60, 90, 120], 10, 0, 40, 4)).toEqual({ km: 30, index: 1 });
  });

  it('loses 10 % of its people a day with 10 % daily attrition (1000 → 900 → 810)', () => {
    const days = runScenario(world, tinyScenario({ attrition: { perDay: 0.1 } })).groups[0]!.days;
    expect(days.map((d) => d.headcount)).toEqual([900, 810, 729, 656]);
  });

  it('loses a share of its people on an attrition event’s date', () => {
    const days = runScenario(world, tinyScenario({ attrition: { events: [{ date: '2018-10-26', share: 0.25 }] } })).groups[0]!.days;
    expect(days.map((d) => d.headcount)).toEqual([1000, 750, 750, 750]);
  });

  it('splits a fifth of the group off at c toward west-port: it leaves the next morning and walks the 40 km to f', () => {
    const trajectory = runScenario(
      world,
      tinyScenario({ splits: [{ group: 'main', atPlace: 'c', into: 'west', share: 0.2, destination: 'west-port' }] }),
    );
    const main = trajectory.groups.find((g) => g.id === 'main')!;
    const west = trajectory.groups.find((g) => g.id === 'west')!;
    expect(main.days.map((d) => d.headcount)).toEqual([1000, 800, 800, 800]);
    // Day 1 it walks b → c, 30 km at 4 km/h from 05:00.
    expect(west.startHours).toBe(24 + 5 + 30 / 4);
    expect(west.startHeadcount).toBe(200);
    expect(west.days.map((d) => `${d.date} ${d.overnightNode}`)).toEqual(['2018-10-27 f']);
    expect(west.arrivalHours).toBe(2 * 24 + 5 + 40 / 4);
    expect(trajectory.arrivals.find((a) => a.group === 'west')).toMatchObject({ crossing: 'west-port', date: '2018-10-27', routeKm: 100 });
  });

  it('merges a slower group into the main group at c, adding its people from that day', () => {
    const trajectory = runScenario(
      world,
      tinyScenario({
        groups: [
          { id: 'main', headcount: 1000 },
          { id: 'rear', headcount: 100, departDelayDays: 1 },
        ],
        merges: [{ group: 'rear', into: 'main', atPlace: 'c' }],
      }),
    );
    const rear = trajectory.groups.find((g) => g.id === 'rear')!;
    expect(rear.endedBy).toBe('merged');
    expect(rear.days.at(-1)!.date).toBe('2018-10-27');
    expect(trajectory.groups.find((g) => g.id === 'main')!.days.map((d) => d.headcount)).toEqual([1000, 1000, 1100, 1100]);
  });

  it('walks 10 km a day across a long empty stretch, sleeping at the roadside', () => {
    expect(nights(tinyScenario({ modes: { walk: { kmPerDay: 10 } } })).slice(0, 4)).toEqual([
      '2018-10-25 walk null',
      '2018-10-26 walk null',
      '2018-10-27 walk b',
      '2018-10-28 walk null',
    ]);
  });

  it('estimates the arrival at a crossing the group does not head for', () => {
    const arrival = runScenario(world, tinyScenario({ destination: 'all' })).arrivals.find((a) => a.crossing === 'west-port')!;
    // all → the nearest crossing (west-port, 100 km) is the destination; east-port is the estimate.
    expect(arrival.isDestination).toBe(true);
    const east = runScenario(world, tinyScenario({ destination: 'all' })).arrivals.find((a) => a.crossing === 'east-port')!;
    expect(east).toMatchObject({ isDestination: false, date: '2018-10-28', routeKm: 120 });
  });
});
