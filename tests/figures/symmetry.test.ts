import { describe, expect, it } from "vitest";
import { advance, createRun, snapshot, stateFromProps, summarize } from "../../widgets/symmetry/model";
import { ASPECT, diagramLayout, heatmapSpec } from "../../widgets/symmetry/spec";
import { normalizedSvg } from "./normalize";

const at = (props: Parameters<typeof stateFromProps>[0], steps: number) => {
  const state = stateFromProps(props);
  const run = createRun(state);
  advance(run, steps);
  const snap = snapshot(run);
  return { snap, summary: summarize(snap, state) };
};

/** The narrow (phone) layout: the same spec drawn into a box of the narrow aspect. */
const narrow = { wide: ASPECT.narrow };

/** Numbers in the diagram geometry rounded to 3 significant digits, like the SVG snapshots. */
const round = (value: unknown): unknown =>
  typeof value === "number"
    ? Number(value.toPrecision(3))
    : Array.isArray(value)
      ? value.map(round)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]))
        : value;

describe("symmetry figures (seed 1, 2-4-4-1 on XOR)", () => {
  const tied = at({}, 0);
  const trainedTied = at({}, 300);
  const noisy = at({ noise: true, epsilon: 0.05 }, 1500);
  const zero = at({ activation: "relu", constant: 0 }, 200);

  it("heatmaps of the initial state (what the page shows before hydration)", () => {
    expect(normalizedSvg(heatmapSpec(tied.snap, tied.summary), ASPECT)).toMatchSnapshot();
  });
  it("heatmaps after 300 tied steps: identical rows, different columns", () => {
    expect(normalizedSvg(heatmapSpec(trainedTied.snap, trainedTied.summary), ASPECT)).toMatchSnapshot();
  });
  it("heatmaps after 1500 steps with ε = 0.05: the rows differ", () => {
    expect(normalizedSvg(heatmapSpec(noisy.snap, noisy.summary), ASPECT)).toMatchSnapshot();
  });
  it("heatmaps of zero init with ReLU after 200 steps, on a phone: only the output bias is non-zero", () => {
    expect(normalizedSvg(heatmapSpec(zero.snap, zero.summary), narrow)).toMatchSnapshot();
  });
  it("network diagram geometry: tied and noisy", () => {
    expect(round(diagramLayout(trainedTied.snap))).toMatchSnapshot();
    expect(round(diagramLayout(noisy.snap))).toMatchSnapshot();
  });

  it("tied units draw identical rows; noise makes them differ", () => {
    const rowsOf = (svg: string) => {
      const labels = [...svg.matchAll(/<text[^>]*>([−\d.]+)<\/text>/g)].map((m) => m[1]);
      // W1 is drawn first: 4 rows of 2 values, read row by row.
      return [0, 1, 2, 3].map((r) => labels.slice(r * 2, r * 2 + 2).join(" "));
    };
    const tiedRows = rowsOf(normalizedSvg(heatmapSpec(trainedTied.snap, ""), ASPECT));
    expect(new Set(tiedRows).size).toBe(1);
    const noisyRows = rowsOf(normalizedSvg(heatmapSpec(noisy.snap, ""), ASPECT));
    expect(new Set(noisyRows).size).toBe(4);
  });

  it("labels the heatmap for assistive technology and marks Plot's groups", () => {
    const svg = normalizedSvg(heatmapSpec(tied.snap, tied.summary), ASPECT);
    expect(svg).toContain('aria-label="Weight matrices and biases of every layer as heatmaps"');
    expect(svg).toContain("0 — bit-identical");
    expect(svg).not.toMatch(/<g aria-label="[^"]*"(?![^>]*role="group")/);
    expect(svg).not.toMatch(/NaN/);
  });

  it("colours links by sign and sizes them by magnitude; exact zeros are dashed", () => {
    const { links } = diagramLayout(noisy.snap);
    const neg = links.filter((l) => l.weight < 0);
    expect(neg.length).toBeGreaterThan(0);
    expect(neg.every((l) => l.stroke === "var(--series-2)")).toBe(true);
    const big = links.reduce((a, b) => (Math.abs(b.weight) > Math.abs(a.weight) ? b : a));
    expect(big.strokeWidth).toBe(Math.max(...links.map((l) => l.strokeWidth)));
    expect(diagramLayout(zero.snap).links.every((l) => l.dashed)).toBe(true);
  });
});
