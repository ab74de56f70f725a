import { describe, expect, it } from "vitest";
import { createNetwork, forward, backward } from "../../engine/network";
import { lossInto } from "../../engine/loss";
import { createRng } from "../../engine/rng";
import {
  deadUnits,
  fractionSaturated,
  SATURATED_SLOPE_SHARE,
  saturationEdge,
  isDiverged,
  layerStatistics,
  moments,
  symmetrySpread,
} from "../../engine/stats";

describe("statistics", () => {
  it("moments match a brute-force recomputation", () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 1001 }, () => 3 + 2 * rng.normal());
    const m = moments(Float64Array.from(xs));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.map((v) => (v - mean) ** 2).reduce((s, v) => s + v, 0) / xs.length;
    expect(m.mean).toBeCloseTo(mean, 12);
    expect(m.variance).toBeCloseTo(variance, 12);
    expect(m.std).toBeCloseTo(Math.sqrt(variance), 12);
    expect(m.meanSquare).toBeCloseTo(xs.map((v) => v * v).reduce((s, v) => s + v, 0) / xs.length, 10);
    expect(m.min).toBe(Math.min(...xs));
    expect(m.max).toBe(Math.max(...xs));
  });

  it("saturation: one rule for sigmoid and tanh, f′(z) below 2 % of f′(0); others are null", () => {
    // tanh′ = 1 − a²: 0.995 → 0.010 and −0.999 → 0.002 count; 0.98 → 0.040 does not
    expect(fractionSaturated("tanh", [0.995, -0.999, 0.5, 0.98])).toBe(0.5);
    // σ′ = a(1 − a) against 2 % of ¼ = 0.005: 0.999 → 0.001 and 0.002 → 0.002 count; 0.99 → 0.0099 does not
    expect(fractionSaturated("sigmoid", [0.999, 0.5, 0.002, 0.99])).toBe(0.5);
    expect(fractionSaturated("relu", [1, 2])).toBeNull();
    // the edge in z, for each activation, is where the slope is exactly 2 % of its peak
    for (const f of ["tanh", "sigmoid"] as const) {
      const z = saturationEdge(f);
      const slope = f === "tanh" ? 1 - Math.tanh(z) ** 2 : 1 / (4 * Math.cosh(z / 2) ** 2);
      const peak = f === "tanh" ? 1 : 0.25;
      expect(slope / peak).toBeCloseTo(SATURATED_SLOPE_SHARE, 12);
    }
    expect(saturationEdge("tanh")).toBeCloseTo(2.644, 3);
    expect(saturationEdge("sigmoid")).toBeCloseTo(5.288, 3);
  });

  it("dead ReLU units are zero for every example; the zero fraction counts entries", () => {
    // batch 3 × width 3: unit 0 always 0 (dead), unit 1 zero once, unit 2 never.
    const a = [0, 0, 1, 0, 2, 1, 0, 3, 1];
    expect(deadUnits(a, 3, 3)).toEqual({ deadUnitFraction: 1 / 3, zeroFraction: 4 / 9 });
  });

  it("layerStatistics agrees with brute force on z, a, ∂L/∂z, ∂L/∂W and the gradient norm", () => {
    const rng = createRng(2);
    const net = createNetwork({ sizes: [3, 6, 4, 1], hidden: "relu", init: "he-normal-torch", rng });
    const X = new Float64Array(8 * 3).map(() => rng.normal());
    const trace = forward(net, X, 8);
    const grads = backward(net, trace, lossInto("half-mse", trace.a[3], new Float64Array(8).fill(1), 8).grad);
    const stats = layerStatistics(net, trace, grads, { bins: 10 });
    stats.forEach((s, l) => {
      expect(s.z.mean).toBeCloseTo(moments(trace.z[l]).mean, 14);
      expect(s.a.variance).toBeCloseTo(moments(trace.a[l + 1]).variance, 14);
      expect(s.dz?.variance).toBeCloseTo(moments(grads.dz[l]).variance, 14);
      expect(s.dW?.mean).toBeCloseTo(moments(grads.dW[l]).mean, 14);
      expect(s.gradNorm).toBeCloseTo(Math.hypot(...grads.dW[l]), 12);
      expect(s.z.histogram.reduce((c, b) => c + b.count, 0)).toBe(trace.z[l].length);
      if (l < 2) {
        const zeros = [...trace.a[l + 1]].filter((v) => v === 0).length;
        expect(s.dead?.zeroFraction).toBe(zeros / trace.a[l + 1].length);
        const deriv = [...trace.z[l]].map((v) => (v > 0 ? 1 : 0));
        expect(s.derivative.mean).toBeCloseTo(deriv.reduce((c: number, v) => c + v, 0) / deriv.length, 14);
      }
    });
    expect(stats[2].dead).toBeNull();
  });

  it("symmetry spread: columns of the first layer, whole matrices above, hidden biases; 0 for a constant net", () => {
    const net = createNetwork({
      sizes: [2, 3, 2, 1],
      hidden: "tanh",
      init: "constant",
      initParams: { value: 0.4 },
      rng: createRng(0),
    });
    expect(symmetrySpread(net).max).toBe(0);
    // Different weights out of different inputs are allowed: first-layer columns differ, spread still 0.
    for (let o = 0; o < 3; o++) net.layers[0].W[o * 2 + 1] = -1;
    expect(symmetrySpread(net).max).toBe(0);
    net.layers[0].W[2 * 2 + 1] = -0.5;
    net.layers[1].W[3] = 0.9;
    net.layers[1].b[0] = 0.1;
    net.layers[2].b[0] = 7; // the output bias is not constrained by symmetry
    const report = symmetrySpread(net);
    expect(report.layers[0]).toEqual({ weights: 0.5, biases: 0 });
    expect(report.layers[1].weights).toBeCloseTo(0.5, 15);
    expect(report.layers[1].biases).toBe(0.1);
    expect(report.layers[2].biases).toBeNull();
    expect(report.max).toBeCloseTo(0.5, 15);
  });

  it("diverged means a non-finite weight, activation or loss", () => {
    const net = createNetwork({
      sizes: [2, 2, 1],
      hidden: "tanh",
      init: "glorot-uniform",
      rng: createRng(0),
    });
    const trace = forward(net, Float64Array.of(1, 2), 1);
    expect(isDiverged(net, trace, 0.3)).toBe(false);
    expect(isDiverged(net, trace, NaN)).toBe(true);
    trace.a[1][0] = Infinity;
    expect(isDiverged(net, trace)).toBe(true);
    net.layers[1].W[0] = NaN;
    expect(isDiverged(net)).toBe(true);
  });
});
