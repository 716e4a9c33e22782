/**
 * The headcount, conditioned exactly: a Kalman filter in log space, one per run, sharing one
 * covariance.
 *
 * The main group's log headcount ℓ moves each day by the trend (growth until the peak day, then
 * wearing down) plus the caravan's own drift b (a caravan that sheds people faster than the typical
 * one keeps doing so) plus a small daily noise of sd q:
 *   ℓ(t+1) = ℓ(t) + trend′(t) + b + q·ε,   b constant,
 *   ℓ(start) ~ N(log start headcount, s0²),  b ~ N(0, sb²).
 * A reported count y is log-normal around the true one: log y ~ N(ℓ, r²), r the spread between
 * sources (two sources' counts of the same night differ by a factor exp(0.95 r) at the median).
 *
 * Everything here is linear and Gaussian, so instead of drawing headcounts and weighting them
 * (which, with a few hundred runs, wastes most of them and makes the calibration's likelihood
 * noisy) each run carries the *mean* of (ℓ, b) given the reports so far, and all runs share the
 * covariance P, which does not depend on the counts. A report's likelihood is the predictive normal
 * N(log y; mean, Pℓℓ + r²); the update is the Kalman update. Runs differ in their means only
 * because a vanguard that left took a share of the people (a fixed shift of ℓ). After the last
 * report each run draws its (ℓ, b) from N(mean, P) and goes on with the daily noise.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export interface HeadcountModel {
  /** s0: uncertainty of the starting headcount (sd of log). */
  levelLogSd: number;
  /** sb: spread of caravans' own drift (sd of log headcount per day). */
  driftSd: number;
  /** q: daily noise (sd of log). */
  dailyLogSd: number;
  /** r: error of a reported count (sd of log). */
  reportLogSd: number;
}

/** The covariance of (ℓ, b) shared by every run, and the steps that change it. */
export class HeadcountCovariance {
  /** Var ℓ, Cov(ℓ, b), Var b. */
  ll: number;
  lb = 0;
  bb: number;

  constructor(readonly model: HeadcountModel) {
    this.ll = model.levelLogSd ** 2;
    this.bb = model.driftSd ** 2;
  }

  /** One day: ℓ ← ℓ + b + noise. */
  predict(): void {
    this.ll += 2 * this.lb + this.bb + this.model.dailyLogSd ** 2;
    this.lb += this.bb;
  }

  /** Variance of a reported log count about a run's mean. */
  predictiveVariance(): number {
    return this.ll + this.model.reportLogSd ** 2;
  }

  /**
   * Log-density of a reported log count `logY` for a run whose mean log headcount is `mean`.
   * @example new HeadcountCovariance({ levelLogSd: 0.3, driftSd: 0, dailyLogSd: 0, reportLogSd: 0.4 }).logPredictive(Math.log(1000), Math.log(1000)) // −log(0.5) − ½ log 2π
   */
  logPredictive(mean: number, logY: number): number {
    const variance = this.predictiveVariance();
    const z = logY - mean;
    return -0.5 * Math.log(variance) - LOG_SQRT_2PI - (0.5 * z * z) / variance;
  }

  /** The Kalman gains for ℓ and b (the same for every run). */
  gains(): { level: number; drift: number } {
    const s = this.predictiveVariance();
    return { level: this.ll / s, drift: this.lb / s };
  }

  /** The covariance after a report: P − K S Kᵀ. */
  update(): void {
    const s = this.predictiveVariance();
    const ll = this.ll;
    const lb = this.lb;
    this.ll = ll - (ll * ll) / s;
    this.lb = lb - (ll * lb) / s;
    this.bb = this.bb - (lb * lb) / s;
  }

  /**
   * A draw of (ℓ, b) about a run's means from two standard normals (the Cholesky factor of P).
   * @example cov.sample(7, 0, 1, 0) // ℓ = 7 + √Pℓℓ
   */
  sample(meanLevel: number, meanDrift: number, z1: number, z2: number): { level: number; drift: number } {
    const a = Math.sqrt(Math.max(0, this.ll));
    const c = a > 0 ? this.lb / a : 0;
    const d = Math.sqrt(Math.max(0, this.bb - c * c));
    return { level: meanLevel + a * z1, drift: meanDrift + c * z1 + d * z2 };
  }
}
