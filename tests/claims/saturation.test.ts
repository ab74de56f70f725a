import { describe, expect, it } from "vitest";
import {
  createSaturationRun,
  runSaturation,
  stepSaturationInPlace,
} from "../../engine/experiments/saturation";

/** Seconds-long training runs: generous under a loaded CI machine (they take ~1 s on an idle one). */
const HEAVY = { timeout: 60_000 };

const last = (curve: { loss: number }[]): number => curve[curve.length - 1].loss;

describe("Random page", HEAVY, () => {
  it("› Too large: units saturate: with N(0, 10²) weights most tanh units saturate and f′ ≈ 0; Xavier's do not", () => {
    const r = runSaturation({ activation: "tanh", scale: 10, steps: 0 });
    for (const layer of r.scaled.atInit) {
      expect(layer.saturated).toBeGreaterThan(0.75);
      expect(layer.meanDerivative).toBeLessThan(0.1);
    }
    for (const layer of r.baseline.atInit) {
      expect(layer.saturated).toBeLessThan(0.2);
      expect(layer.meanDerivative).toBeGreaterThan(0.4);
    }
  });

  it("› Too large: units saturate: training a tanh net from N(0, 10²) stalls while Xavier, same data and seed, learns", () => {
    const r = runSaturation({ activation: "tanh", scale: 10, steps: 1000 });
    const scaled = r.scaled.loss;
    expect(last(scaled)).toBeGreaterThan(0.9 * scaled[0].loss);
    expect(last(r.baseline.loss)).toBeLessThan(0.2 * r.baseline.loss[0].loss);
    expect(last(scaled)).toBeGreaterThan(10 * last(r.baseline.loss));
  });

  it.each([1, 2])(
    "› Too large: units saturate: a sigmoid net from N(0, 10²) stalls while Xavier learns (seed %i)",
    (seed) => {
      const r = runSaturation({ seed, activation: "sigmoid", scale: 10, steps: 3000, lr: 0.3 });
      expect(last(r.scaled.loss)).toBeGreaterThan(0.75 * r.scaled.loss[0].loss);
      expect(last(r.baseline.loss)).toBeLessThan(0.05);
      expect(last(r.scaled.loss)).toBeGreaterThan(10 * last(r.baseline.loss));
    },
  );

  it("› Too small: the signal vanishes: with N(0, 0.01²) weights every gradient norm is < 1e-4 and the loss does not move", () => {
    const r = runSaturation({ activation: "tanh", scale: 0.01, steps: 500 });
    for (const layer of r.scaled.atInit) expect(layer.gradNorm).toBeLessThan(1e-4);
    expect(Math.abs(last(r.scaled.loss) - r.scaled.loss[0].loss)).toBeLessThan(0.01);
  });

  it("› Saturated tanh can explode gradients: with N(0, 1) weights a wide tanh net's gradients GROW toward the input", () => {
    const r = runSaturation({ activation: "tanh", scale: 1, hidden: [32, 32, 32, 32, 32], steps: 0 });
    const norms = r.scaled.atInit.map((l) => l.gradNorm);
    expect(r.scaled.atInit[2].saturated).toBeGreaterThan(0.3);
    expect(norms[0]).toBeGreaterThan(3 * norms[norms.length - 1]);
  });

  it("› Saturated tanh can explode gradients: in the demo's 2-8-8-8-1 net with s = 3, the layer-1 gradient norm exceeds layer 3's for seeds 1–5", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const norms = runSaturation({ activation: "tanh", scale: 3, steps: 0, seed }).scaled.atInit.map(
        (l) => l.gradNorm,
      );
      expect(norms[0], `seed ${seed}`).toBeGreaterThan(norms[2]);
    }
  });

  it("per-layer z and f′ histograms share one domain, so a widget can stack them", () => {
    const { atInit } = runSaturation({ activation: "sigmoid", scale: 3, steps: 0 }).scaled;
    for (const layer of atInit) {
      expect(layer.zHistogram[0].x0).toBe(atInit[0].zHistogram[0].x0);
      expect(layer.derivativeHistogram.at(-1)?.x1).toBe(0.25);
      expect(layer.zHistogram.reduce((n, b) => n + b.count, 0)).toBe(200 * 8);
    }
  });

  it("the step-wise run reproduces the one-shot loss curve", () => {
    const run = createSaturationRun("scaled", { scale: 3, steps: 200 });
    stepSaturationInPlace(run, 150);
    stepSaturationInPlace(run, 50);
    expect(run.loss).toEqual(runSaturation({ scale: 3, steps: 200 }).scaled.loss);
  });
});
