import {
  clampParams,
  initializers,
  isInitializerId,
  paramRanges,
  paramsWithDefaults,
  type InitializerId,
  type InitParams,
} from "../../engine/initializers";
import { defineDemo } from "../ui/demo";
import { initializerOptions } from "../ui/options";
import { choiceField, intField, numberField, seedField, type Field } from "../ui/url-state";

/**
 * Everything the explorer shows is a function of this state; all of it lives in the URL. Every parameter any
 * initializer reads is a field of its own (`fx.gain`); the chosen entry reads some of them.
 */
export interface ExplorerState extends InitParams {
  initializer: InitializerId;
  /** Dense fans typed directly, or a conv kernel (kh × kw, in → out channels). */
  kernel: "dense" | "conv";
  fanIn: number;
  fanOut: number;
  inChannels: number;
  outChannels: number;
  kh: number;
  kw: number;
  seed: number;
}

/** The parameters the chosen initializer reads, as the state holds them. */
export function paramsOf(state: ExplorerState): Partial<InitParams> {
  const read = initializers[state.initializer].params.map((p) => [p.key, state[p.key]]);
  return Object.fromEntries(read) as Partial<InitParams>;
}

/** Choosing an initializer: its id and every parameter at that entry's defaults. */
export const withInitializer = (id: InitializerId): Partial<ExplorerState> => ({
  initializer: id,
  ...paramsWithDefaults(id),
});

/** A parameter's field: the widest range over the registry; its control is the initializer control's. */
const param = (key: keyof typeof paramRanges): Field<number> => ({
  ...numberField(key, paramRanges[key]!.min, paramRanges[key]!.max),
  control: null,
});

/** URL fields: `fx.initializer`, `fx.kernel`, the fans and kernel shape, `fx.seed`, and each parameter. */
export const formulaExplorerDemo = defineDemo<ExplorerState>({
  id: "demo-formula-explorer",
  namespace: "fx",
  title: "Formula explorer",
  fields: {
    initializer: choiceField<InitializerId>("initializer", initializerOptions, "glorot-uniform", {
      title: "Initializer",
    }),
    kernel: choiceField<"dense" | "conv">(
      "kernel",
      [
        { value: "dense", label: "Dense (fans)" },
        { value: "conv", label: "2-D convolution" },
      ] as const,
      "dense",
      { title: "Layer" },
    ),
    fanIn: intField("fan-in", 1, 16384, { log: true, title: "Fan-in" }),
    fanOut: intField("fan-out", 1, 16384, { log: true, title: "Fan-out" }),
    inChannels: intField("input channels", 1, 2048, { log: true, title: "Input channels" }),
    outChannels: intField("output channels", 1, 2048, { log: true, title: "Output channels" }),
    kh: intField("kernel height", 1, 11, { title: "Kernel height" }),
    kw: intField("kernel width", 1, 11, { title: "Kernel width" }),
    seed: seedField(),
    value: param("value"),
    a: param("a"),
    b: param("b"),
    mean: param("mean"),
    std: param("std"),
    gain: param("gain"),
    scale: param("scale"),
    mode: { ...choiceField("mode", ["fan_in", "fan_out", "fan_avg"] as const, "fan_in"), control: null },
    distribution: {
      ...choiceField("distribution", ["truncated_normal", "normal", "uniform"] as const, "truncated_normal"),
      control: null,
    },
  },
  defaults: {
    initializer: "glorot-uniform",
    kernel: "dense",
    fanIn: 256,
    fanOut: 128,
    inChannels: 64,
    outChannels: 128,
    kh: 3,
    kw: 3,
    seed: 1,
    ...paramsWithDefaults("glorot-uniform"),
  },
  // The chosen entry's parameters within its own ranges (notes say what changed); the others at defaults.
  normalize(state) {
    const { params, notes } = clampParams(state.initializer, paramsOf(state));
    return { state: { ...state, ...paramsWithDefaults(state.initializer, params) }, notes };
  },
});

/** Author props over the chosen initializer's defaults; a typo fails the build loudly. */
export function explorerFromProps(props: Partial<ExplorerState>): ExplorerState {
  const id = isInitializerId(props.initializer)
    ? props.initializer
    : formulaExplorerDemo.defaults.initializer;
  return formulaExplorerDemo.fromProps({ ...paramsWithDefaults(id), ...props });
}
