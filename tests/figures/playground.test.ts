import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Boundary } from "../../widgets/playground/Boundary";
import { Diagram } from "../../widgets/playground/Diagram";
import { evaluateGrid, outputOf } from "../../widgets/playground/grid";
import { stateFromProps } from "../../widgets/playground/model";
import { createRun, layerRows, stepEpoch } from "../../widgets/playground/run";
import { Chart } from "../../widgets/playground/Chart";
import {
  LAYER_ASPECT,
  LOSS_ASPECT,
  layerSpec,
  lossSpec,
  type ChartSpec,
} from "../../widgets/playground/spec";
import { summarize } from "../../widgets/playground/summary";

/** Same normalisation as the Plot figures: numbers to 3 significant digits, one element per line. */
const normalize = (markup: string) =>
  markup
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(3))))
    .replace(/></g, ">\n<");

/** A chart as the build renders it (before its box is measured). */
const normalizedSvg = (spec: ChartSpec, aspect: { wide: number; narrow: number }) =>
  normalize(renderToString(h(Chart, { spec, aspect })));

describe("playground figures (seed 1, circle, He normal + ReLU, hidden 4-3, after 5 epochs)", () => {
  const state = stateFromProps({ activation: "relu", init: "he-normal-torch", hidden: [4, 3] });
  const run = createRun(state);
  for (let e = 0; e < 5; e++) stepEpoch(run);
  const rows = layerRows(run);
  const summary = summarize(run, rows);
  const grid = evaluateGrid(run.trainer.net);

  it("loss chart", () => {
    expect(normalizedSvg(lossSpec(run.history, run.baseline, summary), LOSS_ASPECT)).toMatchSnapshot();
  });
  it("per-layer variance chart", () => {
    expect(normalizedSvg(layerSpec(rows, summary), LAYER_ASPECT)).toMatchSnapshot();
  });
  it("build-time decision boundary (heatmap cells and data points)", () => {
    const markup = renderToString(
      h(Boundary, {
        output: outputOf(grid),
        train: run.split.train,
        test: run.split.test,
        live: false,
        label: summary,
      }),
    );
    expect(markup).toContain('role="img"');
    expect(normalize(markup)).toMatchSnapshot();
  });
  it("build-time network diagram (links by sign and size, unit thumbnails)", () => {
    const markup = renderToString(
      h(Diagram, {
        net: run.trainer.net,
        grid,
        live: false,
        focus: { layer: 0, unit: 0 },
        selection: null,
        onSelect: () => {},
        onFocusMove: () => {},
        version: 0,
      }),
    );
    expect(markup.match(/<line /g)).toHaveLength(2 * 4 + 4 * 3 + 3);
    expect(markup.match(/tabindex="0"/gi)).toHaveLength(1);
    expect(normalize(markup)).toMatchSnapshot();
  });
  it("labels each chart for assistive technology", () => {
    const svg = normalizedSvg(lossSpec(run.history, run.baseline, summary), LOSS_ASPECT);
    expect(svg).toContain('aria-label="Train and test loss by epoch, log scale"');
    expect(svg).toContain('role="img"');
  });
  it("draws a diverged run's finite losses only, never NaN axes", () => {
    const diverged = createRun(stateFromProps({ activation: "relu", init: "he-normal-torch", lr: 10 }));
    for (let e = 0; e < 20 && !diverged.diverged; e++) stepEpoch(diverged);
    expect(diverged.diverged).toBe(true);
    const svg = normalizedSvg(lossSpec(diverged.history, diverged.baseline, "diverged"), LOSS_ASPECT);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
