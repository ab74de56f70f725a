import { describe, expect, it } from "vitest";
import {
  createRng,
  erf,
  erfc,
  normalCdf,
  normalMass,
  sampleTruncatedNormal,
  toSeed,
  truncatedNormalMoments,
} from "../../engine/rng";

/** Tolerances are Z standard errors of the estimate at the sample size used. */
const Z = 5;

/** xoshiro128** seeded by splitmix32, re-implemented in BigInt arithmetic as an independent oracle. */
function bigIntXoshiro(seed: number): () => number {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  let sm = BigInt(seed) & M;
  const s: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    sm = (sm + 0x9e3779b9n) & M;
    let z = sm;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    s.push(z ^ (z >> 16n));
  }
  return () => {
    const result = (rotl((s[1] * 5n) & M, 7n) * 9n) & M;
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    return Number(result);
  };
}

function moments(xs: Float64Array): { mean: number; variance: number; kurtosis: number } {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  return { mean, variance, kurtosis: m4 / n / (m2 / n) ** 2 };
}

describe("createRng: xoshiro128** seeded by splitmix32", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it("matches an independent BigInt implementation of xoshiro128** for 10 000 outputs of several seeds", () => {
    for (const seed of [0, 1, 42, 2 ** 31, 0xffffffff]) {
      const rng = createRng(seed);
      const oracle = bigIntXoshiro(seed);
      for (let i = 0; i < 10_000; i++) expect(rng.nextUint32()).toBe(oracle());
    }
  });

  it("pins the first outputs of seed 42 (from a separate Python port of the reference C code)", () => {
    const rng = createRng(42);
    expect([1, 2, 3, 4, 5, 6].map(() => rng.nextUint32())).toEqual([
      2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290,
    ]);
    expect([rng.next(), rng.next(), rng.next()]).toEqual([
      0.015209237180418, 0.8806870827450254, 0.1833730151847529,
    ]);
  });

  it("builds next() from 27 + 26 high bits of two outputs: an exact 53-bit dyadic in [0, 1)", () => {
    const rng = createRng(42);
    const oracle = bigIntXoshiro(42);
    for (let i = 0; i < 1000; i++) {
      const hi = BigInt(oracle()) >> 5n;
      const lo = BigInt(oracle()) >> 6n;
      const x = rng.next();
      expect(x).toBe(Number((hi << 26n) | lo) / 2 ** 53);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("gives different sequences for different seeds", () => {
    const firsts = new Set([0, 1, 2, 3, 42, 43, 1e6].map((seed) => createRng(seed).nextUint32()));
    expect(firsts.size).toBe(7);
    const a = createRng(1);
    const b = createRng(2);
    let equal = 0;
    for (let i = 0; i < 1000; i++) if (a.nextUint32() === b.nextUint32()) equal++;
    expect(equal).toBeLessThan(3);
  });

  it("folds any number to a 32-bit seed and reports it", () => {
    expect(toSeed(42.9)).toBe(42);
    expect(toSeed(-1)).toBe(0xffffffff);
    expect(toSeed(NaN)).toBe(0);
    expect(createRng(2 ** 32 + 5).seed).toBe(5);
  });

  it(`draws U(0, 1) with mean ½ and variance 1/12 within ${Z} standard errors (n = 200 000)`, () => {
    const n = 200_000;
    const rng = createRng(1);
    const xs = Float64Array.from({ length: n }, () => rng.next());
    const m = moments(xs);
    // Var(s²) = (μ₄ − σ⁴(n−3)/(n−1)) / n with μ₄ = 1/80, σ² = 1/12 for U(0, 1).
    const seVar = Math.sqrt((1 / 80 - ((n - 3) / (n - 1)) * (1 / 144)) / n);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(Z * seVar);
  });

  it("draws uniform(a, b) inside [a, b)", () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.uniform(-0.3, 0.7);
      expect(x >= -0.3 && x < 0.7).toBe(true);
    }
  });

  it(`draws N(0, 1) with mean 0, variance 1 and kurtosis 3 within ${Z} standard errors (n = 200 000)`, () => {
    const n = 200_000;
    const rng = createRng(2);
    const m = moments(Float64Array.from({ length: n }, () => rng.normal()));
    expect(Math.abs(m.mean)).toBeLessThan(Z / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(Z * Math.sqrt(2 / (n - 1)));
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(Z * Math.sqrt(24 / n));
  });

  it("truncatedNormal(2) never leaves [−2, 2] and is the same stream as sampleTruncatedNormal(−2, 2)", () => {
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 10_000; i++) {
      const z = a.truncatedNormal(2);
      expect(Math.abs(z)).toBeLessThanOrEqual(2);
      expect(sampleTruncatedNormal(b, -2, 2)).toBe(z);
    }
  });
});

describe("erf, erfc and Φ", () => {
  // 20-digit references from mpmath at 40 digits.
  const table: [number, number, number][] = [
    [-3, -0.99997790950300141456, 1.9999779095030014146],
    [-1, -0.84270079294971486934, 1.8427007929497148693],
    [-0.3, -0.32862675945912741619, 1.3286267594591274162],
    [0.5, 0.52049987781304653768, 0.47950012218695346232],
    [1, 0.84270079294971486934, 0.15729920705028513066],
    [2, 0.99532226501895273416, 0.0046777349810472658379],
    [3.5, 0.99999925690162765859, 7.4309837234141274552e-7],
    [6, 0.99999999999999997848, 2.1519736712498913117e-17],
  ];

  it("erf agrees with mpmath to 1e-15 absolute and erfc to 1e-14 relative, tails included", () => {
    for (const [x, e, c] of table) {
      expect(Math.abs(erf(x) - e)).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-14);
    }
  });

  it("erf is odd, erf + erfc = 1, and Φ(x) + Φ(−x) = 1", () => {
    for (let x = -8; x <= 8; x += 0.173) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(1e-15);
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
    }
  });

  it("normalMass keeps full relative precision far in the upper tail", () => {
    // P(8 ≤ Z ≤ 9) = (erfc(8/√2) − erfc(9/√2)) / 2 ≈ 6.2210e-16; Φ(9) − Φ(8) in doubles would be 0 or 1e-16.
    expect(normalMass(8, 9) / (0.5 * (erfc(8 / Math.SQRT2) - erfc(9 / Math.SQRT2))) - 1).toBeCloseTo(0, 12);
    expect(normalMass(8, 9)).toBeGreaterThan(6e-16);
  });
});

describe("the truncated normal", () => {
  // Mean and variance of N(0, 1) truncated to [α, β], by mpmath quadrature at 40 digits.
  const cases: [number, number, number, number][] = [
    [-2, 2, 0, 0.77374130354992324718],
    [-1, 3, 0.28278611072715400772, 0.61614173535782929613],
    [3, 4, 3.2604542855900211539, 0.049277793777393127176],
    [-0.1, 0.2, 0.049626125187070622135, 0.007477440489699551658],
    [0.5, Infinity, 1.1410777703680644809, 0.26848040715587894618],
    [3, 3.2, 3.0897457917194267119, 0.0032660265778720085525],
    [-4, -3, -3.2604542855900211539, 0.049277793777393127176],
    [5, 9, 5.1865039671242979604, 0.032696434611064358379],
  ];

  // The closed form subtracts terms of size ~α² to get Var ≪ 1, so far tails lose up to ~3 digits.
  it("has the closed-form mean and variance of mpmath's quadrature (to 1e-11 relative)", () => {
    for (const [a, b, mean, variance] of cases) {
      const m = truncatedNormalMoments(a, b);
      expect(Math.abs(m.mean - mean)).toBeLessThan(1e-12 * Math.max(1, Math.abs(mean)));
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(1e-11);
    }
  });

  it("has std 0.87962566103423978 on [−2, 2], Keras' correction constant", () => {
    expect(Math.sqrt(truncatedNormalMoments(-2, 2).variance)).toBeCloseTo(0.87962566103423978, 15);
  });

  it.each(cases.filter(([, b]) => Number.isFinite(b)))(
    `samples on [%f, %f] stay inside and match the moments within ${Z} standard errors (n = 40 000)`,
    (a, b, mean, variance) => {
      const n = 40_000;
      const rng = createRng(11);
      const xs = Float64Array.from({ length: n }, () => sampleTruncatedNormal(rng, a, b));
      for (const x of xs) expect(x >= a && x <= b).toBe(true);
      const m = moments(xs);
      // On an interval of width w, |x − μ| ≤ w, so μ₄ ≤ w²σ²: a safe bound for the SE of the variance.
      const w = b - a;
      expect(Math.abs(m.mean - mean)).toBeLessThan(Z * Math.sqrt(variance / n));
      expect(Math.abs(m.variance - variance)).toBeLessThan(Z * Math.sqrt((w * w * variance) / n));
    },
  );

  it("reaches every sampling regime: normal redraws, uniform proposals and exponential tails", () => {
    // [−2, 2] and [−1, 3] redraw normals; [−0.1, 0.2] and [3, 3.2] use a uniform proposal; [3, 4] and [5, 9]
    // an exponential one; [−4, −3] mirrors [3, 4]. Each must cost only a few raw draws per sample.
    for (const [a, b] of [
      [3, 4],
      [5, 9],
      [3, 3.2],
      [-0.1, 0.2],
    ]) {
      const rng = createRng(1);
      let calls = 0;
      const counted = {
        ...rng,
        next: () => (calls++, rng.next()),
        uniform: (lo: number, hi: number) => (calls++, rng.uniform(lo, hi)),
        normal: () => (calls++, rng.normal()),
      };
      for (let i = 0; i < 1000; i++) sampleTruncatedNormal(counted, a, b);
      expect(calls / 1000).toBeLessThan(6);
    }
  });

  it("refuses an empty interval", () => {
    expect(() => truncatedNormalMoments(1, 1)).toThrow(RangeError);
    expect(() => sampleTruncatedNormal(createRng(1), 2, -2)).toThrow(RangeError);
  });
});
