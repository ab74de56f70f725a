/**
 * Dense linear algebra on row-major Float64Array matrices: just what orthogonal initialization and its
 * tests need. An m×n matrix A stores A[i][j] at a[i·n + j].
 */

/**
 * Thin QR decomposition by Householder reflections: A = Q·R for an m×n matrix with m ≥ n, where Q is m×n with
 * orthonormal columns (QᵀQ = I) and R is n×n upper-triangular.
 *
 * Step k reflects column k below the diagonal onto a multiple of e_k with H = I − 2vvᵀ, choosing the sign
 * α = −sign(x₀)·‖x‖ that avoids cancellation (as LAPACK does), so diag(R) may be negative; Q is then
 * H₀H₁⋯H_{n−1} applied to the first n columns of the identity. Backward stable: ‖QᵀQ − I‖ ≈ machine ε.
 */
export function qr(a: Float64Array, m: number, n: number): { q: Float64Array; r: Float64Array } {
  if (a.length !== m * n) throw new RangeError(`qr: expected ${m}×${n} = ${m * n} entries, got ${a.length}`);
  if (m < n) throw new RangeError(`qr: needs rows ≥ columns, got ${m}×${n}; factor the transpose instead`);
  const w = Float64Array.from(a);
  const vs = new Float64Array(m * n); // column k holds the unit reflector v_k in rows k…m−1
  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += w[i * n + k] ** 2;
    const norm = Math.sqrt(norm2);
    if (norm === 0) continue;
    const x0 = w[k * n + k];
    const alpha = x0 >= 0 ? -norm : norm;
    // v = x − α·e_k, so ‖v‖² = ‖x‖² − 2α·x₀ + α² = 2(‖x‖² − α·x₀).
    const vNorm = Math.sqrt(2 * (norm2 - alpha * x0));
    if (vNorm === 0) continue;
    for (let i = k; i < m; i++) vs[i * n + k] = (w[i * n + k] - (i === k ? alpha : 0)) / vNorm;
    reflectInPlace(w, m, n, vs, k, k);
  }
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) r[i * n + j] = w[i * n + j];
  const q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) reflectInPlace(q, m, n, vs, k, 0);
  return { q, r };
}

/** Applies H_k = I − 2·v_k·v_kᵀ (v_k = column k of `vs`, nonzero from row k) to columns fromCol… of `x`. */
function reflectInPlace(
  x: Float64Array,
  m: number,
  n: number,
  vs: Float64Array,
  k: number,
  fromCol: number,
): void {
  for (let j = fromCol; j < n; j++) {
    let dot = 0;
    for (let i = k; i < m; i++) dot += vs[i * n + k] * x[i * n + j];
    if (dot === 0) continue;
    for (let i = k; i < m; i++) x[i * n + j] -= 2 * dot * vs[i * n + k];
  }
}

/** Transpose of a rows×cols matrix: a new cols×rows matrix. */
export function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

/** Matrix product C = A·B of an m×k and a k×n matrix: a new m×n matrix. */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  if (a.length !== m * k || b.length !== k * n)
    throw new RangeError(`matmul: shapes ${m}×${k} · ${k}×${n} mismatch`);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
    }
  }
  return c;
}
