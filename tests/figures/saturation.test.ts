import { describe, expect, it } from "vitest";
import {
  advanceInPlace,
  createRuns,
  summarize,
  viewOf,
  type SaturationState,
} from "../../widgets/saturation/model";
import {
  ASPECT,
  derivativeSpec,
  gradientSpec,
  lossSpec,
  saturatedSpec,
  zSpec,
} from "../../widgets/saturation/spec";
import { normalizedSvg } from "./normalize";

function figures(state: SaturationState, steps: number) {
  const runs = createRuns(state);
  advanceInPlace(runs, steps);
  const view = viewOf(runs);
  const summary = summarize(view);
  return {
    z: normalizedSvg(zSpec(view, summary), ASPECT.histogram),
    derivative: normalizedSvg(derivativeSpec(view, summary), ASPECT.histogram),
    saturated: normalizedSvg(saturatedSpec(view, summary), ASPECT.perLayer),
    gradient: normalizedSvg(gradientSpec(view, summary), ASPECT.perLayer),
    loss: normalizedSvg(lossSpec(view, summary), ASPECT.loss),
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
});
