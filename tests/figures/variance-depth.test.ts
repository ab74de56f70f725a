import { describe, expect, it } from "vitest";
import { runAll, stateFromProps, summarize } from "../../widgets/variance-depth/model";
import { ASPECT, histogramSpec, varianceSpec } from "../../widgets/variance-depth/spec";
import { normalizedSvg } from "./normalize";

describe("variance-by-depth figures (seed 1, He 2015 preset at 8 × 64)", () => {
  const state = stateFromProps({ preset: "he", depth: 8, width: 64 });
  const runs = runAll(state);
  const summary = summarize(state, runs);

  it("forward variance chart", () => {
    expect(normalizedSvg(varianceSpec([runs.main, runs.compare], "z", summary), ASPECT)).toMatchSnapshot();
  });
  it("backward variance chart", () => {
    expect(normalizedSvg(varianceSpec([runs.main, runs.compare], "dz", summary), ASPECT)).toMatchSnapshot();
  });
  it("activation histograms", () => {
    expect(normalizedSvg(histogramSpec(runs.main, "a", summary), ASPECT)).toMatchSnapshot();
  });
  it("gradient histograms", () => {
    expect(normalizedSvg(histogramSpec(runs.main, "dz", summary), ASPECT)).toMatchSnapshot();
  });
  it("labels each chart for assistive technology and marks Plot's groups", () => {
    const svg = normalizedSvg(varianceSpec([runs.main, runs.compare], "z", summary), ASPECT);
    expect(svg).toContain('aria-label="Var z (pre-activation) by layer, log scale"');
    expect(svg).not.toMatch(/<g aria-label="[^"]*"(?![^>]*role="group")/);
  });
});
