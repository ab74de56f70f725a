// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSaturation } from "../../engine/experiments/saturation";
import {
  DEFAULT_STATE,
  advanceInPlace,
  createRuns,
  finished,
  formatNumber,
  layerSnapshot,
  regimeOf,
  schema,
  stateFromProps,
  summarize,
  viewOf,
} from "../../widgets/saturation/model";
import { decodeState } from "../../widgets/ui/url-state";
import { SaturationView } from "../../widgets/saturation/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
beforeEach(() => history.replaceState(null, "", "/random/"));
afterEach(cleanup);

const summaryText = () => document.querySelector(".widget__summary")!.textContent!;

describe("saturation model", () => {
  it("fails loudly on props an author mistyped", () => {
    expect(() => stateFromProps({ scale: 0 })).toThrow(/scale must be a number in \[0.01, 10\]/);
    expect(() => stateFromProps({ scale: 11 })).toThrow(/scale/);
    expect(() => stateFromProps({ activation: "relu" as never })).toThrow(
      /activation must be "tanh" or "sigmoid"/,
    );
    expect(() => stateFromProps({ seed: 1.5 })).toThrow(/seed/);
    expect(stateFromProps({})).toEqual(DEFAULT_STATE);
  });

  it("clamps invalid URL values to the nearest valid ones, with a note for each", () => {
    const params = new URLSearchParams("sat.scale=99&sat.activation=relu&sat.seed=abc");
    const { state, notes } = decodeState("sat", schema, DEFAULT_STATE, params);
    expect(state).toEqual({ scale: 10, activation: "tanh", seed: 0 });
    expect(notes).toEqual([
      "weight scale “99” is outside 0.01–10; using 10.",
      "activation “relu” is not one of the choices; using tanh.",
      "seed “abc” is not a number; using 0.",
    ]);
    expect(
      decodeState("sat", schema, DEFAULT_STATE, new URLSearchParams("sat.scale=0.001")).state.scale,
    ).toBe(0.01);
  });

  it("at s = 10 with tanh most units saturate and the summary says so, with Xavier's numbers beside", () => {
    const view = viewOf(createRuns({ scale: 10, activation: "tanh", seed: 1 }));
    expect(regimeOf(view)).toBe("saturated");
    for (const layer of view.scaled.layers) {
      expect(layer.saturated).toBeGreaterThan(0.75);
      // Most pre-activations lie beyond the ±6 window: the tail bars.
      expect(layer.z.below + layer.z.above).toBeGreaterThan(0.6);
    }
    expect(summarize(view)).toMatch(
      /^With s = 10 and tanh, 8\d % of hidden units are saturated \(Xavier: \d %\)/,
    );
    expect(summarize(view)).toMatch(/layer-1 gradient norm is 0\.0044, \d+× smaller than Xavier's/);
  });

  it("at s = 0.01 the summary says nothing saturates but the signal vanishes", () => {
    const view = viewOf(createRuns({ scale: 0.01, activation: "tanh", seed: 1 }));
    expect(regimeOf(view)).toBe("vanishing");
    expect(summarize(view)).toMatch(
      /nothing saturates \(0 %; mean f′\(z\) 1\.0\), but the signal vanishes instead/,
    );
    // Every pre-activation sits in the window's middle bin.
    const middle = view.scaled.layers[2].z.bins[12];
    expect(middle.x0).toBeLessThan(0);
    expect(middle.x1).toBeGreaterThan(0);
    expect(middle.share).toBe(1);
  });

  it("sigmoid and tanh change the model's output: window, slope range and training settings", () => {
    const tanh = viewOf(createRuns({ scale: 1, activation: "tanh", seed: 1 }));
    const sigmoid = viewOf(createRuns({ scale: 1, activation: "sigmoid", seed: 1 }));
    expect([tanh.zLimit, tanh.derivativeMax, tanh.horizon]).toEqual([6, 1, 1000]);
    expect([sigmoid.zLimit, sigmoid.derivativeMax, sigmoid.horizon]).toEqual([10, 0.25, 2000]);
    expect(sigmoid.scaled.layers[0].meanDerivative).toBeLessThanOrEqual(0.25);
  });

  it("trains both runs in lock-step, exactly as the engine's one-shot run, and stops at the horizon", () => {
    const runs = createRuns({ scale: 10, activation: "tanh", seed: 1 });
    for (let k = 0; k < 200; k++) advanceInPlace(runs, 7);
    expect(runs.step).toBe(1000);
    expect(finished(runs)).toBe(true);
    const oneShot = runSaturation({ scale: 10, activation: "tanh", seed: 1, steps: 1000, lr: 0.03 });
    expect(runs.scaled.loss).toEqual(oneShot.scaled.loss);
    expect(runs.baseline.loss).toEqual(oneShot.baseline.loss);
    const view = viewOf(runs);
    expect(view.scaled.status).toBe("stalled");
    expect(view.baseline.status).toBe("learning");
    expect(summarize(view)).toMatch(
      /After 1,000 steps the loss of N\(0, 10²\) went from 1\.1 to 1\.0 \(stalled\)/,
    );
  });

  it("shows a diverged run as diverged, with its last finite statistics instead of NaN", () => {
    const runs = createRuns({ scale: 1, activation: "tanh", seed: 1 });
    const before = layerSnapshot(runs);
    runs.scaled.trainer.net.layers[1].W[0] = Number.NaN;
    advanceInPlace(runs, 10);
    expect(runs.divergedAt).toEqual({ scaled: 10, baseline: null });
    const view = viewOf(runs, layerSnapshot(runs, before));
    expect(view.scaled.status).toBe("diverged");
    expect(view.scaled.layers).toBe(before.scaled);
    expect(view.scaled.loss.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(summarize(view)).toContain("diverged at step 10");
    // The other run keeps training to the end.
    advanceInPlace(runs, 2000);
    expect(runs.baseline.trainer.step).toBe(1000);
  });

  it("writes tiny numbers as powers of ten", () => {
    expect(formatNumber(0.0000018)).toBe("1.8 × 10⁻⁶");
    expect(formatNumber(0.5)).toBe("0.50");
    expect(formatNumber(370.4)).toBe("370");
  });
});

describe("SaturationView", () => {
  it("recomputes when the reader moves the scale or picks an activation", () => {
    render(<SaturationView />);
    expect(summaryText()).toMatch(/^With s = 10 and tanh/);

    fireEvent.change(screen.getByRole("combobox", { name: "Activation" }), { target: { value: "sigmoid" } });
    expect(summaryText()).toMatch(/^With s = 10 and sigmoid/);

    fireEvent.input(screen.getByRole("slider", { name: /Weight scale s/ }), { target: { value: "-2" } });
    expect(summaryText()).toMatch(/^With s = 0.01 and sigmoid, nothing saturates/);
    expect(location.search).toContain("sat.scale=0.01");
    expect(location.search).toContain("sat.activation=sigmoid");
  });

  it("steps, resets and re-seeds, and shows the step count and the seed", () => {
    render(<SaturationView seed={4} />);
    expect(screen.getByText("seed 4")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Step" }));
    fireEvent.click(screen.getByRole("button", { name: "Step" }));
    expect(document.querySelector(".control__counter")!.textContent).toBe("step 10");
    expect(summaryText()).toContain("After 10 steps");
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(document.querySelector(".control__counter")!.textContent).toBe("step 0");
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 5")).toBeTruthy();
  });

  it("restores its state from the URL and notes the values it had to clamp", async () => {
    history.replaceState(null, "", "/random/?sat.scale=0.001&sat.activation=sigmoid&sat.seed=3");
    render(<SaturationView />);
    expect(await screen.findByText("weight scale “0.001” is outside 0.01–10; using 0.01.")).toBeTruthy();
    expect(summaryText()).toMatch(/^With s = 0.01 and sigmoid/);
    expect(screen.getByText("seed 3")).toBeTruthy();
  });
});
