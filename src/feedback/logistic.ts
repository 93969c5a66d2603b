import { LeadrankError } from '../model/errors.js';

/** Options of {@link fitLogistic}. */
export interface FitLogisticOptions {
  /** L2 penalty on the standardised coefficients (never on the intercept). */
  l2: number;
  /** Newton steps at most. */
  maxIterations: number;
  /** Stop when no standardised coefficient moves more than this. */
  tolerance: number;
}

/** A fitted logistic model on the original feature scale: `logit p = intercept + Σ coefficients[j] · x[j]`. */
export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Mean penalised negative log-likelihood per row at the solution. */
  loss: number;
}

/**
 * Fits an L2-regularised logistic regression by Newton's method (IRLS) with step halving. Columns are
 * standardised before fitting so the penalty treats them alike; constant columns get a zero coefficient.
 * No randomness: the same rows in the same order give the same bits, and row order only changes
 * floating-point sums, not the solution beyond the tolerance.
 *
 * @param x - rows of features (all the same length)
 * @param y - 1 for a positive label, 0 for a negative one
 * @example
 * fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.1, maxIterations: 50, tolerance: 1e-9 }).coefficients[0] > 0 //=> true
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: FitLogisticOptions): LogisticFit {
  const n = x.length;
  const p = x[0]?.length ?? 0;
  if (n === 0 || y.length !== n || x.some((r) => r.length !== p)) {
    throw new LeadrankError('fitLogistic needs one label per row and rows of equal length', 'invalid_usage');
  }
  const mean = Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + (r[j] as number), 0) / n);
  const sd = mean.map((m, j) => Math.sqrt(x.reduce((s, r) => s + ((r[j] as number) - m) ** 2, 0) / n));
  const active = sd.map((s) => s > 1e-12);
  const z = x.map((r) => r.map((v, j) => (active[j] ? (v - (mean[j] as number)) / (sd[j] as number) : 0)));
  // beta[0] is the intercept; beta[1 + j] the standardised coefficient of column j.
  let beta = new Array<number>(p + 1).fill(0);
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  beta[0] = Math.log(Math.max(ybar, 1e-9) / Math.max(1 - ybar, 1e-9));
  let loss = objective(z, y, beta, options.l2);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    iterations += 1;
    const { grad, hess } = derivatives(z, y, beta, options.l2, active);
    const step = solveSymmetric(hess, grad);
    let t = 1;
    let next = beta.map((b, i) => b - t * (step[i] as number));
    let nextLoss = objective(z, y, next, options.l2);
    while (nextLoss > loss + 1e-15 && t > 1e-6) {
      t /= 2;
      next = beta.map((b, i) => b - t * (step[i] as number));
      nextLoss = objective(z, y, next, options.l2);
    }
    const moved = Math.max(...next.map((b, i) => Math.abs(b - (beta[i] as number))));
    beta = next;
    loss = nextLoss;
    if (moved <= options.tolerance) {
      converged = true;
      break;
    }
  }
  const coefficients = mean.map((_, j) => (active[j] ? (beta[1 + j] as number) / (sd[j] as number) : 0));
  const intercept = (beta[0] as number) - coefficients.reduce((s, c, j) => s + c * (mean[j] as number), 0);
  return { intercept, coefficients, iterations, converged, loss: loss / n };
}

function linear(row: readonly number[], beta: readonly number[]): number {
  let eta = beta[0] as number;
  for (let j = 0; j < row.length; j++) eta += (row[j] as number) * (beta[j + 1] as number);
  return eta;
}

function objective(z: readonly (readonly number[])[], y: readonly number[], beta: readonly number[], l2: number): number {
  let sum = 0;
  z.forEach((row, i) => {
    const eta = linear(row, beta);
    // log(1 + e^eta) − y·eta, computed without overflow.
    sum += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - (y[i] as number) * eta;
  });
  for (let j = 1; j < beta.length; j++) sum += (l2 / 2) * (beta[j] as number) ** 2;
  return sum;
}

function derivatives(z: readonly (readonly number[])[], y: readonly number[], beta: readonly number[], l2: number, active: readonly boolean[]) {
  const k = beta.length;
  const grad = new Array<number>(k).fill(0);
  const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  z.forEach((row, i) => {
    const prob = 1 / (1 + Math.exp(-linear(row, beta)));
    const w = Math.max(prob * (1 - prob), 1e-12);
    const r = prob - (y[i] as number);
    const full = [1, ...row];
    for (let a = 0; a < k; a++) {
      grad[a] = (grad[a] as number) + r * (full[a] as number);
      const ha = hess[a] as number[];
      for (let b = 0; b <= a; b++) ha[b] = (ha[b] as number) + w * (full[a] as number) * (full[b] as number);
    }
  });
  for (let a = 0; a < k; a++) {
    const ha = hess[a] as number[];
    for (let b = 0; b < a; b++) (hess[b] as number[])[a] = ha[b] as number;
    if (a > 0) {
      grad[a] = (grad[a] as number) + l2 * (beta[a] as number);
      // Constant columns are pinned to zero by a unit diagonal.
      ha[a] = (ha[a] as number) + (active[a - 1] ? l2 : 1);
    }
  }
  return { grad, hess };
}

/**
 * Solves `A x = b` for a symmetric positive definite `A` by Gaussian elimination with partial pivoting.
 *
 * @example
 * solveSymmetric([[2, 0], [0, 4]], [2, 2]) //=> [1, 0.5]
 */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const k = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[piv] as number[])[c] as number)) piv = r;
    [m[c], m[piv]] = [m[piv] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    const d = pr[c] as number;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = c + 1; r < k; r++) {
      const row = m[r] as number[];
      const f = (row[c] as number) / d;
      if (f === 0) continue;
      for (let j = c; j <= k; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
  }
  const out = new Array<number>(k).fill(0);
  for (let c = k - 1; c >= 0; c--) {
    const row = m[c] as number[];
    let s = row[k] as number;
    for (let j = c + 1; j < k; j++) s -= (row[j] as number) * (out[j] as number);
    const d = row[c] as number;
    out[c] = Math.abs(d) < 1e-300 ? 0 : s / d;
  }
  return out;
}
