import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asTrainingData } from "../../engine/datasets";
import {
  buildDigitsAsset,
  downsample2x2,
  encodeDigits,
  parseDigits,
  type DigitsAsset,
} from "../../engine/digits";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The bytes as a fresh ArrayBuffer of exactly their length (a Node Buffer may share a larger pool). */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

/** 5 training and 2 test images of 4 × 3 pixels, 3 classes; pixel j of image i is (37·i + j) mod 256. */
function tinyAsset(): DigitsAsset {
  const images = (first: number, n: number) =>
    Uint8Array.from({ length: n * 12 }, (_, k) => (37 * (first + Math.floor(k / 12)) + (k % 12)) % 256);
  return {
    width: 4,
    height: 3,
    classes: 3,
    train: { pixels: images(0, 5), labels: Uint8Array.from([0, 2, 1, 1, 0]), n: 5 },
    test: { pixels: images(5, 2), labels: Uint8Array.from([2, 0]), n: 2 },
  };
}

describe("digits asset format", () => {
  it("encode → parse round-trips pixels (scaled by 1/255), labels and sizes", () => {
    const asset = tinyAsset();
    const bytes = encodeDigits(asset);
    expect(bytes.length).toBe(20 + 7 * (12 + 1));
    const { train, test } = parseDigits(bufferOf(bytes));
    for (const [split, part] of [
      [train, asset.train],
      [test, asset.test],
    ] as const) {
      expect(split.n).toBe(part.n);
      expect(split.dim).toBe(12);
      expect([split.width, split.height, split.classes]).toEqual([4, 3, 3]);
      expect([...split.labels]).toEqual([...part.labels]);
      expect([...split.y]).toEqual([...part.labels]);
      expect([...split.X]).toEqual([...part.pixels].map((p) => p / 255));
    }
    expect(Math.max(...train.X)).toBeLessThanOrEqual(1);
    expect(Math.min(...train.X)).toBeGreaterThanOrEqual(0);
  });

  it("writes the documented header: DGTS, version 1, width, height, counts, classes, zero padding", () => {
    const bytes = encodeDigits(tinyAsset());
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("DGTS");
    expect(view.getUint16(4, true)).toBe(1);
    expect([bytes[6], bytes[7]]).toEqual([4, 3]);
    expect(view.getUint32(8, true)).toBe(5);
    expect(view.getUint32(12, true)).toBe(2);
    expect([...bytes.subarray(16, 20)]).toEqual([3, 0, 0, 0]);
    // the labels close the file, training first
    expect([...bytes.subarray(bytes.length - 7)]).toEqual([0, 2, 1, 1, 0, 2, 0]);
  });

  it("a parsed split trains as one-hot rows of `classes` outputs", () => {
    const { train } = parseDigits(bufferOf(encodeDigits(tinyAsset())));
    const data = asTrainingData(train, "one-hot");
    expect(data.outputs).toBe(3);
    expect([...data.Y.subarray(0, 6)]).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it("every truncation, trailing byte, wrong magic or version, and bad header or label throws", () => {
    const bytes = encodeDigits(tinyAsset());
    for (let len = 0; len < bytes.length; len++)
      expect(() => parseDigits(bufferOf(bytes.subarray(0, len))), `length ${len}`).toThrow(/truncated/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => parseDigits(bufferOf(longer))).toThrow(/trailing/);
    const corrupt = (at: number, value: number): ArrayBuffer => {
      const copy = new Uint8Array(bytes);
      copy[at] = value;
      return copy.buffer;
    };
    expect(() => parseDigits(corrupt(0, 0x58))).toThrow(/magic/);
    expect(() => parseDigits(corrupt(4, 2))).toThrow(/version 2/);
    expect(() => parseDigits(corrupt(6, 0))).toThrow(/width 0/);
    expect(() => parseDigits(corrupt(16, 0))).toThrow(/classes 0/);
    expect(() => parseDigits(corrupt(8, 6))).toThrow(/truncated/); // a count that no longer matches the size
    expect(() => parseDigits(corrupt(bytes.length - 1, 3))).toThrow(/label 3 of image 6/);
  });

  it("encode refuses arrays that do not match the stated sizes or labels beyond the classes", () => {
    const a = tinyAsset();
    expect(() => encodeDigits({ ...a, train: { ...a.train, n: 4 } })).toThrow(/pixels/);
    expect(() => encodeDigits({ ...a, test: { ...a.test, labels: Uint8Array.from([0]) } })).toThrow(/labels/);
    expect(() => encodeDigits({ ...a, classes: 2 })).toThrow(/label 2/);
    expect(() => encodeDigits({ ...a, width: 0 })).toThrow(/width/);
  });
});

describe("2 × 2 mean pooling", () => {
  it("averages each 2 × 2 block, rounding half up", () => {
    // blocks (row-major): [0,1,2,3] → 1.5 → 2, [4,4,4,5] → 4.25 → 4, [0,0,0,2] → 0.5 → 1,
    // [255 × 4] → 255, [1,2,1,2] → 1.5 → 2, [0,0,0,1] → 0.25 → 0
    const image = [
      [0, 1, 4, 4, 0, 0],
      [2, 3, 4, 5, 0, 2],
      [255, 255, 1, 2, 0, 0],
      [255, 255, 1, 2, 0, 1],
    ].flat();
    expect([...downsample2x2(image, 6, 4)]).toEqual([2, 4, 1, 255, 2, 0]);
  });

  it("keeps a flat 28 × 28 image flat at 14 × 14 and rejects odd or mismatched sizes", () => {
    const out = downsample2x2(new Uint8Array(784).fill(200), 28, 28);
    expect(out.length).toBe(196);
    expect(out.every((v) => v === 200)).toBe(true);
    expect(() => downsample2x2(new Uint8Array(9), 3, 3)).toThrow(/even/);
    expect(() => downsample2x2(new Uint8Array(10), 4, 4)).toThrow(/pixels/);
  });
});

describe("the seeded, balanced subset", () => {
  /** Class c's image k is flat at byte 10·c + k (stored as the package does, a fraction of 255). */
  const synthetic = (classes: number, perClass: number): number[][] =>
    Array.from({ length: classes }, (_, c) =>
      Array.from({ length: perClass * 784 }, (_, i) =>
        Number(((10 * c + Math.floor(i / 784)) / 255).toFixed(3)),
      ),
    );
  /** The (class, index) ids of a split, read back from the flat pixel values. */
  const ids = (X: Float64Array, n: number): number[] =>
    Array.from({ length: n }, (_, i) => Math.round(255 * X[i * 196]));

  it("takes trainPerClass + testPerClass distinct images of every class, labelled by their class", () => {
    const bytes = buildDigitsAsset(synthetic(3, 8), { trainPerClass: 4, testPerClass: 2, seed: 5 });
    const { train, test } = parseDigits(bufferOf(bytes));
    expect([train.n, test.n, train.classes, train.width]).toEqual([12, 6, 3, 14]);
    const trainIds = ids(train.X, train.n);
    const testIds = ids(test.X, test.n);
    const all = [...trainIds, ...testIds];
    expect(new Set(all).size).toBe(18); // no image twice, none in both splits
    all.forEach((id, i) => expect(i < 12 ? train.labels[i] : test.labels[i - 12]).toBe(Math.floor(id / 10)));
    for (let c = 0; c < 3; c++) {
      expect([...train.labels].filter((l) => l === c)).toHaveLength(4);
      expect([...test.labels].filter((l) => l === c)).toHaveLength(2);
    }
    // every pooled image is flat, so the package's rounded fractions came back as exact bytes
    for (let i = 0; i < train.n; i++)
      expect(train.X.subarray(i * 196, (i + 1) * 196).every((v) => v === train.X[i * 196])).toBe(true);
  });

  it("is a function of the seed: the same seed gives the same bytes, another seed another subset", () => {
    const data = synthetic(3, 8);
    const options = { trainPerClass: 4, testPerClass: 2 };
    const a = buildDigitsAsset(data, { ...options, seed: 5 });
    expect(buildDigitsAsset(data, { ...options, seed: 5 })).toEqual(a);
    expect(buildDigitsAsset(data, { ...options, seed: 6 })).not.toEqual(a);
  });

  it("refuses classes with too few images, partial images, or values outside [0, 1]", () => {
    expect(() => buildDigitsAsset(synthetic(2, 5), { trainPerClass: 4, testPerClass: 2 })).toThrow(/fewer/);
    expect(() => buildDigitsAsset([[0, 0.5]], { trainPerClass: 0, testPerClass: 0 })).toThrow(/28 × 28/);
    const bad = synthetic(1, 2);
    bad[0][100] = 1.5;
    expect(() => buildDigitsAsset(bad, { trainPerClass: 1, testPerClass: 1 })).toThrow(/outside/);
  });
});

describe("scripts/digits.mjs on the mnist package", () => {
  it("writes 2,000 + 500 balanced 14 × 14 digits, under 1 MB, the same bytes every run", () => {
    const dir = mkdtempSync(join(tmpdir(), "digits-"));
    try {
      const run = (file: string): string =>
        execFileSync(process.execPath, [join(root, "scripts/digits.mjs"), "--out", join(dir, file)], {
          cwd: root,
          encoding: "utf8",
        });
      expect(run("a.bin")).toMatch(/written \(492520 bytes/);
      expect(run("b.bin")).toMatch(/written/);
      expect(run("a.bin")).toMatch(/up to date/);
      const a = readFileSync(join(dir, "a.bin"));
      const b = readFileSync(join(dir, "b.bin"));
      expect(a.equals(b)).toBe(true);
      expect(a.length).toBe(20 + 2500 * (196 + 1));
      expect(a.length).toBeLessThan(1024 * 1024);

      const { train, test } = parseDigits(bufferOf(a));
      expect([train.n, test.n, train.width, train.height, train.classes]).toEqual([2000, 500, 14, 14, 10]);
      for (let c = 0; c < 10; c++) {
        expect([...train.labels].filter((l) => l === c)).toHaveLength(200);
        expect([...test.labels].filter((l) => l === c)).toHaveLength(50);
      }
      // shuffled, not sorted by class
      expect(new Set(train.labels.subarray(0, 50)).size).toBeGreaterThan(5);
      // real digits: mostly background, some full ink, and no blank image
      let ink = 0;
      let peak = 0;
      for (const v of train.X) {
        ink += v;
        peak = Math.max(peak, v);
      }
      expect(ink / train.X.length).toBeGreaterThan(0.05);
      expect(ink / train.X.length).toBeLessThan(0.3);
      expect(peak).toBeGreaterThan(0.95);
      for (let i = 0; i < train.n; i++)
        expect(Math.max(...train.X.subarray(i * 196, (i + 1) * 196))).toBeGreaterThan(0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
