import { describe, expect, it } from "vitest";
import { activations } from "../../engine/activations";
import { createNetwork, predict } from "../../engine/network";
import { createRng } from "../../engine/rng";
import {
  correlationByDepth,
  correlationMap,
  criticalSigmaW2,
  gaussExpect,
  gaussExpect2,
  gaussHermite,
  inputOutputJacobian,
  jacobianSpectrum,
  jacobianSpectrumTheory,
  lengthFixedPoint,
  lengthMap,
  meanField,
  measureCorrelationByDepth,
  phaseDiagram,
  type MeanFieldParams,
} from "../../engine/signal";
import { SIGMAS } from "./tolerance";

const relu = (u: number): number => (u > 0 ? u : 0);
/** The arc-cosine kernel: E[relu(u₁)relu(u₂)] = q/2 · k(c) for unit-correlation c and equal variances q. */
const arcCos = (c: number): number => (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / Math.PI;
const tanhSecond = (u: number): number => {
  const t = Math.tanh(u);
  return -2 * t * (1 - t * t);
};
const doubleFactorial = (k: number): number => (k <= 1 ? 1 : k * doubleFactorial(k - 2));

describe("Gauss–Hermite quadrature", () => {
  it("small rules match their closed forms: n = 2 at ±1 (½ each), n = 3 at 0, ±√3 (⅔, ⅙)", () => {
    const two = gaussHermite(2);
    expect(Array.from(two.nodes)).toEqual([-1, 1].map((x) => expect.closeTo(x, 14)));
    expect(Array.from(two.weights)).toEqual([0.5, 0.5].map((x) => expect.closeTo(x, 14)));
    const three = gaussHermite(3);
    expect(three.nodes[1]).toBe(0);
    expect(three.nodes[2]).toBeCloseTo(Math.sqrt(3), 14);
    expect(three.weights[1]).toBeCloseTo(2 / 3, 14);
    expect(three.weights[0]).toBeCloseTo(1 / 6, 14);
    expect(gaussHermite(3)).toBe(three); // cached
    expect(() => gaussHermite(0)).toThrow(RangeError);
  });

  it("integrates the normal moments E z^(2k) = (2k − 1)!! exactly up to degree 2n − 1, odd ones to 0", () => {
    const n = 20;
    for (let k = 0; 2 * k < 2 * n; k++) {
      const exact = doubleFactorial(2 * k - 1);
      expect(Math.abs(gaussExpect((z) => z ** (2 * k), 1, n) / exact - 1)).toBeLessThan(1e-11);
      expect(Math.abs(gaussExpect((z) => z ** (2 * k + 1), 1, n))).toBeLessThan(1e-14 * exact * 2 ** k);
    }
    expect(gaussExpect((z) => z * z, 1)).toBeCloseTo(1, 14);
    expect(gaussExpect((z) => z ** 4, 1)).toBeCloseTo(3, 13);
    // but not beyond: degree 2n is not exact for an n-point rule
    expect(Math.abs(gaussExpect((z) => z ** 8, 1, 4) - 105)).toBeGreaterThan(1);
  });

  it("E cos(√q z) = e^(−q/2) and E e^(√q z) = e^(q/2) (smooth non-polynomials, to 1e-13)", () => {
    expect(gaussExpect(Math.cos, 1)).toBeCloseTo(Math.exp(-0.5), 14);
    for (const q of [0.1, 1, 2.5]) {
      expect(Math.abs(gaussExpect(Math.cos, q) - Math.exp(-q / 2))).toBeLessThan(1e-13);
      expect(Math.abs(gaussExpect(Math.exp, q) / Math.exp(q / 2) - 1)).toBeLessThan(1e-13);
    }
  });

  it("agrees with seeded Monte Carlo for tanh² and tanh′² within 5 standard errors", () => {
    const rng = createRng(2024);
    const m = 200_000;
    for (const [g, q] of [
      [(u: number) => Math.tanh(u) ** 2, 1.7],
      [(u: number) => activations.tanh.df(u) ** 2, 0.4],
    ] as const) {
      let s = 0;
      let s2 = 0;
      const sd = Math.sqrt(q);
      for (let i = 0; i < m; i++) {
        const v = g(sd * rng.normal());
        s += v;
        s2 += v * v;
      }
      const mean = s / m;
      const se = Math.sqrt((s2 / m - mean * mean) / m);
      expect(Math.abs(gaussExpect(g, q) - mean)).toBeLessThan(SIGMAS * se);
    }
  });
});

describe("bivariate expectations", () => {
  it.each(["hermite", "polar"] as const)("%s rule: E[u₁u₂] = c√(q₁q₂), E[u₁²u₂²] = q₁q₂(1 + 2c²)", (rule) => {
    for (const [q1, q2, c] of [
      [1, 1, 0.3],
      [0.5, 2, -0.8],
      [3, 0.2, 1],
      [1.2, 1.2, 0],
    ]) {
      expect(gaussExpect2((a, b) => a * b, q1, q2, c, 48, rule)).toBeCloseTo(c * Math.sqrt(q1 * q2), 12);
      expect(gaussExpect2((a, b) => a * a * b * b, q1, q2, c, 48, rule)).toBeCloseTo(
        q1 * q2 * (1 + 2 * c * c),
        11,
      );
    }
  });

  it("the polar rule integrates ReLU's kinks exactly: arc-cosine kernels of degree 1 and 0", () => {
    for (const c of [-0.95, -0.3, 0, 0.42, 0.9, 0.999]) {
      const e1 = gaussExpect2((a, b) => relu(a) * relu(b), 2, 2, c, 48, "polar");
      expect(Math.abs(e1 - arcCos(c))).toBeLessThan(1e-13); // q/2 · k(c) with q = 2
      const e0 = gaussExpect2((a, b) => (a > 0 && b > 0 ? 1 : 0), 0.7, 3, c, 48, "polar");
      expect(Math.abs(e0 - (Math.PI - Math.acos(c)) / (2 * Math.PI))).toBeLessThan(1e-13);
    }
  });

  it("the Hermite grid straddling the kink is the reason: it misses the degree-0 kernel by > 1e-3", () => {
    const c = 0.3;
    const exact = (Math.PI - Math.acos(c)) / (2 * Math.PI);
    expect(Math.abs(gaussExpect2((a, b) => (a > 0 && b > 0 ? 1 : 0), 1, 1, c) - exact)).toBeGreaterThan(1e-3);
  });

  it("agrees with seeded Monte Carlo for tanh(u₁)·tanh(u₂) with unequal variances", () => {
    const [q1, q2, c] = [0.7, 1.8, -0.4];
    const rng = createRng(7);
    const m = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < m; i++) {
      const z1 = rng.normal();
      const z2 = rng.normal();
      const v =
        Math.tanh(Math.sqrt(q1) * z1) * Math.tanh(Math.sqrt(q2) * (c * z1 + Math.sqrt(1 - c * c) * z2));
      s += v;
      s2 += v * v;
    }
    const mean = s / m;
    const se = Math.sqrt((s2 / m - mean * mean) / m);
    const g = (a: number, b: number): number => Math.tanh(a) * Math.tanh(b);
    expect(Math.abs(gaussExpect2(g, q1, q2, c) - mean)).toBeLessThan(SIGMAS * se);
    expect(Math.abs(gaussExpect2(g, q1, q2, c, 48, "polar") - gaussExpect2(g, q1, q2, c))).toBeLessThan(1e-6);
    expect(() => gaussExpect2(g, 1, 1, 1.5)).toThrow(RangeError);
  });
});

describe("ReLU: exact mean-field results", () => {
  it("length map σ_w² q/2 + σ_b², χ₁ = σ_w²/2, and leaky ReLU's (1 + α²)/2", () => {
    for (const [sigmaW2, sigmaB2, q] of [
      [2, 0, 1],
      [1.5, 0.2, 0.37],
      [3, 0.1, 4],
    ]) {
      const p: MeanFieldParams = { activation: "relu", sigmaW2, sigmaB2 };
      expect(Math.abs(lengthMap(p, q) - (sigmaW2 * q) / 2 - sigmaB2)).toBeLessThan(1e-14 * (1 + q));
      expect(meanField(p).chi1).toBeCloseTo(sigmaW2 / 2, 13);
    }
    const leaky = { activation: "leaky_relu", sigmaW2: 1, sigmaB2: 0, slope: 0.2 } as const;
    expect(lengthMap(leaky, 2)).toBeCloseTo(1.04, 14);
  });

  it("the correlation map is the arc-cosine kernel (with σ_b², normalised by the next layer's q)", () => {
    for (const [sigmaW2, sigmaB2, q] of [
      [2, 0, 1.3],
      [1.5, 0.2, 0.8],
    ]) {
      const p: MeanFieldParams = { activation: "relu", sigmaW2, sigmaB2 };
      const qNext = (sigmaW2 * q) / 2 + sigmaB2;
      for (const c of [-0.5, 0, 0.3, 0.8, 0.99, 1]) {
        const exact = (((sigmaW2 * q) / 2) * arcCos(c) + sigmaB2) / qNext;
        expect(Math.abs(correlationMap(p, c, q) - exact)).toBeLessThan(1e-13);
      }
    }
  });

  it("fixed points: q* = σ_b²/(1 − σ_w²/2) below 2; every q⁰ is fixed at (2, 0); vanishing and exploding otherwise", () => {
    const ordered = meanField({ activation: "relu", sigmaW2: 1.5, sigmaB2: 0.2 });
    expect(ordered.status).toBe("stationary");
    expect(ordered.qStar).toBeCloseTo(0.2 / (1 - 0.75), 11);
    // c* = 1 in the ordered phase with χ_c = χ₁ and ξ_c = ξ_q = −1/ln(σ_w²/2) (the length map is linear)
    expect(ordered.cStar).toBe(1);
    expect(ordered.xiC).toBeCloseTo(-1 / Math.log(0.75), 10);
    expect(ordered.xiQ).toBeCloseTo(-1 / Math.log(0.75), 10);
    for (const q0 of [0.5, 3]) {
      const he = meanField({ activation: "relu", sigmaW2: 2, sigmaB2: 0 }, q0);
      expect(he.status).toBe("stationary");
      expect(he.qStar).toBe(q0);
      expect(he.chi1).toBeCloseTo(1, 14);
      expect(he.xiC).toBe(Infinity);
    }
    expect(lengthFixedPoint({ activation: "relu", sigmaW2: 1.5, sigmaB2: 0 }).status).toBe("vanishing");
    const exploding = meanField({ activation: "relu", sigmaW2: 2.5, sigmaB2: 0.1 });
    expect(exploding.status).toBe("exploding");
    expect(exploding.qStar).toBe(Infinity);
    expect(exploding.chi1).toBeCloseTo(1.25, 13);
    expect(criticalSigmaW2("relu", 0)).toBeCloseTo(2, 10);
    expect(criticalSigmaW2("relu", 0.3)).toBeCloseTo(2, 10);
  });
});

describe("tanh: fixed points, depth scales and the edge of chaos", () => {
  const chaotic: MeanFieldParams = { activation: "tanh", sigmaW2: 3, sigmaB2: 0.05 };
  const ordered: MeanFieldParams = { activation: "tanh", sigmaW2: 1.2, sigmaB2: 0.05 };

  it("q* is a fixed point of the length map, reached from any q⁰", () => {
    for (const p of [chaotic, ordered]) {
      const a = meanField(p, 0.01);
      const b = meanField(p, 10);
      expect(a.status).toBe("stationary");
      expect(Math.abs(lengthMap(p, a.qStar) - a.qStar)).toBeLessThan(1e-12 * a.qStar);
      expect(b.qStar).toBeCloseTo(a.qStar, 11);
    }
    expect(lengthFixedPoint({ activation: "tanh", sigmaW2: 0.5, sigmaB2: 0 }).status).toBe("vanishing");
  });

  it("L′(q*) by Stein's lemma equals σ_w² E[φ′² + φφ″] (Schoenholz eq.) and the finite difference of L", () => {
    for (const p of [chaotic, ordered]) {
      const m = meanField(p);
      const q = m.qStar;
      const direct = (at: number, order: number): number =>
        p.sigmaW2 * gaussExpect((u) => activations.tanh.df(u) ** 2 + Math.tanh(u) * tanhSecond(u), at, order);
      // tanh's poles at ±iπ/2 slow Gauss–Hermite down (≈1e-5 at order 48, q ≈ 1.4); both forms converge together
      expect(Math.abs(m.lengthSlope - direct(q, 200))).toBeLessThan(1e-4);
      const fine = meanField({ ...p, order: 160 });
      expect(Math.abs(fine.lengthSlope - direct(fine.qStar, 200))).toBeLessThan(1e-8);
      const h = 1e-5;
      expect(m.lengthSlope).toBeCloseTo((lengthMap(p, q + h) - lengthMap(p, q - h)) / (2 * h), 8);
      expect(m.xiQ).toBeCloseTo(-1 / Math.log(m.lengthSlope), 12);
      expect(Math.abs(m.xiQ + 1 / Math.log(direct(q, 200)))).toBeLessThan(1e-3);
    }
  });

  it("ordered: c* = 1 and χ_c = χ₁ < 1; chaotic: c* ∈ (0, 1) is a stable fixed point with χ_c = map′(c*) < 1 < χ₁", () => {
    const o = meanField(ordered);
    expect(o.phase).toBe("ordered");
    expect(o.cStar).toBe(1);
    expect(o.chiC).toBeCloseTo(o.chi1, 12);
    expect(o.xiC).toBeCloseTo(-1 / Math.log(o.chi1), 9);
    const c = meanField(chaotic);
    expect(c.phase).toBe("chaotic");
    expect(c.cStar).toBeGreaterThan(0);
    expect(c.cStar).toBeLessThan(1);
    expect(Math.abs(correlationMap(chaotic, c.cStar, c.qStar, c.qStar) - c.cStar)).toBeLessThan(1e-12);
    const h = 1e-5;
    const slope =
      (correlationMap(chaotic, c.cStar + h, c.qStar, c.qStar) -
        correlationMap(chaotic, c.cStar - h, c.qStar, c.qStar)) /
      (2 * h);
    expect(Math.abs(c.chiC - slope)).toBeLessThan(1e-4); // Price's theorem holds to the quadrature's accuracy
    expect(c.chiC).toBeLessThan(1);
    // odd φ without bias: c* = 0 exactly
    expect(meanField({ activation: "tanh", sigmaW2: 3, sigmaB2: 0 }).cStar).toBeLessThan(1e-12);
  });

  it("the critical line passes through (σ_w², σ_b²) = (1, 0), is continuous there, and χ₁ = 1 on it", () => {
    expect(Math.abs(criticalSigmaW2("tanh", 0) - 1)).toBeLessThan(1e-6);
    // continuity at σ_b² → 0 (σ_w²,crit − 1 shrinks like a power of σ_b²)
    const near = [1e-4, 1e-6, 1e-8, 1e-10].map((b) => criticalSigmaW2("tanh", b));
    for (let k = 1; k < near.length; k++) expect(near[k]).toBeLessThan(near[k - 1]);
    expect(near[3] - 1).toBeLessThan(2e-3);
    expect(near[3]).toBeGreaterThan(1);
    let previous = 0;
    for (const sigmaB2 of [0, 0.01, 0.05, 0.1, 0.3]) {
      const w = criticalSigmaW2("tanh", sigmaB2);
      expect(w).toBeGreaterThan(previous); // more bias noise needs larger weights to reach chaos
      previous = w;
      if (sigmaB2 > 0) expect(meanField({ activation: "tanh", sigmaW2: w, sigmaB2 }).chi1).toBeCloseTo(1, 9);
      expect(meanField({ activation: "tanh", sigmaW2: w * 0.98, sigmaB2 }).phase).toBe("ordered");
      expect(meanField({ activation: "tanh", sigmaW2: w * 1.02, sigmaB2 }).phase).toBe("chaotic");
    }
  });

  it("ξ_c diverges at the edge of chaos from both sides", () => {
    const w = criticalSigmaW2("tanh", 0.05);
    const xi = (f: number): number => meanField({ activation: "tanh", sigmaW2: w * f, sigmaB2: 0.05 }).xiC;
    expect(xi(0.99)).toBeGreaterThan(5 * xi(0.8));
    expect(xi(1.01)).toBeGreaterThan(5 * xi(1.3));
    expect(xi(0.999)).toBeGreaterThan(xi(0.99));
    expect(xi(1.001)).toBeGreaterThan(xi(1.01));
  });

  it("the calculate_gain σ_w = 5/3 (σ_b² = 0) is on the chaotic side of the critical line: χ₁ > 1", () => {
    const gain = activations.tanh.gain();
    const m = meanField({ activation: "tanh", sigmaW2: gain ** 2, sigmaB2: 0 });
    expect(gain ** 2).toBeGreaterThan(criticalSigmaW2("tanh", 0));
    expect(m.chi1).toBeGreaterThan(1);
    expect(m.chi1).toBeLessThan(gain ** 2 / 2); // far from the linear-regime value σ_w²: saturation pulls it toward 1
    // χ₁ from the fixed point agrees with Monte Carlo at that q*
    const rng = createRng(3);
    let s = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) s += activations.tanh.df(Math.sqrt(m.qStar) * rng.normal()) ** 2;
    expect(Math.abs((gain ** 2 * s) / n - m.chi1)).toBeLessThan(0.01);
  });
});

describe("depth curves and the phase diagram", () => {
  it("correlationByDepth starts from the affine first layer and tends to (q*, c*)", () => {
    const p: MeanFieldParams = { activation: "tanh", sigmaW2: 3, sigmaB2: 0.05 };
    const { q, c } = correlationByDepth(p, 0.8, 0.5, 300);
    expect(q[0]).toBeCloseTo(3 * 0.8 + 0.05, 14);
    expect(c[0]).toBeCloseTo((3 * 0.8 * 0.5 + 0.05) / q[0], 14);
    expect(q[1]).toBeCloseTo(lengthMap(p, q[0]), 14);
    const m = meanField(p);
    expect(q[299]).toBeCloseTo(m.qStar, 10);
    expect(c[299]).toBeCloseTo(m.cStar, 8);
    // the approach to c* is geometric at rate χ_c: (c^{l+1} − c*)/(c^l − c*) → χ_c
    expect((c[101] - m.cStar) / (c[100] - m.cStar)).toBeCloseTo(m.chiC, 4);
    // ordered: correlations climb to 1
    const ord = correlationByDepth({ activation: "tanh", sigmaW2: 1.2, sigmaB2: 0.05 }, 1, 0.2, 80);
    expect(ord.c[79]).toBeGreaterThan(0.999);
    expect(correlationByDepth(p, 1, 0.5, 0).q.length).toBe(0);
  });

  it("phaseDiagram holds meanField's numbers, row-major by σ_b², and χ₁ increases with σ_w²", () => {
    const sigmaW2 = [0.5, 1, 1.5, 2, 3];
    const sigmaB2 = [0, 0.05, 0.2];
    const d = phaseDiagram("tanh", { sigmaW2, sigmaB2 });
    expect(d.chi1.length).toBe(15);
    const k = 1 * sigmaW2.length + 3; // σ_b² = 0.05, σ_w² = 2
    const m = meanField({ activation: "tanh", sigmaW2: 2, sigmaB2: 0.05 });
    expect(d.chi1[k]).toBe(m.chi1);
    expect(d.xiC[k]).toBe(m.xiC);
    expect(d.qStar[k]).toBe(m.qStar);
    for (let b = 0; b < sigmaB2.length; b++)
      for (let w = 1; w < sigmaW2.length; w++)
        expect(d.chi1[b * sigmaW2.length + w]).toBeGreaterThan(d.chi1[b * sigmaW2.length + w - 1]);
    // the σ_b² = 0.05 row crosses χ₁ = 1 between 1.5 and 2 (critical ≈ 1.76)
    expect(d.chi1[5 + 2]).toBeLessThan(1);
    expect(d.chi1[5 + 3]).toBeGreaterThan(1);
  });
});

describe("theory against wide engine networks", () => {
  const setup = { width: 500, depth: 10, pairs: 4, networks: 4, inputVariance: 1, inputCorrelation: 0.6 };

  it.each([
    ["tanh, chaotic", { activation: "tanh", sigmaW2: 3, sigmaB2: 0.3 }],
    ["tanh, ordered", { activation: "tanh", sigmaW2: 1.2, sigmaB2: 0.05 }],
    ["ReLU, ordered", { activation: "relu", sigmaW2: 1, sigmaB2: 0.5 }],
  ] as const)("%s: q^l and c^l follow the mean-field recursion", (_, p) => {
    const theory = correlationByDepth(p, setup.inputVariance, setup.inputCorrelation, setup.depth);
    const measured = measureCorrelationByDepth({ ...p, ...setup, weights: "gaussian", seed: 11 });
    let meanRatio = 0;
    for (let l = 0; l < setup.depth; l++) {
      // One net's weights move all its inputs together: q wanders by ~5–7 % per layer at n = 500, partly
      // restored each layer; 4 nets halve that. Correlations are much tighter.
      expect(Math.abs(measured.q[l] / theory.q[l] - 1)).toBeLessThan(0.15);
      expect(Math.abs(measured.c[l] - theory.c[l])).toBeLessThan(0.04);
      meanRatio += measured.q[l] / theory.q[l] / setup.depth;
    }
    expect(Math.abs(meanRatio - 1)).toBeLessThan(0.08);
  });
});

describe("input–output Jacobian and dynamical isometry", () => {
  it("inputOutputJacobian matches central finite differences of the network's output", () => {
    const rng = createRng(5);
    const net = createNetwork({
      sizes: [5, 7, 6, 4],
      hidden: "tanh",
      output: "sigmoid",
      init: "glorot-normal-torch",
      rng,
    });
    const x = Float64Array.from({ length: 5 }, () => rng.normal());
    const J = inputOutputJacobian(net, x);
    const h = 1e-6;
    for (let j = 0; j < 5; j++) {
      const up = x.slice();
      const down = x.slice();
      up[j] += h;
      down[j] -= h;
      const yUp = predict(net, up, 1);
      const yDown = predict(net, down, 1);
      for (let i = 0; i < 4; i++) expect(J[i * 5 + j]).toBeCloseTo((yUp[i] - yDown[i]) / (2 * h), 8);
    }
    expect(() => inputOutputJacobian(net, new Float64Array(3))).toThrow(RangeError);
  });

  const base = { width: 100, sigmaB2: 0 } as const;
  const relVar = (s: { meanSquared: number; varianceSquared: number }): number =>
    s.varianceSquared / s.meanSquared ** 2;

  it("a deep linear orthogonal net is exactly isometric: all 100 singular values are 1 to 1e-9 at depth 50", () => {
    const s = jacobianSpectrum({
      ...base,
      activation: "linear",
      sigmaW2: 1,
      depth: 50,
      weights: "orthogonal",
      seed: 1,
    });
    for (const v of s.singularValues) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
    expect(
      jacobianSpectrumTheory({ activation: "linear", sigmaW2: 1, sigmaB2: 0 }, 50, "orthogonal").variance,
    ).toBe(0);
  });

  it("a Gaussian linear net's spectrum spreads with depth: Var σ²/mean² ≈ L (free probability)", () => {
    const p = { ...base, activation: "linear", sigmaW2: 1 } as const;
    const seeds = [1, 2, 3, 4];
    const at = (depth: number): number[] =>
      seeds.map((seed) => relVar(jacobianSpectrum({ ...p, depth, weights: "gaussian", seed })));
    const d5 = at(5);
    const d10 = at(10);
    const d50 = at(50);
    for (let k = 0; k < seeds.length; k++) {
      expect(d10[k]).toBeGreaterThan(d5[k]);
      expect(d50[k]).toBeGreaterThan(d10[k]);
    }
    const mean10 = d10.reduce((a, b) => a + b) / seeds.length;
    const theory = jacobianSpectrumTheory(p, 10, "gaussian");
    expect(theory.variance / theory.mean ** 2).toBeCloseTo(10, 12);
    expect(Math.abs(mean10 / 10 - 1)).toBeLessThan(0.3);
  });

  it("a critical ReLU net with orthogonal weights is not isometric: about half the singular values vanish", () => {
    const p = { ...base, activation: "relu", sigmaW2: 2 } as const;
    const theory = jacobianSpectrumTheory(p, 10, "orthogonal");
    expect(theory.mean).toBeCloseTo(1, 12);
    expect(theory.variance).toBeCloseTo(10, 10); // D² = 2·Bernoulli(½) adds relative variance 1 per layer
    const spread: number[] = [];
    for (const seed of [1, 2, 3, 4]) {
      const s = jacobianSpectrum({ ...p, depth: 10, weights: "orthogonal", seed });
      expect(s.singularValues.filter((v) => v < 1e-6).length).toBeGreaterThan(40);
      spread.push(relVar(s));
    }
    expect(Math.abs(spread.reduce((a, b) => a + b) / 4 / 10 - 1)).toBeLessThan(0.3);
  });

  it("tanh at the edge of chaos: orthogonal weights stay near-isometric at depth 50, Gaussian ones do not", () => {
    const sigmaB2 = 1e-3;
    const p = { ...base, activation: "tanh", sigmaB2, sigmaW2: criticalSigmaW2("tanh", sigmaB2) } as const;
    const orth = jacobianSpectrum({ ...p, depth: 50, weights: "orthogonal", seed: 2 });
    const gauss = jacobianSpectrum({ ...p, depth: 50, weights: "gaussian", seed: 2 });
    expect(orth.inputQ).toBeCloseTo(meanField(p).qStar, 12);
    expect(relVar(orth)).toBeLessThan(relVar(gauss) / 5);
    const inBand = (s: Float64Array): number => s.filter((v) => v > 1 / 3 && v < 3).length;
    expect(inBand(orth.singularValues)).toBeGreaterThan(40);
    expect(inBand(gauss.singularValues)).toBeLessThan(20);
    expect(gauss.singularValues.filter((v) => v < 1e-6).length).toBeGreaterThan(20);
    // free-probability prediction at moderate depth (finite width n = 100 bends it at L ~ n)
    const theory = jacobianSpectrumTheory(p, 10, "orthogonal");
    const measured = [1, 2, 3, 4].map((seed) =>
      relVar(jacobianSpectrum({ ...p, depth: 10, weights: "orthogonal", seed })),
    );
    expect(
      Math.abs(measured.reduce((a, b) => a + b) / 4 / (theory.variance / theory.mean ** 2) - 1),
    ).toBeLessThan(0.3);
  });
});
