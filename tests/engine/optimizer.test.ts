import { describe, expect, it } from "vitest";
import { generate2d, toSignedLabels } from "../../engine/datasets";
import { createNetwork, createWorkspace, forward, type Gradients } from "../../engine/network";
import { lossInto } from "../../engine/loss";
import {
  applySgdInPlace,
  createVelocity,
  gatherBatchInPlace,
  trainStepInPlace,
} from "../../engine/optimizer";
import { createRng } from "../../engine/rng";

const tiny = () =>
  createNetwork({
    sizes: [1, 1],
    hidden: "linear",
    init: "constant",
    initParams: { value: 1 },
    rng: createRng(0),
  });
const grads = (dW: number, db: number): Gradients => ({
  dW: [Float64Array.of(dW)],
  db: [Float64Array.of(db)],
  dz: [new Float64Array(1)],
});

describe("SGD", () => {
  it("plain SGD moves every parameter by −η·gradient", () => {
    const net = tiny();
    applySgdInPlace(net, grads(2, -4), { lr: 0.25 });
    expect(net.layers[0].W[0]).toBe(0.5);
    expect(net.layers[0].b[0]).toBe(1);
  });

  it("momentum accumulates v ← μv − ηg and moves θ by v", () => {
    const net = tiny();
    const velocity = createVelocity(net);
    applySgdInPlace(net, grads(1, 0), { lr: 0.5, momentum: 0.5, velocity });
    applySgdInPlace(net, grads(1, 0), { lr: 0.5, momentum: 0.5, velocity });
    // v1 = −0.5, θ1 = 0.5; v2 = −0.25 − 0.5 = −0.75, θ2 = −0.25
    expect(velocity.W[0][0]).toBe(-0.75);
    expect(net.layers[0].W[0]).toBe(-0.25);
  });

  it("momentum without a velocity buffer is an error, not a silent plain step", () => {
    expect(() => applySgdInPlace(tiny(), grads(1, 1), { lr: 0.1, momentum: 0.9 })).toThrow(/velocity/);
  });

  it("training steps lower the loss of a small tanh net on the circle data", () => {
    const ds = generate2d("circle", { n: 200, seed: 4 });
    const Y = toSignedLabels(ds.y);
    const net = createNetwork({
      sizes: [2, 8, 1],
      hidden: "tanh",
      output: "tanh",
      init: "glorot-uniform",
      rng: createRng(4),
    });
    const before = lossInto("half-mse", forward(net, ds.X, 200).a[2], Y, 200).value;
    const ws = createWorkspace(net, 10);
    const order = Uint32Array.from({ length: 200 }, (_, i) => i);
    for (let epoch = 0; epoch < 60; epoch++)
      for (let s = 0; s < 200; s += 10) {
        gatherBatchInPlace(ws, ds.X, Y, 2, 1, order, s);
        trainStepInPlace(net, ws.xBatch, ws.yBatch, 10, { loss: "half-mse", lr: 0.03 }, ws);
      }
    const after = lossInto("half-mse", forward(net, ds.X, 200).a[2], Y, 200).value;
    expect(after).toBeLessThan(0.5 * before);
  });
});
