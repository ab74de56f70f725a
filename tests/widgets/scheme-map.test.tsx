// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { families } from "../../engine/initializers";
import { run } from "../../widgets/scheme-map/run";
import { schemeMapDemo } from "../../widgets/scheme-map/state";
import { FAMILIES, summarize, verdictOf } from "../../widgets/scheme-map/summary";
import { SchemeMapIsland } from "../../widgets/scheme-map/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

describe("scheme map model", () => {
  it("judges a profile by its last layer against its first", () => {
    expect(verdictOf([1, 0.9, 1.2])).toBe("holds");
    expect(verdictOf([1, 0.5, 0.01])).toBe("vanishes");
    expect(verdictOf([1, 30, 900])).toBe("explodes");
    expect(verdictOf([1, Infinity, NaN])).toBe("explodes");
  });

  it("names the families that hold the signal, from the engine's run", () => {
    const state = schemeMapDemo.fromProps({ activation: "relu", highlight: "glorot-uniform" });
    const text = summarize(state, run(state));
    expect(text).toMatch(/^ReLU, 20 layers of 100: \d+ of 17 initializers keep .* — He \/ Kaiming/);
    expect(text).toMatch(
      /Glorot \(Xavier\) uniform: layer 20 has .*× the variance of layer 1 \(vanishes\)\.$/,
    );
  });

  it("draws every family of the registry but the constant one, with the registry's names and colours", () => {
    expect(FAMILIES.map((f) => f.family)).toEqual(Object.keys(families).filter((f) => f !== "constant"));
    expect(FAMILIES[0]).toEqual({ family: "he", ...families.he });
  });

  it("fails the build on a mistyped prop", () => {
    expect(() => schemeMapDemo.fromProps({ activation: "gelu" })).toThrow(/activation/);
  });
});

describe("SchemeMapIsland", () => {
  it("recomputes for another activation and names the highlighted initializer", async () => {
    render(<SchemeMapIsland initialSummary="(build)" />);
    await screen.findByText(/^ReLU, 20 layers/, undefined, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText("Activation"), { target: { value: "tanh" } });
    await screen.findByText(/^Tanh, 20 layers/, undefined, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText("Highlight"), { target: { value: "lecun-uniform" } });
    await screen.findByText(/LeCun uniform: layer 20 has/, undefined, { timeout: 10_000 });
    expect(new URLSearchParams(location.search).get("map.activation")).toBe("tanh");
  }, 40_000);
});
