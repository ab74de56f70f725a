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

/**
 * The Xavier page's notice under this demo (Glorot preset: 5 tanh layers of 1000, Xavier against the standard
 * init) ends with a sentence for every activation the demo offers. Each is checked here over seeds 1–2, so a
 * choice added to the demo without its sentence, or a sentence the engine does not bear out, fails.
 */
describe("Xavier page › switching the demo's activation (Glorot preset)", { timeout: 60_000 }, () => {
  const control = varianceDepthDemo.fields.activation.control;
  const offered = control?.kind === "select" ? control.options.map((o) => o.value) : [];
  /** Per-layer factors of Var z (layer l+1 over l) and Var δ¹ / Var δ⁵, for Xavier and the standard init. */
  const measure = (activation: string) =>
    [1, 2].map((seed) => {
      const runs = runAll({
        ...fromPresetProps({ preset: "glorot" }),
        activation: activation as never,
        seed,
      });
      const of = (r: typeof runs.main) => ({
        steps: r.layers.slice(1).map((l, i) => l.z.variance / r.layers[i]!.z.variance),
        back: r.layers[0]!.dz.variance / r.layers[r.layers.length - 1]!.dz.variance,
      });
      return { xavier: of(runs.main), standard: of(runs.compare!) };
    });
  const claims: Record<
    string,
    { sentence: string; holds: (m: ReturnType<typeof measure>[number]) => boolean }
  > = {
    linear: {
      sentence:
        "with the linear activation Xavier's variance is level and the standard init's falls by ⅓ per layer",
      holds: (m) =>
        m.xavier.steps.every((f) => Math.abs(f - 1) < 0.05) &&
        m.standard.steps.every((f) => Math.abs(f - 1 / 3) < 0.03),
    },
    relu: {
      sentence: "with ReLU Xavier itself loses about half per layer",
      holds: (m) => m.xavier.steps.every((f) => Math.abs(f - 0.5) < 0.05),
    },
    leaky_relu: {
      sentence: "with leaky ReLU Xavier itself loses about half per layer",
      holds: (m) => m.xavier.steps.every((f) => Math.abs(f - 0.5) < 0.05),
    },
    gelu: {
      sentence: "with GELU Xavier loses more than half per layer",
      holds: (m) => m.xavier.steps.slice(1).every((f) => f < 0.45),
    },
    silu: {
      sentence: "with SiLU Xavier loses more than half per layer",
      holds: (m) => m.xavier.steps.slice(1).every((f) => f < 0.45),
    },
    sigmoid: {
      sentence: "with the sigmoid both schemes' back-propagated gradients vanish within the five layers",
      holds: (m) => m.xavier.back < 1e-3 && m.standard.back < 1e-3,
    },
    tanh: {
      sentence:
        "with tanh the standard init falls geometrically (⅓ per layer once small) while Xavier's fall is mostly in the first layers and each later layer takes less",
      holds: (m) => {
        const [x, s] = [m.xavier.steps, m.standard.steps];
        return (
          Math.abs(s[s.length - 1]! - 1 / 3) < 0.03 &&
          x[0]! < 0.5 &&
          x.every((f, i) => i === 0 || f > x[i - 1]!) &&
          x[x.length - 1]! > 0.7 &&
          m.xavier.back > 20 * m.standard.back
        );
      },
    },
  };

  it("has a sentence for every activation the demo offers", () => {
    expect([...offered].sort()).toEqual(Object.keys(claims).sort());
  });

  it.each(Object.entries(claims).map(([a, c]) => [c.sentence, a] as const))(
    "› %s",
    (_sentence, activation) => {
      for (const m of measure(activation)) expect(claims[activation]!.holds(m)).toBe(true);
    },
  );
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
