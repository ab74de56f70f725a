/**
 * Mean-field signal propagation (Poole et al. 2016, arXiv 1606.05340; Schoenholz et al. 2017, arXiv 1611.01232)
 * and dynamical isometry (Saxe et al. 2013; Pennington, Schoenholz & Ganguli 2017, arXiv 1711.04735): the
 * infinite-width theory of how a deep random MLP's pre-activation lengths, the correlation of two inputs and
 * the input–output Jacobian's singular values evolve with depth, and the same quantities measured on the
 * engine's own finite networks.
 *
 * Setup: h^1 = W^1 x + b^1, h^l = W^l φ(h^{l−1}) + b^l, W^l_ij ~ N(0, σ_w²/n) (or σ_w·orthogonal), b^l_i ~ N(0, σ_b²).
 * With z ~ N(0, 1) and E by Gauss–Hermite quadrature:
 *   length map        q^l = L(q^{l−1}) = σ_w² E[φ(√q^{l−1} z)²] + σ_b²,   q^1 = σ_w² ‖x‖²/n + σ_b²;
 *   correlation map   c^l = (σ_w² E[φ(u₁)φ(u₂)] + σ_b²) / q^l,  (u₁, u₂) ~ N(0, q^{l−1}·[[1, c^{l−1}], [c^{l−1}, 1]]);
 *   χ₁ = σ_w² E[φ′(√q* z)²] (the per-layer growth of ‖δ‖² backward, and the c-map's slope at c = 1);
 *   L′(q*) = σ_w² E[φ′(√q* z)² + φ(√q* z)φ″(√q* z)] (Schoenholz eq. 5), ξ_q = −1/ln L′(q*);
 *   χ_c = σ_w² E[φ′(u₁)φ′(u₂)] at the fixed point c*, ξ_c = −1/ln χ_c (Schoenholz eq. 9); χ_c = χ₁ when c* = 1.
 * L′ is computed without φ″ through Stein's lemma, E[z·f(√q z)] = √q·E[f′(√q z)] with f = φφ′:
 * L′(q) = σ_w² E[z·φ(√q z)φ′(√q z)]/√q, so every activation of the registry (kinks included) works with
 * only its `f` and `df`.
 *
 * χ₁ < 1 is the ordered phase (nearby inputs converge, gradients vanish), χ₁ > 1 the chaotic one (they
 * decorrelate, gradients explode); χ₁ = 1 is the edge of chaos, where ξ_c diverges.
 */
import { activations, DEFAULT_LEAKY_SLOPE, type ActivationName } from "./activations";
import { matmul, singularValues, tridiagonalEigen } from "./linalg";
import { activationOf, createNetwork, forward, type Network } from "./network";
import { createRng, type Rng } from "./rng";

/** A Gauss–Hermite rule for the standard normal: E[g(z)] ≈ Σ weights[i]·g(nodes[i]), exact for polynomials of degree < 2·order. */
export interface GaussHermiteRule {
  /** Nodes, ascending and exactly symmetric (nodes[i] = −nodes[order − 1 − i]). */
  readonly nodes: Float64Array;
  /** Weights, positive, symmetric, summing to 1. */
  readonly weights: Float64Array;
}

/** Quadrature order used unless a caller passes one: exact for polynomials of degree ≤ 95. */
const DEFAULT_ORDER = 48;
const MAX_ORDER = 256;
const rules = new Map<number, GaussHermiteRule>();

/**
 * The `order`-point Gauss–Hermite rule for the probabilists' weight e^(−z²/2)/√(2π), by Golub–Welsch: the
 * monic Hermite polynomials satisfy He_{k+1}(z) = z·He_k(z) − k·He_{k−1}(z), so the nodes are the eigenvalues of
 * the symmetric tridiagonal Jacobi matrix with zero diagonal and off-diagonal √1, √2, …, √(order − 1), and each
 * weight is the squared first component of its unit eigenvector. Nodes and weights are then symmetrised
 * (averaged with their mirror images), so odd moments vanish exactly and a function's two halves are weighted
 * alike (E[relu(z)²] = ½ to rounding for every even order). Cached per order.
 *
 * Accuracy: exponential for entire integrands (E cos z to 1e-16), slower for tanh, whose poles at ±iπ/(2√q)
 * approach the real axis as q grows: at order 48 about 1e-8 at q = 1 and 1e-5 at q = 2.5 for the mean-field
 * integrands (pass a higher `order` for more).
 */
export function gaussHermite(order: number): GaussHermiteRule {
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER)
    throw new RangeError(`Gauss–Hermite order must be an integer in 1…${MAX_ORDER}, got ${order}`);
  const cached = rules.get(order);
  if (cached) return cached;
  const off = Float64Array.from({ length: order - 1 }, (_, k) => Math.sqrt(k + 1));
  const { values, vectors } = tridiagonalEigen(new Float64Array(order), off, true);
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  for (let i = 0; i < order; i++) weights[i] = vectors![i] ** 2; // row 0, column i
  for (let i = 0; i < Math.ceil(order / 2); i++) {
    const j = order - 1 - i;
    const x = i === j ? 0 : (values[j] - values[i]) / 2;
    const w = (weights[i] + weights[j]) / 2;
    nodes[i] = -x;
    nodes[j] = x;
    weights[i] = w;
    weights[j] = w;
  }
  let total = 0;
  for (let i = 0; i < order; i++) total += weights[i];
  for (let i = 0; i < order; i++) weights[i] /= total;
  const rule = { nodes, weights };
  rules.set(order, rule);
  return rule;
}

/** E[g(√q·z)] for z ~ N(0, 1), q ≥ 0, by `order`-point Gauss–Hermite quadrature. */
export function gaussExpect(g: (u: number) => number, q: number, order = DEFAULT_ORDER): number {
  if (!(q >= 0)) throw new RangeError(`variance must be ≥ 0, got ${q}`);
  const { nodes, weights } = gaussHermite(order);
  const s = Math.sqrt(q);
  let sum = 0;
  for (let i = 0; i < order; i++) sum += weights[i] * g(s * nodes[i]);
  return sum;
}

/** A Gauss rule Σ weights[i]·h(nodes[i]) for ∫ w(x)·h(x) dx, from the Jacobi matrix of w's orthogonal polynomials. */
function golubWelsch(
  diag: Float64Array,
  off: Float64Array,
  mass: number,
): { nodes: Float64Array; weights: Float64Array } {
  const { values, vectors } = tridiagonalEigen(diag, off, true);
  const n = diag.length;
  return { nodes: values, weights: Float64Array.from({ length: n }, (_, i) => mass * vectors![i] ** 2) };
}

const legendreRules = new Map<number, { nodes: Float64Array; weights: Float64Array }>();
const laguerreRules = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

/** Gauss–Legendre on [−1, 1] (P_{k+1} recurrence: off-diagonal k/√(4k² − 1), total mass 2). Cached. */
function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  let rule = legendreRules.get(n);
  if (!rule) {
    const off = Float64Array.from({ length: n - 1 }, (_, k) => (k + 1) / Math.sqrt(4 * (k + 1) ** 2 - 1));
    legendreRules.set(n, (rule = golubWelsch(new Float64Array(n), off, 2)));
  }
  return rule;
}

/** Gauss–Laguerre for ∫₀^∞ e^(−t)·h(t) dt (diagonal 2k + 1, off-diagonal k, total mass 1). Cached. */
function gaussLaguerre(n: number): { nodes: Float64Array; weights: Float64Array } {
  let rule = laguerreRules.get(n);
  if (!rule) {
    const diag = Float64Array.from({ length: n }, (_, k) => 2 * k + 1);
    const off = Float64Array.from({ length: n - 1 }, (_, k) => k + 1);
    laguerreRules.set(n, (rule = golubWelsch(diag, off, 1)));
  }
  return rule;
}

/**
 * The polar rule of `gaussExpect2`: with (z₁, z₂) = r(cos θ, sin θ), u₁ = √q1·r·cos θ and
 * u₂ = √q2·r·cos(θ − θ_c), θ_c = arccos c, so the kinks of ReLU-type activations (u₁ = 0, u₂ = 0) lie on the fixed
 * rays θ = π/2 and θ = θ_c + π/2. Folding opposite rays together,
 *   E[g] = (1/2π) ∫₀^π dθ ∫₀^∞ e^(−t) [g(r·e_θ) + g(−r·e_θ)] dt,   r = √(2t),
 * where the bracket is even in r. θ is split at the kink rays (Gauss–Legendre, ⌈order/3⌉ points per piece) and
 * t takes ⌈order/2⌉-point Gauss–Laguerre, so piecewise-polynomial integrands (ReLU's products) are integrated
 * exactly. Smooth saturating ones converge more slowly here than on the Hermite grid (tanh² at q = 4: 1e-4 at
 * order 48), because in t their poles sit near the origin.
 */
function polarExpect2(
  g: (u1: number, u2: number) => number,
  q1: number,
  q2: number,
  c: number,
  order: number,
): number {
  const radial = gaussLaguerre(Math.ceil(order / 2));
  const angular = gaussLegendre(Math.ceil(order / 3));
  const s1 = Math.sqrt(q1);
  const s2 = Math.sqrt(q2);
  const thetaC = Math.acos(c);
  const kink = (thetaC + Math.PI / 2) % Math.PI;
  const cuts = [0, Math.min(kink, Math.PI / 2), Math.max(kink, Math.PI / 2), Math.PI];
  const nr = radial.nodes.length;
  const radii = Float64Array.from(radial.nodes, (t) => Math.sqrt(2 * t));
  let total = 0;
  for (let piece = 0; piece < 3; piece++) {
    const a = cuts[piece];
    const b = cuts[piece + 1];
    if (b - a <= 0) continue;
    const half = (b - a) / 2;
    const mid = (a + b) / 2;
    let arc = 0;
    for (let k = 0; k < angular.nodes.length; k++) {
      const theta = mid + half * angular.nodes[k];
      const d1 = s1 * Math.cos(theta);
      const d2 = s2 * Math.cos(theta - thetaC);
      let ray = 0;
      for (let i = 0; i < nr; i++) {
        const r = radii[i];
        ray += radial.weights[i] * (g(r * d1, r * d2) + g(-r * d1, -r * d2));
      }
      arc += angular.weights[k] * ray;
    }
    total += half * arc;
  }
  return total / (2 * Math.PI);
}

/**
 * E[g(u₁, u₂)] for a centred bivariate normal with Var u₁ = q1, Var u₂ = q2 and correlation c ∈ [−1, 1].
 *
 * "hermite" (default): the product Gauss–Hermite rule on u₁ = √q1·z₁, u₂ = √q2·(c·z₁ + √(1 − c²)·z₂), order²
 * points; fast convergence for smooth g (tanh, sigmoid, GELU, SiLU), and at c = ±1 exactly the 1-D rule.
 * "polar": for g with kinks on u₁ = 0 or u₂ = 0 (ReLU, leaky ReLU), where the Hermite grid straddles the kink and
 * converges slowly (≈1e-3 relative error for E[relu·relu] at order 48); see polarExpect2.
 */
export function gaussExpect2(
  g: (u1: number, u2: number) => number,
  q1: number,
  q2: number,
  c: number,
  order = DEFAULT_ORDER,
  rule: "hermite" | "polar" = "hermite",
): number {
  if (!(q1 >= 0 && q2 >= 0)) throw new RangeError(`variances must be ≥ 0, got ${q1}, ${q2}`);
  if (!(Math.abs(c) <= 1)) throw new RangeError(`correlation must lie in [−1, 1], got ${c}`);
  if (rule === "polar") {
    if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER)
      throw new RangeError(`quadrature order must be an integer in 1…${MAX_ORDER}, got ${order}`);
    return polarExpect2(g, q1, q2, c, order);
  }
  const { nodes, weights } = gaussHermite(order);
  const s1 = Math.sqrt(q1);
  const s2 = Math.sqrt(q2);
  const a = s2 * c;
  const b = s2 * Math.sqrt(Math.max(0, 1 - c * c));
  let sum = 0;
  for (let i = 0; i < order; i++) {
    const u1 = s1 * nodes[i];
    const base = a * nodes[i];
    let inner = 0;
    for (let j = 0; j < order; j++) inner += weights[j] * g(u1, base + b * nodes[j]);
    sum += weights[i] * inner;
  }
  return sum;
}

/** A point of the (σ_w², σ_b²) plane for one activation of the registry. */
export interface MeanFieldParams {
  activation: ActivationName;
  /** σ_w²: Var W_ij = σ_w²/n. */
  sigmaW2: number;
  /** σ_b²: Var b_i. */
  sigmaB2: number;
  /** Leaky ReLU's α (ignored by the others); default DEFAULT_LEAKY_SLOPE. */
  slope?: number;
  /** Gauss–Hermite order; default 48. */
  order?: number;
}

/** φ and φ′ of the parameters' activation, with the leaky slope bound. */
function phiOf(p: MeanFieldParams): {
  f: (u: number) => number;
  df: (u: number) => number;
  rule: "hermite" | "polar";
} {
  const act = activations[p.activation];
  const slope = p.slope ?? DEFAULT_LEAKY_SLOPE;
  const kinked = p.activation === "relu" || p.activation === "leaky_relu";
  return { f: (u) => act.f(u, slope), df: (u) => act.df(u, slope), rule: kinked ? "polar" : "hermite" };
}

/** The length map L(q) = σ_w² E[φ(√q z)²] + σ_b²: the next layer's pre-activation variance. */
export function lengthMap(p: MeanFieldParams, q: number): number {
  const { f } = phiOf(p);
  return p.sigmaW2 * gaussExpect((u) => f(u) ** 2, q, p.order) + p.sigmaB2;
}

/** L′(q) = σ_w² E[φ′² + φφ″] = σ_w² E[z·φ(√q z)φ′(√q z)]/√q (Stein's lemma; q > 0). */
function lengthSlope(p: MeanFieldParams, q: number): number {
  const { f, df } = phiOf(p);
  const s = Math.sqrt(q);
  const { nodes, weights } = gaussHermite(p.order ?? DEFAULT_ORDER);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const u = s * nodes[i];
    sum += weights[i] * nodes[i] * f(u) * df(u);
  }
  return (p.sigmaW2 * sum) / s;
}

/** σ_w² E[φ′(√q z)²]: χ₁ at q. */
function chiAt(p: MeanFieldParams, q: number): number {
  const { df } = phiOf(p);
  return p.sigmaW2 * gaussExpect((u) => df(u) ** 2, q, p.order);
}

/**
 * The correlation map from a layer whose two inputs both have pre-activation variance `qPrev` and correlation c
 * to the next: (σ_w² E[φ(u₁)φ(u₂)] + σ_b²) / qNext, with qNext = L(qPrev) unless given (at the fixed point
 * qPrev = qNext = q*).
 */
export function correlationMap(
  p: MeanFieldParams,
  c: number,
  qPrev: number,
  qNext = lengthMap(p, qPrev),
): number {
  const { f, rule } = phiOf(p);
  const e = gaussExpect2((u1, u2) => f(u1) * f(u2), qPrev, qPrev, c, p.order, rule);
  return (p.sigmaW2 * e + p.sigmaB2) / qNext;
}

/** Slope of `correlationMap` in c (Price's theorem: ∂E[φ(u₁)φ(u₂)]/∂c = qPrev·E[φ′(u₁)φ′(u₂)]). */
function correlationSlope(p: MeanFieldParams, c: number, qPrev: number, qNext: number): number {
  const { df, rule } = phiOf(p);
  return (
    (p.sigmaW2 * qPrev * gaussExpect2((u1, u2) => df(u1) * df(u2), qPrev, qPrev, c, p.order, rule)) / qNext
  );
}

/** Where the length map's iteration from q⁰ ends up. */
export type LengthStatus = "stationary" | "vanishing" | "exploding";

/** The mean-field summary of one (activation, σ_w², σ_b²) point, reached from a first-layer variance q⁰. */
export interface MeanFieldPoint {
  /**
   * "stationary": q^l → q* ∈ (0, ∞) (for ReLU with σ_b² = 0, σ_w² = 2 every q is fixed and q* = q⁰);
   * "vanishing": q^l → 0 (σ_b² = 0 with a subcritical slope at 0, e.g. tanh σ_w² < 1, ReLU σ_w² < 2);
   * "exploding": q^l → ∞ (ReLU-like activations with σ_w² above the critical value; linear with σ_w² ≥ 1).
   */
  status: LengthStatus;
  /** q* (0 or Infinity outside the stationary status). */
  qStar: number;
  /** χ₁ = σ_w² E[φ′(√q* z)²]; for q* = 0 or ∞ its limit q → 0⁺ or q → ∞ (ReLU: σ_w²/2 in every case). */
  chi1: number;
  /** L′(q*) (its limit when q* is 0 or ∞). */
  lengthSlope: number;
  /** ξ_q = −1/ln L′(q*); Infinity when L′ ≥ 1 (q never settles geometrically). */
  xiQ: number;
  /**
   * The stable fixed point c* of the correlation map: 1 when its slope at c = 1 is ≤ 1, otherwise the root in
   * [0, 1) (unique: on [0, 1] the map is convex with non-negative Hermite coefficients and c ↦ 1 at c = 1).
   * When q* is 0 or ∞ the map is taken between consecutive layers in that limit (q^{l−1} = q, q^l = L(q)),
   * where ReLU's, and tanh's at q → 0, have slope 1 at c = 1: c* = 1, approached only polynomially (ξ_c = ∞).
   */
  cStar: number;
  /** χ_c: the correlation map's slope at c* (σ_w² E[φ′(u₁)φ′(u₂)] at the fixed point; χ₁ when c* = 1 and q* is finite). */
  chiC: number;
  /** ξ_c = −1/ln χ_c: the depth over which 1 − c (ordered) or c − c* (chaotic) shrinks by e; Infinity at χ_c ≥ 1. */
  xiC: number;
  /** By χ₁: "ordered" below 1, "chaotic" above, "critical" within 1e-9 of 1. */
  phase: "ordered" | "critical" | "chaotic";
}

/** Relative tolerance for "L(q) = q" and the bisections' stopping width. */
const FIXED_TOL = 1e-13;
/** Below this q the iteration counts as vanishing, above Q_HUGE as exploding; limits are evaluated there. */
const Q_TINY = 1e-200;
const Q_HUGE = 1e200;
const Q_BRACKET_MIN = 1e-150;
const Q_BRACKET_MAX = 1e150;

/**
 * q* and status of the length map's iteration q^{l+1} = L(q^l) from q⁰ (≥ 0; the first layer's pre-activation
 * variance). L is increasing for every registry activation, so the iteration moves monotonically toward the
 * nearest fixed point in the direction L(q⁰) − q⁰ points: that point is bracketed by doubling (or halving)
 * and then bisected to FIXED_TOL, which is fast even at the edge of chaos where plain iteration crawls.
 */
export function lengthFixedPoint(p: MeanFieldParams, q0 = 1): { qStar: number; status: LengthStatus } {
  if (!(q0 >= 0 && Number.isFinite(q0))) throw new RangeError(`q⁰ must be finite and ≥ 0, got ${q0}`);
  const gap = (q: number): number => lengthMap(p, q) - q;
  const isFixed = (q: number): boolean => Math.abs(gap(q)) <= FIXED_TOL * Math.max(q, Number.MIN_VALUE);
  if (isFixed(q0)) return q0 > 0 ? { qStar: q0, status: "stationary" } : { qStar: 0, status: "vanishing" };
  let lo: number;
  let hi: number;
  if (gap(q0) > 0) {
    lo = q0;
    hi = Math.max(lengthMap(p, q0), 2 * q0);
    while (gap(hi) > 0) {
      if (hi > Q_BRACKET_MAX) return { qStar: Infinity, status: "exploding" };
      lo = hi;
      hi *= 2;
    }
  } else {
    hi = q0;
    lo = Math.min(lengthMap(p, q0), q0 / 2);
    while (gap(lo) < 0) {
      if (lo < Q_BRACKET_MIN) return { qStar: 0, status: "vanishing" };
      hi = lo;
      lo /= 2;
    }
  }
  // gap(lo) ≥ 0 ≥ gap(hi)
  for (let k = 0; k < 200 && hi - lo > FIXED_TOL * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (gap(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return { qStar: 0.5 * (lo + hi), status: "stationary" };
}

/**
 * Everything the mean-field theory says about one point (see MeanFieldPoint): q*, χ₁, ξ_q, c*, χ_c, ξ_c,
 * reached from the first-layer variance q⁰ (default 1; it matters only where L has several attractors or a
 * continuum of fixed points, e.g. ReLU with σ_b² = 0, σ_w² = 2, where q* = q⁰).
 */
export function meanField(p: MeanFieldParams, q0 = 1): MeanFieldPoint {
  const { qStar, status } = lengthFixedPoint(p, q0);
  const qEval = status === "stationary" ? qStar : status === "vanishing" ? Q_TINY : Q_HUGE;
  const qNext = status === "stationary" ? qStar : lengthMap(p, qEval);
  const chi1 = chiAt(p, qEval);
  const slopeQ = lengthSlope(p, qEval);
  const { cStar, chiC } = correlationFixedPoint(p, qEval, qNext);
  const depthScale = (slope: number): number => (slope < 1 - 1e-12 ? -1 / Math.log(slope) : Infinity);
  return {
    status,
    qStar,
    chi1,
    lengthSlope: slopeQ,
    xiQ: depthScale(slopeQ),
    cStar,
    chiC,
    xiC: depthScale(chiC),
    phase: Math.abs(chi1 - 1) <= 1e-9 ? "critical" : chi1 < 1 ? "ordered" : "chaotic",
  };
}

/**
 * c* and χ_c of c ↦ correlationMap(p, c, qPrev, qNext). If the slope at c = 1 is ≤ 1, c* = 1. Otherwise
 * g(c) = map(c) − c has g(0) ≥ 0 (E[φ(u₁)φ(u₂)] = E[φ]² ≥ 0 at c = 0) and g < 0 just below 1, and is convex:
 * Newton from 0 climbs monotonically to the root, safeguarded by bisection inside the bracket.
 */
function correlationFixedPoint(
  p: MeanFieldParams,
  qPrev: number,
  qNext: number,
): { cStar: number; chiC: number } {
  const slopeAtOne = correlationSlope(p, 1, qPrev, qNext);
  if (slopeAtOne <= 1 + 1e-12) return { cStar: 1, chiC: slopeAtOne };
  const g = (c: number): number => correlationMap(p, c, qPrev, qNext) - c;
  let lo = 0;
  if (g(0) <= 0) return { cStar: 0, chiC: correlationSlope(p, 0, qPrev, qNext) };
  let hi = 0.5;
  for (let k = 2; g(hi) >= 0; k++) {
    if (k > 52) return { cStar: hi, chiC: correlationSlope(p, hi, qPrev, qNext) };
    lo = hi;
    hi = 1 - 2 ** -k;
  }
  let c = lo;
  for (let iter = 0; iter < 100 && hi - lo > 1e-15; iter++) {
    const gc = g(c);
    if (gc >= 0) lo = c;
    else hi = c;
    const dg = correlationSlope(p, c, qPrev, qNext) - 1;
    let next = dg < 0 ? c - gc / dg : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - c) < 1e-15) {
      c = next;
      break;
    }
    c = next;
  }
  return { cStar: c, chiC: correlationSlope(p, c, qPrev, qNext) };
}

/**
 * The theory curves through depth for two inputs with ‖x‖²/n = qInput and correlation cInput (the setup of
 * `measureCorrelationByDepth`): entry l − 1 of each array is layer l = 1…depth,
 * q^1 = σ_w² qInput + σ_b², c^1 = (σ_w² qInput·cInput + σ_b²)/q^1, then q^l = L(q^{l−1}) and
 * c^l = correlationMap(c^{l−1}, q^{l−1}, q^l) — the joint recursion, valid away from the fixed point too.
 */
export function correlationByDepth(
  p: MeanFieldParams,
  qInput: number,
  cInput: number,
  depth: number,
): { q: Float64Array; c: Float64Array } {
  const q = new Float64Array(depth);
  const c = new Float64Array(depth);
  if (depth < 1) return { q, c };
  q[0] = p.sigmaW2 * qInput + p.sigmaB2;
  c[0] = (p.sigmaW2 * qInput * cInput + p.sigmaB2) / q[0];
  for (let l = 1; l < depth; l++) {
    q[l] = lengthMap(p, q[l - 1]);
    c[l] = Math.min(1, Math.max(-1, correlationMap(p, c[l - 1], q[l - 1], q[l])));
  }
  return { q, c };
}

/** A rectangular (σ_w², σ_b²) grid and the mean-field quantities on it, row-major: index = iB·sigmaW2.length + iW. */
export interface PhaseDiagram {
  activation: ActivationName;
  sigmaW2: number[];
  sigmaB2: number[];
  chi1: Float64Array;
  xiC: Float64Array;
  xiQ: Float64Array;
  qStar: Float64Array;
  cStar: Float64Array;
}

/** `meanField` at every grid point (q⁰ = 1): χ₁, ξ_c, ξ_q, q*, c*. */
export function phaseDiagram(
  activation: ActivationName,
  grid: { sigmaW2: readonly number[]; sigmaB2: readonly number[] },
  options: { slope?: number; order?: number } = {},
): PhaseDiagram {
  const nW = grid.sigmaW2.length;
  const size = nW * grid.sigmaB2.length;
  const out: PhaseDiagram = {
    activation,
    sigmaW2: [...grid.sigmaW2],
    sigmaB2: [...grid.sigmaB2],
    chi1: new Float64Array(size),
    xiC: new Float64Array(size),
    xiQ: new Float64Array(size),
    qStar: new Float64Array(size),
    cStar: new Float64Array(size),
  };
  grid.sigmaB2.forEach((sigmaB2, iB) => {
    grid.sigmaW2.forEach((sigmaW2, iW) => {
      const m = meanField({ activation, sigmaW2, sigmaB2, ...options });
      const k = iB * nW + iW;
      out.chi1[k] = m.chi1;
      out.xiC[k] = m.xiC;
      out.xiQ[k] = m.xiQ;
      out.qStar[k] = m.qStar;
      out.cStar[k] = m.cStar;
    });
  });
  return out;
}

/**
 * The edge of chaos at one σ_b²: the σ_w² where χ₁ = 1 (q* from q⁰ = 1), bracketed by doubling from σ_w² = 1
 * (halving if χ₁ ≥ 1 there) and bisected to 1e-12 relative. NaN if χ₁ never crosses 1 in σ_w² ∈ [2⁻²⁰, 2²⁰].
 * tanh: 1 at σ_b² = 0; ReLU: 2 at every σ_b² (beyond it q* explodes).
 */
export function criticalSigmaW2(
  activation: ActivationName,
  sigmaB2: number,
  options: { slope?: number; order?: number } = {},
): number {
  const chi = (sigmaW2: number): number => {
    const p = { activation, sigmaW2, sigmaB2, ...options };
    const { qStar, status } = lengthFixedPoint(p);
    return chiAt(p, status === "stationary" ? qStar : status === "vanishing" ? Q_TINY : Q_HUGE) - 1;
  };
  let lo = 1;
  let hi = 1;
  if (chi(1) < 0) {
    while (chi(hi) < 0) {
      if (hi > 2 ** 20) return NaN;
      lo = hi;
      hi *= 2;
    }
  } else {
    while (chi(lo) >= 0) {
      if (lo < 2 ** -20) return NaN;
      hi = lo;
      lo /= 2;
    }
  }
  while (hi - lo > 1e-12 * hi) {
    const mid = 0.5 * (lo + hi);
    if (chi(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Weight law of a random deep net: i.i.d. N(0, σ_w²/n) or σ_w times a Haar-orthogonal matrix. */
export type WeightEnsemble = "gaussian" | "orthogonal";

/** A square random MLP of `depth` layers of `width` units, every layer followed by the activation. */
export interface RandomNetOptions extends Omit<MeanFieldParams, "order"> {
  width: number;
  depth: number;
  weights: WeightEnsemble;
  seed: number;
}

/**
 * The engine network for RandomNetOptions: weights from the initializer registry (variance-scaling, normal,
 * fan_in, scale σ_w²; or orthogonal with gain σ_w), then biases b_i ~ N(0, σ_b²) from the same rng.
 */
function randomNet(o: RandomNetOptions, rng: Rng): Network {
  const net = createNetwork({
    sizes: Array.from({ length: o.depth + 1 }, () => o.width),
    hidden: o.activation,
    output: o.activation,
    init: o.weights === "orthogonal" ? "orthogonal" : "variance-scaling",
    initParams:
      o.weights === "orthogonal"
        ? { gain: Math.sqrt(o.sigmaW2) }
        : { scale: o.sigmaW2, mode: "fan_in", distribution: "normal" },
    leakySlope: o.slope ?? DEFAULT_LEAKY_SLOPE,
    rng,
  });
  const sb = Math.sqrt(o.sigmaB2);
  for (const { b } of net.layers) for (let i = 0; i < b.length; i++) b[i] = sb * rng.normal();
  return net;
}

/**
 * Measured counterpart of `correlationByDepth` on seeded engine networks: `networks` independent nets (default 1),
 * each fed `pairs` input pairs (default 4) built by Gram–Schmidt from Gaussian draws so that
 * ‖x₁‖²/n = ‖x₂‖²/n = inputVariance and their cosine is exactly inputCorrelation. Entry l − 1 is layer l:
 * q = mean of ‖h^l‖²/n over every input of every net, c = mean over pairs and nets of the cosine between h₁^l
 * and h₂^l. One net's weights shift all its inputs alike, so the noise falls as 1/√(n·networks), not with
 * pairs; at the edge of chaos q performs a random walk of about √(depth·5/n) relative (ReLU) per net.
 */
export function measureCorrelationByDepth(
  o: RandomNetOptions & {
    inputVariance: number;
    inputCorrelation: number;
    pairs?: number;
    networks?: number;
  },
): { q: Float64Array; c: Float64Array } {
  const rng = createRng(o.seed);
  const n = o.width;
  const pairs = o.pairs ?? 4;
  const networks = o.networks ?? 1;
  const q = new Float64Array(o.depth);
  const c = new Float64Array(o.depth);
  const radius = Math.sqrt(n * o.inputVariance);
  const cIn = o.inputCorrelation;
  const sIn = Math.sqrt(Math.max(0, 1 - cIn * cIn));
  for (let m = 0; m < networks; m++) {
    const net = randomNet(o, rng);
    const X = new Float64Array(2 * pairs * n);
    for (let j = 0; j < pairs; j++) {
      const e1 = Float64Array.from({ length: n }, () => rng.normal());
      const e2 = Float64Array.from({ length: n }, () => rng.normal());
      normalize(e1);
      const d = dot(e1, e2);
      for (let i = 0; i < n; i++) e2[i] -= d * e1[i];
      normalize(e2);
      for (let i = 0; i < n; i++) {
        X[2 * j * n + i] = radius * e1[i];
        X[(2 * j + 1) * n + i] = radius * (cIn * e1[i] + sIn * e2[i]);
      }
    }
    const trace = forward(net, X, 2 * pairs);
    for (let l = 0; l < o.depth; l++) {
      const z = trace.z[l];
      for (let k = 0; k < pairs; k++) {
        const h1 = z.subarray(2 * k * n, (2 * k + 1) * n);
        const h2 = z.subarray((2 * k + 1) * n, (2 * k + 2) * n);
        const n1 = dot(h1, h1);
        const n2 = dot(h2, h2);
        q[l] += (n1 + n2) / (2 * n * pairs * networks);
        c[l] += dot(h1, h2) / Math.sqrt(n1 * n2) / (pairs * networks);
      }
    }
  }
  return { q, c };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalize(a: Float64Array): void {
  const s = 1 / Math.sqrt(dot(a, a));
  for (let i = 0; i < a.length; i++) a[i] *= s;
}

/**
 * The input–output Jacobian ∂ŷ/∂x of an engine network at one input x (length n_0): n_L × n_0, row-major,
 * J = D_L W_L ⋯ D_1 W_1 with D_l = diag(f_l′(z^l)) (f_l the layer's activation; ReLU's f′(0) = 0). Built
 * bottom-up, J ← D_l·(W_l·J): L products of n_{l+1}×n_l by n_l×n_0 matrices.
 */
export function inputOutputJacobian(net: Network, x: Float64Array): Float64Array {
  const { sizes, layers } = net;
  const n0 = sizes[0];
  if (x.length !== n0) throw new RangeError(`input has ${x.length} entries, the network takes ${n0}`);
  const trace = forward(net, x, 1);
  let J: Float64Array = new Float64Array(n0 * n0);
  for (let i = 0; i < n0; i++) J[i * n0 + i] = 1;
  for (let l = 0; l < layers.length; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    J = matmul(layers[l].W, J, nOut, nIn, n0);
    const act = activations[activationOf(net, l)];
    const z = trace.z[l];
    for (let i = 0; i < nOut; i++) {
      const d = act.df(z[i], net.leakySlope);
      if (d === 1) continue;
      for (let j = 0; j < n0; j++) J[i * n0 + j] *= d;
    }
  }
  return J;
}

/** The singular values of a random net's Jacobian and the moments of its squared spectrum (JJᵀ's eigenvalues). */
export interface JacobianSpectrum {
  /** Singular values of J, descending (values below ~1e-8·σ_max are at the rounding floor: see singularValues). */
  singularValues: Float64Array;
  /** (1/n)·Σ σ²: the mean eigenvalue of JJᵀ. */
  meanSquared: number;
  /** (1/n)·Σ (σ² − mean)²: the variance of JJᵀ's eigenvalues. */
  varianceSquared: number;
  /** The pre-activation variance the input was drawn for. */
  inputQ: number;
}

/**
 * Builds the random net of `o` (engine network, registry initializers, seeded) and returns the spectrum of its
 * input–output Jacobian at one input x_i ~ N(0, v). By default v puts the first layer at the fixed point,
 * σ_w² v + σ_b² = q* (v = E[φ(√q* z)²], the post-activation second moment there), so every layer sees q*; where
 * q* is 0 or ∞, or when `inputVariance` is given, that v is used instead (default 1 then).
 */
export function jacobianSpectrum(o: RandomNetOptions & { inputVariance?: number }): JacobianSpectrum {
  const rng = createRng(o.seed);
  const net = randomNet(o, rng);
  let v = o.inputVariance;
  if (v === undefined) {
    const { qStar, status } = lengthFixedPoint(o);
    v = status === "stationary" ? (qStar - o.sigmaB2) / o.sigmaW2 : 1;
  }
  const sd = Math.sqrt(v);
  const x = Float64Array.from({ length: o.width }, () => sd * rng.normal());
  const n = o.width;
  const s = singularValues(inputOutputJacobian(net, x), n, n);
  let mean = 0;
  for (const si of s) mean += si * si;
  mean /= n;
  let variance = 0;
  for (const si of s) variance += (si * si - mean) ** 2;
  variance /= n;
  return {
    singularValues: s,
    meanSquared: mean,
    varianceSquared: variance,
    inputQ: o.sigmaW2 * v + o.sigmaB2,
  };
}

/**
 * Free-probability prediction (Pennington et al. 2017) of the mean and variance of JJᵀ's eigenvalues at
 * infinite width for a net at its fixed point q* (from q⁰ = 1): JJᵀ has the moments of a product of free
 * elements D_l² and W_lW_lᵀ, whose means multiply and whose relative variances (var/mean²) add, so
 *   mean = χ₁^L,   variance = mean²·L·(E[φ′⁴]/E[φ′²]² − 1 + r_W),
 * with r_W = 1 for Gaussian weights (Marchenko–Pastur at aspect ratio 1) and 0 for orthogonal ones. Linear +
 * orthogonal is exactly isometric (variance 0); ReLU's D² adds 1 per layer even with orthogonal weights.
 */
export function jacobianSpectrumTheory(
  p: MeanFieldParams,
  depth: number,
  weights: WeightEnsemble,
  q0 = 1,
): { mean: number; variance: number } {
  const { qStar, status } = lengthFixedPoint(p, q0);
  const q = status === "stationary" ? qStar : status === "vanishing" ? Q_TINY : Q_HUGE;
  const { df } = phiOf(p);
  const m2 = gaussExpect((u) => df(u) ** 2, q, p.order);
  const m4 = gaussExpect((u) => df(u) ** 4, q, p.order);
  const mean = (p.sigmaW2 * m2) ** depth;
  const relative = depth * (m4 / (m2 * m2) - 1 + (weights === "gaussian" ? 1 : 0));
  return { mean, variance: mean * mean * relative };
}
