// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { families } from "../../engine/initializers";
import { run } from "../../widgets/scheme-map/run";
import { schemeMapDemo } from "../../widgets/scheme-map/state";
import { FAMILIES, summarize, verdictText } from "../../widgets/scheme-map/summary";
import { SchemeMapIsland } from "../../widgets/scheme-map/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

describe("scheme map model", () => {
  it("says each verdict of the engine's rule in words", () => {
    expect(verdictText({ kind: "holds" })).toBe("holds");
    expect(verdictText({ kind: "saturates", share: 0.7 })).toBe("saturates");
    expect(verdictText({ kind: "vanishes", where: "gradient", ratio: 1e-9 })).toBe("the gradient vanishes");
    expect(verdictText({ kind: "explodes", where: "signal", ratio: 1e9 })).toBe("the signal explodes");
  });

  it("names the families that hold the signal, from the engine's run", () => {
    const state = schemeMapDemo.fromProps({ activation: "relu", highlight: "glorot-uniform" });
    const text = summarize(state, run(state));
    expect(text).toMatch(
      /^ReLU, 20 layers of 100: 3 of 17 initializers keep .* — He \/ Kaiming; 13 vanish, 1 explodes\./,
    );
    expect(text).toMatch(
      /Glorot \(Xavier\) uniform: Var z at layer 20 is .*× layer 1's \(the (signal|gradient) vanishes\)\.$/,
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
    await screen.findByText(/LeCun uniform: Var z at layer 20 is/, undefined, { timeout: 10_000 });
    expect(new URLSearchParams(location.search).get("map.activation")).toBe("tanh");
  }, 40_000);
});

/** The overview's sentences under the map, for every activation the map offers (seed 1, the page's state). */
describe("the map's summary agrees with the overview for every activation it offers", () => {
  const control = schemeMapDemo.fields.activation.control;
  const offered = control?.kind === "select" ? control.options.map((o) => o.value) : [];
  const says: Record<string, RegExp> = {
    relu: /3 of 17 initializers .* — He \/ Kaiming;/,
    tanh: /3 of 17 initializers .* — He \/ Kaiming; 1 saturates, 13 vanish\./,
    sigmoid: /0 of 17 initializers .* — none; 1 saturates, 16 vanish\./,
  };

  it("offers ReLU, tanh and sigmoid", () => {
    expect([...offered].sort()).toEqual(Object.keys(says).sort());
  });

  it.each(offered)("› with %s the summary names what holds as the overview says", (activation) => {
    const state = schemeMapDemo.fromProps({ activation });
    expect(summarize(state, run(state))).toMatch(says[activation]!);
  });
});
