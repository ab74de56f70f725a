/**
 * One scheduler per demo for everything that happens on animation frames: queued figure draws and the
 * training work. Each frame gets ONE time budget: draws go first (at least one per frame, so a figure never
 * starves, a second only if its last cost fits). A frame that drew changed the page, so it leaves the rest of
 * its time to the style, layout and paint that follow and trains nothing — unless the frame before it also
 * drew, so training never waits two frames in a row. Otherwise the work runs until the budget's end. The work
 * decides what its frames are for: useTraining spends a frame either on training or on publishing a snapshot
 * (whose re-render then has the frame to itself), never on both. Nothing here reads a global clock or frame
 * source: both are injected, so a fake clock can test the budget exactly.
 */

export interface FrameClock {
  now(): number;
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** The browser's clock and frames. */
export const browserClock: FrameClock = {
  now: () => performance.now(),
  request: (f) => requestAnimationFrame(f),
  cancel: (h) => cancelAnimationFrame(h),
};

/** Work for one frame: do as much as fits before `deadline`; return true while more remains. */
export type FrameWork = (deadline: number) => boolean;

export interface FrameLoop {
  /** Queues a draw for a coming frame; a pending draw with the same key is replaced (only the newest counts). */
  draw(key: string, run: () => void): void;
  /** The training work to run every frame while active (null: none). */
  setWork(work: FrameWork | null): void;
  /** Off screen or in a hidden tab nothing runs; work and draws wait. */
  setActive(active: boolean): void;
  /** Frames run so far (for tests and benchmarks). */
  readonly frames: number;
  dispose(): void;
}

export interface FrameLoopOptions {
  /** Main-thread time per frame for draws, training and the re-render they cause. */
  budgetMs: number;
  clock?: FrameClock;
}

/** The default frame budget: 10 ms of a 16.7 ms frame, leaving the rest to style, layout and paint. */
export const FRAME_BUDGET_MS = 10;

export function createFrameLoop({ budgetMs, clock = browserClock }: FrameLoopOptions): FrameLoop {
  const draws = new Map<string, () => void>();
  /** Recent cost of each draw key, to decide whether a second draw still fits in a frame. */
  const drawCost = new Map<string, number>();
  let work: FrameWork | null = null;
  let more = false;
  let active = true;
  let handle: number | null = null;
  let frames = 0;
  let disposed = false;
  /** The last frame drew and so trained nothing. */
  let rested = false;

  const wanted = () => active && !disposed && (draws.size > 0 || (work !== null && more));
  const schedule = () => {
    if (handle === null && wanted()) handle = clock.request(frame);
  };

  function frame() {
    handle = null;
    if (!wanted()) return;
    frames++;
    const start = clock.now();
    const end = start + budgetMs;
    let drawn = 0;
    for (const [key, run] of [...draws]) {
      const guess = drawCost.get(key) ?? 0;
      if (drawn > 0 && clock.now() + guess > end) break;
      draws.delete(key);
      const t = clock.now();
      run();
      drawCost.set(key, clock.now() - t);
      drawn++;
    }
    const rest = drawn > 0 && !rested;
    if (work !== null && more && !rest && clock.now() < end) more = work(end);
    rested = rest;
    schedule();
  }

  return {
    draw(key, run) {
      draws.delete(key); // re-inserted last: draws run oldest first
      draws.set(key, run);
      schedule();
    },
    setWork(w) {
      work = w;
      more = w !== null;
      schedule();
    },
    setActive(a) {
      active = a;
      if (!a && handle !== null) {
        clock.cancel(handle);
        handle = null;
      }
      schedule();
    },
    get frames() {
      return frames;
    },
    dispose() {
      disposed = true;
      if (handle !== null) clock.cancel(handle);
      handle = null;
      draws.clear();
      work = null;
    },
  };
}
