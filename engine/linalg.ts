/**
 * Dense linear algebra on row-major Float64Array matrices: just what orthogonal initialization, Gauss–Hermite
 * quadrature (engine/signal.ts) and Jacobian spectra need. An m×n matrix A stores A[i][j] at a[i·n + j].
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

/** Eigen-decomposition of a real symmetric matrix: eigenvalues ascending, and (optionally) unit eigenvectors. */
export interface SymmetricEigen {
  /** λ₀ ≤ λ₁ ≤ … ≤ λ_{n−1}. */
  values: Float64Array;
  /** n×n row-major; column k (entries k, n + k, 2n + k, …) is the unit eigenvector of values[k]. Null if not asked for. */
  vectors: Float64Array | null;
}

/**
 * Eigenvalues (and optionally eigenvectors) of the symmetric tridiagonal matrix T with diagonal `diag` (length n)
 * and off-diagonal `off` (length n − 1; off[i] = T[i][i+1] = T[i+1][i]), by the implicit QL algorithm with
 * Wilkinson shifts.
 *
 * Sweep: for the top unreduced block l…m (off[m] negligible against |d[m]| + |d[m+1]|), shift by the eigenvalue
 * of the leading 2×2 nearer d[l], then chase the bulge from the bottom of the block up with Givens rotations
 * (each one applied to the eigenvector matrix too when asked). Converges cubically; a block splits off after
 * one or two sweeps. Off-diagonals below ε·(|d_m| + |d_{m+1}|) or ε·‖T‖ count as zero, so eigenvalues are
 * accurate to about ε·‖T‖ absolutely (not relatively, for graded matrices). Throws if a block
 * needs more than 60 sweeps.
 */
export function tridiagonalEigen(
  diag: ArrayLike<number>,
  off: ArrayLike<number>,
  wantVectors = false,
): SymmetricEigen {
  const n = diag.length;
  if (off.length !== Math.max(0, n - 1))
    throw new RangeError(
      `tridiagonalEigen: ${n} diagonal entries need ${n - 1} off-diagonal ones, got ${off.length}`,
    );
  const d = Float64Array.from(diag);
  const e = new Float64Array(n); // e[i] couples i and i + 1; e[n − 1] stays 0
  for (let i = 0; i + 1 < n; i++) e[i] = off[i];
  const z = wantVectors ? new Float64Array(n * n) : null;
  if (z) for (let i = 0; i < n; i++) z[i * n + i] = 1;

  // Absolute floor for a negligible off-diagonal: ε·‖T‖, the size of the backward error any stable method leaves
  // (and Householder reduction has already made). Without it a cluster of rounding-noise eigenvalues far below
  // ‖T‖ (the Gram matrix of a rank-deficient Jacobian) can stall the shifts.
  let norm = 0;
  for (let i = 0; i < n; i++)
    norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0));
  const floor = Number.EPSILON * norm;
  const negligible = (m: number): boolean =>
    Math.abs(e[m]) <= Number.EPSILON * (Math.abs(d[m]) + Math.abs(d[m + 1])) || Math.abs(e[m]) <= floor;
  for (let l = 0; l < n; l++) {
    for (let sweep = 0; ; sweep++) {
      let m = l;
      while (m < n - 1 && !negligible(m)) m++;
      if (m === l) break;
      if (sweep >= 60) throw new Error(`tridiagonalEigen: no convergence at index ${l}`);
      // Wilkinson shift μ from the 2×2 [[d_l, e_l], [e_l, d_{l+1}]]; g starts as d_m − μ.
      const theta = (d[l + 1] - d[l]) / (2 * e[l]);
      const rho = Math.hypot(theta, 1);
      let g = d[m] - d[l] + e[l] / (theta + (theta >= 0 ? rho : -rho));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        const r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // An exact zero off-diagonal appeared mid-chase: undo the pending shift there and restart.
          d[i + 1] -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        const h = d[i + 1] - p;
        const t = (d[i] - h) * s + 2 * c * b;
        p = s * t;
        d[i + 1] = h + p;
        g = c * t - b;
        if (z) {
          for (let k = 0; k < n; k++) {
            const zi = z[k * n + i];
            const zi1 = z[k * n + i + 1];
            z[k * n + i + 1] = s * zi + c * zi1;
            z[k * n + i] = c * zi - s * zi1;
          }
        }
      }
      if (deflated) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return sortEigen(d, z, n);
}

/** Sorts eigenvalues ascending, permuting eigenvector columns along. */
function sortEigen(d: Float64Array, z: Float64Array | null, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => d[a] - d[b]);
  const values = Float64Array.from(order, (k) => d[k]);
  if (!z) return { values, vectors: null };
  const vectors = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    const src = order[col];
    for (let row = 0; row < n; row++) vectors[row * n + col] = z[row * n + src];
  }
  return { values, vectors };
}

/**
 * Eigenvalues (ascending) of a symmetric n×n matrix, and its eigenvectors when asked: Householder reduction to
 * tridiagonal form Qᵀ·A·Q = T (step k reflects column k below the subdiagonal onto e_{k+1} and updates the
 * trailing block as A ← A − v·wᵀ − w·vᵀ), then `tridiagonalEigen` on T; eigenvectors are Q times T's.
 * Only the lower triangle of `a` is read. Backward stable: each eigenvalue is exact for a matrix within about
 * n·ε·‖A‖ of A, so eigenvalues much smaller than ε·‖A‖ are noise of that size.
 */
export function symmetricEigen(a: Float64Array, n: number, wantVectors = false): SymmetricEigen {
  if (a.length !== n * n)
    throw new RangeError(`symmetricEigen: expected ${n}×${n} = ${n * n} entries, got ${a.length}`);
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      w[i * n + j] = a[i * n + j];
      w[j * n + i] = a[i * n + j];
    }
  }
  const reflectors: Float64Array[] = [];
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    // x = A[k+1…n−1][k]; reflect it onto α·e_{k+1} with α = −sign(x₀)·‖x‖.
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += w[i * n + k] ** 2;
    const x0 = w[(k + 1) * n + k];
    const norm = Math.sqrt(norm2);
    const alpha = x0 >= 0 ? -norm : norm;
    const vNorm2 = 2 * (norm2 - alpha * x0);
    if (vNorm2 === 0 || norm2 - x0 * x0 === 0) {
      reflectors.push(new Float64Array(0));
      continue;
    }
    const scale = 1 / Math.sqrt(vNorm2);
    v.fill(0);
    for (let i = k + 1; i < n; i++) v[i] = w[i * n + k] * scale;
    v[k + 1] = (x0 - alpha) * scale;
    // H = I − 2vvᵀ; H·A·H = A − v·wᵀ − w·vᵀ with p = 2A·v, w = p − (vᵀp)·v.
    let vp = 0;
    for (let i = k; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += w[i * n + j] * v[j];
      p[i] = 2 * s;
    }
    for (let i = k + 1; i < n; i++) vp += v[i] * p[i];
    for (let i = k; i < n; i++) p[i] -= vp * v[i];
    for (let i = k; i < n; i++) {
      for (let j = k; j < n; j++) w[i * n + j] -= v[i] * p[j] + p[i] * v[j];
    }
    reflectors.push(v.slice());
  }
  const diag = new Float64Array(n);
  const off = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) diag[i] = w[i * n + i];
  for (let i = 0; i + 1 < n; i++) off[i] = w[(i + 1) * n + i];
  const t = tridiagonalEigen(diag, off, wantVectors);
  if (!t.vectors) return t;
  // Eigenvectors of A are H₀H₁⋯H_{n−3} times those of T: apply the reflectors last-first.
  const z = t.vectors;
  for (let k = reflectors.length - 1; k >= 0; k--) {
    const r = reflectors[k];
    if (r.length === 0) continue;
    for (let col = 0; col < n; col++) {
      let dot = 0;
      for (let i = k + 1; i < n; i++) dot += r[i] * z[i * n + col];
      if (dot === 0) continue;
      for (let i = k + 1; i < n; i++) z[i * n + col] -= 2 * dot * r[i];
    }
  }
  return t;
}

/**
 * Singular values of an m×n matrix A, descending: the square roots of the eigenvalues of AᵀA (n×n), negative
 * rounding noise clamped to 0. Forming AᵀA squares the condition number, so singular values below about
 * 1e-8·σ_max are at the rounding floor (fine for spectra of Jacobians, not for rank decisions at that scale).
 */
export function singularValues(a: Float64Array, m: number, n: number): Float64Array {
  if (a.length !== m * n)
    throw new RangeError(`singularValues: expected ${m}×${n} = ${m * n} entries, got ${a.length}`);
  const gram = new Float64Array(n * n);
  for (let r = 0; r < m; r++) {
    const row = r * n;
    for (let i = 0; i < n; i++) {
      const ai = a[row + i];
      if (ai === 0) continue;
      for (let j = 0; j <= i; j++) gram[i * n + j] += ai * a[row + j];
    }
  }
  const { values } = symmetricEigen(gram, n);
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) s[k] = Math.sqrt(Math.max(0, values[n - 1 - k]));
  return s;
}
