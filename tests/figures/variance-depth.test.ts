import { describe, expect, it } from "vitest";
import { runAll } from "../../widgets/variance-depth/run";
import { ASPECT, figures } from "../../widgets/variance-depth/spec";
import { fromPresetProps } from "../../widgets/variance-depth/state";
import { summarize } from "../../widgets/variance-depth/summary";
import { normalizedSvg, svgFile } from "./normalize";

describe("variance-by-depth figures (seed 1, He 2015 preset at 8 × 64)", () => {
  const state = fromPresetProps({ preset: "he", depth: 8, width: 64 });
  const runs = runAll(state);
  const figs = figures(runs, summarize(state, runs));
  const svg = (name: keyof typeof figs) => normalizedSvg(figs[name].plot, ASPECT);
  const claims: [string, keyof typeof figs, string][] = [
    [
      "He keeps the ReLU pre-activation variance level while Xavier's halves per layer",
      "forward",
      "he-relu-forward-level",
    ],
    [
      "He keeps the back-propagated gradient variance level while Xavier's shrinks",
      "backward",
      "he-relu-backward-level",
    ],
    [
      "He's ReLU activation histograms keep their width layer by layer",
      "activations",
      "he-relu-activation-histograms",
    ],
    [
      "He's back-propagated gradient histograms keep their width layer by layer",
      "gradients",
      "he-relu-gradient-histograms",
    ],
  ];
  it.each(claims)("%s", async (_claim, name, file) => {
    expect(svg(name)).not.toMatch(/NaN|Infinity/);
    await expect(svgFile(svg(name))).toMatchFileSnapshot(`./__svg__/variance-depth/${file}.svg`);
  });
  it("labels each chart for assistive technology and marks Plot's groups", () => {
    expect(svg("forward")).toContain('aria-label="Var z (pre-activation) by layer, log scale"');
    expect(svg("forward")).not.toMatch(/<g aria-label="[^"]*"(?![^>]*role="group")/);
  });
});
