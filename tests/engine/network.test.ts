import type { Tensor } from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { activationNames, type ActivationName } from "../../engine/activations";
import { lossInto, type LossName } from "../../engine/loss";
import {
  backward,
  cloneNetwork,
  createNetwork,
  createWorkspace,
  forward,
  parameterCount,
  predict,
  type Network,
} from "../../engine/network";
import { createRng } from "../../engine/rng";

/** The tfjs oracle bundles its gradients with esbuild on first use: generous under a loaded CI machine. */
const HEAVY = { timeout: 60_000 };

const BATCH = 5;
const SIZES = [3, 5, 4, 2];

function setup(hidden: ActivationName, loss: LossName, seed: number) {
  const rng = createRng(seed);
  // The cross-entropies take logits, so their output layer is linear; ½·MSE goes through the activation under test.
  const output: ActivationName = loss === "half-mse" ? hidden : "linear";
  const net = createNetwork({
    sizes: SIZES,
    hidden,
    output,
    init: "glorot-normal-torch",
    bias: { kind: "constant", value: 0.1 },
    leakySlope: 0.1,
    rng,
  });
  const X = new Float64Array(BATCH * SIZES[0]).map(() => rng.normal());
  const nOut = SIZES[SIZES.length - 1];
  const Y = new Float64Array(BATCH * nOut).map((_, i) =>
    loss === "bce-logits"
      ? rng.next() < 0.5
        ? 0
        : 1
      : loss === "softmax-ce"
        ? Number(i % nOut === (Math.floor(i / nOut) * 7) % nOut) // one-hot rows
        : rng.normal(),
  );
  return { net, X, Y };
}

function lossOf(net: Network, X: Float64Array, Y: Float64Array, loss: LossName): number {
  const trace = forward(net, X, BATCH);
  return lossInto(loss, trace.a[trace.a.length - 1], Y, BATCH).value;
}

/** Smallest |z| over every layer: the finite difference must not straddle a ReLU kink. */
function minAbsZ(net: Network, X: Float64Array): number {
  let m = Infinity;
  for (const z of forward(net, X, BATCH).z) for (const v of z) m = Math.min(m, Math.abs(v));
  return m;
}

describe("forward and backward", HEAVY, () => {
  const cases = activationNames.flatMap((act) =>
    (["half-mse", "bce-logits", "softmax-ce"] as const).map((loss) => [act, loss] as const),
  );

  it.each(cases)(
    "%s × %s: backprop matches central finite differences to 1e-6 relative on every dW and db",
    (act, loss) => {
      const { net, X, Y } = setup(act, loss, 11);
      const h = 1e-5;
      if (act === "relu" || act === "leaky_relu") expect(minAbsZ(net, X)).toBeGreaterThan(100 * h);
      const trace = forward(net, X, BATCH);
      const { grad } = lossInto(loss, trace.a[trace.a.length - 1], Y, BATCH);
      const grads = backward(net, trace, grad);
      let worst = 0;
      net.layers.forEach((layer, l) => {
        for (const [params, analytic] of [
          [layer.W, grads.dW[l]],
          [layer.b, grads.db[l]],
        ] as const) {
          for (let i = 0; i < params.length; i++) {
            const saved = params[i];
            params[i] = saved + h;
            const up = lossOf(net, X, Y, loss);
            params[i] = saved - h;
            const down = lossOf(net, X, Y, loss);
            params[i] = saved;
            const numeric = (up - down) / (2 * h);
            // Relative error, floored at 1e-4 so entries that are ~0 are judged on the difference's roundoff.
            const rel =
              Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]), Math.abs(numeric), 1e-4);
            worst = Math.max(worst, rel);
          }
        }
      });
      expect(worst).toBeLessThan(1e-6);
    },
  );

  it("dz of the top layer is ∂L/∂ŷ ⊙ f′(z) and db is its batch sum", () => {
    const { net, X, Y } = setup("tanh", "half-mse", 3);
    const trace = forward(net, X, BATCH);
    const top = trace.a[trace.a.length - 1];
    const { grad } = lossInto("half-mse", top, Y, BATCH);
    const g = backward(net, trace, grad);
    const L = net.layers.length;
    for (let i = 0; i < top.length; i++) expect(g.dz[L - 1][i]).toBeCloseTo(grad[i] * (1 - top[i] ** 2), 15);
    const nOut = SIZES[L];
    for (let o = 0; o < nOut; o++) {
      let s = 0;
      for (let r = 0; r < BATCH; r++) s += g.dz[L - 1][r * nOut + o];
      expect(g.db[L - 1][o]).toBeCloseTo(s, 15);
    }
  });

  it("forward computes z = a·Wᵀ + b exactly as a naive triple loop, for odd and even widths", () => {
    const rng = createRng(5);
    for (const sizes of [
      [1, 1],
      [3, 5, 7, 1],
      [4, 8, 2],
      [5, 3, 6],
    ]) {
      const net = createNetwork({
        sizes,
        hidden: "linear",
        init: "he-normal-torch",
        bias: { kind: "constant", value: 0.3 },
        rng,
      });
      const X = new Float64Array(7 * sizes[0]).map(() => rng.normal());
      const trace = forward(net, X, 7);
      let a = X;
      net.layers.forEach(({ W, b }, l) => {
        const [nIn, nOut] = [sizes[l], sizes[l + 1]];
        const z = new Float64Array(7 * nOut);
        for (let r = 0; r < 7; r++)
          for (let o = 0; o < nOut; o++) {
            let s = b[o];
            for (let i = 0; i < nIn; i++) s += W[o * nIn + i] * a[r * nIn + i];
            z[r * nOut + o] = s;
          }
        for (let k = 0; k < z.length; k++) expect(trace.z[l][k]).toBeCloseTo(z[k], 12);
        a = z;
      });
    }
  });

  it("a reused workspace gives the same bits as fresh allocations", () => {
    const { net, X, Y } = setup("relu", "half-mse", 9);
    const ws = createWorkspace(net, BATCH);
    for (let rep = 0; rep < 2; rep++) {
      const t1 = forward(net, X, BATCH, ws);
      const g1 = backward(net, t1, lossInto("half-mse", t1.a[t1.a.length - 1], Y, BATCH).grad, ws);
      const t2 = forward(net, X, BATCH);
      const g2 = backward(net, t2, lossInto("half-mse", t2.a[t2.a.length - 1], Y, BATCH).grad);
      g1.dW.forEach((dW, l) => expect([...dW]).toEqual([...g2.dW[l]]));
    }
  });

  it("createNetwork shapes every layer out × in, seeds reproducibly, and biases start as asked", () => {
    const make = () =>
      createNetwork({
        sizes: [2, 4, 3, 1],
        hidden: "tanh",
        init: "glorot-uniform",
        bias: { kind: "constant", value: 0.5 },
        rng: createRng(1),
      });
    const net = make();
    expect(net.layers.map(({ W, b }) => [W.length, b.length])).toEqual([
      [8, 4],
      [12, 3],
      [3, 1],
    ]);
    expect(parameterCount(net)).toBe(8 + 4 + 12 + 3 + 3 + 1);
    expect([...net.layers[1].b]).toEqual([0.5, 0.5, 0.5]);
    expect([...make().layers[0].W]).toEqual([...net.layers[0].W]);
    const copy = cloneNetwork(net);
    copy.layers[0].W[0] += 1;
    expect(copy.layers[0].W[0]).not.toBe(net.layers[0].W[0]);
  });

  it("per-layer initializers and parameters are honoured", () => {
    const net = createNetwork({
      sizes: [2, 3, 1],
      hidden: "relu",
      init: ["constant", "zeros"],
      initParams: [{ value: 0.25 }, {}],
      rng: createRng(2),
    });
    expect([...net.layers[0].W]).toEqual(new Array(6).fill(0.25));
    expect([...net.layers[1].W]).toEqual([0, 0, 0]);
  });

  it("createNetwork rejects bad widths and per-layer lists of the wrong length", () => {
    const rng = createRng(0);
    expect(() => createNetwork({ sizes: [2], hidden: "relu", init: "zeros", rng })).toThrow(RangeError);
    expect(() => createNetwork({ sizes: [2, 0, 1], hidden: "relu", init: "zeros", rng })).toThrow(RangeError);
    expect(() => createNetwork({ sizes: [2, 3, 1], hidden: "relu", init: ["zeros"], rng })).toThrow(
      /2 per-layer/,
    );
  });

  it("predict evaluates in chunks exactly as one forward pass", () => {
    const { net } = setup("sigmoid", "half-mse", 4);
    const X = new Float64Array(23 * SIZES[0]).map((_, i) => Math.sin(i));
    const whole = forward(net, X, 23).a[net.layers.length];
    expect([...predict(net, X, 23, 5)]).toEqual([...whole]);
  });
});

describe("backward against an independent oracle: TensorFlow.js autodiff", HEAVY, () => {
  it.each(["tanh", "relu", "sigmoid"] as const)(
    "%s net, ½·MSE: every dW and db agrees with tf.grads to float32 precision (1e-4 relative)",
    async (hidden) => {
      const tf = await loadTfjs();
      const sizes = [3, 6, 5, 2];
      const batch = 4;
      const rng = createRng(21);
      const net = createNetwork({
        sizes,
        hidden,
        output: "tanh",
        init: "glorot-normal-torch",
        bias: { kind: "constant", value: 0.05 },
        rng,
      });
      const X = new Float64Array(batch * sizes[0]).map(() => rng.normal());
      const Y = new Float64Array(batch * 2).map(() => rng.normal());
      const trace = forward(net, X, batch);
      const ours = backward(net, trace, lossInto("half-mse", trace.a[3], Y, batch).grad);

      // tfjs keeps W as in × out; ours is out × in, so transpose on the way in and out.
      const params = net.layers.flatMap(({ W, b }, l) => [
        tf.transpose(tf.tensor2d(Float32Array.from(W), [sizes[l + 1], sizes[l]])),
        tf.tensor1d(Float32Array.from(b)),
      ]);
      const act = (z: Tensor, f: string) =>
        f === "tanh" ? tf.tanh(z) : f === "relu" ? tf.relu(z) : tf.sigmoid(z);
      const x = tf.tensor2d(Float32Array.from(X), [batch, sizes[0]]);
      const y = tf.tensor2d(Float32Array.from(Y), [batch, 2]);
      const lossFn = (...p: Tensor[]) => {
        let a = x as Tensor;
        for (let l = 0; l < 3; l++)
          a = act(tf.add(tf.matMul(a, p[2 * l]), p[2 * l + 1]), l === 2 ? "tanh" : hidden);
        return tf.div(tf.mul(0.5, tf.sum(tf.square(tf.sub(a, y)))), batch);
      };
      const theirs = tf.grads(lossFn)(params);
      for (let l = 0; l < 3; l++) {
        const dW = tf.transpose(theirs[2 * l]).dataSync();
        const db = theirs[2 * l + 1].dataSync();
        const scale = Math.max(...ours.dW[l].map(Math.abs), ...ours.db[l].map(Math.abs));
        ours.dW[l].forEach((v, i) => expect(Math.abs(v - dW[i])).toBeLessThan(1e-4 * scale));
        ours.db[l].forEach((v, i) => expect(Math.abs(v - db[i])).toBeLessThan(1e-4 * scale));
      }
    },
  );
});

async function loadTfjs() {
  const tf = await import("@tensorflow/tfjs-core");
  await import("@tensorflow/tfjs-backend-cpu");
  const { registerTfjsGradients } = await import("../bench/tfjsGradients");
  await registerTfjsGradients();
  tf.enableProdMode();
  await tf.setBackend("cpu");
  return tf;
}

describe("bias initialization", () => {
  it("PyTorch's default draws each layer's biases from U(±1/√fan_in); Keras' starts them at zero", () => {
    const sizes = [400, 300, 2];
    const torch = createNetwork({
      sizes,
      hidden: "relu",
      init: "he-normal-torch",
      bias: { kind: "torch-default" },
      rng: createRng(3),
    });
    const keras = createNetwork({ sizes, hidden: "relu", init: "he-normal-torch", rng: createRng(3) });
    for (let l = 0; l < 2; l++) {
      const b = torch.layers[l]!.b;
      const bound = 1 / Math.sqrt(sizes[l]!);
      expect(Math.max(...b.map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(keras.layers[l]!.b.every((x) => x === 0)).toBe(true);
      // layer 1's weights are drawn before any bias, so both nets share them
      if (l === 0) expect(torch.layers[0]!.W).toEqual(keras.layers[0]!.W);
    }
    const b = torch.layers[0]!.b;
    const variance = b.reduce((s, x) => s + x * x, 0) / b.length;
    expect(Math.abs(variance / (1 / (3 * 400)) - 1)).toBeLessThan(0.2);
  });
});
