import { describe, expect, it } from 'vitest';
import { deploymentHeadcount, deploymentRecordSpan, deploymentStatus, readinessMarginDays, sectorInPositionDate, troopsAt } from '../../../src/sim/troops';
import { tinyDeployments } from '../../fixtures/tiny-world';

const engineers = tinyDeployments[0]!; // 100 troops: arriving 10-27 (day 2), in position 10-31 (day 6), end 12-15
const start = '2018-10-25';

describe('troops', () => {
  it('has no one before the arriving date', () => {
    expect(deploymentHeadcount(engineers, start, 1.9)).toBe(0);
  });

  it('ramps linearly from arriving to in position: half on day 4', () => {
    expect(deploymentHeadcount(engineers, start, 4)).toBe(50);
    expect(deploymentHeadcount(engineers, start, 6)).toBe(100);
  });

  it('drops to zero on the end date', () => {
    expect(deploymentHeadcount(engineers, start, 51)).toBe(0);
  });

  it('moves every date by the deployment shift', () => {
    expect(deploymentHeadcount(engineers, start, 6, 2)).toBe(50);
  });

  it('is unknown before its announcement, announced, arriving, in position, and gone from its end date', () => {
    // Announced 10-25 (day 0), arriving 10-27 (day 2), in position 10-31 (day 6), end 12-15 (day 51).
    expect(deploymentStatus(engineers, start, -1)).toBeNull();
    expect([0, 1, 2, 5, 6, 50].map((day) => deploymentStatus(engineers, start, day))).toEqual(['announced', 'announced', 'arriving', 'arriving', 'in-position', 'in-position']);
    expect(deploymentStatus(engineers, start, 51)).toBeNull();
  });

  it('moves every status date by the deployment shift, and keeps a deployment with no end', () => {
    expect(deploymentStatus(engineers, start, 3, 2)).toBe('announced');
    expect(deploymentStatus(engineers, start, 52, 2)).toBe('in-position');
    expect(deploymentStatus(engineers, start, 4, -2)).toBe('in-position');
    expect(deploymentStatus(tinyDeployments[1]!, start, 3650)).toBe('in-position');
  });

  it('splits a deployment that covers two sectors evenly between them', () => {
    expect(troopsAt(tinyDeployments, start, 10, { sector: 'West' })).toBe(30);
    expect(troopsAt(tinyDeployments, start, 10, { sector: 'East' })).toBe(130);
    expect(troopsAt(tinyDeployments, start, 10, { force: 'active-duty' })).toBe(100);
  });

  it('takes the active-duty in-position date of a sector first, the Guard’s otherwise', () => {
    expect(sectorInPositionDate(tinyDeployments, 'East')).toEqual({ date: '2018-10-31', force: 'active-duty' });
    expect(sectorInPositionDate(tinyDeployments, 'West')).toEqual({ date: '2018-04-20', force: 'national-guard' });
    expect(sectorInPositionDate(tinyDeployments, 'Nowhere')).toBeNull();
    expect(sectorInPositionDate(tinyDeployments, 'East', -3)?.date).toBe('2018-10-28');
  });

  it('counts the readiness margin as arrival minus in-position, negative when the caravan is first', () => {
    expect(readinessMarginDays('2018-11-14', '2018-11-03')).toBe(11);
    expect(readinessMarginDays('2018-11-01', '2018-11-03')).toBe(-2);
  });

  it('says which dates the deployment records cover: first announced or ordered to the last end, or in-position when no end is on record', () => {
    // Engineers: announced 10-25, end 12-15; the Guard: announced 04-04, in position 04-20, no end.
    expect(deploymentRecordSpan(tinyDeployments)).toEqual({ first: '2018-04-04', last: '2018-12-15' });
    const orderedFirst = { ...engineers, ordered: '2018-10-20' };
    const openEnded = { ...engineers, end: null };
    expect(deploymentRecordSpan([orderedFirst])).toEqual({ first: '2018-10-20', last: '2018-12-15' });
    expect(deploymentRecordSpan([openEnded])).toEqual({ first: '2018-10-25', last: '2018-10-31' });
    expect(deploymentRecordSpan([])).toBeNull();
  });
});
