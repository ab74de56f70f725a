// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initializers } from "../../engine/initializers";
import { clampFan, sample, stateFromProps, summarize } from "../../widgets/initializer-sampler/model";
import { samplerSpec } from "../../widgets/initializer-sampler/spec";
import { SamplerView } from "../../widgets/initializer-sampler/View";

beforeAll(() => {
  // jsdom has no layout; the figure only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

describe("sampler model", () => {
  it("fails loudly on props an author mistyped", () => {
    expect(() => stateFromProps({ initializer: "xavier" as never })).toThrow(/unknown initializer "xavier"/);
    expect(() => stateFromProps({ fanIn: 0 })).toThrow(/fanIn/);
    expect(() => stateFromProps({ fanOut: 2.5 })).toThrow(/fanOut/);
    expect(() => stateFromProps({ seed: -1 })).toThrow(/seed/);
  });

  it("clamps a fan typed by the reader and says so", () => {
    expect(clampFan(64)).toEqual({ value: 64, clamped: false });
    expect(clampFan(0)).toEqual({ value: 1, clamped: true });
    expect(clampFan(1e9)).toEqual({ value: 4096, clamped: true });
    expect(clampFan(Number.NaN)).toEqual({ value: 1, clamped: true });
    expect(clampFan(12.4)).toEqual({ value: 12, clamped: true });
  });

  it("states the sampled and the formula variance in its summary", () => {
    const state = stateFromProps({ initializer: "he-normal-torch", fanIn: 100, fanOut: 50 });
    const result = sample(state);
    expect(result.theory.variance).toBeCloseTo(2 / 100, 15);
    expect(summarize(result)).toMatch(
      /^10,000 draws of He .*fan-in 100, fan-out 50.*against 0\.02 from the formula/,
    );
  });

  it("describes a constant initializer as a point mass", () => {
    expect(summarize(sample(stateFromProps({ initializer: "zeros" })))).toMatch(/point mass with variance 0/);
  });

  it("draws the ±bound rules only for bounded initializers", () => {
    const marksOf = (id: "glorot-uniform" | "he-normal-torch") => {
      const result = sample(stateFromProps({ initializer: id }));
      return samplerSpec(result, "")({ width: 640, height: 280 }).marks!.length;
    };
    expect(marksOf("glorot-uniform")).toBe(marksOf("he-normal-torch") + 1);
  });
});

describe("SamplerView", () => {
  it("re-samples when the reader picks another initializer or fan", () => {
    render(<SamplerView initializer="glorot-uniform" fanIn={256} fanOut={128} seed={1} />);
    const summary = () => document.querySelector(".widget__summary")!.textContent!;
    expect(summary()).toContain(initializers["glorot-uniform"].label);

    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "lecun-uniform" } });
    expect(summary()).toContain(initializers["lecun-uniform"].label);

    fireEvent.change(screen.getByLabelText("Fan-in"), { target: { value: "9" } });
    expect(summary()).toContain("fan-in 9,");
  });

  it("clamps an out-of-range fan with a visible note instead of crashing", () => {
    render(<SamplerView />);
    fireEvent.change(screen.getByLabelText("Fan-out"), { target: { value: "-3" } });
    expect(screen.getByRole("status").textContent).toBe("Fan-out set to 1 (allowed: 1 to 4096).");
    expect(document.querySelector(".widget__summary")!.textContent).toContain("fan-out 1)");
  });

  it("re-seeds to a new draw and shows the seed", () => {
    render(<SamplerView seed={5} />);
    expect(screen.getByText("seed 5")).toBeTruthy();
    const before = document.querySelector(".widget__summary")!.textContent;
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 6")).toBeTruthy();
    expect(document.querySelector(".widget__summary")!.textContent).not.toBe(before);
  });
});
