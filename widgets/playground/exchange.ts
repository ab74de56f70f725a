/**
 * Export and import of the current network as JSON: the playground state (architecture, activation,
 * initializer and its parameters, seeds, training settings) plus every weight and bias. Import validates
 * everything before it changes anything, and says what is wrong in one sentence.
 */
import { DEFAULT_LEAKY_SLOPE } from "../../engine/activations";
import type { Network } from "../../engine/network";
import { OUTPUT } from "../../engine/experiments/playground";
import { sizesOf } from "./run";
import { playgroundDemo, type PlaygroundState } from "./state";

const keys = Object.keys(playgroundDemo.fields) as (keyof PlaygroundState)[];

export const FORMAT = "weight-init-playground";
export const VERSION = 1;

export interface ExportedNetwork {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** Every control of the playground, exactly as in its URL. */
  state: PlaygroundState;
  /** Epochs trained when exported (informative only). */
  epoch: number;
  network: {
    sizes: number[];
    hidden: string;
    output: string;
    /** Per weight layer: W row-major out × in, b of length out. */
    layers: { W: number[]; b: number[] }[];
  };
}

export function exportNetwork(state: PlaygroundState, net: Network, epoch: number): ExportedNetwork {
  return {
    format: FORMAT,
    version: VERSION,
    state,
    epoch,
    network: {
      sizes: [...net.sizes],
      hidden: net.hidden,
      output: net.output,
      layers: net.layers.map(({ W, b }) => ({ W: Array.from(W), b: Array.from(b) })),
    },
  };
}

/** JSON text of an export; numbers are written in full, so an import restores the exact same bits. */
export const exportText = (e: ExportedNetwork): string => JSON.stringify(e, null, 1);

export type ImportResult =
  { ok: true; state: PlaygroundState; net: Network; epoch: number } | { ok: false; error: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function numbers(x: unknown, length: number, what: string): Float64Array | string {
  if (!Array.isArray(x)) return `${what} is not a list of numbers`;
  if (x.length !== length) return `${what} has ${x.length} entries, expected ${length}`;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v: unknown = x[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return `${what}[${i}] is not a finite number`;
    out[i] = v;
  }
  return out;
}

/** Parses and validates an exported file. Never throws; on failure nothing is returned but the reason. */
export function importNetwork(text: string): ImportResult {
  const fail = (why: string): ImportResult => ({
    ok: false,
    error: `Import refused: ${why}. Nothing changed.`,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(data)) return fail("the file does not hold a JSON object");
  if (data.format !== FORMAT) return fail(`it is not a playground export (format must be "${FORMAT}")`);
  if (data.version !== VERSION)
    return fail(`version ${String(data.version)} is not supported (expected ${VERSION})`);
  if (!isRecord(data.state)) return fail("it has no state");
  const raw = data.state;
  const missing = keys.filter((k) => !(k in raw));
  if (missing.length > 0) return fail(`the state lacks ${missing.join(", ")}`);
  const state = Object.fromEntries(keys.map((k) => [k, raw[k]])) as unknown as PlaygroundState;
  try {
    playgroundDemo.fromProps(state);
  } catch (e) {
    return fail(
      `the state is invalid: ${String(e instanceof Error ? e.message : e).replace(/^.*?props: /, "")}`,
    );
  }

  if (!isRecord(data.network)) return fail("it has no network");
  const network = data.network;
  const sizes = sizesOf(state);
  if (!Array.isArray(network.sizes) || network.sizes.join() !== sizes.join())
    return fail(
      `the network's sizes ${JSON.stringify(network.sizes)} do not match its state (${sizes.join("-")})`,
    );
  if (network.hidden !== state.activation) return fail("the network's activation does not match its state");
  if (network.output !== OUTPUT) return fail(`the output activation must be ${OUTPUT}`);
  if (!Array.isArray(network.layers) || network.layers.length !== sizes.length - 1)
    return fail(`the network needs ${sizes.length - 1} layers`);
  const layers: Network["layers"] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const layer: unknown = network.layers[l];
    if (!isRecord(layer)) return fail(`layer ${l + 1} is not an object`);
    const W = numbers(layer.W, sizes[l + 1] * sizes[l], `layer ${l + 1} W`);
    if (typeof W === "string") return fail(W);
    const b = numbers(layer.b, sizes[l + 1], `layer ${l + 1} b`);
    if (typeof b === "string") return fail(b);
    layers.push({ W, b });
  }
  const epoch = typeof data.epoch === "number" && Number.isFinite(data.epoch) ? data.epoch : 0;
  return {
    ok: true,
    state,
    epoch,
    net: { sizes, layers, hidden: state.activation, output: OUTPUT, leakySlope: DEFAULT_LEAKY_SLOPE },
  };
}
