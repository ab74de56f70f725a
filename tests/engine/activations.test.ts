import { describe, expect, it } from "vitest";
import {
  activateInto,
  activationGain,
  activationNames,
  activations,
  multiplyByDerivativeInPlace,
  sigmoid,
} from "../../engine/activations";

const points = [-4, -1.3, -0.2, 0.05, 0.7, 2.5, 6];

describe("activations", () => {
  it.each(activationNames)("%s: f′(z) matches a central finite difference away from kinks", (name) => {
    const act = activations[name];
    for (const slope of [0.01, 0.2]) {
      for (const z of points) {
        const h = 1e-6;
        const numeric = (act.f(z + h, slope) - act.f(z - h, slope)) / (2 * h);
        expect(Math.abs(act.df(z, slope) - numeric)).toBeLessThan(1e-8);
      }
    }
  });

  it("gains are exactly torch.nn.init.calculate_gain's", () => {
    expect(activationGain("linear")).toBe(1);
    expect(activationGain("sigmoid")).toBe(1);
    expect(activationGain("tanh")).toBe(5 / 3);
    expect(activationGain("relu")).toBe(Math.sqrt(2));
    expect(activationGain("leaky_relu")).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(activationGain("leaky_relu", 0.2)).toBe(Math.sqrt(2 / (1 + 0.2 ** 2)));
  });

  it("ReLU's derivative at the kink is 0 and leaky ReLU's is α (PyTorch's convention)", () => {
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.leaky_relu.df(0, 0.1)).toBe(0.1);
  });

  it("sigmoid neither overflows nor loses its tails", () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-40)).toBeGreaterThan(0);
    expect(sigmoid(0)).toBe(0.5);
  });

  it.each(activationNames)("%s: the array kernels agree with f and f′ entry by entry", (name) => {
    const z = Float64Array.from(points);
    const a = activateInto(name, z, new Float64Array(z.length), 0.1);
    const g = multiplyByDerivativeInPlace(name, new Float64Array(z.length).fill(2), z, a, 0.1);
    for (let i = 0; i < z.length; i++) {
      expect(a[i]).toBeCloseTo(activations[name].f(z[i], 0.1), 14);
      expect(g[i]).toBeCloseTo(2 * activations[name].df(z[i], 0.1), 14);
    }
  });
});
