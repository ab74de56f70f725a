import { describe, expect, it } from "vitest";
import { matmul, qr, transpose } from "../../engine/linalg";
import { createRng } from "../../engine/rng";

function gaussian(m: number, n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: m * n }, () => rng.normal());
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function identity(n: number): Float64Array {
  const e = new Float64Array(n * n);
  for (let i = 0; i < n; i++) e[i * n + i] = 1;
  return e;
}

describe("Householder QR", () => {
  it.each([
    [1, 1],
    [4, 4],
    [7, 3],
    [50, 50],
    [120, 40],
    [64, 1],
  ])("factors a %i×%i Gaussian matrix as Q·R with QᵀQ = I and R upper-triangular (to 1e-12)", (m, n) => {
    const a = gaussian(m, n, m * 1000 + n);
    const { q, r } = qr(a, m, n);
    expect(maxAbsDiff(matmul(transpose(q, m, n), q, n, m, n), identity(n))).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmul(q, r, m, n, n), a)).toBeLessThan(1e-12);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
  });

  it("stays orthonormal on an ill-conditioned matrix (columns nearly parallel)", () => {
    const m = 30;
    const n = 5;
    const base = gaussian(m, 1, 9);
    const noise = gaussian(m, n, 10);
    const a = Float64Array.from({ length: m * n }, (_, k) => base[Math.floor(k / n)] + 1e-9 * noise[k]);
    const { q, r } = qr(a, m, n);
    expect(maxAbsDiff(matmul(transpose(q, m, n), q, n, m, n), identity(n))).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmul(q, r, m, n, n), a)).toBeLessThan(1e-12);
  });

  it("handles an exactly zero column without dividing by zero", () => {
    const a = new Float64Array([1, 0, 2, 0, 3, 0]);
    const { q, r } = qr(a, 3, 2);
    expect(maxAbsDiff(matmul(q, r, 3, 2, 2), a)).toBeLessThan(1e-15);
    expect(Array.from(q).every(Number.isFinite)).toBe(true);
  });

  it("refuses wide matrices and wrong lengths", () => {
    expect(() => qr(new Float64Array(6), 2, 3)).toThrow(RangeError);
    expect(() => qr(new Float64Array(5), 3, 2)).toThrow(RangeError);
  });
});

describe("transpose and matmul", () => {
  it("transpose swaps indices and matmul matches the hand product", () => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6]); // 2×3
    expect(Array.from(transpose(a, 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
    const b = new Float64Array([1, 0, 0, 1, 1, 1]); // 3×2
    expect(Array.from(matmul(a, b, 2, 3, 2))).toEqual([1 + 3, 2 + 3, 4 + 6, 5 + 6]);
  });
});
