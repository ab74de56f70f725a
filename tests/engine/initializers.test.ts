import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { fansOf } from "../../engine/fans";
import {
  TRUNCATED_NORMAL_STD_CORRECTION,
  initializerIds,
  initializers,
  initVariance,
  initWeights,
  isInitializerId,
  paramsWithDefaults,
  type Fans,
  type FanMode,
  type InitializerId,
  type ScalingDistribution,
} from "../../engine/initializers";
import { matmul, transpose } from "../../engine/linalg";
import { createRng } from "../../engine/rng";
import { SIGMAS, sampleMoments, simpson, standardErrors } from "./tolerance";

const fanPairs: Fans[] = [
  { fanIn: 1, fanOut: 1 },
  { fanIn: 3, fanOut: 5 },
  { fanIn: 784, fanOut: 256 },
  fansOf([3, 3, 64, 128], "keras"), // 576, 1152
  fansOf([32, 16, 5], "pytorch"), // 1-D conv: 80, 160
];

/** Same value up to floating-point rounding: the formulas are equal, written differently. */
function expectSame(actual: number | null, expected: number | null, rel = 1e-14): void {
  if (expected === null) return void expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const K = 0.87962566103423978;

describe("the registry's closed forms equal the Keras and PyTorch formulas", () => {
  it.each(fanPairs)("for fans %o", ({ fanIn: i, fanOut: o }) => {
    const f = { fanIn: i, fanOut: o };
    const v = (id: InitializerId, p?: object) => initializers[id].variance(f, p);
    const b = (id: InitializerId, p?: object) => initializers[id].bound(f, p);
    const s = (id: InitializerId, p?: object) => initializers[id].std(f, p);

    // Keras glorot_uniform / torch xavier_uniform_(gain): limit gain·√(6/(in+out)).
    expectSame(b("glorot-uniform"), Math.sqrt(6 / (i + o)));
    expectSame(v("glorot-uniform"), 2 / (i + o));
    expectSame(b("glorot-uniform", { gain: 5 / 3 }), (5 / 3) * Math.sqrt(6 / (i + o)));
    // Keras GlorotNormal: σ = √(2/(in+out)) / 0.8796…, cut at ±2σ, variance 2/(in+out) after truncation.
    expectSame(v("glorot-normal-keras"), 2 / (i + o), 1e-13);
    expectSame(b("glorot-normal-keras"), (2 * Math.sqrt(2 / (i + o))) / K);
    // torch xavier_normal_(gain): std gain·√(2/(in+out)), no truncation.
    expectSame(s("glorot-normal-torch", { gain: 2 }), 2 * Math.sqrt(2 / (i + o)));
    expectSame(b("glorot-normal-torch"), null);

    // Keras HeUniform: limit √(6/in); torch kaiming_uniform_: gain·√(3/fan).
    expectSame(b("he-uniform"), Math.sqrt(6 / i));
    expectSame(b("he-uniform", { gain: 1, mode: "fan_out" }), Math.sqrt(3 / o));
    const leaky = Math.sqrt(2 / (1 + 0.2 ** 2)); // calculate_gain('leaky_relu', 0.2)
    expectSame(b("he-uniform", { gain: leaky }), leaky * Math.sqrt(3 / i));
    expectSame(v("he-normal-keras"), 2 / i, 1e-13);
    expectSame(b("he-normal-keras"), (2 * Math.sqrt(2 / i)) / K);
    // torch kaiming_normal_: std gain/√fan.
    expectSame(s("he-normal-torch"), Math.SQRT2 / Math.sqrt(i));
    expectSame(s("he-normal-torch", { mode: "fan_out" }), Math.SQRT2 / Math.sqrt(o));

    expectSame(b("lecun-uniform"), Math.sqrt(3 / i));
    expectSame(v("lecun-normal-keras"), 1 / i, 1e-13);
    expectSame(s("lecun-normal-torch"), 1 / Math.sqrt(i));

    // nn.Linear default: kaiming_uniform_(a=√5) ⇒ U(±1/√in); Glorot 2010 standard: U(±1/√in).
    expectSame(b("torch-linear-default"), 1 / Math.sqrt(i));
    expectSame(v("torch-linear-default"), 1 / (3 * i));
    expectSame(b("glorot-standard"), 1 / Math.sqrt(i));
    expectSame(v("glorot-standard"), 1 / (3 * i));

    expectSame(v("orthogonal"), 1 / Math.max(i, o));
    expectSame(v("orthogonal", { gain: 3 }), 9 / Math.max(i, o));
  });

  it.each(fanPairs)("for every variance-scaling mode × distribution, fans %o", (f) => {
    const n: Record<FanMode, number> = {
      fan_in: Math.max(1, f.fanIn),
      fan_out: Math.max(1, f.fanOut),
      fan_avg: Math.max(1, (f.fanIn + f.fanOut) / 2),
    };
    for (const mode of ["fan_in", "fan_out", "fan_avg"] as const) {
      for (const distribution of ["uniform", "normal", "truncated_normal"] as ScalingDistribution[]) {
        const scale = 1.7;
        const p = { scale, mode, distribution };
        const vs = initializers["variance-scaling"];
        expectSame(vs.variance(f, p), scale / n[mode], 1e-13);
        const expectedBound = {
          uniform: Math.sqrt((3 * scale) / n[mode]),
          normal: null,
          truncated_normal: (2 * Math.sqrt(scale / n[mode])) / K,
        }[distribution];
        expectSame(vs.bound(f, p), expectedBound);
      }
    }
  });

  it("gives Var W = scale / max(1, n) for any fans, scale, mode and distribution (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.constantFrom<FanMode>("fan_in", "fan_out", "fan_avg"),
        fc.constantFrom<ScalingDistribution>("uniform", "normal", "truncated_normal"),
        (fanIn, fanOut, scale, mode, distribution) => {
          const n = Math.max(
            1,
            mode === "fan_in" ? fanIn : mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2,
          );
          const v = initVariance("variance-scaling", { fanIn, fanOut }, { scale, mode, distribution });
          expect(Math.abs(v / (scale / n) - 1)).toBeLessThan(1e-13);
        },
      ),
    );
  });

  it("uses n = max(1, fan), as Keras does, for empty fans", () => {
    expect(initVariance("he-normal-keras", { fanIn: 0, fanOut: 0 })).toBeCloseTo(2, 13);
  });

  it("gives the naive schemes their parameters' moments (Keras defaults U(±0.05), N(0, 0.05²))", () => {
    const f = { fanIn: 10, fanOut: 10 };
    expectSame(initializers["random-uniform"].variance(f), 0.1 ** 2 / 12);
    expectSame(initializers["random-uniform"].variance(f, { a: 0, b: 1 }), 1 / 12);
    expectSame(initializers["random-uniform"].mean(f, { a: 0, b: 1 }), 0.5);
    expectSame(initializers["random-normal"].variance(f, { std: 1 }), 1);
    expectSame(initializers["random-normal"].mean(f, { mean: 0.3 }), 0.3);
    expect(initializers.zeros.variance(f)).toBe(0);
    expect(initializers.constant.variance(f, { value: 0.7 })).toBe(0);
    expect(initializers.constant.mean(f, { value: 0.7 })).toBe(0.7);
  });

  it("makes Keras' TruncatedNormal(stddev) have std 0.8796·stddev, NOT stddev", () => {
    const f = { fanIn: 10, fanOut: 10 };
    expectSame(initializers["truncated-normal"].std(f, { std: 0.05 }), 0.05 * K, 1e-13);
    expectSame(initializers["truncated-normal"].bound(f, { std: 0.05, mean: 0.1 }), 0.2);
  });

  it("makes PyTorch's trunc_normal_ bounds absolute (defaults: N(0, 1) cut at [−2, 2])", () => {
    const f = { fanIn: 10, fanOut: 10 };
    const t = initializers["trunc-normal-torch"];
    expectSame(t.std(f), K, 1e-13);
    expectSame(t.bound(f), 2);
    // std 0.02 with the default [−2, 2]: nothing is cut, Var = 0.02².
    expectSame(t.variance(f, { std: 0.02 }), 0.02 ** 2, 1e-13);
    // An asymmetric cut, checked against Simpson quadrature of the normal density.
    const p = { mean: 0.1, std: 0.5, a: -0.3, b: 1 };
    const pdf = (x: number) => Math.exp(-(((x - 0.1) / 0.5) ** 2) / 2);
    const z = simpson(pdf, -0.3, 1, 2000);
    const m = simpson((x) => x * pdf(x), -0.3, 1, 2000) / z;
    expectSame(t.mean(f, p), m, 1e-12);
    expectSame(t.variance(f, p), simpson((x) => (x - m) ** 2 * pdf(x), -0.3, 1, 2000) / z, 1e-12);
  });

  it("exposes std(f) = √variance(f) and the same value through initVariance", () => {
    for (const id of initializerIds) {
      const f = { fanIn: 30, fanOut: 20 };
      expect(initializers[id].std(f)).toBe(Math.sqrt(initializers[id].variance(f)));
      expect(initVariance(id, f)).toBe(initializers[id].variance(f));
    }
  });
});

describe("initWeights", () => {
  it("is deterministic for a seed and returns rows×cols entries", () => {
    for (const id of initializerIds) {
      const a = initWeights(id, 7, 4, createRng(3));
      const b = initWeights(id, 7, 4, createRng(3));
      expect(a.length).toBe(28);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it("defaults the fans to { fanIn: cols, fanOut: rows }, and uses given kernel fans instead", () => {
    const wide = initWeights("he-uniform", 8, 200, createRng(1));
    expect(Math.max(...wide.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 200));
    const conv = fansOf([3, 3, 16, 8], "keras"); // a 3×3 conv: fanIn 144, stored as an 8×144 matrix
    const w = initWeights("he-uniform", 8, 144, createRng(1), undefined, conv);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 144));
  });

  it(`matches every entry's mean and variance within ${SIGMAS} standard errors (40 000 draws, 200×200)`, () => {
    const rows = 200;
    const cols = 200;
    const f = { fanIn: cols, fanOut: rows };
    for (const id of initializerIds) {
      const w = new Float64Array(40_000);
      const rng = createRng(17);
      for (let k = 0; k < w.length; k += rows * cols) w.set(initWeights(id, rows, cols, rng), k);
      const law = initializers[id].distributionOf(f);
      const se = standardErrors(law, w.length, Math.max(rows, cols));
      const m = sampleMoments(w);
      // + 1e-12 absorbs summation rounding where the standard error is 0 (constants).
      expect(Math.abs(m.mean - initializers[id].mean(f)), id).toBeLessThanOrEqual(SIGMAS * se.mean + 1e-12);
      expect(Math.abs(m.variance - initializers[id].variance(f)), id).toBeLessThanOrEqual(
        SIGMAS * se.variance + 1e-12,
      );
    }
  });

  it("never lets a truncated normal exceed its bound, and gives it the corrected std", () => {
    const f = { fanIn: 50, fanOut: 50 };
    for (const id of [
      "glorot-normal-keras",
      "he-normal-keras",
      "lecun-normal-keras",
      "truncated-normal",
    ] as const) {
      const bound = initializers[id].bound(f) as number;
      const w = initWeights(id, 200, 200, createRng(8), undefined, f);
      for (const x of w) expect(Math.abs(x)).toBeLessThanOrEqual(bound);
      const law = initializers[id].distributionOf(f);
      const se = standardErrors(law, w.length);
      expect(Math.abs(sampleMoments(w).variance - initializers[id].variance(f))).toBeLessThan(
        SIGMAS * se.variance,
      );
    }
    const w = initWeights("trunc-normal-torch", 100, 100, createRng(9), { mean: 0.5, std: 1, a: 0, b: 0.8 });
    for (const x of w) expect(x >= 0 && x <= 0.8).toBe(true);
  });

  it.each([
    [16, 16, 1],
    [40, 10, 1],
    [10, 40, 1],
    [1, 9, 1],
    [64, 64, 2],
    [30, 70, 0.5],
  ])("makes a %i×%i orthogonal matrix with gain %f: WᵀW = g²I (or WWᵀ) to 1e-10", (rows, cols, gain) => {
    const w = initWeights("orthogonal", rows, cols, createRng(rows + cols), { gain });
    const gram =
      rows >= cols
        ? matmul(transpose(w, rows, cols), w, cols, rows, cols)
        : matmul(w, transpose(w, rows, cols), rows, cols, rows);
    const n = Math.min(rows, cols);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        expect(Math.abs(gram[i * n + j] - (i === j ? gain * gain : 0))).toBeLessThan(1e-10);
    }
  });

  it("draws different orthogonal matrices from different seeds and the same one from the same seed", () => {
    const a = initWeights("orthogonal", 5, 5, createRng(1));
    expect(Array.from(initWeights("orthogonal", 5, 5, createRng(1)))).toEqual(Array.from(a));
    expect(Array.from(initWeights("orthogonal", 5, 5, createRng(2)))).not.toEqual(Array.from(a));
  });

  it("rejects invalid parameters with a RangeError", () => {
    expect(() => initWeights("random-uniform", 2, 2, createRng(1), { a: 1, b: 0 })).toThrow(RangeError);
    expect(() => initWeights("random-normal", 2, 2, createRng(1), { std: 0 })).toThrow(RangeError);
    expect(() => initWeights("variance-scaling", 2, 2, createRng(1), { scale: -1 })).toThrow(RangeError);
    expect(() => initWeights("zeros", 2.5, 2, createRng(1))).toThrow(RangeError);
  });
});

describe("the registry as data", () => {
  it("keys every entry by its own id and lists each id once in display order", () => {
    expect([...initializerIds].sort()).toEqual(Object.keys(initializers).sort());
    expect(new Set(initializerIds).size).toBe(initializerIds.length);
    for (const id of initializerIds) expect(initializers[id].id).toBe(id);
  });

  it("gives every entry a label, TeX, a Keras and a PyTorch name and a one-line note", () => {
    for (const id of initializerIds) {
      const e = initializers[id];
      for (const text of [e.label, e.tex, e.keras, e.pytorch, e.note]) expect(text.length).toBeGreaterThan(0);
      expect(e.note).not.toContain("\n");
      if (e.keras.startsWith("—")) expect(e.keras.length).toBeGreaterThan(4);
      if (e.pytorch.startsWith("—")) expect(e.pytorch.length).toBeGreaterThan(4);
    }
  });

  it("writes every definition in TeX that KaTeX renders without error", () => {
    for (const id of initializerIds) {
      expect(() => katex.renderToString(initializers[id].tex, { throwOnError: true }), id).not.toThrow();
    }
  });

  it("gives every parameter a default inside its range or options", () => {
    for (const id of initializerIds) {
      for (const spec of initializers[id].params) {
        if (spec.kind === "number") {
          expect(spec.default).toBeGreaterThanOrEqual(spec.min);
          expect(spec.default).toBeLessThanOrEqual(spec.max);
          expect(spec.step).toBeGreaterThan(0);
        } else {
          expect((spec.options as readonly string[]).includes(spec.default)).toBe(true);
        }
        expect(paramsWithDefaults(id)[spec.key]).toBe(spec.default);
      }
    }
  });

  it("recognises registry ids only", () => {
    expect(isInitializerId("he-normal-keras")).toBe(true);
    expect(isInitializerId("he_normal")).toBe(false);
    expect(isInitializerId("toString")).toBe(false);
    expect(isInitializerId(3)).toBe(false);
  });

  it("pins Keras' truncation correction to the std of N(0, 1) on [−2, 2]", () => {
    expect(TRUNCATED_NORMAL_STD_CORRECTION).toBe(0.87962566103423978);
  });
});
