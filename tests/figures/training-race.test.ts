import { describe, expect, it } from "vitest";
import { stepTo } from "../../engine/stepping";
import { createStepper } from "../../widgets/training-race/run";
import { boundaryFigure, LANE_ASPECT, LOSS_ASPECT, lossFigure } from "../../widgets/training-race/spec";
import { raceDemo, type RaceState } from "../../widgets/training-race/state";
import { boundaryDescription, laneNames, summarize } from "../../widgets/training-race/summary";
import { liveAt, type LivePath } from "../../widgets/ui/live-marks";
import type { FigureSpec } from "../../widgets/ui/PlotFigure";
import { normalizedSvg, svgFile } from "./normalize";

const svg = (f: FigureSpec, aspect: { wide: number }) => normalizedSvg(f.plot, aspect, f.live);

/** A race of this state trained `steps` steps (or to its end): its loss chart, on a phone too, and its lanes. */
function figures(props: Partial<RaceState>, steps = Infinity) {
  const stepper = createStepper(raceDemo.fromProps(props), Infinity);
  stepTo(stepper, steps);
  const snap = stepper.snapshot();
  const names = laneNames(snap.options.inits);
  const loss = lossFigure(snap, names, summarize(snap, false));
  return {
    loss: svg(loss, LOSS_ASPECT),
    // drawn at a phone's width whatever the static size
    phone: normalizedSvg(loss.plot, { wide: 360 / 270 }, loss.live, { width: 360, height: 270 }),
    lanes: names.map((name, k) =>
      svg(boundaryFigure(snap, k, name, boundaryDescription(name, snap.boundaries[k]!)), LANE_ASPECT),
    ),
  };
}

describe("training race figures (seed 1, He vs Xavier, 30 × 16 ReLU, circle)", () => {
  const start = figures({}, 0);
  const end = figures({});
  const diverged = figures({ lr: 1, depth: 10, steps: 100 });
  // Each figure is kept as a viewable .svg beside this test, named for the claim it shows.
  const claims: [string, string, string][] = [
    ["at step 0 both lanes start at the constant prediction's loss", start.loss, "step0-loss"],
    ["at step 0 the He net's output is flat over the input plane", start.lanes[0]!, "step0-he-boundary-flat"],
    [
      "after 600 steps He's loss is far below the constant prediction's while Xavier's stays on it",
      end.loss,
      "he-learns-xavier-stalls-loss",
    ],
    ["on a phone the loss chart drops its line-end labels", end.phone, "phone-loss-no-labels"],
    ["after 600 steps He's boundary has the circle's shape", end.lanes[0]!, "he-boundary-circle"],
    ["after 600 steps Xavier's boundary is still flat", end.lanes[1]!, "xavier-boundary-flat"],
    ["a diverged lane ends in a cross on the loss chart", diverged.loss, "diverged-loss-cross"],
    [
      "a diverged lane's boundary shows the data and says training stopped",
      diverged.lanes[0]!,
      "diverged-boundary",
    ],
  ];
  it.each(claims)("%s", async (_claim, figure, file) => {
    expect(figure).toMatch(/^<svg /);
    expect(figure).not.toMatch(/NaN|Infinity/);
    await expect(svgFile(figure)).toMatchFileSnapshot(`./__svg__/training-race/${file}.svg`);
  });

  it("labels each curve's end by lane, and a diverged one as diverged", () => {
    expect(end.loss).toContain(">He normal<");
    expect(end.loss).toContain(">Glorot normal<");
    expect(end.phone).not.toContain(">He normal<");
    expect(diverged.loss).toContain("He normal ✕ diverged");
    expect(diverged.lanes[0]).toContain("training stopped");
  });

  it("draws the curves and the heatmap as live marks, the heatmap under the data's dots", () => {
    expect(end.loss.match(/class="live-marks"/g)).toHaveLength(1);
    // two curves, and a dot at the end of each
    expect(end.loss.match(/<circle/g)).toHaveLength(2);
    const he = end.lanes[0]!;
    expect(he.indexOf('class="live-marks"')).toBeLessThan(he.indexOf("<circle"));
    expect(he.match(/fill-opacity/g)!.length).toBeGreaterThan(5);
  });

  it("redraws the loss chart's Plot part only when its axes change: curves and their labels are live marks", () => {
    const stepper = createStepper(raceDemo.defaults);
    const names = laneNames(raceDemo.defaults.inits);
    const keys = new Set<string>();
    for (let k = 0; k < 60; k++) {
      stepTo(stepper, stepper.progress + 10);
      const figure = lossFigure(stepper.snapshot(), names);
      keys.add(figure.key);
      expect((liveAt(figure.live, { width: 640, height: 200 })![0] as LivePath).points).toHaveLength(k + 2);
    }
    // the default race keeps its axes for all 600 steps: one Plot run, then only live marks
    expect(keys.size).toBe(1);
  });
});
