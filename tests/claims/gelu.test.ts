/**
 * Claims of the reference and interview pages about GELU and SiLU: He's √2 is not their gain. For
 * z ~ N(0, 1), E[GELU(z)²] ≈ 0.425 and E[SiLU(z)²] ≈ 0.356 (both → Var z / 4 as Var z → 0, since f ≈ z/2 near
 * 0), below ReLU's ½, so a He-initialized deep GELU or SiLU MLP shrinks layer by layer. The gain 1/√E[f(z)²]
 * preserves a unit variance, but no single gain preserves every scale.
 */
import { describe, expect, it } from "vitest";
import { activationGain, activations, gaussianExpectation } from "../../engine/activations";
import { perLayerFactor, runVarianceByDepth } from "../../engine/experiments/varianceByDepth";

const secondMoment = (name: "gelu" | "silu" | "relu", q: number): number =>
  gaussianExpectation((z) => activations[name].f(z) ** 2, q);

describe("GELU and SiLU are not ReLU for variance", () => {
  it("E[GELU(z)²] ≈ 0.425 and E[SiLU(z)²] ≈ 0.356 for z ~ N(0, 1), both below ReLU's ½", () => {
    expect(secondMoment("gelu", 1)).toBeCloseTo(0.4252, 4);
    expect(secondMoment("silu", 1)).toBeCloseTo(0.3558, 4);
    expect(secondMoment("relu", 1)).toBeCloseTo(0.5, 10);
  });

  it("near zero both behave like z/2: E[f(z)²] → Var z / 4", () => {
    for (const name of ["gelu", "silu"] as const)
      expect(secondMoment(name, 1e-6) / 1e-6).toBeCloseTo(0.25, 4);
  });

  it("the variance-preserving gains are 1/√E[f(z)²]: about 1.53 for GELU and 1.68 for SiLU, not He's √2", () => {
    expect(activationGain("gelu")).toBeCloseTo(1.5335, 3);
    expect(activationGain("silu")).toBeCloseTo(1.6765, 3);
    expect(activations.gelu.gainSource).toBe("variance-preserving");
  });

  it("a He-initialized 20-layer GELU or SiLU MLP shrinks layer by layer, and no single gain holds every scale", () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const activation of ["gelu", "silu"] as const) {
      const run = (gain: number, seed: number) =>
        runVarianceByDepth({
          init: "he-normal-torch",
          initParams: { gain },
          activation,
          depth: 20,
          width: 128,
          batch: 128,
          seed,
        });
      // measured on finite networks, seeds 1–3: He loses variance at every seed
      const he = [1, 2, 3].map((seed) => perLayerFactor(run(Math.SQRT2, seed)));
      expect(mean(he), `${activation} with He`).toBeLessThan(0.92);
      expect(Math.max(...he), `${activation} with He, every seed`).toBeLessThan(1);
      // the mean-field recursion (quadrature, no sampling): He falls at every layer, to under 5 % of layer 1
      // after 20 layers
      const hePredicted = run(Math.SQRT2, 1).layers.map((l) => l.predicted.varZ);
      for (let l = 1; l < 20; l++) expect(hePredicted[l]).toBeLessThan(hePredicted[l - 1]);
      expect(hePredicted[19] / hePredicted[0]).toBeLessThan(0.05);
      // the preserving gain holds Var z = 1 exactly, but that fixed point is unstable: large signals see a
      // ReLU-like factor g²/2 > 1, small ones f ≈ z/2, a factor g²/4 < 1
      const g2 = activationGain(activation) ** 2;
      const factorAt = (q: number) => (g2 * secondMoment(activation, q)) / q;
      expect(factorAt(1)).toBeCloseTo(1, 10);
      expect(factorAt(100)).toBeGreaterThan(1.1);
      expect(factorAt(1e-4)).toBeCloseTo(g2 / 4, 2);
      expect(g2 / 4).toBeLessThan(0.75);
    }
  });
});
