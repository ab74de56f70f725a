import { describe, expect, it } from "vitest";
import { activationNames } from "../../engine/activations";
import {
  createSymmetryRun,
  createSymmetryStepper,
  runSymmetry,
  symmetrySweep,
} from "../../engine/experiments/symmetry";
import { runToEnd } from "../../engine/stepping";

/** Seconds-long training runs: generous under a loaded CI machine (they take ~1 s on an idle one). */
const HEAVY = { timeout: 60_000 };

describe("Symmetric page", HEAVY, () => {
  it.each(activationNames)(
    "› Why tied units stay tied: from a constant init, tied %s units stay bit-identical for 500 SGD steps",
    (activation) => {
      const r = runSymmetry({ activation, constant: 0.5, steps: 500 });
      expect(r.history).toHaveLength(501);
      for (const rec of r.history) expect(rec.spread).toBe(0);
      expect(r.tiedThroughout).toBe(true);
      // Not vacuous: the network did train (weights moved), so the tie survived real updates.
      expect(Math.max(...r.moved.map((m) => m.weights))).toBeGreaterThan(1e-3);
    },
  );

  it("› Why tied units stay tied: weights out of different inputs may differ, weights out of one input stay equal", () => {
    const r = runSymmetry({ activation: "tanh", constant: 0.5, steps: 500 });
    const [W0] = r.weights; // 4 units × 2 inputs
    expect(Math.abs(W0[0] - W0[1])).toBeGreaterThan(1e-3);
    for (let unit = 1; unit < 4; unit++) {
      expect(W0[unit * 2]).toBe(W0[0]);
      expect(W0[unit * 2 + 1]).toBe(W0[1]);
    }
  });

  it("› Zero versus a nonzero constant: every constant c (0, 0.5, −1.3, 2) stays tied with every activation", () => {
    const sweep = symmetrySweep(activationNames, [0, 0.5, -1.3, 2], { steps: 200 });
    expect(sweep).toHaveLength(activationNames.length * 4);
    expect(sweep.filter((s) => s.maxSpread !== 0 || !s.tiedThroughout)).toEqual([]);
  });

  it.each(["tanh", "relu"] as const)(
    "› Zero versus a nonzero constant: with zero weights and %s hidden units only biases move",
    (activation) => {
      const r = runSymmetry({ activation, constant: 0, steps: 500 });
      for (const m of r.moved) expect(m.weights).toBe(0);
      expect(Math.max(...r.moved.map((m) => m.biases))).toBeGreaterThan(1e-3);
    },
  );

  it.each(["tanh", "relu"] as const)(
    "› Why tied units stay tied: ε = 0.01 noise breaks the tie (%s): the spread is > 0 at every step and grows",
    (activation) => {
      const r = runSymmetry({ activation, noise: 0.01, steps: 500 });
      for (const rec of r.history) expect(rec.spread).toBeGreaterThan(0);
      expect(r.history[500].spread).toBeGreaterThan(1.25 * r.history[0].spread);
    },
  );

  it("the step-wise run reproduces the one-shot run bit for bit", () => {
    const run = createSymmetryRun({ activation: "sigmoid", constant: 0.3 });
    run.step(120);
    run.step(80);
    const once = runSymmetry({ activation: "sigmoid", constant: 0.3, steps: 200 });
    expect(run.state.history.map((h) => h.loss)).toEqual(once.history.map((h) => h.loss));
    expect([...run.state.trainer.net.layers[1].W]).toEqual([...once.weights[1]]);
  });

  it("› Why tied units stay tied: the stepper a widget drives keeps tied tanh units bit-identical at every step", () => {
    const snap = runToEnd(createSymmetryStepper({ activation: "tanh", constant: 0.5, steps: 500 }), 37);
    expect(snap.step).toBe(500);
    expect(snap.maxSpread).toBe(0);
    for (const layer of snap.layers.slice(1)) expect(new Set(layer.W).size).toBe(1);
    const [W0] = snap.layers.map((l) => l.W);
    for (let unit = 1; unit < 4; unit++) expect([W0[unit * 2], W0[unit * 2 + 1]]).toEqual([W0[0], W0[1]]);
    expect(Math.max(...snap.layers.map((l) => l.weightsMoved))).toBeGreaterThan(1e-3);
  });

  it("stepping the stepper in uneven chunks equals one run of the same steps, bit for bit", () => {
    const options = { activation: "relu", noise: 0.01, dataset: "xor", steps: 300 } as const;
    const stepper = createSymmetryStepper(options);
    for (const chunk of [1, 7, 50, 2, 113]) expect(stepper.step(chunk)).toBe(chunk);
    expect(stepper.progress).toBe(173);
    const chunked = runToEnd(stepper, 29);
    const once = runSymmetry(options);
    expect(chunked.step).toBe(300);
    expect(chunked.loss).toBe(once.history[300].loss);
    expect(chunked.spread).toBe(once.history[300].spread);
    expect(chunked.maxSpread).toBe(once.maxSpread);
    expect(chunked.layers.map((l) => l.W)).toEqual(once.weights.map((W) => [...W]));
    expect(chunked.layers.map((l) => l.b)).toEqual(once.biases.map((b) => [...b]));
    expect(chunked.layers.map((l) => ({ weights: l.weightsMoved, biases: l.biasesMoved }))).toEqual(
      once.moved,
    );
    expect(runToEnd(createSymmetryStepper(options), 300)).toEqual(chunked);
  });

  it("the stepper stops at its horizon, and a blown-up step ends the run at the last finite state", () => {
    const short = createSymmetryStepper({ steps: 10 });
    expect(short.step(100)).toBe(10);
    expect([short.done, short.step(1), short.snapshot().verdict]).toEqual([true, 0, "untrained"]);
    // far outside the demo's range: the second update makes the weights overflow
    const blown = createSymmetryStepper({ activation: "linear", lr: 1e300, noise: 0.01 });
    while (!blown.done) blown.step(1);
    const snap = blown.snapshot();
    expect(snap.verdict).toBe("diverged");
    expect(snap.divergedAt).toBe(snap.step + 1);
    expect(snap.step).toBe(1);
    expect([snap.loss, ...snap.layers.flatMap((l) => [...l.W, ...l.b])].every(Number.isFinite)).toBe(true);
  });
});
