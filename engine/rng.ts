/**
 * Seeded randomness for the whole engine, and the normal distribution's special functions (erf, Φ, truncated
 * normal moments and sampler) that the initializer registry shares with it.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018), a 32-bit generator with 128 bits of state, seeded by
 * running splitmix32 on the integer seed. Every operation is 32-bit integer arithmetic through `Math.imul`
 * and `>>>`, so the bit stream is identical in every JavaScript engine. A double in [0, 1) takes two outputs:
 * 27 high bits of the first and 26 of the second make a 53-bit mantissa, exactly as the IEEE double holds it.
 *
 * Normal variates use Marsaglia's polar method (only `Math.log` and `Math.sqrt`; V8 implements `Math.log`
 * with the same fdlibm port in Node and in Chromium, and `Math.sqrt` is exact by IEEE 754), so a seed gives
 * the same normals in Node and in the browser.
 */
export interface Rng {
  /** The integer seed this generator was created from. */
  readonly seed: number;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** N(0, 1) conditioned on |z| ≤ bound (redraws outside, as Keras' TruncatedNormal does at bound = 2). */
  truncatedNormal(bound: number): number;
}

/** Normalises any number to an unsigned 32-bit seed (non-integers and negatives are folded in, never rejected). */
export function toSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}

function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [s, z >>> 0];
}

/** Creates a generator whose whole future is fixed by `seed` (an integer; folded to 32 bits). */
export function createRng(seed: number): Rng {
  const seed32 = toSeed(seed);
  const s = new Uint32Array(4);
  let sm = seed32 | 0;
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(sm);
    sm = next;
    s[i] = out;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  let spare = 0;
  let hasSpare = false;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };

  const next = (): number => {
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 2 ** 53;
  };

  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, q: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };

  return {
    seed: seed32,
    nextUint32,
    next,
    uniform: (a, b) => a + (b - a) * next(),
    normal,
    truncatedNormal: (bound) => {
      if (!(bound > 0)) throw new RangeError(`truncation bound must be positive, got ${bound}`);
      let z: number;
      do z = normal();
      while (Math.abs(z) > bound);
      return z;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The normal distribution's special functions, shared by the truncated-normal sampler below and by the
 * initializer registry's closed-form moments and densities.
 *
 * erf uses its everywhere-positive series erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)) for
 * |x| < 2 (no cancellation), and erfc uses the Laplace continued fraction
 * erfc(x) = (e^(−x²)/√π) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated with the modified Lentz
 * method, for x ≥ 0.75 (where it converges in under 350 terms) and for erf beyond |x| ≥ 2. Both agree with 50-digit references to about 1e-16 (see tests/engine/rng.test.ts).
 */
const SERIES_LIMIT = 2;
const FRACTION_LIMIT = 0.75;
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_PI = 0.5641895835477563;
const INV_SQRT_2PI = 0.3989422804014327;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 0; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x2) / (2 * n + 3);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  if (x > 27) return 0; // erfc(27) ≈ 5e−319 is below the smallest double
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, to about 1e-16. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  return Math.sign(x) * (1 - erfcContinuedFraction(Math.abs(x)));
}

/** The complementary error function erfc(x) = 1 − erf(x), with full relative accuracy in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < FRACTION_LIMIT) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

/** Standard normal density φ(x) = e^(−x²/2) / √(2π). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal distribution function Φ(x) = ½·erfc(−x/√2) (accurate in the lower tail too). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** P(α ≤ Z ≤ β) for Z ~ N(0, 1), computed on the side of 0 where it does not cancel. */
export function normalMass(alpha: number, beta: number): number {
  return alpha > 0 ? normalCdf(-alpha) - normalCdf(-beta) : normalCdf(beta) - normalCdf(alpha);
}

/**
 * Mean and variance of Z ~ N(0, 1) truncated to [α, β] (α < β; ±Infinity allowed), with Z = Φ(β) − Φ(α):
 * E = (φ(α) − φ(β)) / Z, Var = 1 + (α·φ(α) − β·φ(β)) / Z − E². Exact to ~1e-15 for intervals around 0; far in
 * a tail the subtraction cancels terms of size α², leaving ~1e-12 relative accuracy at [5, 9].
 */
export function truncatedNormalMoments(alpha: number, beta: number): { mean: number; variance: number } {
  if (!(alpha < beta)) throw new RangeError(`truncation needs α < β, got [${alpha}, ${beta}]`);
  const z = normalMass(alpha, beta);
  const xPdf = (x: number): number => (Number.isFinite(x) ? x * normalPdf(x) : 0);
  const mean = (normalPdf(alpha) - normalPdf(beta)) / z;
  return { mean, variance: 1 + (xPdf(alpha) - xPdf(beta)) / z - mean * mean };
}

/**
 * A sampler of Z ~ N(0, 1) conditioned on α ≤ Z ≤ β; the method is chosen once per interval. When the interval
 * holds at least ¼ of the mass it redraws `rng.normal()` until one lands inside (bit-identical to
 * `rng.truncatedNormal(b)` for [−b, b]); otherwise it uses Robert's (1995) uniform or exponential proposals,
 * so even far tails cost a few draws.
 */
export function truncatedNormalSampler(alpha: number, beta: number): (rng: Rng) => number {
  if (!(alpha < beta)) throw new RangeError(`truncation needs α < β, got [${alpha}, ${beta}]`);
  if (normalMass(alpha, beta) >= 0.25) {
    return (rng) => {
      let z: number;
      do z = rng.normal();
      while (z < alpha || z > beta);
      return z;
    };
  }
  if (beta <= 0) {
    const mirrored = truncatedNormalSampler(-beta, -alpha);
    return (rng) => -mirrored(rng);
  }
  // 0 ∈ [α, β] with mass < ¼ means a narrow interval, and a short one in the tail is nearly flat:
  // a uniform proposal accepted with probability φ(z)/max φ is efficient in both cases.
  const peak = alpha < 0 ? 0 : alpha;
  if (alpha < 0 || (beta * beta - alpha * alpha) / 2 <= 1) {
    return (rng) => {
      for (;;) {
        const z = rng.uniform(alpha, beta);
        if (rng.next() < Math.exp(0.5 * (peak * peak - z * z))) return z;
      }
    };
  }
  const rate = (alpha + Math.sqrt(alpha * alpha + 4)) / 2;
  return (rng) => {
    for (;;) {
      const z = alpha - Math.log(1 - rng.next()) / rate;
      if (z <= beta && rng.next() < Math.exp(-0.5 * (z - rate) * (z - rate))) return z;
    }
  };
}

/** One draw of Z ~ N(0, 1) conditioned on α ≤ Z ≤ β (see {@link truncatedNormalSampler}). */
export function sampleTruncatedNormal(rng: Rng, alpha: number, beta: number): number {
  return truncatedNormalSampler(alpha, beta)(rng);
}
