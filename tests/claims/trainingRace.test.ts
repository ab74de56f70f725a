import { describe, expect, it } from "vitest";
import {
  createTrainingRaceStepper,
  TRAINING_RACE_WARMUP,
  trainingRaceDefaults,
  type TrainingRaceOptions,
} from "../../engine/experiments/trainingRace";
import { runToEnd } from "../../engine/stepping";

/** Seconds-long training runs: generous under a loaded CI machine (they take ~1 s on an idle one). */
const HEAVY = { timeout: 60_000 };

describe("He page", HEAVY, () => {
  it("› Xavier on a ReLU network (training race): a 30-layer ReLU MLP learns from He init and stalls from Xavier (same data, seed and batches)", () => {
    for (const seed of [1, 2, 3]) {
      const r = runToEnd(createTrainingRaceStepper({ seed }));
      expect(r.options.depth).toBeGreaterThanOrEqual(30);
      expect(r.step).toBe(trainingRaceDefaults.steps);
      const [he, xavier] = r.lanes;
      expect(he!.init).toBe("he-normal-torch");
      expect(xavier!.init).toBe("glorot-normal-torch");
      expect(he!.verdict, `seed ${seed}`).toBe("learned");
      expect(xavier!.verdict, `seed ${seed}`).toBe("stalled");
      expect(he!.recentLoss!).toBeLessThan(0.25 * r.constantLoss);
      expect(xavier!.recentLoss!).toBeGreaterThan(0.9 * r.constantLoss);
    }
  });

  it("stepping the race in chunks gives exactly the run of one call", () => {
    const options: Partial<TrainingRaceOptions> = {
      steps: 100,
      depth: 20,
      inits: ["he-normal-torch", "glorot-normal-torch", "orthogonal"],
    };
    const chunked = createTrainingRaceStepper(options);
    while (chunked.step(7) > 0);
    const once = createTrainingRaceStepper(options);
    expect(once.step(1000)).toBe(100);
    expect(chunked.progress).toBe(100);
    expect(chunked.done).toBe(true);
    expect(chunked.snapshot()).toEqual(once.snapshot());
  });

  it("judges no lane before the warm-up, and stops a lane whose loss blows up while the others go on", () => {
    const early = createTrainingRaceStepper({ steps: 200, depth: 10, lr: 1 });
    early.step(TRAINING_RACE_WARMUP - 10);
    expect(early.snapshot().lanes.map((l) => l.verdict)).not.toContain("learning");
    const r = runToEnd(early);
    const [he, xavier] = r.lanes;
    expect(he!.verdict).toBe("diverged");
    expect(he!.step).toBe(he!.divergedAt);
    expect(he!.step).toBeLessThan(200);
    expect(he!.recentLoss).toBeNull();
    expect(he!.loss.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(xavier!.step).toBe(200);
  });
});
