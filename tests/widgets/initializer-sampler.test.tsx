// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initializers } from "../../engine/initializers";
import {
  DEFAULT_STATE,
  NAMESPACE,
  fansOfState,
  paramsOfState,
  sample,
  samplingOptions,
  schema,
  stateFromProps,
  summarize,
  varianceTolerance,
  withInitializer,
} from "../../widgets/initializer-sampler/model";
import { samplerSpec } from "../../widgets/initializer-sampler/spec";
import { SamplerView } from "../../widgets/initializer-sampler/View";
import { decodeState } from "../../widgets/ui/url-state";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

describe("formula explorer model", () => {
  it("fails loudly on props an author mistyped", () => {
    expect(() => stateFromProps({ initializer: "xavier" as never })).toThrow(/unknown initializer "xavier"/);
    expect(() => stateFromProps({ fanIn: 0 })).toThrow(/fanIn/);
    expect(() => stateFromProps({ fanOut: 2.5 })).toThrow(/fanOut/);
    expect(() => stateFromProps({ seed: -1 })).toThrow(/seed/);
  });

  it("computes conv fans as Keras and PyTorch do", () => {
    const conv = {
      ...DEFAULT_STATE,
      kernel: "conv" as const,
      kh: 3,
      kw: 3,
      inChannels: 64,
      outChannels: 128,
    };
    expect(fansOfState(conv)).toEqual({ fanIn: 576, fanOut: 1152 });
  });

  it("passes only the parameters the initializer reads, clamped to its own ranges", () => {
    const he = withInitializer(DEFAULT_STATE, "he-normal-torch");
    expect(paramsOfState({ ...he, gain: 9, mode: "fan_out" })).toEqual({
      params: { gain: 3, mode: "fan_out" },
      notes: ["gain 9 is outside 0.01–3; using 3."],
    });
    const uniform = withInitializer(DEFAULT_STATE, "random-uniform");
    expect(paramsOfState({ ...uniform, a: 0.2, b: 0.1 }).params.a).toBeCloseTo(0.09, 12);
  });

  it("keeps orthogonal sampling affordable and says so", () => {
    const big = { ...withInitializer(DEFAULT_STATE, "orthogonal"), fanIn: 4096, fanOut: 2048 };
    const { options, notes } = samplingOptions(big);
    expect(Math.max(options.fanIn, options.fanOut)).toBe(1024);
    expect(notes[0]).toMatch(/sampled at 512 × 1024/);
  });

  it("states the sampled and the formula variance and whether sampling explains the gap", () => {
    const result = sample(stateFromProps({ initializer: "he-normal-torch", fanIn: 100, fanOut: 50 }));
    expect(result.theory.variance).toBeCloseTo(2 / 100, 15);
    expect(Math.abs(result.sample.variance / result.theory.variance - 1)).toBeLessThan(
      3 * varianceTolerance(result),
    );
    expect(summarize(result)).toMatch(
      /^10,000 draws of He .*fan-in 100, fan-out 50.*against 0\.02 from the formula \([+−]\d+\.\d %, within the ±4\.2 % that sampling allows/,
    );
  });

  it("describes a constant initializer as a point mass", () => {
    expect(summarize(sample(stateFromProps({ initializer: "zeros" })))).toMatch(/point mass with variance 0/);
  });

  it("draws the ±bound rules only for bounded initializers", () => {
    const marksOf = (initializer: "glorot-uniform" | "he-normal-torch") =>
      samplerSpec(sample(stateFromProps({ initializer })), "")({ width: 640, height: 280 }).marks!.length;
    expect(marksOf("glorot-uniform")).toBe(marksOf("he-normal-torch") + 1);
  });

  it("decodes any query string to a state it can sample (10,000 random inputs)", () => {
    const keys = Object.keys(schema).map((k) => `${NAMESPACE}.${k}`);
    const raw = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer({ min: -5, max: 20000 }).map(String),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), raw), (q) => {
        const { state } = decodeState(NAMESPACE, schema, DEFAULT_STATE, new URLSearchParams(q));
        const { options } = samplingOptions(state);
        expect(Number.isInteger(options.fanIn) && options.fanIn >= 1).toBe(true);
        expect(() =>
          initializers[options.id].variance({ fanIn: options.fanIn, fanOut: options.fanOut }, options.params),
        ).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});

describe("SamplerView", () => {
  it("re-samples for another initializer and shows its framework spellings", async () => {
    render(<SamplerView initializer="glorot-uniform" fanIn={256} fanOut={128} seed={1} />);
    await screen.findByText(/draws of Glorot \(Xavier\) uniform/);
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "lecun-uniform" } });
    await screen.findByText(/draws of LeCun uniform/);
    expect(screen.getByText(initializers["lecun-uniform"].keras)).toBeTruthy();
    expect(screen.getByText(initializers["lecun-uniform"].pytorch)).toBeTruthy();
  });

  it("switches to a conv kernel and reports its fans in both layouts", async () => {
    render(<SamplerView />);
    fireEvent.change(screen.getByLabelText("Layer"), { target: { value: "conv" } });
    await screen.findByText(/fan-in 576, fan-out 1152 —/);
    expect(screen.getByText(/Keras kernel \(3, 3, 64, 128\), PyTorch weight \(128, 64, 3, 3\)/)).toBeTruthy();
  });

  it("restores its state from the URL and notes clamped values", async () => {
    history.replaceState(null, "", "/?fx.initializer=he-uniform&fx.fanIn=999999&fx.seed=4");
    render(<SamplerView />);
    await screen.findByText("fan-in “999999” is outside 1–16384 (whole numbers); using 16384.");
    await screen.findByText(/draws of He .* uniform .*fan-in 16384/);
    expect(screen.getByText("seed 4")).toBeTruthy();
  });
});
