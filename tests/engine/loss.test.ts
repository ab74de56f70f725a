import { describe, expect, it } from "vitest";
import { bceWithLogits, constantPredictorLoss, halfMse, lossInto } from "../../engine/loss";

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

describe("losses", () => {
  it("½·MSE is the batch mean of ½(ŷ − y)², with gradient (ŷ − y)/B", () => {
    const { value, grad } = halfMse(f64([1, 2, -1]), f64([0, 0, 1]), 3);
    expect(value).toBeCloseTo((0.5 + 2 + 2) / 3, 15);
    expect([...grad]).toEqual([1 / 3, 2 / 3, -2 / 3]);
  });

  it("BCE on logits equals −[y ln σ(t) + (1 − y) ln(1 − σ(t))] for moderate logits", () => {
    const t = [-3, -0.5, 0, 0.8, 4];
    const y = [0, 1, 1, 0, 1];
    const { value, grad } = bceWithLogits(f64(t), f64(y), t.length);
    let oracle = 0;
    t.forEach((ti, i) => {
      const s = 1 / (1 + Math.exp(-ti));
      oracle -= y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s);
      expect(grad[i]).toBeCloseTo((s - y[i]) / t.length, 15);
    });
    expect(value).toBeCloseTo(oracle / t.length, 14);
  });

  it("BCE on logits stays finite for huge logits (ln 2 at 0, |t| when confidently wrong, ~0 when right)", () => {
    expect(bceWithLogits(f64([0]), f64([1]), 1).value).toBeCloseTo(Math.LN2, 15);
    expect(bceWithLogits(f64([1000]), f64([0]), 1).value).toBe(1000);
    expect(bceWithLogits(f64([-1000]), f64([1]), 1).value).toBe(1000);
    expect(bceWithLogits(f64([1000]), f64([1]), 1).value).toBe(0);
    expect(bceWithLogits(f64([1000]), f64([0]), 1).grad[0]).toBe(1);
  });

  it("gradients match central finite differences", () => {
    for (const name of ["half-mse", "bce-logits"] as const) {
      const yhat = f64([0.3, -1.2, 2.1, 0.05]);
      const y = name === "half-mse" ? f64([1, -1, -1, 1]) : f64([1, 0, 0, 1]);
      const { grad } = lossInto(name, yhat, y, 4);
      for (let i = 0; i < 4; i++) {
        const h = 1e-6;
        const up = yhat.slice();
        const down = yhat.slice();
        up[i] += h;
        down[i] -= h;
        const numeric = (lossInto(name, up, y, 4).value - lossInto(name, down, y, 4).value) / (2 * h);
        expect(Math.abs(grad[i] - numeric)).toBeLessThan(1e-9);
      }
    }
  });

  it("the best constant predictor's loss is ½Var y for ½·MSE and the label entropy for BCE", () => {
    expect(constantPredictorLoss("half-mse", [1, -1, 1, -1])).toBe(0.5);
    expect(constantPredictorLoss("bce-logits", [1, 0, 1, 0])).toBeCloseTo(Math.LN2, 15);
  });
});
