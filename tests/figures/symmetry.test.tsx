import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { createStepper } from "../../widgets/symmetry/run";
import { ASPECT, heatmapFigure, symmetryDiagram } from "../../widgets/symmetry/spec";
import { symmetryDemo, type SymmetryState } from "../../widgets/symmetry/state";
import { summarize } from "../../widgets/symmetry/summary";
import { NetworkDiagram } from "../../widgets/symmetry/View";
import { normalized, normalizedSvg, svgFile } from "./normalize";

/** The demo's snapshot after `steps` steps, its heatmaps (wide, or as a phone draws them) and its diagram. */
function at(props: Partial<SymmetryState>, steps: number) {
  const state = symmetryDemo.fromProps(props);
  const stepper = createStepper(state);
  stepper.step(steps);
  const snap = stepper.snapshot();
  const figure = heatmapFigure(snap, summarize(snap, state));
  return {
    snap,
    figure,
    heatmap: normalizedSvg(figure.plot, ASPECT, figure.live),
    phone: normalizedSvg(figure.plot, { wide: ASPECT.narrow }, figure.live),
    diagram: normalized(renderToString(<NetworkDiagram snap={snap} />)),
  };
}

/** The printed cell values of W¹ (drawn first: 4 rows of 2), one string per row. */
const w1Rows = (svg: string) => {
  const values = [...svg.matchAll(/<text[^>]*>([−\d.]+)<\/text>/g)].map((m) => m[1]);
  return [0, 1, 2, 3].map((r) => values.slice(r * 2, r * 2 + 2).join(" "));
};

describe("symmetry figures (seed 1, 2-4-4-1 on XOR)", () => {
  const start = at({}, 0);
  const tied = at({}, 300);
  const noisy = at({ noise: true, epsilon: 0.05 }, 1500);
  const zero = at({ activation: "relu", constant: 0 }, 200);
  // Each figure is kept as a viewable .svg beside this test, named for the claim it shows.
  const claims: [string, string, string][] = [
    ["at step 0 every weight is c = 0.5 and every bias 0", start.heatmap, "heatmap-step0-every-weight-c"],
    [
      "after 300 steps from c = 0.5 the rows of every W are identical, its columns differ",
      tied.heatmap,
      "heatmap-tied-rows-identical",
    ],
    ["after 1,500 steps with ε = 0.05 noise the rows differ", noisy.heatmap, "heatmap-noise-rows-differ"],
    [
      "zero init with ReLU, on a phone: after 200 steps only the output bias is non-zero",
      zero.phone,
      "heatmap-relu-zero-only-output-bias",
    ],
    [
      "after 300 tied steps every hidden unit of a layer has the same links",
      tied.diagram,
      "diagram-tied-identical-links",
    ],
    ["with ε = 0.05 noise the hidden units' links differ", noisy.diagram, "diagram-noise-links-differ"],
  ];
  it.each(claims)("%s", async (_claim, svg, file) => {
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/NaN|Infinity/);
    await expect(svgFile(svg)).toMatchFileSnapshot(`./__svg__/symmetry/${file}.svg`);
  });

  it("tied units draw identical rows; noise makes them differ", () => {
    // (the normalized SVG writes 0.50 as 0.5)
    expect(new Set(w1Rows(start.heatmap))).toEqual(new Set(["0.5 0.5"]));
    expect(new Set(w1Rows(tied.heatmap)).size).toBe(1);
    expect(w1Rows(tied.heatmap)[0].split(" ")[0]).not.toBe(w1Rows(tied.heatmap)[0].split(" ")[1]);
    expect(new Set(w1Rows(noisy.heatmap)).size).toBe(4);
  });

  it("shades only the non-zero cells: zero init with ReLU leaves one (the output bias)", () => {
    const shaded = (svg: string) => svg.match(/<path [^>]*fill-opacity=/g)?.length ?? 0;
    expect(shaded(zero.phone)).toBe(1);
    expect(shaded(start.heatmap)).toBe(28); // 8 + 16 + 4 weights; biases start at 0
  });

  it("training moves only the live marks: the Plot part's key stays the same", () => {
    expect(heatmapFigure(noisy.snap).key).toBe(heatmapFigure(start.snap).key);
    expect(start.heatmap).toContain('class="live-marks"');
  });

  it("labels the heatmap for assistive technology and marks Plot's groups", () => {
    expect(start.heatmap).toContain('aria-label="Weight matrices and biases of every layer as heatmaps"');
    expect(start.heatmap).toContain("0 — bit-identical");
    expect(start.heatmap).not.toMatch(/<g aria-label="[^"]*"(?![^>]*role="group")/);
    expect(tied.diagram).toContain('aria-label="Network diagram');
  });

  it("colours links by sign and sizes them by magnitude; exact zeros are dashed", () => {
    const { links } = symmetryDiagram(noisy.snap);
    const negative = links.filter((l) => l.weight < 0);
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.every((l) => l.stroke === "var(--series-2)")).toBe(true);
    const big = links.reduce((a, b) => (Math.abs(b.weight) > Math.abs(a.weight) ? b : a));
    expect(big.strokeWidth).toBe(Math.max(...links.map((l) => l.strokeWidth)));
    expect(symmetryDiagram(zero.snap).links.every((l) => l.dashed)).toBe(true);
  });
});
