// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { batchFor, runAll } from "../../widgets/variance-depth/run";
import { fromPresetProps, varianceDepthDemo } from "../../widgets/variance-depth/state";
import { overflowLayer, summarize } from "../../widgets/variance-depth/summary";
import { VarianceDepthIsland } from "../../widgets/variance-depth/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

const small = { depth: 4, width: 32 };
const defaults = varianceDepthDemo.defaults;

describe("variance-by-depth model", () => {
  it("fails the build on a mistyped prop", () => {
    expect(() => fromPresetProps({ depth: 0 })).toThrow(/depth/);
    expect(() => fromPresetProps({ init: "kaiming" as never })).toThrow(/initializer/);
    expect(() => fromPresetProps({ preset: "lecun" as never })).toThrow(/preset/);
    expect(() => fromPresetProps({ preset: "toString" as never })).toThrow(/preset/);
  });

  it("applies a paper preset, then the author's overrides", () => {
    expect(fromPresetProps({ preset: "he" })).toMatchObject({
      activation: "relu",
      depth: 30,
      init: "he-normal-torch",
    });
    expect(fromPresetProps({ preset: "glorot", depth: 3 })).toMatchObject({ width: 1000, depth: 3 });
  });

  it("bounds the work of one run", () => {
    expect(batchFor(1000, 50)).toBe(8);
    expect(batchFor(10, 1)).toBe(256);
    expect(batchFor(256, 10)).toBe(31);
  });

  it("summarises He + ReLU as preserving and Xavier + ReLU as shrinking, from the engine's numbers", () => {
    const state = fromPresetProps({
      ...small,
      activation: "relu",
      init: "he-normal-torch",
      compare: "glorot-uniform",
    });
    const text = summarize(state, runAll(state));
    expect(text).toMatch(
      /^He \(Kaiming\) normal.*ReLU, 4 layers of 32: Var z at layer 4 is \d+ % of layer 1/,
    );
    expect(text).toMatch(/With Glorot \(Xavier\) uniform: \d+(\.\d)? %\.$/);
  });

  it("reports an overflowing signal as diverged instead of drawing NaN", () => {
    // Within the controls' ranges the signal peaks near 1e235, short of overflow; the guard is for wider
    // ranges typed into a URL later. Force an overflow at layer 3 of a real run.
    const state = fromPresetProps({
      ...small,
      activation: "relu",
      init: "random-normal",
      std: 10,
      compare: "none",
    });
    const runs = runAll(state);
    expect(overflowLayer(runs.main)).toBeNull();
    runs.main.layers[2].z.variance = Infinity;
    expect(overflowLayer(runs.main)).toBe(3);
    expect(summarize(state, runs)).toMatch(/diverged — the signal overflows to infinity at layer 3\.$/);
  });

  it("says a constant initializer passes no variance", () => {
    const state = fromPresetProps({ ...small, init: "zeros", compare: "none" });
    expect(summarize(state, runAll(state))).toMatch(/exactly 0/);
  });
});

describe("VarianceDepthIsland", () => {
  it("recomputes when the reader changes the activation, and writes the state to the URL", async () => {
    render(<VarianceDepthIsland {...defaults} {...small} compare="none" initialSummary="(build summary)" />);
    const summary = () => document.querySelector(".widget__summary")!.textContent!;
    await screen.findByText(/Tanh, 4 layers of 32/);
    fireEvent.change(screen.getByLabelText("Activation"), { target: { value: "relu" } });
    await screen.findByText(/ReLU, 4 layers of 32/);
    expect(summary()).toMatch(/Glorot \(Xavier\) uniform, ReLU/);
    expect(new URLSearchParams(location.search).get("vd.activation")).toBe("relu");
  });

  it("restores its state from the URL and notes values it had to clamp", async () => {
    history.replaceState(null, "", "/?vd.depth=99&vd.width=32&vd.activation=relu&vd.compare=none");
    render(<VarianceDepthIsland {...defaults} initialSummary="(build summary)" />);
    await screen.findByText("depth “99” is outside 1–50 (whole numbers); using 50.");
    await screen.findByText(/ReLU, 50 layers of 32/);
  });

  it("applies a paper preset with one click", async () => {
    render(<VarianceDepthIsland {...defaults} {...small} compare="none" initialSummary="(build summary)" />);
    fireEvent.click(screen.getByRole("button", { name: /He 2015/ }));
    await screen.findByText(/ReLU, 30 layers of 256/);
    expect(new URLSearchParams(location.search).get("vd.compare")).toBe("glorot-uniform");
  });

  it("offers the fan mode and σ only for the initializers that read them", () => {
    render(<VarianceDepthIsland {...defaults} {...small} initialSummary="(build summary)" />);
    expect(screen.queryByLabelText("Fan mode")).toBeNull();
    expect(screen.queryByLabelText(/^σ/)).toBeNull();
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "he-normal-torch" } });
    const modes = [...screen.getByLabelText<HTMLSelectElement>("Fan mode").options].map((o) => o.value);
    expect(modes).toEqual(["fan_in", "fan_out"]);
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "random-normal" } });
    expect(screen.getByLabelText(/^σ/)).toBeTruthy();
  });

  it("keeps the width slider on a log scale and the width a whole number", () => {
    render(<VarianceDepthIsland {...defaults} {...small} initialSummary="(build summary)" />);
    const width = screen.getByLabelText(/^Width/);
    fireEvent.input(width, { target: { value: "1.55" } }); // 10^1.55 ≈ 35.5
    expect(new URLSearchParams(location.search).get("vd.width")).toBe("36");
  });
});
