import { describe, expect, it } from "vitest";
import { createRng } from "../../engine/rng";
import {
  asTrainingData,
  datasetNames,
  generate2d,
  oneHot,
  permutation,
  selectRows,
  splitDataset,
  standardizeColumns,
  standardNormalInputs,
  toSignedLabels,
} from "../../engine/datasets";

const ones = (y: Float64Array): number => y.reduce((s, v) => s + v, 0);

describe("datasets", () => {
  it.each(datasetNames)("%s: the same seed gives the same bits, another seed other points", (name) => {
    const a = generate2d(name, { n: 100, noise: 0.2, seed: 7 });
    const b = generate2d(name, { n: 100, noise: 0.2, seed: 7 });
    const c = generate2d(name, { n: 100, noise: 0.2, seed: 8 });
    expect([...a.X]).toEqual([...b.X]);
    expect([...a.y]).toEqual([...b.y]);
    expect([...a.X]).not.toEqual([...c.X]);
  });

  it.each(datasetNames)(
    "%s: n points of 2 features, labels in {0, 1}, inside the Playground's square",
    (name) => {
      const ds = generate2d(name, { n: 301, noise: 0.5, seed: 1 });
      expect(ds.X.length).toBe(602);
      expect(ds.y.length).toBe(301);
      expect(ds.dim).toBe(2);
      for (const v of ds.y) expect(v === 0 || v === 1).toBe(true);
      const limit = name === "gaussian" ? 20 : 10;
      for (const v of ds.X) expect(Math.abs(v)).toBeLessThan(limit);
    },
  );

  it.each(["circle", "gaussian", "spiral"] as const)("%s without noise is exactly balanced", (name) => {
    expect(ones(generate2d(name, { n: 400, seed: 3 }).y)).toBe(200);
  });

  it("xor is balanced within 4σ of a fair coin", () => {
    const n = 2000;
    expect(Math.abs(ones(generate2d("xor", { n, seed: 3 }).y) - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
  });

  it("circle labels say whether a noiseless point lies within radius 2.5", () => {
    const ds = generate2d("circle", { n: 500, seed: 2 });
    for (let i = 0; i < ds.n; i++)
      expect(ds.y[i]).toBe(Math.hypot(ds.X[2 * i], ds.X[2 * i + 1]) < 2.5 ? 1 : 0);
  });

  it("xor labels are the sign agreement of x and y, and noise flips some of them", () => {
    const clean = generate2d("xor", { n: 500, seed: 2 });
    for (let i = 0; i < clean.n; i++)
      expect(clean.y[i]).toBe(clean.X[2 * i] * clean.X[2 * i + 1] >= 0 ? 1 : 0);
    const noisy = generate2d("xor", { n: 500, noise: 0.5, seed: 2 });
    let flipped = 0;
    for (let i = 0; i < noisy.n; i++)
      if (noisy.y[i] !== (noisy.X[2 * i] * noisy.X[2 * i + 1] >= 0 ? 1 : 0)) flipped++;
    expect(flipped).toBeGreaterThan(10);
  });

  it("splitDataset partitions the rows: sizes add up and every row lands in exactly one part", () => {
    const ds = generate2d("spiral", { n: 101, noise: 0.1, seed: 5 });
    const { train, test } = splitDataset(ds, 0.5, 9);
    expect(train.n).toBe(51);
    expect(test.n).toBe(50);
    const key = (X: Float64Array, i: number) => `${X[2 * i]},${X[2 * i + 1]}`;
    const all = new Set(Array.from({ length: ds.n }, (_, i) => key(ds.X, i)));
    const seen = new Set<string>();
    for (const part of [train, test])
      for (let i = 0; i < part.n; i++) {
        const k = key(part.X, i);
        expect(all.has(k)).toBe(true);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    expect(seen.size).toBe(ds.n);
  });

  it("permutation is a permutation", () => {
    const p = permutation(50, createRng(1));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("standard-normal inputs have mean ≈ 0 and variance ≈ 1 (within 5σ of the sampling error)", () => {
    const X = standardNormalInputs(4000, 5, createRng(2));
    const n = X.length;
    const mean = X.reduce((s, v) => s + v, 0) / n;
    const variance = X.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it("standardizeColumns gives every column mean 0 and variance 1", () => {
    const ds = generate2d("gaussian", { n: 300, noise: 0.3, seed: 1 });
    const Z = standardizeColumns(ds.X, ds.n, 2);
    for (let j = 0; j < 2; j++) {
      const col = Array.from({ length: ds.n }, (_, i) => Z[2 * i + j]);
      const mean = col.reduce((s, v) => s + v, 0) / ds.n;
      expect(mean).toBeCloseTo(0, 12);
      expect(col.reduce((s, v) => s + (v - mean) ** 2, 0) / ds.n).toBeCloseTo(1, 12);
    }
  });

  it("toSignedLabels maps {0, 1} to {−1, 1}", () => {
    expect([...toSignedLabels([0, 1, 1])]).toEqual([-1, 1, 1]);
  });

  it("oneHot writes one 1 per row at the label's column and rejects labels that are not class indices", () => {
    expect([...oneHot([2, 0, 1], 3)]).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(() => oneHot([3], 3)).toThrow(/label 3/);
    expect(() => oneHot([0.5], 3)).toThrow(/label 0.5/);
    expect(() => oneHot([0], 0)).toThrow(/classes/);
  });

  it("one-hot training data has `classes` outputs (two for the 2-D sets), and selectRows keeps the class count", () => {
    const ds = generate2d("xor", { n: 10, seed: 2 });
    const binary = asTrainingData(ds, "one-hot");
    expect(binary.outputs).toBe(2);
    for (let i = 0; i < 10; i++)
      expect([...binary.Y.subarray(2 * i, 2 * i + 2)]).toEqual(ds.y[i] ? [0, 1] : [1, 0]);
    const three = { X: new Float64Array(3), y: Float64Array.from([2, 0, 1]), n: 3, dim: 1, classes: 3 };
    const picked = selectRows(three, [2, 0]);
    expect(picked.classes).toBe(3);
    expect([...asTrainingData(picked, "one-hot").Y]).toEqual([0, 1, 0, 0, 0, 1]);
    expect(selectRows(ds, [0]).classes).toBeUndefined();
  });
});
