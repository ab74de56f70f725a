import {
  sampleInitializer,
  type SamplingOptions,
  type SamplingResult,
} from "../../engine/experiments/sampling";
import { fansOf } from "../../engine/fans";
import {
  initializerIds,
  initializers,
  paramsWithDefaults,
  type Fans,
  type InitializerId,
  type InitParams,
  type ParamSpec,
} from "../../engine/initializers";
import {
  assertValidProps,
  choiceField,
  intField,
  numberField,
  seedField,
  type Field,
  type Schema,
} from "../ui/url-state";
import { groupDigits } from "../ui/format";

type NumericKey = "value" | "a" | "b" | "mean" | "std" | "gain" | "scale";
const NUMERIC_KEYS = [
  "value",
  "a",
  "b",
  "mean",
  "std",
  "gain",
  "scale",
] as const satisfies readonly NumericKey[];

/** Everything the explorer shows is a function of this state; all of it lives in the URL. */
export interface ExplorerState extends Pick<InitParams, NumericKey | "mode" | "distribution"> {
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

export const NAMESPACE = "fx";
export const SAMPLES = 10_000;
export const FAN = { min: 1, max: 16384 } as const;
export const CHANNELS = { min: 1, max: 2048 } as const;
export const KERNEL = { min: 1, max: 11 } as const;
/** Orthogonal sampling runs a QR per matrix: keep it to 1,024 × 1,024 here. */
export const ORTHOGONAL_MAX_FAN = 1024;

/** A numeric parameter's widest range over the registry, for the URL codec (each control uses its own spec). */
function numericRange(key: NumericKey): { min: number; max: number } {
  const specs = initializerIds.flatMap((id) =>
    initializers[id].params.filter((p): p is Extract<ParamSpec, { kind: "number" }> => p.key === key),
  );
  return { min: Math.min(...specs.map((s) => s.min)), max: Math.max(...specs.map((s) => s.max)) };
}

export function specsOf(id: InitializerId): readonly ParamSpec[] {
  return initializers[id].params;
}

/** The state with the initializer's own parameter defaults (used whenever the initializer changes). */
export function withInitializer(state: ExplorerState, id: InitializerId): ExplorerState {
  const p = paramsWithDefaults(id);
  return { ...state, initializer: id, ...pickParams(p) };
}

function pickParams(p: InitParams): Pick<InitParams, NumericKey | "mode" | "distribution"> {
  const { value, a, b, mean, std, gain, scale, mode, distribution } = p;
  return { value, a, b, mean, std, gain, scale, mode, distribution };
}

const BASE: ExplorerState = {
  initializer: "glorot-uniform",
  kernel: "dense",
  fanIn: 256,
  fanOut: 128,
  inChannels: 64,
  outChannels: 128,
  kh: 3,
  kw: 3,
  seed: 1,
  ...pickParams(paramsWithDefaults("glorot-uniform")),
};
export const DEFAULT_STATE: ExplorerState = BASE;

const numericFields = Object.fromEntries(
  NUMERIC_KEYS.map((k) => [k, numberField(k, numericRange(k).min, numericRange(k).max)]),
) as Record<NumericKey, Field<number>>;

export const schema: Schema<ExplorerState> = {
  initializer: choiceField("initializer", initializerIds, BASE.initializer),
  kernel: choiceField("kernel", ["dense", "conv"] as const, "dense"),
  fanIn: intField("fan-in", FAN.min, FAN.max),
  fanOut: intField("fan-out", FAN.min, FAN.max),
  inChannels: intField("input channels", CHANNELS.min, CHANNELS.max),
  outChannels: intField("output channels", CHANNELS.min, CHANNELS.max),
  kh: intField("kernel height", KERNEL.min, KERNEL.max),
  kw: intField("kernel width", KERNEL.min, KERNEL.max),
  seed: seedField(),
  ...numericFields,
  mode: choiceField("mode", ["fan_in", "fan_out", "fan_avg"] as const, "fan_in"),
  distribution: choiceField(
    "distribution",
    ["truncated_normal", "normal", "uniform"] as const,
    "truncated_normal",
  ),
};

/** Author props: only the initializer, the fans and the seed; a typo fails the build loudly. */
export function stateFromProps(
  props: Partial<Pick<ExplorerState, "initializer" | "fanIn" | "fanOut" | "seed" | "kernel">>,
) {
  if (props.initializer !== undefined && !initializerIds.includes(props.initializer)) {
    throw new Error(`InitializerSampler: unknown initializer "${String(props.initializer)}"`);
  }
  const { initializer, fanIn, fanOut, seed, kernel } = props;
  const given = Object.fromEntries(
    Object.entries({ initializer, fanIn, fanOut, seed, kernel }).filter(([, v]) => v !== undefined),
  );
  const state = withInitializer({ ...BASE, ...given }, props.initializer ?? BASE.initializer);
  assertValidProps("InitializerSampler", schema, state, ["fanIn", "fanOut", "seed", "kernel"]);
  return state;
}

/** Fans of the layer the state describes (Keras' rule; PyTorch's gives the same numbers). */
export function fansOfState(s: ExplorerState): Fans {
  return s.kernel === "dense"
    ? { fanIn: s.fanIn, fanOut: s.fanOut }
    : fansOf([s.kh, s.kw, s.inChannels, s.outChannels], "keras");
}

/** The parameters the chosen initializer reads, each clamped to its own spec; notes for what changed. */
export function paramsOfState(s: ExplorerState): { params: Partial<InitParams>; notes: string[] } {
  const params: Partial<InitParams> = {};
  const notes: string[] = [];
  for (const spec of specsOf(s.initializer)) {
    if (spec.kind === "number") {
      const { min } = spec;
      const v = Math.min(spec.max, Math.max(min, s[spec.key]));
      if (v !== s[spec.key])
        notes.push(`${spec.label} ${s[spec.key]} is outside ${spec.min}–${spec.max}; using ${v}.`);
      params[spec.key] = v;
    } else if (spec.key === "mode") {
      const ok = spec.options.includes(s.mode);
      if (!ok) notes.push(`mode ${s.mode} does not apply here; using ${spec.default}.`);
      params.mode = ok ? s.mode : spec.default;
    } else {
      params.distribution = s.distribution;
    }
  }
  if (params.a !== undefined && params.b !== undefined && !(params.a < params.b)) {
    notes.push(`The lower bound a must be below b; using a = ${params.b - 0.01}.`);
    params.a = params.b - 0.01;
  }
  return { params, notes };
}

/** The sampling run for a state, or a note why it had to be reduced. */
export function samplingOptions(s: ExplorerState): { options: SamplingOptions; notes: string[] } {
  const { params, notes } = paramsOfState(s);
  let { fanIn, fanOut } = fansOfState(s);
  if (s.initializer === "orthogonal" && Math.max(fanIn, fanOut) > ORTHOGONAL_MAX_FAN) {
    const k = ORTHOGONAL_MAX_FAN / Math.max(fanIn, fanOut);
    fanIn = Math.max(1, Math.round(fanIn * k));
    fanOut = Math.max(1, Math.round(fanOut * k));
    notes.push(
      `Orthogonal matrices are sampled at ${fanOut} × ${fanIn} here (a QR per matrix); the formula uses the same fans.`,
    );
  }
  return { options: { id: s.initializer, fanIn, fanOut, params, n: SAMPLES, seed: s.seed, bins: 40 }, notes };
}

export const sample = (s: ExplorerState): SamplingResult => sampleInitializer(samplingOptions(s).options);

/**
 * Relative standard error of a sample variance, √((κ − 1)/n), with κ the kurtosis: 1.8 for a uniform law,
 * 3 for a normal one; 3 also bounds a truncated normal's (lighter tails) and orthogonal entries (near normal).
 */
export function varianceTolerance(result: SamplingResult): number {
  const kind = initializers[result.id].distributionOf(result.fans, result.params).kind;
  const kurtosis = kind === "uniform" ? 1.8 : 3;
  return Math.sqrt((kurtosis - 1) / result.n);
}

const fmt = (x: number) =>
  x === 0 ? "0" : Math.abs(x) >= 1e-6 ? String(Number(x.toPrecision(3))) : x.toExponential(2);

/** A sentence stating what the figure shows now, for the caption and for screen readers. */
export function summarize(result: SamplingResult): string {
  const { theory, sample: s, n } = result;
  const name = initializers[result.id].label;
  const draws = `${groupDigits(n)} draws of ${name} (fan-in ${result.fans.fanIn}, fan-out ${result.fans.fanOut})`;
  if (theory.variance === 0)
    return `${draws}: every weight equals ${fmt(s.mean)}, a point mass with variance 0.`;
  const off = (s.variance - theory.variance) / theory.variance;
  const tol = 3 * varianceTolerance(result);
  const sign = off >= 0 ? "+" : "−";
  const verdict = Math.abs(off) <= tol ? "within" : "outside";
  return `${draws}: sample variance ${fmt(s.variance)} against ${fmt(theory.variance)} from the formula (${sign}${Math.abs(off * 100).toFixed(1)} %, ${verdict} the ±${(tol * 100).toFixed(1)} % that sampling allows at 3 standard errors).`;
}

export const initializerOptions = initializerIds.map((id) => ({ value: id, label: initializers[id].label }));
