// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeState } from "../../widgets/ui/url-state";
import {
  advanceLanes,
  BoundaryJob,
  boundaryDescription,
  boundaryOf,
  createRace,
  DEFAULT_STATE,
  GRID,
  initListField,
  laneNames,
  NAMESPACE,
  planeOf,
  raceDone,
  schema,
  snapshot,
  stateFromProps,
  stepLanesOnce,
  summarize,
  type RaceWidgetState,
} from "../../widgets/training-race/model";
import { TrainingRaceView } from "../../widgets/training-race/View";
import { installDomStubs } from "./dom-stubs";

// The race trains only while on screen: report it visible.
beforeAll(() => installDomStubs({ inView: true }));
beforeEach(() => history.replaceState(null, "", "/he/"));
afterEach(cleanup);

/** Trains a race of this state to its end, the way the frame loop does (one step per lane at a time). */
function finish(props: Partial<RaceWidgetState>) {
  const state = stateFromProps(props);
  const race = createRace(state);
  while (stepLanesOnce(race, state.steps)) {
    /* every lane to its step budget or its divergence */
  }
  return { state, race, snap: snapshot(race) };
}

/** The default race, run to its end once (it takes a second or two). */
let finished: ReturnType<typeof finish>;

describe("training race model", () => {
  beforeAll(() => {
    finished = finish({});
  }, 60_000);

  it("races He against Xavier by default: 30 hidden ReLU layers of 16, 600 steps, seed 1", () => {
    expect(DEFAULT_STATE).toMatchObject({ depth: 30, width: 16, steps: 600, seed: 1 });
    expect(DEFAULT_STATE.inits).toEqual(["he-normal-torch", "glorot-normal-torch"]);
    expect(laneNames(DEFAULT_STATE.inits)).toEqual(["He normal", "Glorot normal"]);
    expect(laneNames(["he-normal-torch", "he-normal-keras"])).toEqual(["He normal #1", "He normal #2"]);
  });

  it("labels He “learning” and Xavier “stalled” after 600 steps, from the engine's verdict rule", () => {
    const { race, snap, state } = finished;
    expect(raceDone(race)).toBe(true);
    expect(snap.step).toBe(600);
    expect(snap.lanes.map((l) => l.verdict)).toEqual(["learning", "stalled"]);
    expect(snap.lanes[0].recentLoss!).toBeLessThan(0.05 * snap.constantLoss);
    expect(summarize(snap, state, false)).toMatch(
      /^Finished at step 600 .*He normal: learning — loss .*; Glorot normal: stalled — loss 0\.5, 100 % of a constant prediction's\.$/,
    );
  });

  it("does not judge a lane before it has enough recorded losses", () => {
    const state = stateFromProps({});
    const race = createRace(state);
    expect(snapshot(race).lanes.map((l) => l.verdict)).toEqual(["early", "early"]);
    expect(summarize(snapshot(race), state, false)).toMatch(/^Step 0 of 600: He normal vs Glorot normal/);
    while (stepLanesOnce(race, 20)) {
      /* to step 20 */
    }
    expect(snapshot(race).step).toBe(20);
    expect(snapshot(race).lanes.every((l) => l.verdict === "early")).toBe(true);
  });

  it("a large learning rate diverges He: the lane stops, says so, and its curve holds only finite losses", () => {
    const { snap, state } = finish({ lr: 1, depth: 10 });
    const he = snap.lanes[0];
    expect(he.verdict).toBe("diverged");
    expect(he.step).toBeLessThan(600);
    expect(he.recentLoss).toBeNull();
    expect(he.loss.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(snap.lanes[1].step).toBe(600);
    expect(summarize(snap, state, false)).toMatch(/He normal: diverged at step \d+ — its loss blew up/);
  });

  it("depth changes the outcome: with 5 hidden layers Xavier learns too", () => {
    const { snap } = finish({ depth: 5 });
    expect(snap.lanes.map((l) => l.verdict)).toEqual(["learning", "learning"]);
  }, 30_000);

  it("He's boundary takes the shape of the data while Xavier's stays flat", () => {
    const { race } = finished;
    const plane = planeOf(race);
    const [he, xavier] = [0, 1].map((k) => boundaryOf(race, plane, k));
    const range = (b: typeof he) => {
      const v = b.values.filter((x): x is number => x !== null);
      return Math.max(...v) - Math.min(...v);
    };
    expect(range(he)).toBeGreaterThan(1);
    expect(range(xavier)).toBeLessThan(0.1);
    expect(boundaryDescription({ name: "Glorot normal" }, xavier)).toMatch(/flat/);
    expect(boundaryDescription({ name: "He normal" }, he)).toMatch(/separates/);
    // Inner points (label +1) sit where He's net outputs > 0.
    const cell = (x: number, y: number) => {
      const c = Math.floor(((x + plane.half) / (2 * plane.half)) * GRID);
      const r = Math.floor(((y + plane.half) / (2 * plane.half)) * GRID);
      return he.values[r * GRID + c]!;
    };
    const agree = plane.points.filter((p) => Math.sign(cell(p.x, p.y)) === p.label).length;
    expect(agree / plane.points.length).toBeGreaterThan(0.9);
  });

  it("trains in slices: one lane step at a time, the lane furthest behind first, stopping at the deadline", () => {
    const race = createRace(stateFromProps({ depth: 6, inits: ["he-normal-torch", "zeros", "orthogonal"] }));
    const steps = () => race.lanes.map((l) => l.trainer.step);
    expect(advanceLanes(race, 600, 100, 0, () => 1)).toBe(1);
    expect(steps()).toEqual([1, 0, 0]);
    expect(advanceLanes(race, 600, 100, 0, () => 1)).toBe(1);
    expect(steps()).toEqual([1, 1, 0]);
    expect(advanceLanes(race, 600, 4, Number.POSITIVE_INFINITY)).toBe(12);
    expect(steps()).toEqual([5, 5, 4]);
    expect(advanceLanes(race, 5, 100, Number.POSITIVE_INFINITY)).toBe(1);
    expect(steps()).toEqual([5, 5, 5]);
  });

  it("evaluates boundaries in slices that add up to the one-shot evaluation", () => {
    const race = createRace(stateFromProps({ depth: 8 }));
    const plane = planeOf(race);
    const got: number[] = [];
    const job = new BoundaryJob(race, plane, [1, 0], (k) => got.push(k));
    let calls = 0;
    while (!job.advance(0, () => 1)) calls++;
    expect(calls).toBeGreaterThan(2 * 10);
    expect(got).toEqual([1, 0]);
    expect(boundaryOf(race, plane, 0).values).toHaveLength(GRID * GRID);
  });
});

describe("training race URL state", () => {
  const decode = (query: string) => decodeState(NAMESPACE, schema, DEFAULT_STATE, new URLSearchParams(query));

  it("round-trips every field", () => {
    const state: RaceWidgetState = {
      inits: ["orthogonal", "he-uniform", "zeros"],
      depth: 12,
      width: 8,
      lr: 0.02,
      dataset: "xor",
      steps: 900,
      seed: 42,
    };
    const params = new URLSearchParams();
    for (const key of Object.keys(schema) as (keyof RaceWidgetState)[])
      params.set(`${NAMESPACE}.${key}`, (schema[key] as { format(v: unknown): string }).format(state[key]));
    expect(params.get("race.inits")).toBe("orthogonal_he-uniform_zeros");
    expect(decode(params.toString())).toEqual({ state, notes: [] });
  });

  it("clamps invalid values to the nearest valid one, with a note for each", () => {
    const { state, notes } = decode(
      "race.depth=999&race.width=0&race.lr=-3&race.dataset=moons&race.steps=abc&race.inits=he-normal-torch_xavier",
    );
    expect(state).toMatchObject({ depth: 50, width: 2, lr: 1e-4, dataset: "circle", steps: 100 });
    expect(state.inits).toEqual(["he-normal-torch", "glorot-normal-torch"]);
    expect(notes).toHaveLength(6);
    expect(notes.join(" ")).toMatch(/lane 2 initializer “xavier” is not in the registry/);
  });

  it("keeps a race between 2 and 4 lanes", () => {
    const field = initListField();
    expect(field.parse("orthogonal")).toMatchObject({
      value: ["orthogonal", "glorot-normal-torch"],
      note: expect.stringMatching(/at least 2 lanes/),
    });
    const five = field.parse("zeros_zeros_zeros_zeros_zeros");
    expect(five.value).toHaveLength(4);
    expect(five.note).toMatch(/at most 4 lanes/);
  });

  it("fails loudly on props an author mistyped", () => {
    expect(() => stateFromProps({ depth: 0 })).toThrow(/depth/);
    expect(() => stateFromProps({ inits: ["he-normal-torch", "kaiming" as never] })).toThrow(/inits/);
    expect(() => stateFromProps({ inits: ["he-normal-torch"] })).toThrow(/inits/);
    expect(() => stateFromProps({ lr: 5 })).toThrow(/lr/);
  });
});

describe("TrainingRaceView", () => {
  const summary = () => document.querySelector(".widget__summary")!.textContent!;

  it("renders its lanes, badges and the step-0 summary, and restarts the race when a control changes", () => {
    render(<TrainingRaceView />);
    expect(summary()).toMatch(
      /^Step 0 of 600: He normal vs Glorot normal on the same 30 hidden ReLU layers of 16/,
    );
    expect(screen.getAllByText("not judged yet")).toHaveLength(2);

    fireEvent.input(screen.getByLabelText(/Hidden layers/), { target: { value: "12" } });
    expect(summary()).toContain("12 hidden ReLU layers");
    fireEvent.change(screen.getByLabelText("Lane 2 initializer"), { target: { value: "orthogonal" } });
    expect(summary()).toContain("He normal vs Orthogonal");
    fireEvent.click(screen.getByRole("button", { name: "Add a lane" }));
    expect(screen.getByLabelText("Lane 3 initializer")).toBeTruthy();
    expect(summary()).toContain("He normal vs Orthogonal vs Glorot normal");
    fireEvent.click(screen.getByRole("button", { name: "Remove last lane" }));
    expect(screen.queryByLabelText("Lane 3 initializer")).toBeNull();
    expect(new URLSearchParams(location.search).get("race.inits")).toBe("he-normal-torch_orthogonal");
  });

  it("steps ten SGD steps at a time in animation frames", async () => {
    render(<TrainingRaceView depth={4} />);
    fireEvent.click(screen.getByRole("button", { name: "Step" }));
    await waitFor(() => expect(summary()).toMatch(/^Paused at step 10 of 600/), { timeout: 3000 });
    expect(document.querySelector(".control__counter strong")!.textContent).toBe("10");
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    await waitFor(() => expect(summary()).toMatch(/^Step 0 of 600/));
  });

  it("re-seeds and shows the seed", () => {
    render(<TrainingRaceView seed={5} />);
    expect(screen.getByText("seed 5")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 6")).toBeTruthy();
  });

  it("restores its state from the URL and notes the values it had to clamp", async () => {
    history.replaceState(null, "", "/he/?race.depth=80&race.lr=0.01&race.inits=zeros_nope");
    render(<TrainingRaceView />);
    await waitFor(() => expect(summary()).toContain("50 hidden ReLU layers"));
    expect(summary()).toContain("learning rate 0.01");
    expect(summary()).toContain("Zeros vs Glorot normal");
    const notes = document.querySelector(".widget__notes")!.textContent!;
    expect(notes).toContain("depth “80” is outside 1–50");
    expect(notes).toContain("lane 2 initializer “nope” is not in the registry");
  });
});
