import { describe, expect, it } from "vitest";
import {
  createTrainingRace,
  raceResults,
  runTrainingRace,
  stepTrainingRaceInPlace,
  trainingRaceDefaults,
  verdictOf,
} from "../../engine/experiments/trainingRace";

/** Seconds-long training runs: generous under a loaded CI machine (they take ~1 s on an idle one). */
const HEAVY = { timeout: 60_000 };

describe("He page", HEAVY, () => {
  it("› Xavier on a ReLU network (training race): a 30-layer ReLU MLP learns from He init and stalls from Xavier (same data, seed and batches)", () => {
    const r = runTrainingRace();
    expect(r.options.depth).toBeGreaterThanOrEqual(30);
    const [he, xavier] = r.runs;
    expect(he.init).toBe("he-normal-torch");
    expect(xavier.init).toBe("glorot-normal-torch");
    expect(he.verdict).toBe("learning");
    expect(xavier.verdict).toBe("stalled");
    expect(he.finalLoss).toBeLessThan(0.25 * r.constantLoss);
    expect(xavier.finalLoss).toBeGreaterThan(0.9 * r.constantLoss);
  });

  it("the verdict rule: NaN or exploding loss → diverged; ≤ ½ of the constant predictor's loss → learning; else stalled", () => {
    const o = trainingRaceDefaults;
    const curve = (xs: number[]) => xs.map((loss) => ({ loss }));
    expect(verdictOf(curve([0.5, NaN]), 0.5, o)).toBe("diverged");
    expect(verdictOf(curve([0.5, 6, 6, 6, 6, 6]), 0.5, o)).toBe("diverged");
    expect(verdictOf(curve([0.5, 0.2, 0.2, 0.2, 0.2, 0.2]), 0.5, o)).toBe("learning");
    expect(verdictOf(curve([0.5, 0.4, 0.4, 0.4, 0.4, 0.4]), 0.5, o)).toBe("stalled");
  });

  it("the step-wise race reproduces the one-shot race", () => {
    const race = createTrainingRace({ steps: 100, depth: 20 });
    stepTrainingRaceInPlace(race, 60);
    stepTrainingRaceInPlace(race, 40);
    expect(raceResults(race).map((x) => x.loss)).toEqual(
      runTrainingRace({ steps: 100, depth: 20 }).runs.map((x) => x.loss),
    );
  });
});
