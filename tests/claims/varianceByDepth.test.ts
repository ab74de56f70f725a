import { describe, expect, it } from "vitest";
import {
  perLayerFactor,
  runVarianceByDepth,
  type VarianceByDepthOptions,
} from "../../engine/experiments/varianceByDepth";

/** Seconds-long training runs: generous under a loaded CI machine (they take ~1 s on an idle one). */
const HEAVY = { timeout: 60_000 };

const SEEDS = [1, 2, 3, 4, 5, 6];
const relu30 = (init: VarianceByDepthOptions["init"], seed: number) =>
  runVarianceByDepth({ seed, depth: 30, width: 128, batch: 64, activation: "relu", init });

describe("He page", HEAVY, () => {
  it("› Xavier on a ReLU network: He init keeps Var z over 30 ReLU layers — per-layer factor within 10 % of 1 for every seed, Var z³⁰/Var z¹ in [0.5, 2] across seeds", () => {
    let logRatio = 0;
    for (const seed of SEEDS) {
      const r = relu30("he-normal-torch", seed);
      expect(Math.abs(perLayerFactor(r) - 1)).toBeLessThan(0.1);
      logRatio += Math.log(r.layers[29].z.variance / r.layers[0].z.variance);
    }
    // A single 128-wide net wanders (finite-width noise compounds over 30 layers); the geometric mean does not.
    const geometricMean = Math.exp(logRatio / SEEDS.length);
    expect(geometricMean).toBeGreaterThan(0.5);
    expect(geometricMean).toBeLessThan(2);
  });

  it("› Xavier on a ReLU network: Xavier init halves Var z per ReLU layer (within 15 %), so 30 layers lose ~2⁻²⁹", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const factor = perLayerFactor(relu30("glorot-uniform", seed));
      expect(Math.abs(factor / 0.5 - 1)).toBeLessThan(0.15);
    }
  });
});

describe("Reference page", HEAVY, () => {
  it("› PyTorch's nn.Linear default: it is not He — it multiplies ReLU Var z by ≈ 1/6 per layer (within 15 %)", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const r = runVarianceByDepth({
        seed,
        depth: 10,
        width: 128,
        batch: 128,
        activation: "relu",
        init: "torch-linear-default",
      });
      expect(Math.abs(perLayerFactor(r) * 6 - 1)).toBeLessThan(0.15);
      expect(r.forwardGain[0]).toBeCloseTo(1 / 3, 12);
    }
  });

  const defaults = (seed: number, bias: "zeros" | "torch-default") =>
    runVarianceByDepth({
      seed,
      depth: 10,
      width: 128,
      batch: 128,
      activation: "relu",
      init: "torch-linear-default",
      bias,
    });

  it("› with zero biases (Keras' choice) Var z vanishes: about 10⁻⁸ at layer 10", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const r = defaults(seed, "zeros");
      expect(r.layers[9]!.z.variance).toBeLessThan(1e-6);
      expect(r.layers[9]!.z.variance).toBeGreaterThan(1e-10);
    }
  });

  it("› with PyTorch's default biases Var z settles at 2/(5n) ≈ 0.0031 and stops depending on the input", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const r = defaults(seed, "torch-default");
      const deep = r.layers.slice(6);
      // the fixed point of q = q/6 + 1/(3n), in the theory and in the measurement (layers 7–10)
      for (const l of deep) {
        expect(l.predicted.varZ).toBeCloseTo(2 / (5 * 128), 4);
        expect(Math.abs(l.z.variance / (2 / (5 * 128)) - 1)).toBeLessThan(0.25);
      }
      // the input-dependent part shrinks by about ⅙ per layer, and by layer 10 is a vanishing share
      const dependent = r.layers.map((l) => l.inputShare * l.z.variance);
      const factor = (dependent[9]! / dependent[0]!) ** (1 / 9);
      expect(factor).toBeGreaterThan(1 / 8);
      expect(factor).toBeLessThan(1 / 5);
      expect(r.layers[0]!.inputShare).toBeGreaterThan(0.95);
      expect(r.layers[9]!.inputShare).toBeLessThan(1e-3);
      // …while with zero biases a sizeable share of the (vanished) variance still follows the input
      expect(defaults(seed, "zeros").layers[9]!.inputShare).toBeGreaterThan(0.1);
    }
  });
});

describe("He page", HEAVY, () => {
  // Widths change (64 → 256 → 256 → 64), so the two modes give different weights.
  const widths = [64, 256, 256, 64];
  const run = (mode: "fan_in" | "fan_out") =>
    runVarianceByDepth({
      seed: 2,
      widths,
      batch: 256,
      activation: "relu",
      init: "he-normal-torch",
      initParams: { mode },
    });

  it("› Fan-in or fan-out: fan_in keeps the forward Var z, fan_out keeps the backward Var ∂L/∂z (within 20 %)", () => {
    const fanIn = run("fan_in").layers;
    const fanOut = run("fan_out").layers;
    for (const l of fanIn) expect(Math.abs(l.z.variance / fanIn[0].z.variance - 1)).toBeLessThan(0.2);
    for (const l of fanOut) expect(Math.abs(l.dz.variance / fanOut[2].dz.variance - 1)).toBeLessThan(0.2);
    // …and each mode does NOT preserve the other direction: the width ratio 4 shows up (¼ backward, 4 forward).
    expect(fanIn[0].dz.variance / fanIn[2].dz.variance).toBeLessThan(0.5);
    expect(fanOut[2].z.variance / fanOut[0].z.variance).toBeGreaterThan(2);
  });

  it("› The forward derivation: the mean-field prediction follows the measurement on non-square layers (within 20 %)", () => {
    for (const mode of ["fan_in", "fan_out"] as const)
      for (const l of run(mode).layers) {
        expect(Math.abs(l.z.variance / l.predicted.varZ - 1)).toBeLessThan(0.2);
        expect(Math.abs(l.dz.variance / l.predicted.varDz - 1)).toBeLessThan(0.2);
      }
  });
});

describe("Xavier page", HEAVY, () => {
  // Glorot & Bengio's setup, narrowed from 1000 to 500 units (and 50 inputs) to keep the suite fast.
  const glorot = (init: VarianceByDepthOptions["init"]) =>
    runVarianceByDepth({ seed: 1, depth: 5, width: 500, batch: 50, activation: "tanh", init });

  it("› Glorot's standard initialization, and why it shrinks: Glorot's standard init shrinks tanh activations going up, the normalized init roughly keeps them", () => {
    const standard = glorot("glorot-standard").layers;
    const normalized = glorot("glorot-uniform").layers;
    expect(standard[4].a.variance / standard[0].a.variance).toBeLessThan(0.02);
    for (let l = 1; l < 5; l++) expect(standard[l].a.variance).toBeLessThan(0.5 * standard[l - 1].a.variance);
    expect(normalized[4].a.variance / normalized[0].a.variance).toBeGreaterThan(0.2);
  });

  it("› Why weight gradients can stay flat while deltas shrink: with standard init ∂L/∂z shrinks toward the input while Var ∂L/∂W stays flat (Glorot eq. 14)", () => {
    const layers = glorot("glorot-standard").layers;
    expect(layers[0].dz.variance / layers[4].dz.variance).toBeLessThan(0.05);
    const dW = layers.map((l) => l.dW.variance);
    expect(Math.max(...dW) / Math.min(...dW)).toBeLessThan(1.25);
  });

  it("› The forward condition / The backward condition: the mean-field prediction overlays the measured variances within 10 %", () => {
    for (const init of ["glorot-standard", "glorot-uniform"] as const) {
      for (const layer of glorot(init).layers) {
        expect(Math.abs(layer.z.variance / layer.predicted.varZ - 1)).toBeLessThan(0.1);
        expect(Math.abs(layer.dz.variance / layer.predicted.varDz - 1)).toBeLessThan(0.1);
        expect(Math.abs(layer.dW.variance / layer.predicted.varDW - 1)).toBeLessThan(0.1);
      }
    }
  });
});
