import { describe, expect, it } from "vitest";
import {
  createTrainingRaceStepper,
  EVAL_CHUNK,
  TRAINING_RACE_WARMUP,
  trainingRaceDefaults,
  type TrainingRaceOptions,
} from "../../engine/experiments/trainingRace";
import { datasetLoss } from "../../engine/optimizer";
import { runToEnd, stepTo } from "../../engine/stepping";

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
    expect(once.step(1e6)).toBeGreaterThan(100);
    expect([once.progress, once.done]).toEqual([100, true]);
    expect(chunked.progress).toBe(100);
    expect(chunked.done).toBe(true);
    expect(chunked.snapshot()).toEqual(once.snapshot());
  });

  it("records each full-data loss in chunks of EVAL_CHUNK examples, no unit training and evaluating at once, with the numbers of evaluating it whole", () => {
    const options = { steps: 40, depth: 8 };
    const race = createTrainingRaceStepper(options);
    const units: number[] = [];
    while (race.step(1) === 1) units.push(race.progress);
    const evalUnits = trainingRaceDefaults.points / EVAL_CHUNK;
    // per recorded step: one training unit, then each lane's evaluation chunks (progress waits for them)
    expect(units.length).toBe(40 + (40 / trainingRaceDefaults.every) * 2 * evalUnits);
    expect(units.slice(0, 10 + 2 * evalUnits)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9],
      ...new Array<number>(2 * evalUnits).fill(9),
      10,
    ]);
  });

  it("a loss recorded in chunks is exactly the full-data loss of the net at that step", () => {
    const race = createTrainingRaceStepper({ steps: 60, depth: 8, inits: ["he-normal-torch", "orthogonal"] });
    const { points } = race.snapshot();
    const data = {
      X: Float64Array.from(points.flatMap((p) => [p.x, p.y])),
      Y: Float64Array.from(points.map((p) => p.label)),
      n: points.length,
      dim: 2,
      outputs: 1,
    };
    let checked = 0;
    while (!race.done) {
      stepTo(race, race.progress + trainingRaceDefaults.every);
      // the nets are still at the step just recorded: the next unit trains
      for (const [k, lane] of race.snapshot().lanes.entries()) {
        const last = lane.loss[lane.loss.length - 1]!;
        expect(last.step).toBe(race.progress);
        expect(last.loss).toBe(datasetLoss(race.nets[k]!, data, "half-mse"));
        checked++;
      }
    }
    expect(checked).toBe(12);
  });

  it("judges no lane before the warm-up, and stops a lane whose loss blows up while the others go on", () => {
    const early = createTrainingRaceStepper({ steps: 200, depth: 10, lr: 1 });
    stepTo(early, TRAINING_RACE_WARMUP - 10);
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
