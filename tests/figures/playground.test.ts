import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../engine/stepping";
import { evaluateGrid, outputOf } from "../../widgets/ui/grid";
import { Boundary } from "../../widgets/playground/Boundary";
import { Chart } from "../../widgets/playground/Chart";
import { Diagram } from "../../widgets/playground/Diagram";
import { createStepper, PLANE, splitOf, stepsPerEpoch } from "../../widgets/playground/run";
import { LAYER_ASPECT, LOSS_ASPECT, layerSpec, lossSpec } from "../../widgets/playground/spec";
import { playgroundDemo, type PlaygroundState } from "../../widgets/playground/state";
import { summarize } from "../../widgets/playground/summary";
import { svgFile } from "./normalize";

/** The figure's <svg> as the build renders it, numbers to 3 significant digits, one element per line. */
const normalizedSvg = <P>(vnode: VNode<P>) =>
  /<svg[\s\S]*<\/svg>/
    .exec(renderToString(vnode))![0]
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(3))))
    .replace(/></g, ">\n<");

/** A state's snapshot after `epochs` epochs, its summary, data split and grid. */
function trained(props: Partial<PlaygroundState>, epochs: number) {
  const state = playgroundDemo.fromProps(props);
  const stepper = createStepper(state);
  stepper.step(epochs * stepsPerEpoch(state));
  const snap = stepper.snapshot();
  return {
    snap,
    summary: summarize(snap, state),
    split: splitOf(state),
    grid: evaluateGrid(snap.net, PLANE),
  };
}

const diagram = (r: ReturnType<typeof trained>) =>
  h(Diagram, {
    net: r.snap.net,
    grid: r.grid,
    live: false,
    focus: { layer: 0, unit: 0 },
    selection: null,
    onSelect: () => {},
    onFocusMove: () => {},
    version: 0,
  });

describe("playground figures (seed 1, circle)", () => {
  const he = trained({ activation: "relu", init: "he-normal-torch", hidden: [4, 3] }, 5);
  const tiny = trained(
    { activation: "tanh", init: "random-normal", params: { std: 0.01 }, hidden: [8, 8, 8] },
    0,
  );
  const constant = trained({ init: "constant", hidden: [4, 4] }, 0);
  const file = (name: string) => `./__svg__/playground/${name}.svg`;

  it("with He + ReLU both losses fall below predicting the average label within 5 epochs", async () => {
    const last = he.snap.history[he.snap.history.length - 1]!;
    expect(Math.max(last.train, last.test)).toBeLessThan(0.7 * he.snap.baseline);
    const svg = normalizedSvg(
      h(Chart, { spec: lossSpec(he.snap.history, he.snap.baseline, he.summary), aspect: LOSS_ASPECT }),
    );
    await expect(svgFile(svg)).toMatchFileSnapshot(file("he-relu-loss-falls"));
  });

  it("with N(0, 0.01²) weights the tanh activations' variance shrinks tenfold or more per layer", async () => {
    const act = tiny.snap.rows.map((r) => r.actVar);
    for (let l = 1; l < act.length; l++) expect(act[l]!).toBeLessThan(act[l - 1]! / 10);
    const svg = normalizedSvg(
      h(Chart, { spec: layerSpec(tiny.snap.rows, tiny.summary), aspect: LAYER_ASPECT }),
    );
    await expect(svgFile(svg)).toMatchFileSnapshot(file("tiny-normal-variance-vanishes"));
  });

  it("after 5 epochs the He + ReLU boundary gives each class a region of the plane", async () => {
    const output = outputOf(he.grid);
    expect(output.some((v) => v > 0.5) && output.some((v) => v < -0.5)).toBe(true);
    const boundary = h(Boundary, {
      output,
      train: he.split.train,
      test: he.split.test,
      live: false,
      label: he.summary,
    });
    const svg = normalizedSvg(boundary);
    expect(svg).toContain('role="img"');
    await expect(svgFile(svg)).toMatchFileSnapshot(file("he-relu-boundary-after-5-epochs"));
  });

  it("the network diagram draws every weight by sign and size, and one thumbnail per unit", async () => {
    const svg = normalizedSvg(diagram(he));
    expect(svg.match(/<line /g)).toHaveLength(2 * 4 + 4 * 3 + 3);
    expect(svg.match(/tabindex="0"/gi)).toHaveLength(1);
    await expect(svgFile(svg)).toMatchFileSnapshot(file("he-relu-network-diagram"));
  });

  it("with a constant initializer every unit of a hidden layer is the same: equal links, equal thumbnails", async () => {
    expect(constant.snap.rows.map((r) => r.tied)).toEqual([true, true, false]);
    const svg = normalizedSvg(diagram(constant));
    const widths = new Set(svg.match(/stroke-width="[\d.]+" stroke-opacity/g));
    expect(widths.size).toBe(1); // every weight is c
    await expect(svgFile(svg)).toMatchFileSnapshot(file("constant-tied-units-diagram"));
  });

  it("labels each chart for assistive technology", () => {
    const svg = normalizedSvg(
      h(Chart, { spec: lossSpec(he.snap.history, he.snap.baseline, he.summary), aspect: LOSS_ASPECT }),
    );
    expect(svg).toContain('aria-label="Train and test loss by epoch, log scale"');
    expect(svg).toContain('role="img"');
  });

  it("draws a diverged run's finite losses only, never NaN axes", () => {
    const state = playgroundDemo.fromProps({ activation: "relu", init: "he-normal-torch", lr: 10 });
    const snap = runToEnd(createStepper(state));
    expect(snap.diverged).toBe(true);
    const svg = normalizedSvg(
      h(Chart, { spec: lossSpec(snap.history, snap.baseline, "diverged"), aspect: LOSS_ASPECT }),
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
