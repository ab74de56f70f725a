// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_STATE,
  NAMESPACE,
  run,
  schema,
  stateFromProps,
  summarize,
  verdictOf,
} from "../../widgets/scheme-map/model";
import { SchemeMapView } from "../../widgets/scheme-map/View";
import { decodeState } from "../../widgets/ui/url-state";
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
    const state = stateFromProps({ activation: "relu", highlight: "glorot-uniform" });
    const text = summarize(state, run(state));
    expect(text).toMatch(/^ReLU, 20 layers of 100: \d+ of 17 initializers keep .* — He \/ Kaiming/);
    expect(text).toMatch(
      /Glorot \(Xavier\) uniform: layer 20 has .*× the variance of layer 1 \(vanishes\)\.$/,
    );
  });

  it("fails the build on a mistyped prop", () => {
    expect(() => stateFromProps({ activation: "gelu" as never })).toThrow(/activation/);
  });

  it("decodes any query string to a state the widget accepts (10,000 random inputs)", () => {
    const keys = Object.keys(schema).map((k) => `${NAMESPACE}.${k}`);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer().map(String))),
        (q) => {
          const { state } = decodeState(NAMESPACE, schema, DEFAULT_STATE, new URLSearchParams(q));
          expect(() => stateFromProps(state)).not.toThrow();
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("SchemeMapView", () => {
  it("recomputes for another activation and names the highlighted initializer", async () => {
    render(<SchemeMapView initialSummary="(build)" />);
    await screen.findByText(/^ReLU, 20 layers/, undefined, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText("Activation"), { target: { value: "tanh" } });
    await screen.findByText(/^tanh, 20 layers/, undefined, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText("Highlight"), { target: { value: "lecun-uniform" } });
    await screen.findByText(/LeCun uniform: layer 20 has/, undefined, { timeout: 10_000 });
    expect(new URLSearchParams(location.search).get("map.activation")).toBe("tanh");
  }, 40_000);
});
