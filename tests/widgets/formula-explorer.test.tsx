// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initializers } from "../../engine/initializers";
import { fansOfState, sample, samplingOptions } from "../../widgets/formula-explorer/run";
import { samplesFigure } from "../../widgets/formula-explorer/spec";
import {
  explorerFromProps,
  formulaExplorerDemo as demo,
  withInitializer,
} from "../../widgets/formula-explorer/state";
import { summarize, varianceTolerance } from "../../widgets/formula-explorer/summary";
import { FormulaExplorerIsland } from "../../widgets/formula-explorer/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

describe("formula explorer model", () => {
  it("fails loudly on props an author mistyped", () => {
    expect(() => explorerFromProps({ initializer: "xavier" as never })).toThrow(/initializer “xavier”/);
    expect(() => explorerFromProps({ fanIn: 0 })).toThrow(/fanIn/);
    expect(() => explorerFromProps({ fanOut: 2.5 })).toThrow(/fanOut/);
    expect(() => explorerFromProps({ seed: -1 })).toThrow(/seed/);
    expect(() => explorerFromProps({ initializer: "he-normal-torch", gain: 9 })).toThrow(
      /gain “9” is outside/,
    );
  });

  it("takes the chosen initializer's own parameter defaults when an author names only the initializer", () => {
    expect(explorerFromProps({ initializer: "he-normal-torch" }).gain).toBe(Math.SQRT2);
    expect(explorerFromProps({}).initializer).toBe("glorot-uniform");
  });

  it("computes conv fans as Keras and PyTorch do", () => {
    const conv = {
      ...demo.defaults,
      kernel: "conv" as const,
      kh: 3,
      kw: 3,
      inChannels: 64,
      outChannels: 128,
    };
    expect(fansOfState(conv)).toEqual({ fanIn: 576, fanOut: 1152 });
  });

  it("keeps the chosen initializer's parameters within its own ranges, with a note, and passes only those", () => {
    const he = { ...demo.defaults, ...withInitializer("he-normal-torch") };
    const { state, notes } = demo.normalize!({ ...he, gain: 9, mode: "fan_out" });
    expect(notes).toEqual([
      expect.stringMatching(/^He \(Kaiming\) normal .*: gain 9 is outside 0.01–3; using 3\.$/),
    ]);
    expect(samplingOptions(state).options.params).toEqual({ gain: 3, mode: "fan_out" });
    // a URL's gain may reach the widest registry range, and this entry's is narrower
    expect(demo.decode(new URLSearchParams("fx.initializer=he-normal-torch&fx.gain=9")).state.gain).toBe(3);
  });

  it("falls back to an initializer's defaults when its bounds are out of order", () => {
    const uniform = { ...demo.defaults, ...withInitializer("random-uniform") };
    const { state, notes } = demo.normalize!({ ...uniform, a: 0.2, b: 0.1 });
    expect([state.a, state.b]).toEqual([-0.05, 0.05]);
    expect(notes[0]).toMatch(/a < b/);
  });

  it("keeps orthogonal sampling affordable and says so", () => {
    const big = { ...demo.defaults, ...withInitializer("orthogonal"), fanIn: 4096, fanOut: 2048 };
    const { options, notes } = samplingOptions(big);
    expect(Math.max(options.fanIn, options.fanOut)).toBe(1024);
    expect(notes[0]).toMatch(/sampled at 512 × 1024/);
  });

  it("states the sampled and the formula variance and whether sampling explains the gap", () => {
    const result = sample(explorerFromProps({ initializer: "he-normal-torch", fanIn: 100, fanOut: 50 }));
    expect(result.theory.variance).toBeCloseTo(2 / 100, 15);
    expect(Math.abs(result.sample.variance / result.theory.variance - 1)).toBeLessThan(
      3 * varianceTolerance(result),
    );
    expect(summarize(result)).toMatch(
      /^10,000 draws of He .*fan-in 100, fan-out 50.*against 0\.02 from the formula \([+−][\d.]+ %, within the ±4\.2 % that sampling allows/,
    );
  });

  it("describes a constant initializer as a point mass", () => {
    expect(summarize(sample(explorerFromProps({ initializer: "zeros" })))).toMatch(
      /point mass with variance 0/,
    );
  });

  it("draws the ±bound rules only for bounded initializers", () => {
    const marksOf = (initializer: "glorot-uniform" | "he-normal-torch") =>
      samplesFigure(sample(explorerFromProps({ initializer })), "").plot({ width: 640, height: 280 }).marks!
        .length;
    expect(marksOf("glorot-uniform")).toBe(marksOf("he-normal-torch") + 1);
  });
});

describe("FormulaExplorerIsland", () => {
  it("re-samples for another initializer and shows its framework spellings", async () => {
    render(<FormulaExplorerIsland initializer="glorot-uniform" fanIn={256} fanOut={128} seed={1} />);
    await screen.findByText(/draws of Glorot \(Xavier\) uniform/);
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "lecun-uniform" } });
    await screen.findByText(/draws of LeCun uniform/);
    expect(screen.getByText(initializers["lecun-uniform"].keras)).toBeTruthy();
    expect(screen.getByText(initializers["lecun-uniform"].pytorch)).toBeTruthy();
  });

  it("shows the chosen initializer's parameters, at that initializer's defaults", async () => {
    render(<FormulaExplorerIsland initializer="lecun-uniform" />);
    expect(screen.queryByLabelText(/^gain/)).toBeNull();
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "he-normal-torch" } });
    expect(screen.getByLabelText(/^gain/).closest(".control")!.textContent).toContain("1.41");
    await screen.findByText(/draws of He \(Kaiming\) normal .*against 0\.00781 from the formula/);
  });

  it("switches to a conv kernel and reports its fans in both layouts", async () => {
    render(<FormulaExplorerIsland />);
    fireEvent.change(screen.getByLabelText("Layer"), { target: { value: "conv" } });
    await screen.findByText(/fan-in 576, fan-out 1152 —/);
    expect(screen.getByText(/Keras kernel \(3, 3, 64, 128\), PyTorch weight \(128, 64, 3, 3\)/)).toBeTruthy();
  });

  it("restores its state from the URL and notes clamped values", async () => {
    history.replaceState(null, "", "/?fx.initializer=he-uniform&fx.fanIn=999999&fx.seed=4");
    render(<FormulaExplorerIsland />);
    await screen.findByText("fan-in “999999” is outside 1–16384 (whole numbers); using 16384.");
    await screen.findByText(/draws of He .* uniform .*fan-in 16384/);
    expect(screen.getByText("seed 4")).toBeTruthy();
  });
});
