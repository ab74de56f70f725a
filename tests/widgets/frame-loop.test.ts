import { describe, expect, it } from "vitest";
import { createFrameLoop, type FrameClock } from "../../widgets/ui/frame-loop";

/** A clock that only moves when work says it took time, and frames that run when the test says so. */
function fakeClock() {
  let t = 0;
  let queued: (() => void) | null = null;
  const clock: FrameClock = {
    now: () => t,
    request: (f) => {
      queued = f;
      return 1;
    },
    cancel: () => {
      queued = null;
    },
  };
  return {
    clock,
    spend: (ms: number) => void (t += ms),
    /** Runs one frame; returns how long it took on the fake clock (0 if none was requested). */
    frame(): number {
      const f = queued;
      queued = null;
      if (!f) return 0;
      const start = t;
      f();
      return t - start;
    },
    get pending() {
      return queued !== null;
    },
  };
}

describe("frame loop", () => {
  it("keeps each frame's training within the budget, 1 ms steps in a 10 ms budget", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    let steps = 0;
    loop.setWork((deadline) => {
      while (fake.clock.now() < deadline) {
        fake.spend(1);
        steps++;
      }
      return steps < 100;
    });
    const durations = Array.from({ length: 12 }, () => fake.frame());
    expect(Math.max(...durations)).toBeLessThanOrEqual(10);
    expect(steps).toBe(100);
    expect(fake.pending).toBe(false);
  });

  it("a frame that draws trains nothing: the rendering its draws cause gets the rest of the frame", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    let trained = 0;
    loop.setWork((deadline) => {
      while (fake.clock.now() < deadline) {
        fake.spend(1);
        trained++;
      }
      return true;
    });
    loop.draw("loss", () => fake.spend(3));
    expect(fake.frame()).toBe(3);
    expect(trained).toBe(0);
    expect(fake.frame()).toBe(10);
    expect(trained).toBe(10);
  });

  it("never skips training two frames running: with a draw queued every frame, every other frame trains", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    const perFrame: number[] = [];
    loop.setWork((deadline) => {
      let k = 0;
      while (fake.clock.now() < deadline) {
        fake.spend(1);
        k++;
      }
      perFrame.push(k);
      return true;
    });
    const durations: number[] = [];
    for (let i = 0; i < 6; i++) {
      loop.draw("live", () => fake.spend(2));
      durations.push(fake.frame());
    }
    // frames alternate: a draw alone (2 ms), then a draw and training up to the budget (10 ms)
    expect(durations).toEqual([2, 10, 2, 10, 2, 10]);
    expect(perFrame).toEqual([8, 8, 8]);
  });

  it("runs at least one draw per frame, and a second only if its last cost fits", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    const order: string[] = [];
    const draw = (key: string, ms: number) => loop.draw(key, () => (order.push(key), fake.spend(ms)));
    draw("a", 7);
    draw("b", 7);
    expect(fake.frame()).toBe(14); // costs unknown yet: both tried
    draw("a", 7);
    draw("b", 7);
    expect(fake.frame()).toBe(7); // a's 7 ms is known now: b waits for the next frame
    expect(fake.frame()).toBe(7);
    expect(order).toEqual(["a", "b", "a", "b"]);
  });

  it("replaces a pending draw with the newer one of the same key", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    const drawn: number[] = [];
    for (let i = 0; i < 5; i++) loop.draw("x", () => drawn.push(i));
    fake.frame();
    expect(drawn).toEqual([4]);
  });

  it("does nothing while inactive (off screen, hidden tab) and resumes after", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    let calls = 0;
    loop.setActive(false);
    loop.setWork(() => (calls++, true));
    loop.draw("x", () => calls++);
    expect(fake.pending).toBe(false);
    loop.setActive(true);
    fake.frame(); // the draw (this frame then trains nothing)
    expect(calls).toBe(1);
    fake.frame(); // the work
    expect(calls).toBe(2);
  });

  it("requests no frame once disposed", () => {
    const fake = fakeClock();
    const loop = createFrameLoop({ budgetMs: 10, clock: fake.clock });
    loop.setWork(() => true);
    loop.dispose();
    expect(fake.frame()).toBe(0);
    expect(fake.pending).toBe(false);
  });
});
