import type { Fans } from "./initializers";

/** Where a framework keeps the channel axes of a weight tensor. */
export type KernelLayout = "keras" | "pytorch";

/**
 * Fan-in and fan-out of a weight tensor, as the frameworks compute them.
 *
 * - Keras (`compute_fans`): kernel (…spatial, in, out); Dense is (in, out). With receptive field
 *   rf = ∏ spatial: fanIn = in·rf, fanOut = out·rf. A 1-D shape [n] gives fanIn = fanOut = n; [] gives 1, 1.
 * - PyTorch (`_calculate_fan_in_and_fan_out`): weight (out, in, …k); `nn.Linear` is (out, in).
 *   fanIn = in·∏k, fanOut = out·∏k. Fewer than 2 dimensions is an error, as in PyTorch.
 *
 * @example fansOf([3, 3, 64, 128], "keras") // { fanIn: 576, fanOut: 1152 }
 * @example fansOf([128, 64, 3, 3], "pytorch") // { fanIn: 576, fanOut: 1152 }
 */
export function fansOf(shape: readonly number[], layout: KernelLayout): Fans {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new RangeError(`shape entries must be non-negative integers: [${shape}]`);
  }
  if (layout === "pytorch") {
    if (shape.length < 2) {
      throw new RangeError(`PyTorch fans need a tensor with at least 2 dimensions, got [${shape}]`);
    }
    const rf = product(shape.slice(2));
    return { fanIn: shape[1] * rf, fanOut: shape[0] * rf };
  }
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  const rf = product(shape.slice(0, -2));
  return { fanIn: shape[shape.length - 2] * rf, fanOut: shape[shape.length - 1] * rf };
}

function product(xs: readonly number[]): number {
  return xs.reduce((p, x) => p * x, 1);
}
