// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSymmetryStepper } from "../../engine/experiments/symmetry";
import { createStepper, experimentOptions, MAX_STEPS, runKey } from "../../widgets/symmetry/run";
import { symmetryDemo, type SymmetryState } from "../../widgets/symmetry/state";
import { layerRows, movementSentence, spreadText, summarize } from "../../widgets/symmetry/summary";
import { SymmetryIsland } from "../../widgets/symmetry/View";
import { installDomStubs, stubClipboard } from "./dom-stubs";

/** Set by a test to give the next run a learning rate of 10³⁰⁰ (far outside the slider): it blows up. */
const blowUp = vi.hoisted(() => ({ on: false }));
vi.mock("../../widgets/symmetry/run", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../widgets/symmetry/run")>();
  return {
    ...original,
    createStepper: (s: SymmetryState) =>
      blowUp.on
        ? createSymmetryStepper({ ...original.experimentOptions(s), lr: 1e300 })
        : original.createStepper(s),
  };
});

beforeAll(() => installDomStubs());
beforeEach(() => {
  history.replaceState(null, "", "/symmetric/");
  blowUp.on = false;
});
afterEach(cleanup);

const defaults = symmetryDemo.defaults;
const state = (props: Partial<SymmetryState> = {}) => symmetryDemo.fromProps(props);
const stepsOf = (props: Partial<SymmetryState>, n: number) => {
  const stepper = createStepper(state(props));
  stepper.step(n);
  return stepper.snapshot();
};

describe("symmetry state, run and summary", () => {
  it("starts tanh on XOR from c = 0.5 with the noise off, so the tie is the first thing shown", () => {
    expect(defaults).toMatchObject({ activation: "tanh", dataset: "xor", constant: 0.5, noise: false });
    const snap = stepsOf({}, 0);
    expect([snap.step, snap.spread, snap.horizon]).toEqual([0, 0, MAX_STEPS]);
    expect(snap.layers.map((l) => [l.nOut, l.nIn])).toEqual([
      [4, 2],
      [4, 4],
      [1, 4],
    ]);
  });

  it("fails loudly on props an author mistyped", () => {
    expect(() => state({ activation: "gelu" as never })).toThrow(
      /activation “gelu” is not one of the choices/,
    );
    expect(() => state({ dataset: "moons" as never })).toThrow(/data set “moons”/);
    expect(() => state({ constant: 3 })).toThrow(/constant c “3” is outside -2–2/);
    expect(() => state({ epsilon: 0 })).toThrow(/epsilon/);
    expect(() => state({ lr: Number.NaN })).toThrow(/lr/);
    expect(() => state({ speed: 7 })).toThrow(/speed “7” is not one of 1, 5, 20, 100/);
    expect(() => state({ seed: 1.5 })).toThrow(/seed/);
    expect(state({ constant: 0, activation: "relu" })).toMatchObject({ constant: 0, activation: "relu" });
  });

  it("clamps invalid URL values to the nearest valid one, with a note each", () => {
    const params = new URLSearchParams(
      "sym.activation=gelu&sym.constant=9&sym.epsilon=-1&sym.lr=abc&sym.speed=7&sym.seed=-3&sym.noise=maybe",
    );
    const decoded = symmetryDemo.decode(params);
    expect(decoded.state).toMatchObject({
      activation: "tanh",
      constant: 2,
      epsilon: 0.001,
      lr: 0.001,
      speed: 5,
      seed: 0,
      noise: false,
    });
    expect(decoded.notes).toHaveLength(7);
    expect(decoded.notes.join(" ")).toContain("constant c “9” is outside -2–2; using 2.");
    expect(() => symmetryDemo.fromProps(decoded.state)).not.toThrow();
  });

  it("reads the tie from the engine's measure: 0 — bit-identical after 50 steps without noise", () => {
    const snap = stepsOf({}, 50);
    expect(snap.step).toBe(50);
    expect([snap.spread, snap.maxSpread]).toEqual([0, 0]);
    expect(spreadText(snap.spread)).toBe("0 — bit-identical");
    expect(layerRows(snap).every((r) => r.tied && r.spread === "0")).toBe(true);
    // Not vacuous: the weights did move.
    expect(snap.layers[0].weightsMoved).toBeGreaterThan(0);
    expect(summarize(snap, defaults)).toMatch(/^Step 50 .*spread among tied weights is 0 — bit-identical/);
  });

  it("leaves 0 with ε noise, and the spread grows as the units differentiate", () => {
    const noisy = { noise: true, epsilon: 0.05 };
    const start = stepsOf(noisy, 0);
    const later = stepsOf(noisy, 2000);
    expect(start.spread).toBeGreaterThan(0);
    expect(later.spread).toBeGreaterThan(5 * start.spread);
    expect(spreadText(later.spread)).toMatch(/— units differ$/);
    expect(summarize(later, state(noisy))).toMatch(/ε = 0\.05.*the hidden units now differ/);
  });

  it.each(["tanh", "relu"] as const)("zero init with %s moves only biases, and says so", (activation) => {
    const snap = stepsOf({ activation, constant: 0 }, 300);
    expect(snap.layers.every((l) => l.weightsMoved === 0)).toBe(true);
    expect(layerRows(snap).map((r) => r.weightsMoved)).toEqual(["exactly 0", "exactly 0", "exactly 0"]);
    expect(layerRows(snap)[2].biasesMoved).not.toBe("exactly 0");
    expect(movementSentence(snap)).toMatch(/^Only biases move/);
    expect(summarize(snap, state({ activation, constant: 0 }))).toMatch(/Only biases moved/);
  });

  it("with sigmoid, zero init still moves weights (σ(0) = ½ is not 0)", () => {
    const snap = stepsOf({ activation: "sigmoid", constant: 0 }, 300);
    expect(snap.layers[2].weightsMoved).toBeGreaterThan(0);
    expect(snap.spread).toBe(0);
    expect(movementSentence(snap)).toMatch(/stay exact copies/);
  });

  it("words a blown-up run: the step it diverged at, the learning rate, the last finite state", () => {
    const stepper = createSymmetryStepper({
      ...experimentOptions(state({ activation: "linear", noise: true })),
      lr: 1e300,
    });
    stepper.step(10);
    const snap = stepper.snapshot();
    expect(snap.divergedAt).toBe(snap.step + 1);
    expect(summarize(snap, defaults)).toMatch(
      /^Training diverged at step \d: .*learning rate 0\.03 is too large/,
    );
  });

  it("starts a new run only when something but the speed changes (ε only counts with the noise on)", () => {
    expect(runKey({ ...defaults, speed: 100 })).toBe(runKey(defaults));
    expect(runKey({ ...defaults, epsilon: 0.2 })).toBe(runKey(defaults));
    expect(runKey({ ...defaults, noise: true })).not.toBe(runKey(defaults));
    expect(runKey({ ...defaults, noise: true, epsilon: 0.2 })).not.toBe(runKey({ ...defaults, noise: true }));
    expect(runKey({ ...defaults, seed: 2 })).not.toBe(runKey(defaults));
  });
});

describe("SymmetryIsland", { timeout: 20_000 }, () => {
  const readout = () => document.querySelector(".sym-readout__main")!.textContent!;
  const counter = () => document.querySelector(".control__counter strong")!.textContent!;
  const clickStep = (n: number) => {
    for (let k = 0; k < n; k++) fireEvent.click(screen.getByRole("button", { name: "Step" }));
  };

  it("shows the tie at step 0 and keeps it, step by step, with the noise off", () => {
    render(<SymmetryIsland />);
    expect(readout()).toContain("Largest spread among tied weights: 0 — bit-identical");
    expect(counter()).toBe("0");
    clickStep(50);
    expect(counter()).toBe("50");
    expect(readout()).toContain("0 — bit-identical");
    expect(readout()).toContain("step 50");
    expect(screen.getByRole("img", { name: /units are copies/ })).toBeTruthy();
  });

  it("switching the noise on starts a new run whose readout leaves 0", () => {
    render(<SymmetryIsland />);
    clickStep(3);
    expect(screen.queryByRole("slider", { name: /Noise ε/ })).toBeNull();
    fireEvent.click(screen.getByLabelText("Add ε noise to the initial weights"));
    expect(counter()).toBe("0");
    expect(readout()).toMatch(/spread among tied weights: \d.*units differ/);
    expect(screen.getByRole("slider", { name: /Noise ε/ })).toBeTruthy();
    expect(screen.getByRole("img", { name: /links now differ/ })).toBeTruthy();
  });

  it("a new speed keeps the run and goes into the link as a number of steps per frame", () => {
    render(<SymmetryIsland />);
    clickStep(3);
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "100" } });
    expect(counter()).toBe("3");
    expect((screen.getByLabelText("Speed") as HTMLSelectElement).value).toBe("100");
    expect(location.search).toContain("sym.speed=100");
  });

  it("zero init with ReLU: the table and the readout line show that only biases move", () => {
    render(<SymmetryIsland />);
    fireEvent.change(screen.getByLabelText("Hidden activation"), { target: { value: "relu" } });
    fireEvent.input(screen.getByRole("slider", { name: /Every weight starts at c/ }), {
      target: { value: "0" },
    });
    clickStep(20);
    expect(document.querySelector(".sym-readout__line")!.textContent).toMatch(/^Only biases move/);
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual([
      "exactly 0",
      "exactly 0",
      "exactly 0",
    ]);
    expect(within(rows[2]).getAllByRole("cell")[2].textContent).not.toBe("exactly 0");
  });

  it("restores its state from the URL, clamping invalid values with a visible note", async () => {
    history.replaceState(null, "", "/symmetric/?sym.constant=9&sym.activation=gelu&sym.seed=7");
    render(<SymmetryIsland />);
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
    render(<SymmetryIsland seed={4} />);
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
    blowUp.on = true;
    render(<SymmetryIsland activation="linear" noise />);
    clickStep(1);
    expect(screen.queryByText("diverged")).toBeNull();
    clickStep(1);
    expect(screen.getByText("diverged")).toBeTruthy();
    expect(document.querySelector(".sym-readout__line--diverged")!.textContent).toMatch(
      /NaN or infinite at step 2/,
    );
    expect(document.querySelector(".widget__summary")!.textContent).toMatch(/^Training diverged at step 2/);
    expect(counter()).toBe("1");
    expect(readout()).not.toMatch(/NaN|Infinity/);
    expect((screen.getByRole("button", { name: "Play" }) as HTMLButtonElement).disabled).toBe(true);
    blowUp.on = false;
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(screen.queryByText("diverged")).toBeNull();
    expect(counter()).toBe("0");
    expect((screen.getByRole("button", { name: "Play" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
