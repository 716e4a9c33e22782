/**
 * The regime model, one local day at a time, for a whole ensemble at once (struct of arrays: an
 * ensemble of 1,000 runs over 120 days is 120,000 particle-days).
 *
 * Each day a run is in one regime: walking, riding (trucks, trailers, hitching), organised buses,
 * freight train, halted (a rest day, a halt at a big city or on the isthmus, a containment halt), or
 * ended (arrived, or dissolved / declared over). The order of a day, for a run that has not ended:
 *   1. it ends with the ending hazard (endHazardLetPass; under `contain`, endHazardContainHalted
 *      while the authorities hold it);
 *   2. a halt with nights left goes on;
 *   3. under `contain`, in a containment state, the authorities halt it with containHaltHazard;
 *   4. it rests one day with chance logistic(restLogit + restLogitPerDay × travel days in a row);
 *   5. otherwise it travels: the mode by a multinomial logit (log-odds against walking by zone, +
 *      motorStickiness for yesterday's motor mode, + headcountMotorEffect × log10(headcount/1000),
 *      + containMotorOffset where contained), the km from the mode's median × exp(speedLogSd·z).
 *      Passing a hub (Mexico City, another big city, the isthmus) it stops there with the hub's halt
 *      chance and then halts for a drawn number of nights; a vanguard may leave then (vanguardChance).
 * The vanguard travels on its own from the next day, never halting, with vanguardMotorBonus.
 * A run's pace persists: the km of a day are the mode's median × exp(speedLogSd × z), where the
 * pace z follows an AR(1) with correlation speedAutocorrelation from day to day (a caravan that is
 * fast today tends to be fast tomorrow), so reports of a fast caravan keep the fast runs.
 *
 * While the runs are being conditioned on reports (every day up to the last report), they do not
 * end by chance: each carries instead its probability of not having ended since the last report
 * (`logSurvival`), and the filter weighs the reports by it (filter.ts). The likelihood of a
 * caravan seen on the move on day 40 then includes the chance of its not having dissolved, exactly,
 * instead of a few runs dying at random. After the last report the runs end by chance as above.
 * The headcount is conditioned exactly too (headcount.ts): during conditioning a run's logHead is
 * the mean of its log headcount, afterwards a draw that goes on with the daily noise.
 *
 * Every run draws the same 13 numbers every day whatever it does (common random numbers), so two
 * parameter sets are compared on the same luck.
 */
import type { Course, HubClass, ModelStructure } from './course';
import { ZONE_CODE } from './course';
import type { HeadcountCovariance } from './headcount';
import type { ForecastParameters } from './parameters';

export const REGIME = { walk: 0, ride: 1, bus: 2, train: 3, halted: 4, ended: 5 } as const;
export type RegimeName = keyof typeof REGIME;
export const REGIME_NAMES: readonly RegimeName[] = ['walk', 'ride', 'bus', 'train', 'halted', 'ended'];

export const HALT = { none: 0, rest: 1, bigCity: 2, isthmus: 3, contain: 4, capital: 5 } as const;
export const ENDED = { no: 0, arrived: 1, dissolved: 2 } as const;

/** Uniform and normal draws per run and day (fixed, whatever the run does). */
const UNIFORMS = 9;
const NORMAL_PAIRS = 2;
export const DRAWS_PER_DAY = UNIFORMS + 2 * NORMAL_PAIRS;

/** The state of every run of an ensemble at the end of a day. */
export class Particles {
  readonly km: Float64Array;
  readonly regime: Uint8Array;
  readonly lastMotor: Uint8Array;
  readonly haltLeft: Int16Array;
  readonly haltKind: Uint8Array;
  readonly streak: Int16Array;
  readonly nextHub: Int16Array;
  /** Log headcount of the main group (its mean given the reports while conditioning). */
  readonly logHead: Float64Array;
  /** The caravan's own drift of log headcount per day (its mean while conditioning). */
  readonly headDrift: Float64Array;
  /** The pace: a standard normal AR(1) state, the log km factor ÷ speedLogSd. */
  readonly pace: Float64Array;
  /** Log-probability of not having ended since the last report (conditioning only). */
  readonly logSurvival: Float64Array;
  readonly ended: Uint8Array;
  /** NaN while the run has no vanguard. */
  readonly vanKm: Float64Array;
  readonly vanLogHead: Float64Array;
  readonly vanLastMotor: Uint8Array;

  constructor(readonly size: number) {
    this.km = new Float64Array(size);
    this.regime = new Uint8Array(size).fill(REGIME.halted);
    this.lastMotor = new Uint8Array(size);
    this.haltLeft = new Int16Array(size);
    this.haltKind = new Uint8Array(size);
    this.streak = new Int16Array(size);
    this.nextHub = new Int16Array(size);
    this.logHead = new Float64Array(size);
    this.headDrift = new Float64Array(size);
    this.pace = new Float64Array(size);
    this.logSurvival = new Float64Array(size);
    this.ended = new Uint8Array(size);
    this.vanKm = new Float64Array(size).fill(NaN);
    this.vanLogHead = new Float64Array(size).fill(NaN);
    this.vanLastMotor = new Uint8Array(size);
  }

  private arrays(): (Float64Array | Uint8Array | Int16Array)[] {
    return [this.km, this.regime, this.lastMotor, this.haltLeft, this.haltKind, this.streak, this.nextHub, this.logHead, this.headDrift, this.pace, this.logSurvival, this.ended, this.vanKm, this.vanLogHead, this.vanLastMotor];
  }

  /** Replaces every run by the run `parents[i]` (resampling). */
  gather(parents: Int32Array): void {
    for (const array of this.arrays()) {
      const copy = array.slice();
      for (let i = 0; i < this.size; i++) array[i] = copy[parents[i]!]!;
    }
  }
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const LN_1000 = Math.log(1000);

/** What a day step needs, worked out once per ensemble. */
export class DayModel {
  readonly destKm: number;
  /** exp(log-odds) per mode (ride, bus, train) and zone code. */
  private readonly expLogit: Float64Array;
  private readonly expStick: number;
  private readonly expContain: number;
  private readonly expVanguard: number;
  private readonly contained: boolean;
  // The parameters the day step reads, as fields: a record of 35 keys reads slowly in a hot loop.
  private readonly headcountEffect: number;
  private readonly kmMedian: Float64Array;
  private readonly containWalkFactor: number;
  private readonly speedLogSd: number;
  private readonly paceCorrelation: number;
  private readonly paceInnovationSd: number;
  private readonly haltSd: number;
  private readonly hubHalts: Record<HubClass, { chance: number; nights: number; kind: number }>;

  constructor(
    readonly course: Course,
    readonly params: ForecastParameters,
    readonly structure: Pick<ModelStructure, 'headcountDailyLogSd'>,
    readonly policy: 'let-pass' | 'contain',
  ) {
    this.destKm = course.totalKm;
    const p = params;
    const logits = [
      [p.rideLogitSouth, p.rideLogitCentre, p.rideLogitNorth],
      [p.busLogitSouth, p.busLogitCentre, p.busLogitNorth],
      // Freight trains only north of Mexico City: the one main-group train ride in the data.
      [-Infinity, -Infinity, p.trainLogitNorth],
    ];
    this.expLogit = Float64Array.from(logits.flat().map(Math.exp));
    this.expStick = Math.exp(p.motorStickiness);
    this.expContain = Math.exp(p.containMotorOffset);
    this.expVanguard = Math.exp(p.vanguardMotorBonus);
    this.contained = policy === 'contain';
    this.headcountEffect = p.headcountMotorEffect / Math.LN10;
    this.kmMedian = Float64Array.from([p.walkKmPerDay, p.rideKmPerDay, p.busKmPerDay, p.trainKmPerDay]);
    this.containWalkFactor = p.containWalkFactor;
    this.speedLogSd = p.speedLogSd;
    this.paceCorrelation = p.speedAutocorrelation;
    this.paceInnovationSd = Math.sqrt(1 - p.speedAutocorrelation ** 2);
    this.haltSd = p.haltNightsLogSd;
    this.hubHalts = {
      capital: { chance: p.capitalHaltChance, nights: p.capitalHaltNights, kind: HALT.capital },
      'big-city': { chance: p.bigCityHaltChance, nights: p.bigCityHaltNights, kind: HALT.bigCity },
      isthmus: { chance: p.isthmusHaltChance, nights: p.isthmusHaltNights, kind: HALT.isthmus },
    };
  }

  /**
   * The runs' state on the evening before day 0: at the start, the mean log headcount that of the
   * start headcount (its uncertainty is in the shared covariance, headcount.ts), a pace drawn from
   * its stationary distribution N(0, 1).
   */
  start(particles: Particles, headcount: number, uniform: () => number): void {
    const firstHub = this.course.hubs.findIndex((h) => h.km > 0);
    for (let i = 0; i < particles.size; i++) {
      particles.pace[i] = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
      particles.logHead[i] = Math.log(Math.max(1, headcount));
      particles.headDrift[i] = 0;
      particles.nextHub[i] = firstHub < 0 ? this.course.hubs.length : firstHub;
    }
  }

  /** Ends conditioning: each run draws its log headcount and drift about its means (two normals per run from `uniform`). */
  drawHeadcounts(particles: Particles, covariance: HeadcountCovariance, uniform: () => number): void {
    for (let i = 0; i < particles.size; i++) {
      const r = Math.sqrt(-2 * Math.log(1 - uniform()));
      const theta = 2 * Math.PI * uniform();
      const draw = covariance.sample(particles.logHead[i]!, particles.headDrift[i]!, r * Math.cos(theta), r * Math.sin(theta));
      particles.logHead[i] = draw.level;
      particles.headDrift[i] = draw.drift;
    }
  }

  private kmIndex(km: number): number {
    return Math.min(this.course.zoneByKm.length - 1, Math.max(0, Math.floor(km)));
  }

  /** Multinomial logit choice of the day's mode (0 walk … 3 train) from one uniform draw. */
  private chooseMode(u: number, zone: number, lastMotor: number, logHead: number, inContain: boolean, vanguard: boolean): number {
    // (headcount / 1000) ^ (effect / ln 10) = exp(effect × log10(headcount / 1000)).
    let common = this.headcountEffect === 0 ? 1 : Math.exp(this.headcountEffect * (logHead - LN_1000));
    if (inContain) common *= this.expContain;
    if (vanguard) common *= this.expVanguard;
    const e1 = this.expLogit[zone]! * common * (lastMotor === REGIME.ride ? this.expStick : 1);
    const e2 = this.expLogit[3 + zone]! * common * (lastMotor === REGIME.bus ? this.expStick : 1);
    const e3 = this.expLogit[6 + zone]! * common * (lastMotor === REGIME.train ? this.expStick : 1);
    const x = u * (1 + e1 + e2 + e3);
    if (x < 1) return REGIME.walk;
    if (x < 1 + e1) return REGIME.ride;
    if (x < 1 + e1 + e2) return REGIME.bus;
    return REGIME.train;
  }

  /** The km of a day in a mode at pace z (a standard normal). */
  private dayKm(mode: number, z: number, inContain: boolean): number {
    const median = this.kmMedian[mode]! * (mode === REGIME.walk && inContain ? this.containWalkFactor : 1);
    return median * Math.exp(this.speedLogSd * z);
  }

  /** Nights of a halt: the mean × a log-normal factor (mean-preserving), at least one. */
  private haltNights(mean: number, z: number): number {
    const sd = this.haltSd;
    return Math.max(1, Math.round(mean * Math.exp(sd * z - (sd * sd) / 2)));
  }

  /**
   * Moves every run through local day `day`. `draws` holds DRAWS_PER_DAY numbers per run: uniforms
   * first, then normals. While `conditioning` (a report is still to come) runs do not end by chance
   * but accumulate their log-probability of not ending, and headcounts move by their means.
   */
  step(particles: Particles, day: number, draws: Float64Array, conditioning = false): void {
    for (let i = 0; i < particles.size; i++) this.stepRun(particles, i, day, draws, i * DRAWS_PER_DAY, conditioning);
  }

  private stepRun(s: Particles, i: number, day: number, d: Float64Array, o: number, conditioning: boolean): void {
    const p = this.params;
    const z0 = d[o + 9]!;
    const z1 = d[o + 10]!;
    const z2 = d[o + 11]!;
    const zv = d[o + 12]!;
    this.stepVanguard(s, i, d[o + 8]!, zv);
    if (s.ended[i] !== ENDED.no) {
      s.regime[i] = REGIME.ended;
      // People keep leaving a caravan that has arrived (asylum queues, crossings): the count goes on.
      if (s.ended[i] === ENDED.arrived) this.ageHeadcount(s, i, day, z2, conditioning);
      return;
    }
    const k = this.kmIndex(s.km[i]!);
    const inContain = this.contained && this.course.containedByKm[k] === 1;
    // Yesterday's regime: a caravan the authorities were holding may be dissolved (visas, buses).
    const heldByAuthorities = this.contained && s.regime[i] === REGIME.halted && s.haltKind[i] === HALT.contain;
    const endHazard = heldByAuthorities ? p.endHazardContainHalted : p.endHazardLetPass;
    if (conditioning) s.logSurvival[i]! += Math.log1p(-Math.min(endHazard, 1 - 1e-12));
    else if (d[o]! < endHazard) {
      s.ended[i] = ENDED.dissolved;
      s.regime[i] = REGIME.ended;
      return;
    }
    this.ageHeadcount(s, i, day, z2, conditioning);
    s.pace[i] = this.paceCorrelation * s.pace[i]! + this.paceInnovationSd * z0;
    if (s.haltLeft[i]! > 0) {
      s.haltLeft[i]!--;
      s.regime[i] = REGIME.halted;
      return;
    }
    if (inContain && d[o + 1]! < p.containHaltHazard) {
      s.regime[i] = REGIME.halted;
      s.haltKind[i] = HALT.contain;
      s.haltLeft[i] = this.haltNights(p.containHaltNights, z1) - 1;
      s.lastMotor[i] = 0;
      return;
    }
    if (d[o + 2]! < logistic(p.restLogit + p.restLogitPerDay * s.streak[i]!)) {
      s.regime[i] = REGIME.halted;
      s.haltKind[i] = HALT.rest;
      s.haltLeft[i] = 0;
      s.streak[i] = 0;
      s.lastMotor[i] = 0;
      return;
    }
    const mode = this.chooseMode(d[o + 3]!, this.course.zoneByKm[k]!, s.lastMotor[i]!, s.logHead[i]!, inContain, false);
    let target = s.km[i]! + this.dayKm(mode, s.pace[i], inContain);
    // Hubs passed today: each is decided once (the first three of a day with their own draws).
    const hubs = this.course.hubs;
    let hubDraw = 4;
    while (s.nextHub[i]! < hubs.length && hubs[s.nextHub[i]!]!.km <= target) {
      const hub = hubs[s.nextHub[i]!]!;
      s.nextHub[i]!++;
      if (hub.km >= this.destKm || hubDraw > 6) continue;
      const halt = this.hubHalts[hub.hubClass];
      if (d[o + hubDraw++]! < halt.chance) {
        const nights = this.haltNights(halt.nights, z1);
        s.haltKind[i] = halt.kind;
        if (hub.km <= s.km[i]!) {
          // Already there (a report put it at the hub): the halt starts today.
          s.regime[i] = REGIME.halted;
          s.haltLeft[i] = nights - 1;
          s.streak[i] = 0;
          s.lastMotor[i] = 0;
          this.maybeLeaveVanguard(s, i, nights, d[o + 7]!);
          return;
        }
        target = hub.km;
        s.haltLeft[i] = nights;
        this.maybeLeaveVanguard(s, i, nights, d[o + 7]!);
        break;
      }
    }
    s.km[i] = Math.min(target, this.destKm);
    s.regime[i] = mode;
    s.lastMotor[i] = mode === REGIME.walk ? 0 : mode;
    s.streak[i]!++;
    if (s.km[i] >= this.destKm) s.ended[i] = ENDED.arrived;
  }

  /** At the start of a halt of two nights or more, a vanguard may go on ahead (one per run). */
  private maybeLeaveVanguard(s: Particles, i: number, nights: number, u: number): void {
    const p = this.params;
    if (nights < 2 || !Number.isNaN(s.vanKm[i]!) || u >= p.vanguardChance) return;
    s.vanLogHead[i] = s.logHead[i]! + Math.log(p.vanguardShare);
    s.logHead[i]! += Math.log(1 - p.vanguardShare);
    s.vanLastMotor[i] = 0;
    // Where the halt is: the hub the run stops at today (set by the caller before the km update).
    s.vanKm[i] = Math.min(this.destKm, this.course.hubs[s.nextHub[i]! - 1]!.km);
  }

  /**
   * Headcount peaks early and wears down: log trend growth × min(t, peak) − decay × max(0, t − peak),
   * plus the caravan's own drift, plus (once free of the reports) the daily noise.
   */
  private ageHeadcount(s: Particles, i: number, day: number, z: number, conditioning: boolean): void {
    const p = this.params;
    const trend = (t: number) => p.headcountGrowthPerDay * Math.min(t, p.headcountPeakDay) - p.headcountDecayPerDay * Math.max(0, t - p.headcountPeakDay);
    s.logHead[i]! += trend(day + 1) - trend(day) + s.headDrift[i]! + (conditioning ? 0 : this.structure.headcountDailyLogSd * z);
  }

  private stepVanguard(s: Particles, i: number, u: number, z: number): void {
    const km = s.vanKm[i]!;
    // It sets off the morning after it forms (this runs before the main group's step).
    if (Number.isNaN(km) || km >= this.destKm) return;
    const k = this.kmIndex(km);
    const inContain = this.contained && this.course.containedByKm[k] === 1;
    const mode = this.chooseMode(u, this.course.zoneByKm[k]!, s.vanLastMotor[i]!, s.vanLogHead[i]!, inContain, true);
    s.vanKm[i] = Math.min(this.destKm, km + this.dayKm(mode, z, inContain));
    s.vanLastMotor[i] = mode === REGIME.walk ? 0 : mode;
  }
}

/** Fills `out` with one day's draws for `runs` runs: uniforms, then standard normals (Box–Muller pairs). */
export function drawDay(uniform: () => number, runs: number, out: Float64Array): Float64Array {
  for (let i = 0; i < runs; i++) {
    const o = i * DRAWS_PER_DAY;
    for (let j = 0; j < UNIFORMS; j++) out[o + j] = uniform();
    for (let j = 0; j < NORMAL_PAIRS; j++) {
      const r = Math.sqrt(-2 * Math.log(1 - uniform()));
      const theta = 2 * Math.PI * uniform();
      out[o + UNIFORMS + 2 * j] = r * Math.cos(theta);
      out[o + UNIFORMS + 2 * j + 1] = r * Math.sin(theta);
    }
  }
  return out;
}

export { ZONE_CODE };
