/**
 * Losses over a batch. Predictions ŷ and targets y are `Float64Array`s of shape batch × outputs (row-major);
 * every loss is summed over outputs and AVERAGED over the batch, and returns ∂L/∂ŷ of the same shape.
 * Softmax cross-entropy treats each row of ŷ as the logits of one multi-class prediction (outputs = classes).
 */
import { sigmoid } from "./activations";

/** ½·MSE (TF Playground's), binary cross-entropy on logits, or softmax cross-entropy on multi-class logits. */
export type LossName = "half-mse" | "bce-logits" | "softmax-ce";

/** A batch loss and its gradient with respect to the predictions. */
export interface LossResult {
  /** L, averaged over the batch. */
  value: number;
  /** ∂L/∂ŷ, batch × outputs (already divided by the batch size). */
  grad: Float64Array;
}

/** What controls need to know about a loss. */
export interface LossInfo {
  readonly name: LossName;
  readonly label: string;
  readonly tex: string;
  /**
   * Labels this loss expects: ±1 for ½·MSE with a tanh output (as TF Playground), 0/1 for binary
   * cross-entropy, one row of `classes` 0/1 entries with a single 1 for softmax cross-entropy.
   */
  readonly labels: "signed" | "binary" | "one-hot";
}

/** The loss registry: labels and TeX for controls; the math lives in `lossInto`. */
export const losses: Readonly<Record<LossName, LossInfo>> = {
  "half-mse": {
    name: "half-mse",
    label: "½ · squared error",
    tex: String.raw`L = \frac{1}{B}\sum_b \tfrac12 (\hat y_b - y_b)^2`,
    labels: "signed",
  },
  "bce-logits": {
    name: "bce-logits",
    label: "Binary cross-entropy (logits)",
    tex: String.raw`L = \frac{1}{B}\sum_b \log(1 + e^{\hat y_b}) - y_b \hat y_b`,
    labels: "binary",
  },
  "softmax-ce": {
    name: "softmax-ce",
    label: "Softmax cross-entropy (logits)",
    tex: String.raw`L = \frac{1}{B}\sum_b \Big(\log \sum_c e^{\hat y_{bc}} - \sum_c y_{bc} \hat y_{bc}\Big)`,
    labels: "one-hot",
  },
};

/**
 * ½·MSE as TF Playground uses it: L = (1/B) Σ_b Σ_o ½(ŷ_bo − y_bo)², ∂L/∂ŷ_bo = (ŷ_bo − y_bo)/B.
 * Writes the gradient into `grad` (allocated if omitted).
 */
export function halfMse(
  yhat: Float64Array,
  y: Float64Array,
  batch: number,
  grad: Float64Array = new Float64Array(yhat.length),
): LossResult {
  const inv = 1 / batch;
  let sum = 0;
  for (let i = 0; i < yhat.length; i++) {
    const d = yhat[i] - y[i];
    sum += 0.5 * d * d;
    grad[i] = d * inv;
  }
  return { value: sum * inv, grad };
}

/**
 * Binary cross-entropy on logits ŷ with targets y ∈ [0, 1]:
 * L = (1/B) Σ [softplus(ŷ) − y·ŷ], softplus(t) = max(t, 0) + log1p(e^(−|t|)) (never overflows);
 * ∂L/∂ŷ = (σ(ŷ) − y)/B.
 */
export function bceWithLogits(
  yhat: Float64Array,
  y: Float64Array,
  batch: number,
  grad: Float64Array = new Float64Array(yhat.length),
): LossResult {
  const inv = 1 / batch;
  let sum = 0;
  for (let i = 0; i < yhat.length; i++) {
    const t = yhat[i];
    sum += Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))) - y[i] * t;
    grad[i] = (sigmoid(t) - y[i]) * inv;
  }
  return { value: sum * inv, grad };
}

/**
 * Softmax cross-entropy on logits: each of the `batch` rows of ŷ holds C = ŷ.length / batch logits and each
 * row of y a target distribution (one-hot labels). With the log-sum-exp taken about the row's maximum m,
 * lse_b = m + log Σ_c e^(ŷ_bc − m) (no exponent exceeds 0, so nothing overflows and the sum is ≥ 1),
 * L = (1/B) Σ_b Σ_c y_bc (lse_b − ŷ_bc) and ∂L/∂ŷ_bc = (s_b·p_bc − y_bc)/B, with p = softmax(ŷ_b) and
 * s_b = Σ_c y_bc (= 1 for one-hot rows, giving the familiar (p − y)/B).
 */
export function softmaxCrossEntropy(
  yhat: Float64Array,
  y: Float64Array,
  batch: number,
  grad: Float64Array = new Float64Array(yhat.length),
): LossResult {
  const classes = rowWidth(yhat.length, batch);
  const inv = 1 / batch;
  let sum = 0;
  for (let b = 0; b < batch; b++) {
    const o = b * classes;
    let m = -Infinity;
    for (let c = 0; c < classes; c++) m = Math.max(m, yhat[o + c]);
    let z = 0;
    for (let c = 0; c < classes; c++) z += Math.exp(yhat[o + c] - m);
    const lse = m + Math.log(z);
    let s = 0;
    for (let c = 0; c < classes; c++) {
      const t = y[o + c];
      s += t;
      if (t !== 0) sum += t * (lse - yhat[o + c]);
    }
    for (let c = 0; c < classes; c++) grad[o + c] = (s * Math.exp(yhat[o + c] - lse) - y[o + c]) * inv;
  }
  return { value: sum * inv, grad };
}

function rowWidth(length: number, batch: number): number {
  if (!(Number.isInteger(batch) && batch > 0 && length % batch === 0))
    throw new RangeError(`${length} outputs do not split into ${batch} rows`);
  return length / batch;
}

/**
 * Share of the n rows of `logits` (n × classes, row-major) whose largest logit (the first, on ties) sits at
 * the row's label; `labels` holds n class indices 0 … classes − 1.
 */
export function accuracy(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
): number {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(classes) && classes > 0))
    throw new RangeError(`classes must be a positive integer, got ${classes}`);
  if (logits.length !== n * classes)
    throw new RangeError(`expected ${n} × ${classes} logits, got ${logits.length}`);
  if (labels.length !== n) throw new RangeError(`expected ${n} labels, got ${labels.length}`);
  let right = 0;
  for (let i = 0; i < n; i++) {
    const o = i * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[o + c] > logits[o + best]) best = c;
    if (best === labels[i]) right++;
  }
  return right / n;
}

/** Dispatches on the loss name; see `halfMse`, `bceWithLogits` and `softmaxCrossEntropy` for the equations. */
export function lossInto(
  name: LossName,
  yhat: Float64Array,
  y: Float64Array,
  batch: number,
  grad: Float64Array = new Float64Array(yhat.length),
): LossResult {
  switch (name) {
    case "half-mse":
      return halfMse(yhat, y, batch, grad);
    case "bce-logits":
      return bceWithLogits(yhat, y, batch, grad);
    case "softmax-ce":
      return softmaxCrossEntropy(yhat, y, batch, grad);
  }
}

/**
 * Loss of the best constant prediction for targets y (a baseline to judge "learning"): ½Var y, the label
 * entropy for BCE, or for softmax cross-entropy the entropy −Σ_c p_c ln p_c of the class frequencies p (the
 * column means of y, read as rows of `outputs` entries).
 */
export function constantPredictorLoss(name: LossName, y: ArrayLike<number>, outputs = 1): number {
  if (name === "softmax-ce") {
    if (!(Number.isInteger(outputs) && outputs > 0 && y.length % outputs === 0))
      throw new RangeError(`${y.length} targets do not form rows of ${outputs}`);
    const rows = y.length / outputs;
    let h = 0;
    for (let c = 0; c < outputs; c++) {
      let p = 0;
      for (let i = 0; i < rows; i++) p += y[i * outputs + c];
      p /= rows;
      if (p > 0) h -= p * Math.log(p);
    }
    return h;
  }
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  if (name === "half-mse") {
    let v = 0;
    for (let i = 0; i < y.length; i++) v += (y[i] - mean) ** 2;
    return (0.5 * v) / y.length;
  }
  if (mean <= 0 || mean >= 1) return 0;
  return -(mean * Math.log(mean) + (1 - mean) * Math.log(1 - mean));
}
