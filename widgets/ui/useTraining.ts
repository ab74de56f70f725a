import { createContext } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { stepTo, type Stepper } from "../../engine/stepping";
import {
  browserClock,
  createFrameLoop,
  FRAME_BUDGET_MS,
  type FrameClock,
  type FrameLoop,
} from "./frame-loop";

/** The frame loop of the demo an element is in (figures queue their draws on it); null outside a demo. */
export const FrameLoopContext = createContext<FrameLoop | null>(null);

/** How often a training demo publishes a new snapshot while playing… */
export const PUBLISH_MS = 100;
/** …and how often when the reader prefers reduced motion: discrete updates, not an animation. */
export const REDUCED_MOTION_PUBLISH_MS = 1000;

export interface TrainingOptions {
  /** Progress one press of Step advances (in the stepper's count: steps or epochs). */
  stepSize: number;
  /** While playing, at most this much progress per frame, so a run plays at a pace the reader can follow. */
  perFrame?: number;
  /** Snapshot cadence while playing, in ms (default PUBLISH_MS). */
  publishMs?: number;
  budgetMs?: number;
  /** A fake clock for tests. */
  clock?: FrameClock;
}

export interface Training<S> {
  /** The latest published snapshot: immutable plain data, a new object on every publish. */
  snapshot: S;
  /** The stepper's progress when `snapshot` was taken. */
  progress: number;
  /** The stepper had nothing left to do when `snapshot` was taken. */
  done: boolean;
  playing: boolean;
  play(): void;
  pause(): void;
  /** Advances the progress by `stepSize` at once and publishes. */
  step(): void;
  /** A fresh stepper from `create` (same state: the same initial weights), paused at 0. */
  reset(): void;
  /** The demo's frame loop: give it to DemoFrame, whose figures draw through it. */
  loop: FrameLoop;
}

interface Published<S> {
  stepper: Stepper<S>;
  snapshot: S;
  progress: number;
  done: boolean;
}

const publication = <S>(stepper: Stepper<S>): Published<S> => ({
  stepper,
  snapshot: stepper.snapshot(),
  progress: stepper.progress,
  done: stepper.done,
});

/** The reader's prefers-reduced-motion setting, live. */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const query = matchMedia("(prefers-reduced-motion: reduce)");
    const sync = () => setReduced(query.matches);
    sync();
    query.addEventListener("change", sync);
    return () => query.removeEventListener("change", sync);
  }, []);
  return reduced;
}

/**
 * The recent cost of one step: a running estimate that follows a slower step at once and a faster one
 * gradually, so a frame stops training before the step that would overrun its budget.
 */
export function stepCost(): { readonly ms: number; note(ms: number): void } {
  let ms = 0;
  return {
    get ms() {
      return ms;
    },
    note(taken) {
      ms = taken > ms ? taken : ms + STEP_COST_EASE * (taken - ms);
    },
  };
}
/** How fast the step-cost estimate comes down after a slow step. */
const STEP_COST_EASE = 0.2;

/**
 * THE frame loop of every training demo. `create` builds the experiment's stepper for the current state
 * (`key` names that state: a new key is a new run at 0). While playing, each animation frame either trains
 * as many units as fit in the frame's budget (after the frame's queued figure draws, stopping before a step
 * that would overrun it) or, every `publishMs`, publishes a fresh snapshot and trains nothing, so the
 * re-render it causes never shares a frame with training. The loop pauses while the demo is off screen or
 * the tab is hidden (DemoFrame reports that), and publishes once a second when the reader prefers reduced
 * motion.
 */
export function useTraining<S>(create: () => Stepper<S>, key: string, options: TrainingOptions): Training<S> {
  const { stepSize, perFrame = Infinity, budgetMs = FRAME_BUDGET_MS, clock = browserClock } = options;
  const reduced = useReducedMotion();
  const publishMs = reduced ? REDUCED_MOTION_PUBLISH_MS : (options.publishMs ?? PUBLISH_MS);
  const loop = useMemo(() => createFrameLoop({ budgetMs, clock }), []);
  useEffect(() => () => loop.dispose(), []);

  const [generation, setGeneration] = useState(0);
  const stepper = useMemo(create, [key, generation]);
  const first = useMemo(() => publication(stepper), [stepper]);
  const [stored, setStored] = useState(first);
  const shown = stored.stepper === stepper ? stored : first;
  const [playing, setPlaying] = useState(false);

  const publish = () => setStored(publication(stepper));

  useEffect(() => {
    setPlaying(false);
  }, [stepper]);

  useEffect(() => {
    if (!playing) return;
    let lastPublish = clock.now();
    const cost = stepCost();
    loop.setWork((deadline) => {
      // a frame that publishes does nothing else: the re-render, style, layout and paint get the frame
      if (stepper.done || clock.now() - lastPublish >= publishMs) {
        lastPublish = clock.now();
        publish();
        if (stepper.done) setPlaying(false);
        return !stepper.done;
      }
      const from = stepper.progress;
      // stop before a unit that would overrun the deadline (one always runs, so a run never stalls)
      for (let units = 0; stepper.progress - from < perFrame; units++) {
        if (units > 0 && clock.now() + cost.ms > deadline) break;
        const t = clock.now();
        if (stepper.step(1) === 0) break;
        cost.note(clock.now() - t);
      }
      return true;
    });
    return () => loop.setWork(null);
  }, [playing, stepper, perFrame, publishMs]);

  return {
    snapshot: shown.snapshot,
    progress: shown.progress,
    done: shown.done,
    playing,
    play: () => {
      if (!stepper.done) setPlaying(true);
    },
    pause: () => {
      setPlaying(false);
      publish();
    },
    step: () => {
      stepTo(stepper, stepper.progress + stepSize);
      publish();
    },
    reset: () => {
      setPlaying(false);
      setGeneration((g) => g + 1);
    },
    loop,
  };
}
