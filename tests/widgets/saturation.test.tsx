// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSaturationStepper, runSaturation } from "../../engine/experiments/saturation";
import { createStepper, experimentOptions } from "../../widgets/saturation/run";
import {
  derivativeFigure,
  gradientFigure,
  lossFigure,
  saturatedFigure,
  zFigure,
} from "../../widgets/saturation/spec";
import { saturationDemo } from "../../widgets/saturation/state";
import { renderStaticSvg } from "../../widgets/ui/static-svg";
import { regimeOf, summarize } from "../../widgets/saturation/summary";
import { SaturationIsland } from "../../widgets/saturation/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
beforeEach(() => history.replaceState(null, "", "/random/"));
afterEach(cleanup);

const summaryText = () => document.querySelector(".widget__summary")!.textContent!;
const snapshotOf = (scale: number, activation: "tanh" | "sigmoid", steps = 0) => {
  const stepper = createStepper({ scale, activation, seed: 1 });
  stepper.step(steps);
  return stepper.snapshot();
};

describe("saturation model", () => {
  it("fails loudly on props an author mistyped", () => {
    const fromProps = (p: object) => saturationDemo.fromProps(p);
    expect(() => fromProps({ scale: 0 })).toThrow(/scale = 0: weight scale “0” is outside 0.01–10/);
    expect(() => fromProps({ scale: 11 })).toThrow(/scale/);
    expect(() => fromProps({ activation: "relu" })).toThrow(/activation “relu” is not one of the choices/);
    expect(() => fromProps({ seed: 1.5 })).toThrow(/seed/);
    expect(fromProps({})).toEqual(saturationDemo.defaults);
  });

  it("clamps invalid URL values to the nearest valid ones, with a note for each", () => {
    const params = new URLSearchParams("sat.scale=99&sat.activation=relu&sat.seed=abc");
    const { state, notes } = saturationDemo.decode(params);
    expect(state).toEqual({ scale: 10, activation: "tanh", seed: 0 });
    expect(notes).toEqual([
      "weight scale “99” is outside 0.01–10; using 10.",
      "activation “relu” is not one of the choices; using tanh.",
      "seed “abc” is not a number; using 0.",
    ]);
    expect(saturationDemo.decode(new URLSearchParams("sat.scale=0.001")).state.scale).toBe(0.01);
  });

  it("at s = 10 with tanh most units saturate and the summary says so, with Xavier's numbers beside", () => {
    const view = snapshotOf(10, "tanh");
    expect(regimeOf(view)).toBe("saturated");
    for (const layer of view.scaled.layers) {
      expect(layer.saturated).toBeGreaterThan(0.75);
      // Most pre-activations lie beyond the ±6 window: the tail bars.
      expect(layer.below + layer.above).toBeGreaterThan(0.6);
    }
    expect(summarize(view)).toMatch(
      /^With s = 10 and tanh, 8\d % of hidden units are saturated \(Xavier: [\d.]+ %\)/,
    );
    expect(summarize(view)).toMatch(/layer-1 gradient norm is 0\.0044, \d+× smaller than Xavier's/);
  });

  it("at s = 0.01 the summary says nothing saturates but the signal vanishes", () => {
    const view = snapshotOf(0.01, "tanh");
    expect(regimeOf(view)).toBe("vanishing");
    expect(summarize(view)).toMatch(
      /nothing saturates \(0 %; mean f′\(z\) 1\.0\), but the signal vanishes instead/,
    );
    // Every pre-activation sits in the window's middle bin (of 25 over ±6: [−0.24, 0.24]).
    expect(view.scaled.layers[2]!.z[12]).toBe(1);
  });

  it("sigmoid and tanh change the model's output: window, slope range and training settings", () => {
    const tanh = snapshotOf(1, "tanh");
    const sigmoid = snapshotOf(1, "sigmoid");
    expect([tanh.window.zLimit, tanh.window.derivativeMax, tanh.horizon]).toEqual([6, 1, 1000]);
    expect([sigmoid.window.zLimit, sigmoid.window.derivativeMax, sigmoid.horizon]).toEqual([10, 0.25, 2000]);
    expect(sigmoid.scaled.layers[0]!.meanDerivative).toBeLessThanOrEqual(0.25);
  });

  it("trains both runs in lock-step, exactly as the engine's one-shot run, and stops at the horizon", () => {
    const stepper = createStepper({ scale: 10, activation: "tanh", seed: 1 });
    for (let k = 0; k < 200; k++) stepper.step(7);
    expect(stepper.progress).toBe(1000);
    expect(stepper.done).toBe(true);
    expect(stepper.step(1)).toBe(0);
    const oneShot = runSaturation(experimentOptions({ scale: 10, activation: "tanh", seed: 1 }));
    const view = stepper.snapshot();
    expect(view.scaled.loss).toEqual(oneShot.scaled.loss);
    expect(view.baseline.loss).toEqual(oneShot.baseline.loss);
    expect(view.scaled.verdict).toBe("stalled");
    expect(view.baseline.verdict).toBe("learned");
    expect(summarize(view)).toMatch(
      /After 1,000 steps the loss of N\(0, 10²\) went from 1\.1 to 1\.0 \(stalled\)/,
    );
  });

  it("refreshes the per-layer statistics every tenth of the run, and at the end", () => {
    const stepper = createStepper({ scale: 1, activation: "tanh", seed: 1 });
    for (let k = 0; k < 150; k++) stepper.step(1);
    expect(stepper.snapshot().scaled.layersStep).toBe(100);
    stepper.step(850);
    expect(stepper.snapshot().scaled.layersStep).toBe(1000);
  });

  it("shows a diverged run as diverged, with its last finite statistics instead of NaN", () => {
    // weights of 10³⁰⁸ overflow z to ±∞; its first backward pass then meets ∞ · 0 = NaN
    const stepper = createSaturationStepper({
      ...experimentOptions({ scale: 10, activation: "tanh", seed: 1 }),
      scale: 1e308,
    });
    while (!stepper.done && stepper.snapshot().scaled.divergedAt === null) stepper.step(1);
    const view = stepper.snapshot();
    expect(view.step).toBeLessThan(20);
    expect(view.scaled.verdict).toBe("diverged");
    expect(view.scaled.loss.every((p) => Number.isFinite(p.loss))).toBe(true);
    for (const figure of [zFigure, derivativeFigure, saturatedFigure, gradientFigure, lossFigure]) {
      const f = figure(view);
      expect(renderStaticSvg(f.plot, { wide: 2 }, f.live)).not.toMatch(/NaN|Infinity/);
    }
    expect(summarize(view)).toContain(`diverged at step ${view.scaled.divergedAt}`);
  });
});

describe("SaturationIsland", () => {
  it("recomputes when the reader moves the scale or picks an activation", () => {
    render(<SaturationIsland />);
    expect(summaryText()).toMatch(/^With s = 10 and tanh/);

    fireEvent.change(screen.getByRole("combobox", { name: "Activation" }), { target: { value: "sigmoid" } });
    expect(summaryText()).toMatch(/^With s = 10 and sigmoid/);

    fireEvent.input(screen.getByRole("slider", { name: /Weight scale s/ }), { target: { value: "-2" } });
    expect(summaryText()).toMatch(/^With s = 0.01 and sigmoid, nothing saturates/);
    expect(location.search).toContain("sat.scale=0.01");
    expect(location.search).toContain("sat.activation=sigmoid");
  });

  it("steps, resets and re-seeds, and shows the step count and the seed", () => {
    render(<SaturationIsland seed={4} />);
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
    render(<SaturationIsland />);
    expect(await screen.findByText("weight scale “0.001” is outside 0.01–10; using 0.01.")).toBeTruthy();
    expect(summaryText()).toMatch(/^With s = 0.01 and sigmoid/);
    expect(screen.getByText("seed 3")).toBeTruthy();
  });
});

/**
 * The Random page's "What to notice" sentences, for every activation the demo offers: what the widget prints
 * at the two ends of its scale slider, and the verdicts it shows after a whole run, agree with the prose.
 */
describe("the demo's sentences agree with the Random page for every activation it offers", () => {
  const control = saturationDemo.fields.activation.control;
  const offered: ("tanh" | "sigmoid")[] =
    control?.kind === "select" ? control.options.map((o) => o.value as "tanh" | "sigmoid") : [];

  it("offers exactly tanh and sigmoid", () => {
    expect([...offered].sort()).toEqual(["sigmoid", "tanh"]);
  });

  it.each(offered)(
    "› Large s: %s units saturate, f′ piles up near zero, and the loss stalls while Xavier learns",
    (activation) => {
      const start = snapshotOf(10, activation);
      expect(regimeOf(start)).toBe("saturated");
      expect(summarize(start)).toMatch(/\d+ % of hidden units are saturated/);
      const end = snapshotOf(10, activation, 1e9);
      expect(end.scaled.verdict).toBe("stalled");
      expect(end.baseline.verdict).toMatch(/learn/);
      expect(summarize(end)).toContain("(stalled)");
    },
  );

  it.each(offered)(
    "› Small s: every gradient norm is tiny; with %s the z histograms narrow (tanh) or stop narrowing at s√n/2 (sigmoid)",
    (activation) => {
      const snap = snapshotOf(0.01, activation);
      expect(regimeOf(snap)).toBe("vanishing");
      expect(summarize(snap)).toContain("the signal vanishes");
      const layers = snap.scaled.layers;
      for (const l of layers) expect(l.gradNorm).toBeLessThan(1e-3);
      if (activation === "tanh") {
        for (let i = 1; i < layers.length; i++)
          expect(layers[i]!.zStd).toBeLessThan(layers[i - 1]!.zStd / 10);
      } else {
        // outputs ≈ ½: z of a layer after the first is ½·Σ W over its 8 inputs, std ≈ s·√8/2
        for (const l of layers.slice(1))
          expect(Math.abs(Math.log(l.zStd / ((0.01 * Math.sqrt(8)) / 2)))).toBeLessThan(Math.log(2));
        for (let i = 1; i < layers.length; i++)
          expect(layers[i - 1]!.gradNorm).toBeLessThan(layers[i]!.gradNorm);
      }
    },
  );
});
