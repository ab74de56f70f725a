import { describe, expect, it } from "vitest";
import { matmul, qr, singularValues, symmetricEigen, transpose, tridiagonalEigen } from "../../engine/linalg";
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

describe("symmetric eigenvalues (tridiagonal QL, Householder reduction)", () => {
  it("the n×n second-difference matrix tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n+1)) and orthonormal eigenvectors", () => {
    const n = 12;
    const { values, vectors } = tridiagonalEigen(new Array(n).fill(2), new Array(n - 1).fill(-1), true);
    const expected = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(expected[k], 13);
    const v = vectors!;
    expect(maxAbsDiff(matmul(transpose(v, n, n), v, n, n, n), identity(n))).toBeLessThan(1e-13);
    // T·v_k = λ_k·v_k, with T applied entry by entry
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const tv = 2 * v[i * n + k] - (i > 0 ? v[(i - 1) * n + k] : 0) - (i < n - 1 ? v[(i + 1) * n + k] : 0);
        expect(Math.abs(tv - values[k] * v[i * n + k])).toBeLessThan(1e-13);
      }
    }
  });

  it("a diagonal matrix returns its diagonal, sorted; 1×1 and 2×2 match closed forms", () => {
    const d = [3, -1, 7, 0, 2.5];
    const a = new Float64Array(25);
    d.forEach((x, i) => (a[i * 5 + i] = x));
    expect(Array.from(symmetricEigen(a, 5).values)).toEqual([...d].sort((x, y) => x - y));
    expect(Array.from(symmetricEigen(new Float64Array([4]), 1).values)).toEqual([4]);
    // [[a, b], [b, c]]: (a + c)/2 ± √(((a − c)/2)² + b²)
    const [p, b, c] = [1.5, 0.7, -2];
    const { values } = symmetricEigen(new Float64Array([p, b, b, c]), 2);
    const r = Math.hypot((p - c) / 2, b);
    expect(values[0]).toBeCloseTo((p + c) / 2 - r, 14);
    expect(values[1]).toBeCloseTo((p + c) / 2 + r, 14);
  });

  it.each([5, 40, 100])(
    "recovers a known spectrum Λ from Q·Λ·Qᵀ (n = %i, random orthogonal Q), with eigenvectors",
    (n) => {
      const { q } = qr(gaussian(n, n, 77 + n), n, n);
      const lambda = Array.from({ length: n }, (_, i) => (i - n / 3) * 1.7 + (i % 3) * 0.01);
      const qd = Float64Array.from(q, (x, k) => x * lambda[k % n]); // Q·Λ
      const a = matmul(qd, transpose(q, n, n), n, n, n);
      const { values, vectors } = symmetricEigen(a, n, true);
      const sorted = [...lambda].sort((x, y) => x - y);
      for (let k = 0; k < n; k++) expect(Math.abs(values[k] - sorted[k])).toBeLessThan(1e-12 * n);
      const av = matmul(a, vectors!, n, n, n);
      let residual = 0;
      for (let i = 0; i < n; i++)
        for (let k = 0; k < n; k++)
          residual = Math.max(residual, Math.abs(av[i * n + k] - values[k] * vectors![i * n + k]));
      expect(residual).toBeLessThan(1e-11 * n);
      expect(maxAbsDiff(matmul(transpose(vectors!, n, n), vectors!, n, n, n), identity(n))).toBeLessThan(
        1e-12,
      );
    },
  );

  it("reads only the lower triangle", () => {
    const a = new Float64Array([2, 99, 1, 3]); // upper entry ignored: [[2, 1], [1, 3]]
    const { values } = symmetricEigen(a, 2);
    expect(values[0] + values[1]).toBeCloseTo(5, 14);
    expect(values[0] * values[1]).toBeCloseTo(5, 13);
  });
});

describe("singular values", () => {
  it("of a diagonal matrix are |d_i| in descending order; of an orthogonal matrix all 1", () => {
    const a = new Float64Array([0, 0, -3, 0, 0.5, 0, 2, 0, 0]); // anti-diagonal-ish 3×3
    expect(Array.from(singularValues(a, 3, 3)).map((s) => +s.toFixed(14))).toEqual([3, 2, 0.5]);
    const { q } = qr(gaussian(30, 30, 5), 30, 30);
    for (const s of singularValues(q, 30, 30)) expect(Math.abs(s - 1)).toBeLessThan(1e-13);
  });

  it("of a rectangular low-rank matrix: the nonzero ones match, the rest are at the rounding floor", () => {
    // A = u·vᵀ·3 + w·xᵀ·1 with orthonormal u ⟂ w (6×4): singular values 3, 1, 0, 0.
    const { q: left } = qr(gaussian(6, 2, 11), 6, 2);
    const { q: right } = qr(gaussian(4, 2, 12), 4, 2);
    const a = new Float64Array(24);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 4; j++)
        a[i * 4 + j] = 3 * left[i * 2] * right[j * 2] + left[i * 2 + 1] * right[j * 2 + 1];
    const s = singularValues(a, 6, 4);
    expect(s[0]).toBeCloseTo(3, 13);
    expect(s[1]).toBeCloseTo(1, 13);
    expect(s[2]).toBeLessThan(1e-7);
    expect(s[3]).toBeLessThan(1e-7);
    expect(() => singularValues(new Float64Array(5), 2, 3)).toThrow(RangeError);
  });

  it.each([1, 2, 3])(
    "converges on the graded Gram matrix of a product of 50 Gaussian 100×100 matrices (seed %i) and keeps its trace",
    (seed) => {
      const n = 100;
      let j: Float64Array = gaussian(n, n, seed * 1000).map((x) => x / Math.sqrt(n));
      for (let l = 1; l < 50; l++)
        j = matmul(
          gaussian(n, n, seed * 1000 + l).map((x) => x / Math.sqrt(n)),
          j,
          n,
          n,
          n,
        );
      const s = singularValues(j, n, n);
      expect(s.every(Number.isFinite)).toBe(true);
      for (let k = 1; k < n; k++) expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
      // the sum of squares is the Frobenius norm, whatever the rounding floor does to the small ones
      let fro = 0;
      for (const v of j) fro += v * v;
      expect(s.reduce((acc, v) => acc + v * v, 0) / fro).toBeCloseTo(1, 10);
    },
  );
});
