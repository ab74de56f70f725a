/**
 * Seeded randomness for the whole engine.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018), a 32-bit generator with 128 bits of state, seeded by
 * running splitmix32 on the integer seed. Every operation is 32-bit integer arithmetic through `Math.imul`
 * and `>>>`, so the bit stream is identical in every JavaScript engine. A double in [0, 1) takes two outputs:
 * 27 high bits of the first and 26 of the second make a 53-bit mantissa, exactly as the IEEE double holds it.
 *
 * Normal variates use Marsaglia's polar method (only `Math.log` and `Math.sqrt`; V8 implements `Math.log`
 * with the same fdlibm port in Node and in Chromium, and `Math.sqrt` is exact by IEEE 754), so a seed gives
 * the same normals in Node and in the browser.
 */
export interface Rng {
  /** The integer seed this generator was created from. */
  readonly seed: number;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** N(0, 1) conditioned on |z| ≤ bound (redraws outside, as Keras' TruncatedNormal does at bound = 2). */
  truncatedNormal(bound: number): number;
}

/** Normalises any number to an unsigned 32-bit seed (non-integers and negatives are folded in, never rejected). */
export function toSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}

function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [s, z >>> 0];
}

/** Creates a generator whose whole future is fixed by `seed` (an integer; folded to 32 bits). */
export function createRng(seed: number): Rng {
  const seed32 = toSeed(seed);
  const s = new Uint32Array(4);
  let sm = seed32 | 0;
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(sm);
    sm = next;
    s[i] = out;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  let spare = 0;
  let hasSpare = false;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };

  const next = (): number => {
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };

  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, q: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };

  return {
    seed: seed32,
    nextUint32,
    next,
    uniform: (a, b) => a + (b - a) * next(),
    normal,
    truncatedNormal: (bound) => {
      if (!(bound > 0)) throw new RangeError(`truncation bound must be positive, got ${bound}`);
      let z: number;
      do z = normal();
      while (Math.abs(z) > bound);
      return z;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
