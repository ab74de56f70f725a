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
import { normalizedSvg } from "./normalize";

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
  const cases: [string, SaturationState, number][] = [
    [
      "N(0, 10²) tanh at initialisation (the build-time figures)",
      { scale: 10, activation: "tanh", seed: 1 },
      0,
    ],
    ["N(0, 0.01²) sigmoid after 300 steps", { scale: 0.01, activation: "sigmoid", seed: 1 }, 300],
  ];
  for (const [name, state, steps] of cases) {
    it(`draws ${name} the same way every time`, () => {
      const svgs = figures(state, steps);
      for (const [figure, svg] of Object.entries(svgs)) {
        expect(svg).toMatch(/^<svg /);
        expect(svg).not.toMatch(/NaN|Infinity/);
        expect(svg).toMatchSnapshot(figure);
      }
    });
  }

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
