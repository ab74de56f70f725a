// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runToEnd, stepTo } from "../../engine/stepping";
import { isLearning } from "../../engine/verdict";
import { createStepper, GRID_CELLS, type RaceSnapshot } from "../../widgets/training-race/run";
import { raceDemo, withLaneAdded, type RaceState } from "../../widgets/training-race/state";
import { boundaryDescription, laneNames, summarize } from "../../widgets/training-race/summary";
import { TrainingRaceIsland } from "../../widgets/training-race/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs({ inView: true }));
beforeEach(() => history.replaceState(null, "", "/he/"));
afterEach(cleanup);

const finish = (props: Partial<RaceState>): RaceSnapshot =>
  runToEnd(createStepper(raceDemo.fromProps(props)));

/** The default race, run to its end once (it takes a second or two). */
let finished: RaceSnapshot;

describe("training race model", () => {
  beforeAll(() => {
    finished = finish({});
  }, 60_000);

  it("races He against Xavier by default: 30 hidden ReLU layers of 16, 600 steps, seed 1", () => {
    expect(raceDemo.defaults).toMatchObject({ depth: 30, width: 16, steps: 600, seed: 1 });
    expect(raceDemo.defaults.inits).toEqual(["he-normal-torch", "glorot-normal-torch"]);
    expect(laneNames(raceDemo.defaults.inits)).toEqual(["He normal", "Glorot normal"]);
    expect(laneNames(["he-normal-torch", "he-normal-keras"])).toEqual(["He normal #1", "He normal #2"]);
    expect(withLaneAdded(["he-normal-torch", "glorot-normal-torch"])).toEqual([
      "he-normal-torch",
      "glorot-normal-torch",
      "orthogonal",
    ]);
  });

  it("labels He “learned” and Xavier “stalled” after 600 steps, from the engine's verdict rule", () => {
    expect(finished.step).toBe(600);
    expect(finished.lanes.map((l) => l.verdict)).toEqual(["learned", "stalled"]);
    expect(finished.lanes[0]!.recentLoss!).toBeLessThan(0.05 * finished.constantLoss);
    expect(summarize(finished, false)).toMatch(
      /^Finished at step 600 \(30 hidden ReLU layers of 16, learning rate 0\.005, circle data\)\. He normal: learned — loss .*; Glorot normal: stalled — loss 0\.5, 100 % of a constant prediction's\.$/,
    );
    expect(summarize(finished, true)).toMatch(/^Training .*He normal: learned; Glorot normal: stalled\.$/);
  });

  it("does not judge a lane before the warm-up, and says how to start at step 0", () => {
    const stepper = createStepper(raceDemo.defaults);
    expect(stepper.snapshot().lanes.map((l) => l.verdict)).toEqual(["untrained", "untrained"]);
    expect(summarize(stepper.snapshot(), false)).toMatch(
      /^Step 0 of 600: He normal vs Glorot normal on the same 30 hidden ReLU layers of 16, .* Press Play to train\.$/,
    );
    stepTo(stepper, 20);
    expect(summarize(stepper.snapshot(), false)).toMatch(
      /^Paused at step 20 of 600 .*He normal: not judged yet/,
    );
  });

  it("a large learning rate diverges He: the lane stops, says so, and its curve holds only finite losses", () => {
    const snap = finish({ lr: 1, depth: 10 });
    const he = snap.lanes[0]!;
    expect(he.verdict).toBe("diverged");
    expect(he.step).toBeLessThan(600);
    expect(he.loss.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(snap.lanes[1]!.step).toBe(600);
    expect(summarize(snap, false)).toMatch(/He normal: diverged at step \d+ — its loss blew up/);
  });

  it("depth changes the outcome: with 5 hidden layers Xavier learns too", () => {
    expect(finish({ depth: 5 }).lanes.every((l) => isLearning(l.verdict))).toBe(true);
  }, 30_000);

  it("He's boundary takes the shape of the data while Xavier's stays flat", () => {
    const { plane, points, boundaries } = finished;
    const [he, xavier] = boundaries;
    const range = (v: Float32Array) => Math.max(...v) - Math.min(...v);
    expect(he!.step).toBe(600);
    expect(range(he!.values)).toBeGreaterThan(1);
    expect(range(xavier!.values)).toBeLessThan(0.1);
    expect(boundaryDescription("Glorot normal", xavier!)).toMatch(/^Glorot normal at step 600: .*flat/);
    expect(boundaryDescription("He normal", he!)).toMatch(/separates/);
    expect(boundaryDescription("He normal", he!, true)).toBe(
      "He normal, output over the input plane: the net separates regions of the plane.",
    );
    // Inner points (label +1) sit where He's net outputs > 0 (the grid's rows run from the top down).
    const cell = (x: number, y: number) => {
      const c = Math.floor(((x + plane.half) / (2 * plane.half)) * GRID_CELLS);
      const r = Math.floor(((plane.half - y) / (2 * plane.half)) * GRID_CELLS);
      return he!.values[r * GRID_CELLS + c]!;
    };
    const agree = points.filter((p) => Math.sign(cell(p.x, p.y)) === p.label).length;
    expect(agree / points.length).toBeGreaterThan(0.9);
  });

  it("evaluates the boundary with rows from the top: on XOR, which a flip would invert, its sign matches the labels", () => {
    const { plane, points, boundaries } = finish({ dataset: "xor", depth: 2, lr: 0.1, steps: 1000 });
    const size = (2 * plane.half) / GRID_CELLS;
    const at = (x: number, y: number) =>
      boundaries[0]!.values[
        Math.floor((plane.half - y) / size) * GRID_CELLS + Math.floor((x + plane.half) / size)
      ]!;
    expect(points.filter((p) => Math.sign(at(p.x, p.y)) === p.label).length / points.length).toBeGreaterThan(
      0.95,
    );
  });

  it("refreshes the boundaries in turn while training, a few rows per unit of work, and each at the end", () => {
    const stepper = createStepper(
      raceDemo.fromProps({ depth: 6, inits: ["he-normal-torch", "zeros", "orthogonal"] }),
    );
    expect(stepper.snapshot().boundaries.map((b) => b!.step)).toEqual([0, 0, 0]);
    // one chunk of two rows per unit (a step, or a chunk of a recorded loss: 3 lanes × 8 units at step 10),
    // of a copy of the net taken when the lane's refresh began
    stepper.step(GRID_CELLS / 2 - 1);
    expect(stepper.snapshot().boundaries.map((b) => b!.step)).toEqual([0, 0, 0]);
    stepper.step(1);
    expect(stepper.snapshot().boundaries.map((b) => b!.step)).toEqual([1, 0, 0]);
    stepper.step(GRID_CELLS * 1.5);
    expect(stepper.snapshot().boundaries.map((b) => b!.step)).toEqual([13, 10, 10]);
    runToEnd(stepper);
    expect(stepper.snapshot().boundaries.map((b) => b!.step)).toEqual([600, 600, 600]);
  });

  it("leaves the step-0 boundaries of very large races to the steps that follow", () => {
    const big = raceDemo.fromProps({
      depth: 50,
      width: 24,
      inits: ["he-normal-torch", "zeros", "orthogonal", "he-uniform"],
    });
    expect(createStepper(big).snapshot().boundaries).toEqual([null, null, null, null]);
    expect(
      createStepper(big, Infinity)
        .snapshot()
        .boundaries.every((b) => b !== null),
    ).toBe(true);
  });
});

describe("training race URL state", () => {
  const decode = (query: string) => raceDemo.decode(new URLSearchParams(query));

  it("keeps the URL names of every field (race.inits is one value, joined by _)", () => {
    const state: RaceState = {
      inits: ["orthogonal", "he-uniform", "zeros"],
      depth: 12,
      width: 8,
      lr: 0.02,
      dataset: "xor",
      steps: 900,
      seed: 42,
    };
    expect(raceDemo.encode(state).toString()).toBe(
      "race.inits=orthogonal_he-uniform_zeros&race.depth=12&race.width=8&race.lr=0.02&race.steps=900&race.dataset=xor&race.seed=42",
    );
    expect(decode(raceDemo.encode(state).toString())).toEqual({ state, notes: [] });
    expect(raceDemo.link("https://example.org/he/", state)).toMatch(/#demo-training-race$/);
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
    const lanes = (raw: string) => decode(`race.inits=${raw}`);
    expect(lanes("orthogonal")).toMatchObject({
      state: { inits: ["orthogonal", "glorot-normal-torch"] },
      notes: [expect.stringMatching(/at least 2 lanes/)],
    });
    const five = lanes("zeros_zeros_zeros_zeros_zeros");
    expect(five.state.inits).toHaveLength(4);
    expect(five.notes[0]).toMatch(/at most 4 lanes/);
  });

  it("decodes any lane list a link might carry to 2–4 registry initializers", () => {
    const part = fc.oneof(fc.constantFrom("he-normal-torch", "zeros", "xavier", ""), fc.string());
    fc.assert(
      fc.property(fc.array(part, { maxLength: 7 }), (parts) => {
        const { inits } = decode(new URLSearchParams({ "race.inits": parts.join("_") }).toString()).state;
        expect(inits.length).toBeGreaterThanOrEqual(2);
        expect(inits.length).toBeLessThanOrEqual(4);
        expect(() => raceDemo.fromProps({ inits })).not.toThrow();
      }),
      { numRuns: 1_000 },
    );
  });

  it("fails loudly on props an author mistyped", () => {
    const fromProps = (p: object) => raceDemo.fromProps(p);
    expect(() => fromProps({ depth: 0 })).toThrow(/depth/);
    expect(() => fromProps({ inits: ["he-normal-torch", "kaiming"] })).toThrow(/inits/);
    expect(() => fromProps({ inits: ["he-normal-torch"] })).toThrow(/inits/);
    expect(() => fromProps({ inits: "he-normal-torch" })).toThrow(/inits/);
    expect(() => fromProps({ lr: 5 })).toThrow(/lr/);
  });
});

describe("TrainingRaceIsland", () => {
  const summary = () => document.querySelector(".widget__summary")!.textContent!;

  it("renders its lanes, badges and the step-0 summary, and restarts the race when a control changes", () => {
    render(<TrainingRaceIsland />);
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

  it("steps ten SGD steps at a time, and resets to step 0", () => {
    render(<TrainingRaceIsland depth={4} />);
    fireEvent.click(screen.getByRole("button", { name: "Step" }));
    expect(summary()).toMatch(/^Paused at step 10 of 600/);
    expect(document.querySelector(".control__counter strong")!.textContent).toBe("10");
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(summary()).toMatch(/^Step 0 of 600/);
  });

  it("re-seeds and shows the seed", () => {
    render(<TrainingRaceIsland seed={5} />);
    expect(screen.getByText("seed 5")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 6")).toBeTruthy();
  });

  it("restores its state from the URL and notes the values it had to clamp", async () => {
    history.replaceState(null, "", "/he/?race.depth=80&race.lr=0.01&race.inits=zeros_nope");
    render(<TrainingRaceIsland />);
    await waitFor(() => expect(summary()).toContain("50 hidden ReLU layers"));
    expect(summary()).toContain("learning rate 0.01");
    expect(summary()).toContain("Zeros vs Glorot normal");
    const notes = document.querySelector(".widget__notes")!.textContent!;
    expect(notes).toContain("depth “80” is outside 1–50");
    expect(notes).toContain("lane 2 initializer “nope” is not in the registry");
  });
});
