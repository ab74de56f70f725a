import { describe, expect, it } from "vitest";
import { sampleInitializer, type SamplingOptions } from "../../engine/experiments/sampling";
import { fansOf } from "../../engine/fans";
import { distributionPdf, initializerIds, initializers, initWeights } from "../../engine/initializers";
import { createRng } from "../../engine/rng";
import { SIGMAS, simpson, standardErrors } from "../engine/tolerance";

const N = 20_000;
const dense = { fanIn: 784, fanOut: 256 };
const conv = fansOf([3, 3, 16, 32], "keras"); // fanIn 144, fanOut 288

function run(options: Omit<SamplingOptions, "seed" | "n"> & { seed?: number; n?: number }) {
  return sampleInitializer({ seed: 2024, n: N, ...options });
}

describe("Reference page, formula explorer", () => {
  it.each(
    initializerIds.flatMap((id) => [
      [id, "dense 784→256", dense] as const,
      [id, "3×3 conv 16→32", conv] as const,
    ]),
  )(
    `The sampled mean and variance of %s (%s) match its formula within ${SIGMAS} standard errors`,
    (id, _, fans) => {
      const r = run({ id, ...fans });
      const law = initializers[id].distributionOf(fans);
      const se = standardErrors(law, N, Math.max(fans.fanIn, fans.fanOut));
      expect(r.theory.variance).toBe(initializers[id].variance(fans));
      // + 1e-12 absorbs summation rounding where the standard error is 0 (constants).
      expect(Math.abs(r.sample.mean - r.theory.mean)).toBeLessThanOrEqual(SIGMAS * se.mean + 1e-12);
      expect(Math.abs(r.sample.variance - r.theory.variance)).toBeLessThanOrEqual(
        SIGMAS * se.variance + 1e-12,
      );
      if (r.theory.bound !== null)
        expect(Math.max(-r.sample.min, r.sample.max)).toBeLessThanOrEqual(r.theory.bound);
    },
  );

  it.each(initializerIds.filter((id) => initializers[id].distribution !== "constant" && id !== "orthogonal"))(
    `The histogram of %s follows its exact density in every bin within ${SIGMAS} standard errors`,
    (id) => {
      const r = run({ id, ...dense, bins: 30 });
      expect(r.densityKind).toBe("exact");
      const law = initializers[id].distributionOf(dense);
      for (const bin of r.histogram) {
        const width = bin.x1 - bin.x0;
        const p = simpson((x) => distributionPdf(law, x) ?? 0, bin.x0, bin.x1, 64);
        const se = Math.sqrt((p * (1 - p)) / N) / width;
        expect(Math.abs(bin.density - p / width)).toBeLessThanOrEqual(SIGMAS * se + 1e-9);
      }
      expect(r.density.length).toBeGreaterThan(100);
      expect(r.density[0].x).toBe(r.histogram[0].x0);
      expect(r.density[r.density.length - 1].x).toBe(r.histogram[r.histogram.length - 1].x1);
    },
  );

  it("A constant initializer is a point mass: zero sample variance and no density curve", () => {
    const r = run({ id: "constant", ...dense, params: { value: 0.3 } });
    expect(r.densityKind).toBe("point-mass");
    expect(r.density).toEqual([]);
    expect([r.sample.min, r.sample.max, r.sample.variance]).toEqual([0.3, 0.3, 0]);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(N);
  });

  it("Orthogonal entries have variance gain²/max(fan_in, fan_out), drawn as a normal approximation", () => {
    const r = run({ id: "orthogonal", fanIn: 300, fanOut: 100, params: { gain: 2 } });
    expect(r.densityKind).toBe("normal-approximation");
    expect(r.theory.variance).toBeCloseTo(4 / 300, 15);
    // Rows of a 100×300 orthogonal matrix have norm g exactly, so the sample variance is g²/300 up to the mean.
    expect(r.sample.variance).toBeCloseTo(4 / 300, 4);
  });

  it("The sample is the first n entries of fanOut×fanIn matrices drawn with initWeights from the seed", () => {
    for (const id of ["he-uniform", "truncated-normal", "orthogonal"] as const) {
      const fans = { fanIn: 30, fanOut: 20 };
      const r = sampleInitializer({ id, ...fans, n: 1000, seed: 5 });
      const rng = createRng(5);
      const first = initWeights(id, 20, 30, rng);
      const second = initWeights(id, 20, 30, rng);
      expect(r.n).toBe(1000);
      expect([r.sample.min, r.sample.max]).toEqual([
        Math.min(...first, ...second.subarray(0, 400)),
        Math.max(...first, ...second.subarray(0, 400)),
      ]);
    }
  });

  it("The same seed gives the same sample and a different seed a different one", () => {
    const a = run({ id: "he-normal-keras", ...conv });
    expect(run({ id: "he-normal-keras", ...conv })).toEqual(a);
    expect(run({ id: "he-normal-keras", ...conv, seed: 7 }).sample.mean).not.toBe(a.sample.mean);
  });
});

describe("Reference page, Keras vs PyTorch", () => {
  it("Keras' he_normal never exceeds ±2σ yet keeps Var W = 2/fan_in; PyTorch's kaiming_normal_ goes beyond", () => {
    const keras = run({ id: "he-normal-keras", ...dense });
    const bound = keras.theory.bound as number;
    expect(bound).toBeCloseTo((2 * Math.sqrt(2 / 784)) / 0.87962566103423978, 15);
    expect(Math.max(-keras.sample.min, keras.sample.max)).toBeLessThanOrEqual(bound);
    const se = standardErrors(initializers["he-normal-keras"].distributionOf(dense), N).variance;
    expect(Math.abs(keras.sample.variance - 2 / 784)).toBeLessThan(SIGMAS * se);
    const torch = run({ id: "he-normal-torch", ...dense });
    // P(|W| > 2σ/0.8796) = P(|Z| > 2.27) ≈ 2.3 %, so among 20 000 draws hundreds fall outside.
    expect(Math.max(-torch.sample.min, torch.sample.max)).toBeGreaterThan(bound);
  });

  it("PyTorch's trunc_normal_ bounds are absolute: with std 0.02 the default [−2, 2] cuts nothing", () => {
    const r = run({ id: "trunc-normal-torch", ...dense, params: { std: 0.02 } });
    expect(r.theory.variance).toBeCloseTo(0.02 ** 2, 15);
    expect(r.theory.bound).toBe(2);
    expect(Math.abs(r.sample.variance - 0.02 ** 2)).toBeLessThan(SIGMAS * 0.02 ** 2 * Math.sqrt(2 / (N - 1)));
  });

  it("Keras' TruncatedNormal(stddev = 0.05) gives weights whose std is 0.8796 × 0.05, not 0.05", () => {
    const r = run({ id: "truncated-normal", ...dense, params: { std: 0.05 } });
    expect(r.theory.std).toBeCloseTo(0.05 * 0.87962566103423978, 15);
    expect(Math.abs(r.sample.std / 0.05 - 0.8796)).toBeLessThan(0.02);
  });
});

describe("Reference page, framework defaults", () => {
  it("PyTorch's nn.Linear default has Var W = 1/(3·fan_in): a sixth of He's 2/fan_in, in theory and in samples", () => {
    const linear = run({ id: "torch-linear-default", ...dense });
    const he = run({ id: "he-uniform", ...dense });
    expect(linear.theory.variance / he.theory.variance).toBeCloseTo(1 / 6, 14);
    // Ratio of two independent sample variances of uniforms: relative SE √(0.8/N) each (μ₄/σ⁴ = 9/5).
    expect(Math.abs(linear.sample.variance / he.sample.variance - 1 / 6)).toBeLessThan(
      (SIGMAS * Math.sqrt(2 * (0.8 / N))) / 6,
    );
  });

  it("Glorot's 2010 standard init U(±1/√n) gives n·Var W = 1/3", () => {
    const r = run({ id: "glorot-standard", ...dense });
    expect(dense.fanIn * r.theory.variance).toBeCloseTo(1 / 3, 14);
    expect(Math.abs(dense.fanIn * r.sample.variance - 1 / 3)).toBeLessThan(
      SIGMAS * (1 / 3) * Math.sqrt(0.8 / N),
    );
  });
});
