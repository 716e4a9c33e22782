import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/run-scenario';
import { sampleAt } from '../../../src/sim/sample';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const trajectory = runScenario(tinyWorld(), tinyScenario());
const mainAt = (tHours: number) => sampleAt(trajectory, tHours).find((p) => p.group === 'main')!;

describe('sampleAt', () => {
  it('keeps the group at the start until it sets off at 05:00', () => {
    expect(mainAt(4)).toMatchObject({ km: 0, activity: 'walk', moving: false });
  });

  it('puts the group halfway (15 km) through its first walk at 08:45', () => {
    const position = mainAt(5 + 3.75);
    expect(position.km).toBeCloseTo(15, 9);
    expect(position.moving).toBe(true);
    expect(position.kmToGo).toBeCloseTo(105, 9);
  });

  it('holds the overnight position from arrival to the next morning', () => {
    expect(mainAt(20).km).toBe(30);
    expect(mainAt(24 + 4).km).toBe(30);
  });

  it('shows the group arrived at the end of its route after arrival', () => {
    expect(mainAt(24 * 10)).toMatchObject({ km: 120, activity: 'arrived', moving: false });
  });

  it('gives the same answer scrubbing backwards as forwards', () => {
    const forward = [10, 30, 50, 70].map((t) => mainAt(t).km);
    const backward = [70, 50, 30, 10].map((t) => mainAt(t).km).reverse();
    expect(backward).toEqual(forward);
  });
});
