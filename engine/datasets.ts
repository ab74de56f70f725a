/**
 * Toy data sets. The four 2-D classification sets follow TensorFlow Playground's recipes (coordinates in
 * about [−6, 6]², `noise` in [0, 0.5] as the Playground's 0–50 slider / 100); inputs are n × dim row-major,
 * labels are n × 1 in {0, 1} (use `toSignedLabels` for the Playground's ±1).
 *
 * - circle: class 1 uniform in radius r ∈ [0, 2.5], class 0 in r ∈ [3.5, 5]; each point is labelled by
 *   whether it lies within 2.5 of the origin AFTER a uniform jitter of ±5·noise per axis (so noise flips
 *   labels near the boundary; the stored point has no jitter).
 * - xor: x, y ~ U(−5, 5) pushed 0.3 away from the axes; label [x·y ≥ 0] of the point jittered by ±5·noise.
 * - gaussian: two isotropic Gaussians at (2, 2) (class 1) and (−2, −2) (class 0), variance 0.5 + 7·noise.
 * - spiral: two interleaved arms r = 5·i/m, t = 3.5π·i/m (+π for class 0), jittered by ±noise per axis.
 */
import { createRng, type Rng } from "./rng";

/** The Playground's four 2-D classification sets. */
export type DatasetName = "circle" | "xor" | "gaussian" | "spiral";

/** Every data set name, in the Playground's order. */
export const datasetNames: readonly DatasetName[] = ["circle", "xor", "gaussian", "spiral"];

/** Display names for controls and captions. */
export const datasetLabels: Readonly<Record<DatasetName, string>> = {
  circle: "Circle",
  xor: "XOR",
  gaussian: "Two Gaussians",
  spiral: "Spiral",
};

/** n labelled points: X is n × dim, y is n × 1 class indices (in {0, 1} for the 2-D sets). */
export interface Dataset {
  /** Inputs, n × dim. */
  X: Float64Array;
  /** Class indices 0 … classes − 1, n × 1 (in {0, 1} when `classes` is absent). */
  y: Float64Array;
  n: number;
  dim: number;
  /** Number of classes of a multi-class set (the digits: 10); absent means two, labels in {0, 1}. */
  classes?: number;
}

/** Size, noise and seed of a generated 2-D set. */
export interface Dataset2dOptions {
  /** Number of points (default 500, the Playground's). */
  n?: number;
  /** Noise level in [0, 0.5] (default 0). */
  noise?: number;
  seed: number;
}

/** Generates one of the Playground's 2-D sets; the same options give the same bits. */
export function generate2d(name: DatasetName, options: Dataset2dOptions): Dataset {
  const { n = 500, noise = 0, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const rng = createRng(seed);
  const X = new Float64Array(2 * n);
  const y = new Float64Array(n);
  const put = (i: number, px: number, py: number, label: number): void => {
    X[2 * i] = px;
    X[2 * i + 1] = py;
    y[i] = label;
  };
  const half = Math.ceil(n / 2);
  switch (name) {
    case "circle": {
      const radius = 5;
      for (let i = 0; i < n; i++) {
        const inner = i < half;
        const r = inner ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
        const angle = rng.uniform(0, 2 * Math.PI);
        const px = r * Math.sin(angle);
        const py = r * Math.cos(angle);
        const jx = px + rng.uniform(-radius, radius) * noise;
        const jy = py + rng.uniform(-radius, radius) * noise;
        put(i, px, py, Math.hypot(jx, jy) < radius * 0.5 ? 1 : 0);
      }
      break;
    }
    case "xor": {
      const padding = 0.3;
      for (let i = 0; i < n; i++) {
        let px = rng.uniform(-5, 5);
        px += px > 0 ? padding : -padding;
        let py = rng.uniform(-5, 5);
        py += py > 0 ? padding : -padding;
        const jx = px + rng.uniform(-5, 5) * noise;
        const jy = py + rng.uniform(-5, 5) * noise;
        put(i, px, py, jx * jy >= 0 ? 1 : 0);
      }
      break;
    }
    case "gaussian": {
      const std = Math.sqrt(0.5 + 7 * noise);
      for (let i = 0; i < n; i++) {
        const c = i < half ? 2 : -2;
        put(i, c + std * rng.normal(), c + std * rng.normal(), i < half ? 1 : 0);
      }
      break;
    }
    case "spiral": {
      for (let i = 0; i < n; i++) {
        const first = i < half;
        const k = first ? i : i - half;
        const m = first ? half : n - half;
        const r = (k / m) * 5;
        const t = ((1.75 * k) / m) * 2 * Math.PI + (first ? 0 : Math.PI);
        put(
          i,
          r * Math.sin(t) + rng.uniform(-1, 1) * noise,
          r * Math.cos(t) + rng.uniform(-1, 1) * noise,
          first ? 1 : 0,
        );
      }
      break;
    }
  }
  return { X, y, n, dim: 2 };
}

/** n × dim inputs with independent N(0, 1) entries. */
export function standardNormalInputs(n: number, dim: number, rng: Rng): Float64Array {
  const X = new Float64Array(n * dim);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  return X;
}

/** Maps labels {0, 1} to {−1, 1} (2y − 1), as TF Playground's tanh output with ½·MSE expects. */
export function toSignedLabels(y: ArrayLike<number>): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = 2 * y[i] - 1;
  return out;
}

/** Fisher–Yates permutation of 0 … n−1 drawn from `rng`. */
export function permutation(n: number, rng: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Rows `indices` of a data set, as a new data set. */
export function selectRows(ds: Dataset, indices: ArrayLike<number>): Dataset {
  const m = indices.length;
  const X = new Float64Array(m * ds.dim);
  const y = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = indices[k];
    X.set(ds.X.subarray(i * ds.dim, (i + 1) * ds.dim), k * ds.dim);
    y[k] = ds.y[i];
  }
  return ds.classes === undefined
    ? { X, y, n: m, dim: ds.dim }
    : { X, y, n: m, dim: ds.dim, classes: ds.classes };
}

/**
 * Shuffles with `seed` and splits: the first round(trainFraction · n) shuffled rows train, the rest test
 * (the Playground's "ratio of training to test data", default 0.5).
 */
export function splitDataset(
  ds: Dataset,
  trainFraction: number,
  seed: number,
): { train: Dataset; test: Dataset } {
  if (!(trainFraction >= 0 && trainFraction <= 1)) throw new RangeError("trainFraction must lie in [0, 1]");
  const p = permutation(ds.n, createRng(seed));
  const cut = Math.round(trainFraction * ds.n);
  return { train: selectRows(ds, p.subarray(0, cut)), test: selectRows(ds, p.subarray(cut)) };
}

/**
 * n class indices as n × classes one-hot rows (row i has a 1 at column labels[i], 0 elsewhere); throws on an
 * index that is not an integer in 0 … classes − 1.
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Float64Array {
  if (!(Number.isInteger(classes) && classes > 0))
    throw new RangeError(`classes must be a positive integer, got ${classes}`);
  const out = new Float64Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(Number.isInteger(c) && c >= 0 && c < classes))
      throw new RangeError(`label ${c} at row ${i} is not a class index below ${classes}`);
    out[i * classes + c] = 1;
  }
  return out;
}

/**
 * Inputs and targets for training: n × 1 labels as {0, 1} ("binary") or {−1, 1} ("signed"), or n × classes
 * one-hot rows ("one-hot", for softmax cross-entropy; two classes when the set names none).
 */
export function asTrainingData(
  ds: Dataset,
  labels: "binary" | "signed" | "one-hot",
): { X: Float64Array; Y: Float64Array; n: number; dim: number; outputs: number } {
  if (labels === "one-hot") {
    const classes = ds.classes ?? 2;
    return { X: ds.X, Y: oneHot(ds.y, classes), n: ds.n, dim: ds.dim, outputs: classes };
  }
  return {
    X: ds.X,
    Y: labels === "signed" ? toSignedLabels(ds.y) : ds.y.slice(),
    n: ds.n,
    dim: ds.dim,
    outputs: 1,
  };
}

/** Each column of X (n × dim) shifted to mean 0 and scaled to variance 1, as a new array (constant columns are only shifted). */
export function standardizeColumns(X: Float64Array, n: number, dim: number): Float64Array {
  const out = new Float64Array(X.length);
  for (let j = 0; j < dim; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += X[i * dim + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (X[i * dim + j] - mean) ** 2;
    const scale = v > 0 ? 1 / Math.sqrt(v / n) : 1;
    for (let i = 0; i < n; i++) out[i * dim + j] = (X[i * dim + j] - mean) * scale;
  }
  return out;
}
