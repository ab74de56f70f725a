import { describe, expect, it } from "vitest";
import { createRng } from "../../engine/rng";
import {
  accuracy,
  bceWithLogits,
  constantPredictorLoss,
  halfMse,
  losses,
  lossInto,
  softmaxCrossEntropy,
} from "../../engine/loss";

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

  it("the best constant predictor's softmax cross-entropy is the entropy of the class frequencies", () => {
    // labels 0, 1, 2, 2 as one-hot rows of 3: frequencies ¼, ¼, ½
    const y = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1];
    expect(constantPredictorLoss("softmax-ce", y, 3)).toBeCloseTo(1.5 * Math.LN2, 15);
    expect(() => constantPredictorLoss("softmax-ce", y, 5)).toThrow(/rows of 5/);
  });
});

describe("softmax cross-entropy", () => {
  /** −Σ_c y_c ln softmax(t)_c per row, averaged: the textbook formula, fine for moderate logits. */
  function naive(t: number[], y: number[], batch: number): number {
    const C = t.length / batch;
    let sum = 0;
    for (let b = 0; b < batch; b++) {
      const row = t.slice(b * C, (b + 1) * C);
      const z = row.reduce((s, v) => s + Math.exp(v), 0);
      for (let c = 0; c < C; c++) sum -= y[b * C + c] * Math.log(Math.exp(row[c]) / z);
    }
    return sum / batch;
  }

  it("is registered: lossInto dispatches to it and the registry asks for one-hot labels", () => {
    const t = f64([0.5, -1, 2, 0, 0.3, 0.1]);
    const y = f64([0, 0, 1, 1, 0, 0]);
    expect(lossInto("softmax-ce", t, y, 2)).toEqual(softmaxCrossEntropy(t, y, 2));
    expect(losses["softmax-ce"].labels).toBe("one-hot");
  });

  it("equals −mean ln p(label) for moderate logits, with gradient (softmax − y)/B", () => {
    const rng = createRng(3);
    const t = Array.from({ length: 12 }, () => 3 * rng.normal());
    const y = [0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0];
    const { value, grad } = softmaxCrossEntropy(f64(t), f64(y), 3);
    expect(value).toBeCloseTo(naive(t, y, 3), 13);
    for (let b = 0; b < 3; b++) {
      const row = t.slice(4 * b, 4 * b + 4);
      const z = row.reduce((s, v) => s + Math.exp(v), 0);
      for (let c = 0; c < 4; c++)
        expect(grad[4 * b + c]).toBeCloseTo((Math.exp(row[c]) / z - y[4 * b + c]) / 3, 15);
    }
  });

  it("is ln 10 for zero logits over 10 classes, whatever the label, with gradient (0.1 − y)/B", () => {
    const y = new Float64Array(20);
    y[3] = 1;
    y[10 + 9] = 1;
    const { value, grad } = softmaxCrossEntropy(new Float64Array(20), y, 2);
    expect(value).toBeCloseTo(Math.LN10, 15);
    for (let i = 0; i < 20; i++) expect(grad[i]).toBeCloseTo((0.1 - y[i]) / 2, 16);
  });

  it("stays finite and exact for logits of ±1000", () => {
    const right = softmaxCrossEntropy(f64([1000, -1000, 0]), f64([1, 0, 0]), 1);
    expect(right.value).toBe(0);
    expect([...right.grad]).toEqual([0, 0, 0]);
    const wrong = softmaxCrossEntropy(f64([1000, -1000, 0]), f64([0, 1, 0]), 1);
    expect(wrong.value).toBe(2000);
    expect([...wrong.grad]).toEqual([1, -1, 0]);
    expect(softmaxCrossEntropy(f64([1000, 1000]), f64([0, 1]), 1).value).toBeCloseTo(Math.LN2, 12);
    expect(softmaxCrossEntropy(f64([-1000, -1000, -1000, -1000]), f64([0, 0, 1, 0]), 1).value).toBeCloseTo(
      Math.log(4),
      12,
    );
  });

  it("its gradient matches central finite differences, for one-hot and for unnormalised soft targets", () => {
    const rng = createRng(8);
    const batch = 3;
    const C = 5;
    for (const y of [
      f64([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
      Float64Array.from({ length: batch * C }, () => rng.next()),
    ]) {
      const t = Float64Array.from({ length: batch * C }, () => 2 * rng.normal());
      const { grad } = softmaxCrossEntropy(t, y, batch);
      for (let i = 0; i < t.length; i++) {
        const h = 1e-6;
        const up = t.slice();
        const down = t.slice();
        up[i] += h;
        down[i] -= h;
        const numeric =
          (lossInto("softmax-ce", up, y, batch).value - lossInto("softmax-ce", down, y, batch).value) /
          (2 * h);
        expect(Math.abs(grad[i] - numeric)).toBeLessThan(1e-9);
      }
    }
  });

  it("rejects outputs that do not split into the batch's rows", () => {
    expect(() => softmaxCrossEntropy(new Float64Array(7), new Float64Array(7), 2)).toThrow(/rows/);
  });
});

describe("accuracy", () => {
  it("counts the rows whose largest logit is at the label (the first, on ties)", () => {
    const logits = [
      [2, 1, 0], // 0 ✓
      [0, 3, 3], // tie between 1 and 2: argmax 1, label 2 ✗
      [-1, -2, -0.5], // 2 ✓
      [5, 5, 5], // tie: argmax 0 ✓
    ].flat();
    expect(accuracy(logits, [0, 2, 2, 0], 4, 3)).toBe(0.75);
    expect(accuracy(logits, Uint8Array.from([1, 1, 0, 2]), 4, 3)).toBe(0.25);
  });

  it("rejects shapes that do not match", () => {
    expect(() => accuracy([1, 2, 3], [0], 1, 2)).toThrow(/logits/);
    expect(() => accuracy([1, 2], [0, 1], 1, 2)).toThrow(/labels/);
    expect(() => accuracy([], [], 0, 2)).toThrow(/n must/);
  });
});
