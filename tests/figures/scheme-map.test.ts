import { describe, expect, it } from "vitest";
import { run } from "../../widgets/scheme-map/run";
import { ASPECT, schemeMapFigure } from "../../widgets/scheme-map/spec";
import { schemeMapDemo } from "../../widgets/scheme-map/state";
import { summarize } from "../../widgets/scheme-map/summary";
import { normalizedSvg, svgFile } from "./normalize";

describe("scheme map figure (seed 1)", () => {
  it("with tanh every family's line is drawn relative to layer 1, He normal highlighted", async () => {
    const state = schemeMapDemo.fromProps({ activation: "tanh", highlight: "he-normal-torch" });
    const result = run(state);
    const svg = normalizedSvg(
      schemeMapFigure(result, state.highlight, summarize(state, result)).plot,
      ASPECT,
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
    await expect(svgFile(svg)).toMatchFileSnapshot(
      "./__svg__/scheme-map/tanh-every-initializer-he-highlighted.svg",
    );
  });
});
