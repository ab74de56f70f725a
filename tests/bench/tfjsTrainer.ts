/** The same nets, data and plain SGD in TensorFlow.js (tfjs-core, CPU backend, float32: tfjs has no float64). */
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { registerTfjsGradients } from "./tfjsGradients";
import {
  benchData,
  benchNetwork,
  flopsPerExample,
  medianRate,
  timeRate,
  type BenchResult,
  type BenchSetup,
  type NetSpec,
} from "./setup";

function activate(name: NetSpec["hidden"], z: tf.Tensor2D): tf.Tensor2D {
  switch (name) {
    case "tanh":
      return tf.tanh(z);
    case "relu":
      return tf.relu(z);
    case "sigmoid":
      return tf.sigmoid(z);
    case "leaky_relu":
      return tf.leakyRelu(z, 0.01);
    case "linear":
      return z;
    case "gelu":
    case "silu":
      throw new Error(`the TensorFlow.js comparison covers the classic activations, not ${name}`);
  }
}

export async function benchTfjs(spec: NetSpec, setup: BenchSetup): Promise<BenchResult> {
  await registerTfjsGradients();
  tf.enableProdMode(); // production mode: no per-op NaN checks or debug warnings, tfjs at its fastest
  await tf.setBackend("cpu");
  await tf.ready();
  const { X, Y } = benchData(setup);
  const { batch } = setup;
  const nIn = spec.sizes[0];
  const xs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let s = 0; s + batch <= setup.points; s += batch) {
    xs.push(tf.tensor2d(Float32Array.from(X.subarray(s * nIn, (s + batch) * nIn)), [batch, nIn]));
    ys.push(tf.tensor2d(Float32Array.from(Y.subarray(s, s + batch)), [batch, 1]));
  }
  const L = spec.sizes.length - 1;
  // Start from the engine's initial weights (ours are out × in; tfjs multiplies a · W with W as in × out).
  const start = benchNetwork(spec, setup);
  const Ws = start.layers.map(({ W }, l) =>
    tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(W), [spec.sizes[l + 1], spec.sizes[l]]))),
  );
  const bs = start.layers.map(({ b }) => tf.variable(tf.tensor1d(Float32Array.from(b))));
  const optimizer = tf.train.sgd(setup.lr);
  const lossOf = (x: tf.Tensor2D, y: tf.Tensor2D) => (): tf.Scalar => {
    let a = x;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a, Ws[l] as tf.Tensor2D), bs[l]) as tf.Tensor2D;
      a = activate(l === L - 1 ? spec.output : spec.hidden, z);
    }
    return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(a, y)), 1)));
  };
  const allX = tf.tensor2d(Float32Array.from(X), [setup.points, nIn]);
  const allY = tf.tensor2d(Float32Array.from(Y), [setup.points, 1]);
  const steps = xs.map((x, k) => lossOf(x, ys[k]));
  const epoch = (): number => {
    for (const f of steps) tf.tidy(() => void optimizer.minimize(f));
    return steps.length * batch;
  };
  epoch();
  const lossAfterFirstEpoch = tf.tidy(() => lossOf(allX, allY)()).dataSync()[0];
  const examplesPerSecond = medianRate(() => timeRate(epoch, setup.minSeconds), setup.repeats);
  tf.dispose([...xs, ...ys, ...Ws, ...bs, allX, allY]);
  optimizer.dispose();
  return { examplesPerSecond, flopsPerExample: flopsPerExample(spec.sizes), lossAfterFirstEpoch };
}
