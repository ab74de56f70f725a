/** The playground's state as the engine experiment's options (engine/experiments/playground.ts). */
import {
  createPlaygroundStepper,
  playgroundNetwork,
  playgroundSplit,
  stepsPerEpochOf,
  type PlaygroundOptions,
  type Split,
} from "../../engine/experiments/playground";
import type { InitParams } from "../../engine/initializers";
import type { Network } from "../../engine/network";
import type { Plane } from "../ui/grid";
import type { PlaygroundState } from "./state";

/** Points per data set (TF Playground's 500). */
export const POINTS = 500;
/** Training stops by itself here, so a forgotten tab does not spin forever. */
export const MAX_EPOCHS = 5000;
/** The input plane shown, [−6, 6]² (the data sets live in about [−5, 5]²), on a 40 × 40 grid. */
export const PLANE: Plane = { cells: 40, half: 6 };

export function experimentOptions(state: PlaygroundState, start?: Network): PlaygroundOptions {
  return {
    dataset: state.dataset,
    points: POINTS,
    noise: state.noise / 100,
    trainFraction: state.trainPct / 100,
    dataSeed: state.dataSeed,
    hidden: state.hidden,
    activation: state.activation,
    init: state.init,
    initParams: state.params as Partial<InitParams>,
    bias: state.bias === "zeros" ? 0 : state.biasValue,
    lr: state.lr,
    batch: state.batch,
    seed: state.seed,
    maxEpochs: MAX_EPOCHS,
    start,
  };
}

/** The data set and its split (a function of the data fields only). */
export const splitOf = (state: PlaygroundState): Split => playgroundSplit(experimentOptions(state));

/** Widths [2 inputs, hidden…, 1 output]. */
export const sizesOf = (state: PlaygroundState): number[] => [2, ...state.hidden, 1];

/** The seed's initial weights (Reset draws them again). */
export const initialNetwork = (state: PlaygroundState): Network =>
  playgroundNetwork(experimentOptions(state));

/** SGD steps per epoch for the state's split and batch size. */
export const stepsPerEpoch = (state: PlaygroundState): number =>
  stepsPerEpochOf(Math.round((state.trainPct / 100) * POINTS), state.batch);

/** SGD steps per frame at most while playing: the speed's epochs (no cap for "max"). */
export const perFrame = (state: PlaygroundState): number =>
  state.speed === "max" ? Infinity : Number(state.speed) * stepsPerEpoch(state);

export const createStepper = (state: PlaygroundState, split = splitOf(state), start?: Network) =>
  createPlaygroundStepper(experimentOptions(state, start), split);
