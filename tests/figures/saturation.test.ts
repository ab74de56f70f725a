import { describe, expect, it } from "vitest";
import { createStepper } from "../../widgets/saturation/run";
import {
  ASPECT,
  derivativeFigure,
  gradientFigure,
  lossFigure,
  saturatedFigure,
  zFigure,
} from "../../widgets/saturation/spec";
import type { SaturationState } from "../../widgets/saturation/state";
import { summarize } from "../../widgets/saturation/summary";
import type { FigureSpec } from "../../widgets/ui/PlotFigure";
import { normalizedSvg, svgFile } from "./normalize";

function figures(state: SaturationState, steps: number) {
  const stepper = createStepper(state);
  stepper.step(steps);
  const snap = stepper.snapshot();
  const summary = summarize(snap);
  const svg = (f: FigureSpec, aspect: { wide: number }) => normalizedSvg(f.plot, aspect, f.live);
  return {
    z: svg(zFigure(snap, summary), ASPECT.histogram),
    derivative: svg(derivativeFigure(snap, summary), ASPECT.histogram),
    saturated: svg(saturatedFigure(snap, summary), ASPECT.perLayer),
    gradient: svg(gradientFigure(snap, summary), ASPECT.perLayer),
    loss: svg(lossFigure(snap, summary), ASPECT.loss),
  };
}

describe("saturation figures", () => {
  const tanh10 = figures({ scale: 10, activation: "tanh", seed: 1 }, 0);
  const tanh10Trained = figures({ scale: 10, activation: "tanh", seed: 1 }, 300);
  const sigmoidTiny = figures({ scale: 0.01, activation: "sigmoid", seed: 1 }, 300);
  // Each figure is kept as a viewable .svg beside this test, named for the claim it shows.
  const claims: [string, string, string][] = [
    ["with s = 10 the tanh pre-activations spread far past ±6", tanh10.z, "tanh-s10-z-spreads-past-6"],
    ["with s = 10 most units' f′(z) is near 0", tanh10.derivative, "tanh-s10-derivative-near-0"],
    [
      "with s = 10 most hidden units of every layer are saturated, few with Xavier",
      tanh10.saturated,
      "tanh-s10-saturated-per-layer",
    ],
    [
      "with s = 10 the layer gradients are far smaller than Xavier's",
      tanh10.gradient,
      "tanh-s10-gradients-smaller",
    ],
    [
      "with s = 10 the loss stalls over 300 steps while Xavier's falls",
      tanh10Trained.loss,
      "tanh-s10-loss-stalls",
    ],
    [
      "with s = 0.01 the sigmoid pre-activations shrink to a spike at 0",
      sigmoidTiny.z,
      "sigmoid-s001-z-spike",
    ],
  ];
  it.each(claims)("%s", async (_claim, svg, file) => {
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/NaN|Infinity/);
    await expect(svgFile(svg)).toMatchFileSnapshot(`./__svg__/saturation/${file}.svg`);
  });

  it("draws the tail bars of the pre-activation histograms beyond the ±6 window", () => {
    const svg = figures({ scale: 10, activation: "tanh", seed: 1 }, 0).z;
    expect(svg).toContain("&lt; −6");
    expect(svg).toContain("&gt; 6");
  });

  it("draws the moving marks (histogram areas, loss curves) into the static figure too", () => {
    const svgs = figures({ scale: 10, activation: "tanh", seed: 1 }, 300);
    // two runs × three layers × (area + two tails)
    expect(svgs.z.match(/<path [^>]*d="M/g)?.length).toBeGreaterThanOrEqual(18);
    expect(svgs.loss).toContain('class="live-marks"');
    expect(svgs.loss.match(/<circle/g)).toHaveLength(2);
  });
});
