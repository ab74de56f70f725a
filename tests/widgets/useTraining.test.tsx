// @vitest-environment jsdom
import { act, cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Stepper } from "../../engine/stepping";
import type { FrameClock } from "../../widgets/ui/frame-loop";
import { stepCost, useTraining, type Training } from "../../widgets/ui/useTraining";

/** A clock that moves only when a step or a render says it took time; frames run when the test says so. */
function fakeClock() {
  let t = 0;
  let queued: (() => void) | null = null;
  const clock: FrameClock = {
    now: () => t,
    request: (f) => ((queued = f), 1),
    cancel: () => void (queued = null),
  };
  return {
    clock,
    spend: (ms: number) => void (t += ms),
    /** Runs one frame (and the re-render it causes); returns how long its work took on the fake clock. */
    frame(): number {
      const f = queued;
      queued = null;
      if (!f) return 0;
      const start = t;
      act(() => f());
      return t - start;
    },
  };
}

/** A stepper whose every step costs `stepMs` (or what `cost(i)` says for step i) on the fake clock. */
function timedStepper(spend: (ms: number) => void, horizon: number, cost: (i: number) => number) {
  let progress = 0;
  const stepper: Stepper<{ progress: number }> = {
    step(n) {
      const k = Math.min(n, horizon - progress);
      for (let i = 0; i < k; i++) spend(cost(progress + i));
      progress += k;
      return k;
    },
    get progress() {
      return progress;
    },
    horizon,
    get done() {
      return progress >= horizon;
    },
    snapshot: () => ({ progress }),
  };
  return stepper;
}

/**
 * A stepper whose every `every`-th step is followed by `extra` units of 2 ms that do not advance progress
 * (as the training race records a loss in chunks), the steps costing 1 ms.
 */
function chunkedStepper(spend: (ms: number) => void, horizon: number, every: number, extra: number) {
  let steps = 0;
  let owed = 0;
  const stepper: Stepper<{ progress: number }> = {
    step(n) {
      let k = 0;
      for (; k < n && !stepper.done; k++) {
        if (owed > 0) {
          owed--;
          spend(2);
        } else {
          steps++;
          spend(1);
          if (steps % every === 0) owed = extra;
        }
      }
      return k;
    },
    get progress() {
      return owed > 0 ? steps - 1 : steps;
    },
    horizon,
    get done() {
      return steps >= horizon && owed === 0;
    },
    snapshot: () => ({ progress: stepper.progress }),
  };
  return stepper;
}

afterEach(cleanup);

function mount(
  stepper: Stepper<{ progress: number }>,
  clock: FrameClock,
  options: { perFrame?: number; stepSize?: number } = {},
) {
  const seen: { training: Training<{ progress: number }> | null; renders: number } = {
    training: null,
    renders: 0,
  };
  function Demo() {
    seen.training = useTraining(() => stepper, "k", {
      stepSize: 1,
      budgetMs: 10,
      publishMs: 100,
      clock,
      ...options,
    });
    seen.renders++;
    return <p>{seen.training.snapshot.progress}</p>;
  }
  render(<Demo />);
  act(() => seen.training!.play());
  return seen;
}

describe("useTraining", () => {
  it("stops a frame's training before the step that would overrun the 10 ms budget (3 ms steps: 3 per frame)", () => {
    const fake = fakeClock();
    const stepper = timedStepper(fake.spend, 1000, () => 3);
    mount(stepper, fake.clock);
    const frames = Array.from({ length: 20 }, () => fake.frame());
    expect(Math.max(...frames)).toBeLessThanOrEqual(10);
    expect(frames.filter((ms) => ms === 9).length).toBeGreaterThan(15);
  });

  it("publishes in a frame of its own: the frame that re-renders trains nothing", () => {
    const fake = fakeClock();
    const stepper = timedStepper(fake.spend, 10_000, () => 1);
    const seen = mount(stepper, fake.clock);
    let publishes = 0;
    for (let i = 0; i < 60; i++) {
      const before = { progress: stepper.progress, renders: seen.renders };
      fake.frame();
      if (seen.renders > before.renders) {
        publishes++;
        expect(stepper.progress).toBe(before.progress); // no step in a publishing frame
        expect(seen.training!.snapshot.progress).toBe(stepper.progress);
      } else expect(stepper.progress).toBeGreaterThan(before.progress);
    }
    // 10 ms of training per frame, a publish every 100 ms of clock: one frame in eleven
    expect(publishes).toBe(5);
  });

  it("still trains one step per frame when a single step is slower than the budget", () => {
    const fake = fakeClock();
    const stepper = timedStepper(fake.spend, 50, () => 25);
    mount(stepper, fake.clock);
    for (let i = 0; i < 10; i++) fake.frame();
    expect(stepper.progress).toBeGreaterThanOrEqual(5);
  });

  it("caps a frame by progress, not by units of work: units that only evaluate do not count", () => {
    const fake = fakeClock();
    // 1 ms steps, 4 units of 2 ms after every 5th: at most 3 steps of progress per frame, within 10 ms
    const stepper = chunkedStepper(fake.spend, 1000, 5, 4);
    mount(stepper, fake.clock, { perFrame: 3 });
    const frames: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = stepper.progress;
      frames.push(fake.frame());
      expect(stepper.progress - before).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...frames)).toBeLessThanOrEqual(10);
    // counting units instead (3 a frame) would reach only about 65
    expect(stepper.progress).toBeGreaterThan(85);
  });

  it("Step advances the progress by stepSize, finishing the units that record it", () => {
    const fake = fakeClock();
    const stepper = chunkedStepper(fake.spend, 100, 10, 6);
    const seen = mount(stepper, fake.clock, { stepSize: 10 });
    act(() => seen.training!.pause());
    act(() => seen.training!.step());
    expect(seen.training!.snapshot.progress).toBe(10);
    act(() => seen.training!.step());
    expect(seen.training!.snapshot.progress).toBe(20);
  });

  it("publishes the last snapshot and stops when the run is done", () => {
    const fake = fakeClock();
    const stepper = timedStepper(fake.spend, 5, () => 1);
    const seen = mount(stepper, fake.clock);
    fake.frame(); // trains all 5
    fake.frame(); // publishes the end
    expect(seen.training!.snapshot.progress).toBe(5);
    expect(seen.training!.done).toBe(true);
    expect(seen.training!.playing).toBe(false);
    expect(fake.frame()).toBe(0); // no frame requested any more
  });
});

describe("stepCost", () => {
  it("follows a slower step at once and comes down gradually", () => {
    const cost = stepCost();
    cost.note(2);
    expect(cost.ms).toBe(2);
    cost.note(10);
    expect(cost.ms).toBe(10);
    cost.note(0);
    expect(cost.ms).toBeCloseTo(8);
  });
});
