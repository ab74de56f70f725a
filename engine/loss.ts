/**
 * Losses over a batch. Predictions ŷ and targets y are `Float64Array`s of shape batch × outputs (row-major);
 * every loss is summed over outputs and AVERAGED over the batch, and returns ∂L/∂ŷ of the same shape.
 */
import { sigmoid } from "./activations";

/** ½·MSE (TF Playground's) or binary cross-entropy on logits. */
export type LossName = "half-mse" | "bce-logits";

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
  /** Labels this loss expects: ±1 for ½·MSE with a tanh output (as TF Playground), 0/1 for cross-entropy. */
  readonly labels: "signed" | "binary";
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

/** Dispatches on the loss name; see `halfMse` and `bceWithLogits` for the equations. */
export function lossInto(
  name: LossName,
  yhat: Float64Array,
  y: Float64Array,
  batch: number,
  grad: Float64Array = new Float64Array(yhat.length),
): LossResult {
  return name === "half-mse" ? halfMse(yhat, y, batch, grad) : bceWithLogits(yhat, y, batch, grad);
}

/** Loss of the best constant prediction for targets y (a baseline to judge "learning"): ½Var y, or the label entropy. */
export function constantPredictorLoss(name: LossName, y: ArrayLike<number>): number {
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
