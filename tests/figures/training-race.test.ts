import { describe, expect, it } from "vitest";
import {
  boundaryDescription,
  boundaryOf,
  createRace,
  planeOf,
  snapshot,
  stateFromProps,
  stepLanesOnce,
  summarize,
  type RaceWidgetState,
} from "../../widgets/training-race/model";
import { boundarySpec, LANE_ASPECT, LOSS_ASPECT, lossSpec } from "../../widgets/training-race/spec";
import { normalizedSvg } from "./normalize";

/** A race of this state trained to `steps` (or to its end), its snapshot and each lane's boundary. */
function raceAt(props: Partial<RaceWidgetState>, steps?: number) {
  const state = stateFromProps(props);
  const race = createRace(state);
  while (stepLanesOnce(race, steps ?? state.steps)) {
    /* train */
  }
  const snap = snapshot(race);
  const plane = planeOf(race);
  const boundaries = race.lanes.map((_, k) => boundaryOf(race, plane, k));
  return { state, snap, plane, boundaries, summary: summarize(snap, state, false) };
}

const narrow = { wide: LOSS_ASPECT.narrow };

describe("training race figures (seed 1, He vs Xavier, 30 × 16 ReLU, circle)", () => {
  const start = raceAt({}, 0);
  const end = raceAt({});
  const diverged = raceAt({ lr: 1, depth: 10, steps: 100 });

  const lane = (r: typeof start, k: number) =>
    normalizedSvg(
      boundarySpec(
        r.snap.lanes[k],
        r.boundaries[k],
        r.plane,
        boundaryDescription(r.snap.lanes[k], r.boundaries[k]),
      ),
      LANE_ASPECT,
    );

  it("the loss chart at step 0 (what the page shows before hydration)", () => {
    expect(normalizedSvg(lossSpec(start.snap, start.summary), LOSS_ASPECT)).toMatchSnapshot();
  });
  it("the loss chart after 600 steps: He falls far below the constant prediction, Xavier stays on it", () => {
    const svg = normalizedSvg(lossSpec(end.snap, end.summary), LOSS_ASPECT);
    expect(svg).toContain(">He normal<");
    expect(svg).toMatchSnapshot();
  });
  it("the loss chart on a phone (no line-end labels)", () => {
    expect(normalizedSvg(lossSpec(end.snap, end.summary), narrow)).toMatchSnapshot();
  });
  it("the boundaries at step 0", () => {
    expect(lane(start, 0)).toMatchSnapshot();
    expect(lane(start, 1)).toMatchSnapshot();
  });
  it("the boundaries after 600 steps: He's has the circle's shape, Xavier's is flat", () => {
    expect(lane(end, 0)).toMatchSnapshot();
    expect(lane(end, 1)).toMatchSnapshot();
  });
  it("a diverged lane: a cross on the loss chart, no NaN anywhere, a 'diverged' notice on its boundary", () => {
    const loss = normalizedSvg(lossSpec(diverged.snap, diverged.summary), LOSS_ASPECT);
    const he = lane(diverged, 0);
    expect(loss).toContain("He normal ✕ diverged");
    expect(he).toContain("training stopped");
    for (const svg of [loss, he]) expect(svg).not.toMatch(/NaN|Infinity/);
    expect(loss).toMatchSnapshot();
    expect(he).toMatchSnapshot();
  });
});
