/**
 * Claims (Overview, Xavier and He pages): how the variance of a signal changes layer by layer at
 * initialisation, forward (z and a) and backward (∂L/∂z and ∂L/∂W), for any activation × initializer × depth ×
 * width — Xavier + tanh roughly preserves it, He + ReLU preserves it, Xavier + ReLU halves it per layer,
 * PyTorch's nn.Linear default multiplies it by about 1/6 per ReLU layer, and Glorot's "standard" init shrinks
 * tanh activations going up while the weight-gradient variance stays flat (Glorot & Bengio 2010, eq. 14).
 *
 * Setup: `batch` inputs x ~ N(0, I) of dimension `width`, then `depth` dense layers width → width (or any
 * `widths`), every one followed by the activation; biases zero (Keras) or U(±1/√fan_in) (PyTorch), `bias`. Backward starts from a RANDOM gradient: ∂L/∂a^L ~ N(0, 1) i.i.d.
 * (the gradient of the random linear loss L = Σ g ⊙ a^L), so the backward statistics show how the network
 * itself scales gradients, independent of any particular loss. ∂L/∂z is per example (the backward signal of one
 * input, comparable with the forward one); ∂L/∂W is the MEAN over the batch, (1/B)·Σ_b δ_b a_bᵀ, what a
 * framework's mean loss gives for the weights (a sum over the batch would be B² times larger in variance).
 *
 * Theory (mean field, i.e. infinite width), per layer l = 1…L with σ_w² = Var W^l:
 *   Var z^l = n_in·σ_w²·E[a^{l−1}²] + σ_b²,  E[a^0²] = 1,  σ_b² = Var b^l (0, or 1/(3·n_in) for PyTorch),  E[a^l²] = E[f(z)²] for z ~ N(0, Var z^l)
 *   (ReLU: ½Var z; leaky ReLU: ½(1+α²)Var z; linear: Var z; tanh and sigmoid: by quadrature);
 *   Var ∂L/∂a^L = 1,  Var ∂L/∂z^l = Var ∂L/∂a^l · E[f′(z^l)²],  Var ∂L/∂a^{l−1} = n_out·σ_w²·Var ∂L/∂z^l;
 *   Var ∂L/∂W^l = Var ∂L/∂z^l · E[a^{l−1}²] / B  (the batch mean of B independent per-example products).
 * `linearRegime` is the same recursion with f treated as the identity near 0 (f′(0)² = 1 for tanh, as Glorot
 * derives it); it is null for sigmoid and ReLU-type activations, whose f′(0) is not 1 or which are not symmetric.
 */
import { activations, gaussianExpectation, type ActivationName } from "../activations";
import { standardNormalInputs } from "../datasets";
import {
  biasInits,
  initVariance,
  type BiasInitId,
  type InitializerId,
  type InitParams,
} from "../initializers";
import { backward, createNetwork, forward } from "../network";
import { createRng } from "../rng";
import { fractionSaturated, summarize, type Summary } from "../stats";

/** Options of the variance-by-depth experiment (defaults in `varianceByDepthDefaults`). */
export interface VarianceByDepthOptions {
  seed: number;
  /** Number of layers L (ignored when `widths` is given). */
  depth: number;
  /** Width of every layer and of the input (ignored when `widths` is given). */
  width: number;
  /**
   * Optional explicit widths [input, layer 1, …, layer L] for nets whose fan-in and fan-out differ (so that
   * fan_in / fan_out / fan_avg modes give different weights); overrides `depth` and `width`.
   */
  widths: number[] | null;
  activation: ActivationName;
  init: InitializerId;
  initParams: Partial<InitParams>;
  /** Number of input vectors. */
  batch: number;
  bins: number;
  leakySlope: number;
  /** How the biases start (initializers.biasInits): zeros (Keras) or U(±1/√fan_in) (PyTorch's layers). */
  bias: BiasInitId;
}

/** 10 tanh layers of 256 with Glorot uniform weights, 256 inputs. */
export const varianceByDepthDefaults: VarianceByDepthOptions = {
  seed: 1,
  depth: 10,
  width: 256,
  widths: null,
  activation: "tanh",
  init: "glorot-uniform",
  initParams: {},
  batch: 256,
  bins: 40,
  leakySlope: 0.01,
  bias: "zeros",
};

/** Measured statistics and predictions for one layer. */
export interface VarianceLayer {
  /** 1-based layer index l (z^l = W^l a^{l−1}). */
  layer: number;
  z: Summary;
  /**
   * The share of Var z that depends on the input: the mean over units of each unit's variance across the
   * batch, over Var z. Near 1 when every unit responds to the input; near 0 when z is a per-unit constant
   * (bias noise) whatever the input.
   */
  inputShare: number;
  /** Share of units saturated (stats.fractionSaturated: f′(z) < 2 % of f′(0)); null for ReLU-like activations. */
  saturated: number | null;
  a: Summary;
  dz: Summary;
  dW: Summary;
  /** Mean-field predictions of Var z^l, E[(a^l)²], Var ∂L/∂z^l and Var ∂L/∂W^l. */
  predicted: { varZ: number; meanSquareA: number; varDz: number; varDW: number };
  /** Linear-regime predictions (tanh/linear), null where f′(0) ≠ 1 or f is not odd. */
  linearRegime: { varZ: number; varDz: number } | null;
}

/** Per-layer statistics of one network at initialisation. */
export interface VarianceByDepthResult {
  options: VarianceByDepthOptions;
  /** Widths [input, layer 1, …, layer L]. */
  sizes: number[];
  /** Var W^l of each layer for its fans (the registry's closed form). */
  weightVariance: number[];
  /** fan_in · Var W^l: the forward factor of layer l before the activation. */
  forwardGain: number[];
  /** fan_out · Var W^l: the backward factor of layer l before the activation. */
  backwardGain: number[];
  layers: VarianceLayer[];
}

/** E[f(z)²] and E[f′(z)²] for z ~ N(0, q): closed forms for linear and (leaky) ReLU, quadrature otherwise. */
export function activationMoments(
  name: ActivationName,
  q: number,
  slope = 0.01,
): { f2: number; df2: number } {
  switch (name) {
    case "linear":
      return { f2: q, df2: 1 };
    case "relu":
      return { f2: q / 2, df2: 1 / 2 };
    case "leaky_relu":
      return { f2: ((1 + slope * slope) * q) / 2, df2: (1 + slope * slope) / 2 };
    default: {
      const { f, df } = activations[name];
      return { f2: gaussianExpectation((z) => f(z) ** 2, q), df2: gaussianExpectation((z) => df(z) ** 2, q) };
    }
  }
}

/** Mean over units of each unit's variance across the batch, over the variance of all entries (row-major B × n). */
function inputShare(z: Float64Array, batch: number, units: number): number {
  let total = 0;
  let totalSq = 0;
  let within = 0;
  for (let j = 0; j < units; j++) {
    let m = 0;
    for (let b = 0; b < batch; b++) m += z[b * units + j]!;
    m /= batch;
    let v = 0;
    for (let b = 0; b < batch; b++) {
      const x = z[b * units + j]!;
      v += (x - m) ** 2;
      total += x;
      totalSq += x * x;
    }
    within += v / batch;
  }
  const n = batch * units;
  const variance = totalSq / n - (total / n) ** 2;
  return variance > 0 ? within / units / variance : NaN;
}

/** Forward and backward per-layer statistics at initialisation, with the mean-field prediction alongside. */
export function runVarianceByDepth(options: Partial<VarianceByDepthOptions> = {}): VarianceByDepthResult {
  const o = { ...varianceByDepthDefaults, ...options };
  const { batch } = o;
  const sizes = o.widths ?? new Array<number>(o.depth + 1).fill(o.width);
  const depth = sizes.length - 1;
  const rng = createRng(o.seed);
  const net = createNetwork({
    sizes,
    hidden: o.activation,
    output: o.activation,
    init: o.init,
    initParams: o.initParams,
    leakySlope: o.leakySlope,
    bias: { kind: o.bias },
    rng,
  });
  const X = standardNormalInputs(batch, sizes[0], rng);
  const trace = forward(net, X, batch);
  const g = standardNormalInputs(batch, sizes[depth], rng);
  const grads = backward(net, trace, g);
  // backward() sums ∂L/∂W over the batch; the convention here is the batch mean (see the header)
  for (const dW of grads.dW) for (let i = 0; i < dW.length; i++) dW[i]! /= batch;

  const weightVariance = net.layers.map((_, l) =>
    initVariance(o.init, { fanIn: sizes[l], fanOut: sizes[l + 1] }, o.initParams),
  );
  const forwardGain = weightVariance.map((v, l) => sizes[l] * v);
  const biasVariance = net.layers.map((_, l) => biasInits[o.bias].variance(sizes[l]));
  const backwardGain = weightVariance.map((v, l) => sizes[l + 1] * v);
  // Mean-field recursions, forward then backward.
  const varZ: number[] = [];
  const meanSquareA: number[] = [];
  const df2: number[] = [];
  let prevA2 = 1;
  for (let l = 0; l < depth; l++) {
    const q = forwardGain[l] * prevA2 + biasVariance[l];
    const m = activationMoments(o.activation, q, o.leakySlope);
    varZ.push(q);
    meanSquareA.push(m.f2);
    df2.push(m.df2);
    prevA2 = m.f2;
  }
  const varDz = new Array<number>(depth);
  let varDa = 1;
  for (let l = depth - 1; l >= 0; l--) {
    varDz[l] = varDa * df2[l];
    varDa = backwardGain[l] * varDz[l];
  }
  const linear = o.activation === "tanh" || o.activation === "linear";
  const product = (xs: number[]): number => xs.reduce((p, x) => p * x, 1);

  const layers: VarianceLayer[] = [];
  for (let l = 0; l < depth; l++) {
    const inputA2 = l === 0 ? 1 : meanSquareA[l - 1];
    layers.push({
      layer: l + 1,
      z: summarize(trace.z[l], { bins: o.bins }),
      inputShare: inputShare(trace.z[l], batch, sizes[l + 1]),
      saturated: fractionSaturated(o.activation, trace.a[l + 1]),
      a: summarize(trace.a[l + 1], { bins: o.bins }),
      dz: summarize(grads.dz[l], { bins: o.bins }),
      dW: summarize(grads.dW[l], { bins: o.bins }),
      predicted: {
        varZ: varZ[l],
        meanSquareA: meanSquareA[l],
        varDz: varDz[l],
        varDW: (varDz[l] * inputA2) / batch,
      },
      linearRegime: linear
        ? { varZ: product(forwardGain.slice(0, l + 1)), varDz: product(backwardGain.slice(l + 1)) }
        : null,
    });
  }
  return { options: o, sizes, weightVariance, forwardGain, backwardGain, layers };
}

/**
 * Geometric-mean factor by which Var z changes per layer: (Var z^L / Var z^1)^(1/(L−1)).
 * ½ for Xavier + ReLU, 1/6 for PyTorch's default + ReLU, 1 for He + ReLU (up to finite-width noise).
 */
export function perLayerFactor(result: VarianceByDepthResult): number {
  const { layers } = result;
  return Math.pow(layers[layers.length - 1].z.variance / layers[0].z.variance, 1 / (layers.length - 1));
}
