import { describe, expect, it } from "vitest";
import { runSignalByScheme } from "../../engine/experiments/signalByScheme";
import type { InitializerId } from "../../engine/initializers";

const ratio = (r: ReturnType<typeof runSignalByScheme>, id: InitializerId) => {
  const v = r.profiles.find((p) => p.id === id)!.variance;
  return v[v.length - 1] / v[0];
};

describe("Overview › The map of schemes: which initializers hold the signal, 20 layers of 100", () => {
  const relu = runSignalByScheme({ activation: "relu" });
  const tanh = runSignalByScheme({ activation: "tanh" });

  it("leaves out exactly the constant initializers, whose activations have variance 0", () => {
    expect(relu.constant.sort()).toEqual(["constant", "zeros"]);
    expect(relu.profiles).toHaveLength(17);
  });

  it("with ReLU, every He variant keeps Var a within a factor 3 of layer 1 over 20 layers", () => {
    for (const id of ["he-uniform", "he-normal-keras", "he-normal-torch"] as const) {
      expect(ratio(relu, id)).toBeGreaterThan(1 / 3);
      expect(ratio(relu, id)).toBeLessThan(3);
    }
  });

  it("with ReLU, Xavier loses about a factor 2 per layer and PyTorch's nn.Linear default about 6", () => {
    // 19 halvings ≈ 1.9e-6; 19 sixths ≈ 1.6e-15. Finite width adds noise, hence the wide bands on a log scale.
    expect(ratio(relu, "glorot-uniform")).toBeGreaterThan(2 ** -19 / 10);
    expect(ratio(relu, "glorot-uniform")).toBeLessThan(2 ** -19 * 10);
    expect(ratio(relu, "torch-linear-default")).toBeLessThan(6 ** -19 * 100);
    expect(ratio(relu, "torch-linear-default")).toBeGreaterThan(6 ** -19 / 100);
  });

  it("with tanh, Xavier and LeCun lose variance only slowly while the naive N(0, 0.05²) lets it vanish geometrically", () => {
    for (const id of ["glorot-uniform", "lecun-normal-torch"] as const)
      expect(ratio(tanh, id)).toBeGreaterThan(0.02);
    // n·σ² = 100 · 0.05² = ¼ per layer in tanh's linear regime: 19 layers leave ¼^19 ≈ 3.6e-12.
    expect(ratio(tanh, "random-normal")).toBeLessThan(0.25 ** 19 * 10);
    expect(ratio(tanh, "random-normal")).toBeGreaterThan(0.25 ** 19 / 10);
  });

  it("with tanh, He's variants settle at a steady level instead of growing or vanishing", () => {
    for (const id of ["he-uniform", "he-normal-keras", "he-normal-torch"] as const) {
      expect(ratio(tanh, id)).toBeGreaterThan(1 / 3);
      expect(ratio(tanh, id)).toBeLessThan(3);
    }
  });

  it("with ReLU, LeCun and orthogonal lose about half the variance per layer, like Xavier on square layers", () => {
    for (const id of ["lecun-normal-torch", "orthogonal"] as const) {
      expect(ratio(relu, id)).toBeGreaterThan(2 ** -19 / 10);
      expect(ratio(relu, id)).toBeLessThan(2 ** -19 * 10);
    }
  });
});

/**
 * The map's verdict, per activation it offers, over seeds 1–3: what the overview's sentences say. Defined on
 * Var z and the backward factor, with saturation a failure of its own (engine: schemeVerdict).
 */
describe("Overview › The map of schemes: the verdict for every activation the map offers", () => {
  const holding = (activation: "relu" | "tanh" | "sigmoid", seed: number) =>
    runSignalByScheme({ activation, seed })
      .profiles.filter((p) => p.verdict.kind === "holds")
      .map((p) => p.id)
      .sort();
  const verdictOf = (activation: "relu" | "tanh" | "sigmoid", seed: number, id: InitializerId) =>
    runSignalByScheme({ activation, seed }).profiles.find((p) => p.id === id)!.verdict;
  const he = ["he-normal-keras", "he-normal-torch", "he-uniform"];

  it.each([1, 2, 3])("› with ReLU only the He family holds (seed %i)", (seed) => {
    expect(holding("relu", seed)).toEqual(he);
  });

  it.each([1, 2, 3])(
    "› with tanh only He holds; Glorot's standard and nn.Linear's default vanish, the σ≈0.88 truncated normal saturates (seed %i)",
    (seed) => {
      expect(holding("tanh", seed)).toEqual(he);
      for (const id of ["glorot-standard", "torch-linear-default"] as const)
        expect(verdictOf("tanh", seed, id).kind).toBe("vanishes");
      expect(verdictOf("tanh", seed, "trunc-normal-torch").kind).toBe("saturates");
    },
  );

  it.each([1, 2, 3])(
    "› with tanh, Xavier, LeCun and orthogonal fade slowly: Var z ends between 1/100 and 1/10 of layer 1's (seed %i)",
    (seed) => {
      const r = runSignalByScheme({ activation: "tanh", seed });
      for (const id of ["glorot-uniform", "lecun-normal-torch", "orthogonal"] as const) {
        const z = r.profiles.find((p) => p.id === id)!.preactivation;
        expect(z[z.length - 1]! / z[0]!).toBeGreaterThan(1 / 100);
        expect(z[z.length - 1]! / z[0]!).toBeLessThan(1 / 10);
      }
    },
  );

  it.each([1, 2, 3])(
    "› with the sigmoid nothing holds: every gradient vanishes, or the scheme saturates (seed %i)",
    (seed) => {
      const r = runSignalByScheme({ activation: "sigmoid", seed });
      for (const p of r.profiles) {
        if (p.id === "trunc-normal-torch") expect(p.verdict.kind).toBe("saturates");
        else expect(p.verdict).toMatchObject({ kind: "vanishes", where: "gradient" });
      }
      // while Var z stays up: the sigmoid's ½ offset, not a signal that follows the input
      const x = r.profiles.find((p) => p.id === "glorot-uniform")!.preactivation;
      expect(x[x.length - 1]! / x[0]!).toBeGreaterThan(0.1);
    },
  );
});
