// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as model from "../../widgets/symmetry/model";
import { decodeState } from "../../widgets/ui/url-state";
import { SymmetryView } from "../../widgets/symmetry/View";
import { installDomStubs, stubClipboard } from "./dom-stubs";

const {
  advance,
  createRun,
  DEFAULT_STATE,
  isDiverged,
  MAX_STEPS,
  movementSentence,
  NAMESPACE,
  readoutRows,
  runKey,
  schema,
  snapshot,
  spreadText,
  stateFromProps,
  summarize,
} = model;

/** Set by a test to make the next training slice produce a NaN weight, as a blown-up run would. */
const poison = vi.hoisted(() => ({ next: false }));
vi.mock("../../widgets/symmetry/model", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../widgets/symmetry/model")>();
  return {
    ...original,
    advance: (...args: Parameters<typeof original.advance>) => {
      const taken = original.advance(...args);
      if (poison.next) args[0].state.trainer.net.layers[1].W[0] = Number.NaN;
      return taken;
    },
  };
});

beforeAll(() => installDomStubs());
beforeEach(() => {
  history.replaceState(null, "", "/symmetric/");
  poison.next = false;
});
afterEach(cleanup);

const stepsOf = (state: Partial<model.SymmetryDemoState>, n: number) => {
  const run = createRun(stateFromProps(state));
  advance(run, n);
  return snapshot(run);
};

describe("symmetry model", () => {
  it("starts tanh on XOR from c = 0.5 with the noise off, so the tie is the first thing shown", () => {
    expect(DEFAULT_STATE).toMatchObject({ activation: "tanh", dataset: "xor", constant: 0.5, noise: false });
    const snap = stepsOf({}, 0);
    expect(snap.step).toBe(0);
    expect(snap.spread).toBe(0);
    expect(snap.layers.map((l) => [l.nOut, l.nIn])).toEqual([
      [4, 2],
      [4, 4],
      [1, 4],
    ]);
  });

  it("fails loudly on props an author mistyped", () => {
    expect(() => stateFromProps({ activation: "gelu" as never })).toThrow(/unknown activation "gelu"/);
    expect(() => stateFromProps({ dataset: "moons" as never })).toThrow(/unknown dataset/);
    expect(() => stateFromProps({ constant: 3 })).toThrow(/constant/);
    expect(() => stateFromProps({ epsilon: 0 })).toThrow(/epsilon/);
    expect(() => stateFromProps({ lr: Number.NaN })).toThrow(/lr/);
    expect(() => stateFromProps({ speed: 7 })).toThrow(/speed/);
    expect(() => stateFromProps({ seed: 1.5 })).toThrow(/seed/);
    expect(stateFromProps({ constant: 0, activation: "relu" })).toMatchObject({
      constant: 0,
      activation: "relu",
    });
  });

  it("clamps invalid URL values to the nearest valid one, with a note each", () => {
    const params = new URLSearchParams(
      "sym.activation=gelu&sym.constant=9&sym.epsilon=-1&sym.lr=abc&sym.speed=7&sym.seed=-3&sym.noise=maybe",
    );
    const { state, notes } = decodeState(NAMESPACE, schema, DEFAULT_STATE, params);
    expect(state).toMatchObject({
      activation: "tanh",
      constant: 2,
      epsilon: 0.001,
      lr: 0.001,
      speed: 5,
      seed: 0,
      noise: false,
    });
    expect(notes).toHaveLength(7);
    expect(notes.join(" ")).toMatch(/constant c “9” is outside −?-2–2; using 2/);
    expect(() => stateFromProps(state)).not.toThrow();
  });

  it("reads the tie from the engine's measure: 0 — bit-identical after 50 steps without noise", () => {
    const snap = stepsOf({}, 50);
    expect(snap.step).toBe(50);
    expect(snap.spread).toBe(0);
    expect(spreadText(snap.spread)).toBe("0 — bit-identical");
    expect(readoutRows(snap).every((r) => r.tied && r.spread === "0")).toBe(true);
    // Not vacuous: the weights did move.
    expect(snap.layers[0].weightsMoved).toBeGreaterThan(0);
    expect(summarize(snap, DEFAULT_STATE)).toMatch(
      /^Step 50 .*spread among tied weights is 0 — bit-identical/,
    );
  });

  it("leaves 0 with ε noise, and the spread grows as the units differentiate", () => {
    const noisy = { ...DEFAULT_STATE, noise: true, epsilon: 0.05 };
    const start = stepsOf(noisy, 0);
    const later = stepsOf(noisy, 2000);
    expect(start.spread).toBeGreaterThan(0);
    expect(later.spread).toBeGreaterThan(5 * start.spread);
    expect(spreadText(later.spread)).toMatch(/— units differ$/);
    expect(summarize(later, noisy)).toMatch(/ε = 0\.05.*the hidden units now differ/);
  });

  it.each(["tanh", "relu"] as const)("zero init with %s moves only biases, and says so", (activation) => {
    const snap = stepsOf({ activation, constant: 0 }, 300);
    expect(snap.layers.every((l) => l.weightsMoved === 0)).toBe(true);
    expect(readoutRows(snap).map((r) => r.weightsMoved)).toEqual(["exactly 0", "exactly 0", "exactly 0"]);
    expect(readoutRows(snap)[2].biasesMoved).not.toBe("exactly 0");
    expect(movementSentence(snap)).toMatch(/^Only biases move/);
    expect(summarize(snap, stateFromProps({ activation, constant: 0 }))).toMatch(/Only biases moved/);
  });

  it("with sigmoid, zero init still moves weights (σ(0) = ½ is not 0)", () => {
    const snap = stepsOf({ activation: "sigmoid", constant: 0 }, 300);
    expect(snap.layers[2].weightsMoved).toBeGreaterThan(0);
    expect(snap.spread).toBe(0);
    expect(movementSentence(snap)).toMatch(/stay exact copies/);
  });

  it("advances at most the asked steps, stops at the deadline and at MAX_STEPS, and keeps one record", () => {
    const run = createRun(DEFAULT_STATE);
    expect(advance(run, 7)).toBe(7);
    expect(run.state.history).toHaveLength(1);
    let t = 0;
    expect(advance(run, 100, 3, () => ++t)).toBe(3);
    run.state.trainer.step = MAX_STEPS - 2;
    expect(advance(run, 100)).toBe(2);
    expect(advance(run, 100)).toBe(0);
  });

  it("recognises a blown-up run and words the diverged state", () => {
    const snap = stepsOf({}, 5);
    expect(isDiverged(snap)).toBe(false);
    expect(isDiverged({ ...snap, loss: Number.POSITIVE_INFINITY })).toBe(true);
    const bad = {
      ...snap,
      layers: snap.layers.map((l, i) => (i === 1 ? { ...l, W: [Number.NaN, ...l.W] } : l)),
    };
    expect(isDiverged(bad)).toBe(true);
    expect(summarize(snap, DEFAULT_STATE, 12)).toMatch(/^Training diverged at step 12/);
  });

  it("starts a new run only when something but the speed changes", () => {
    expect(runKey({ ...DEFAULT_STATE, speed: 100 })).toBe(runKey(DEFAULT_STATE));
    expect(runKey({ ...DEFAULT_STATE, epsilon: 0.2 })).toBe(runKey(DEFAULT_STATE)); // noise is off
    expect(runKey({ ...DEFAULT_STATE, noise: true })).not.toBe(runKey(DEFAULT_STATE));
    expect(runKey({ ...DEFAULT_STATE, seed: 2 })).not.toBe(runKey(DEFAULT_STATE));
  });
});

describe("SymmetryView", { timeout: 20_000 }, () => {
  const readout = () => document.querySelector(".sym-readout__main")!.textContent!;
  const counter = () => document.querySelector(".control__counter strong")!.textContent!;
  const clickStep = (n: number) => {
    for (let k = 0; k < n; k++) fireEvent.click(screen.getByRole("button", { name: "Step" }));
  };

  it("shows the tie at step 0 and keeps it, step by step, with the noise off", () => {
    render(<SymmetryView />);
    expect(readout()).toContain("Largest spread among tied weights: 0 — bit-identical");
    expect(counter()).toBe("0");
    clickStep(50);
    expect(counter()).toBe("50");
    expect(readout()).toContain("0 — bit-identical");
    expect(readout()).toContain("step 50");
    expect(screen.getByRole("img", { name: /units are copies/ })).toBeTruthy();
  });

  it("switching the noise on starts a new run whose readout leaves 0", () => {
    render(<SymmetryView />);
    clickStep(3);
    fireEvent.click(screen.getByLabelText("Add ε noise to the initial weights"));
    expect(counter()).toBe("0");
    expect(readout()).toMatch(/spread among tied weights: \d.*units differ/);
    expect(screen.getByRole("slider", { name: /Noise ε/ })).toBeTruthy();
    expect(screen.getByRole("img", { name: /links now differ/ })).toBeTruthy();
  });

  it("zero init with ReLU: the table and the readout line show that only biases move", () => {
    render(<SymmetryView />);
    fireEvent.change(screen.getByLabelText("Hidden activation"), { target: { value: "relu" } });
    fireEvent.input(screen.getByRole("slider", { name: /Every weight starts at c/ }), {
      target: { value: "0" },
    });
    clickStep(20);
    expect(document.querySelector(".sym-readout__line")!.textContent).toMatch(/^Only biases move/);
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual([
      "exactly 0",
      "exactly 0",
      "exactly 0",
    ]);
    expect(within(rows[2]).getAllByRole("cell")[2].textContent).not.toBe("exactly 0");
  });

  it("restores its state from the URL, clamping invalid values with a visible note", async () => {
    history.replaceState(null, "", "/symmetric/?sym.constant=9&sym.activation=gelu&sym.seed=7");
    render(<SymmetryView />);
    await act(() => Promise.resolve());
    const notes = document.querySelector(".widget__notes")!.textContent!;
    expect(notes).toContain("constant c “9” is outside");
    expect(notes).toContain("activation “gelu” is not one of the choices");
    expect(screen.getByText("seed 7")).toBeTruthy();
    expect(document.querySelector(".control--slider .control__value")!.textContent).toBe("2");
    expect(location.search).toContain("sym.constant=2");
  });

  it("re-seeds, shows the seed, and copies a link with its state and anchor", async () => {
    const writeText = stubClipboard();
    render(<SymmetryView seed={4} />);
    expect(screen.getByText("seed 4")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 5")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy link to this demo" }));
    });
    const href = new URL(writeText.mock.calls[0][0]);
    expect(href.hash).toBe("#demo-symmetry");
    expect(href.searchParams.get("sym.seed")).toBe("5");
    expect(href.searchParams.get("sym.constant")).toBe("0.5");
  });

  it("shows a diverged badge and message, keeps finite figures, and disables training until reset", () => {
    render(<SymmetryView />);
    clickStep(2);
    poison.next = true;
    clickStep(1);
    expect(screen.getByText("diverged")).toBeTruthy();
    expect(document.querySelector(".sym-readout__line--diverged")!.textContent).toMatch(
      /NaN or infinite at step 3/,
    );
    expect(document.querySelector(".widget__summary")!.textContent).toMatch(/^Training diverged at step 3/);
    expect(readout()).not.toMatch(/NaN/);
    expect((screen.getByRole("button", { name: "Play" }) as HTMLButtonElement).disabled).toBe(true);
    poison.next = false;
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(screen.queryByText("diverged")).toBeNull();
    expect(counter()).toBe("0");
  });
});
