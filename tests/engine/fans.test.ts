import { describe, expect, it } from "vitest";
import { fansOf } from "../../engine/fans";

describe("fansOf", () => {
  it("reads a Keras Dense kernel (in, out) and a PyTorch Linear weight (out, in)", () => {
    expect(fansOf([784, 256], "keras")).toEqual({ fanIn: 784, fanOut: 256 });
    expect(fansOf([256, 784], "pytorch")).toEqual({ fanIn: 784, fanOut: 256 });
  });

  it("multiplies channels by the receptive field for a 2-D conv: Keras (kh, kw, in, out), PyTorch (out, in, kh, kw)", () => {
    const expected = { fanIn: 3 * 3 * 64, fanOut: 3 * 3 * 128 };
    expect(fansOf([3, 3, 64, 128], "keras")).toEqual(expected);
    expect(fansOf([128, 64, 3, 3], "pytorch")).toEqual(expected);
    expect(fansOf([5, 3, 3, 16], "keras")).toEqual({ fanIn: 5 * 3 * 3, fanOut: 5 * 3 * 16 });
  });

  it("handles 1-D and 3-D kernels in both layouts", () => {
    expect(fansOf([7, 32, 64], "keras")).toEqual({ fanIn: 7 * 32, fanOut: 7 * 64 });
    expect(fansOf([64, 32, 7], "pytorch")).toEqual({ fanIn: 7 * 32, fanOut: 7 * 64 });
    expect(fansOf([3, 3, 3, 8, 16], "keras")).toEqual({ fanIn: 27 * 8, fanOut: 27 * 16 });
    expect(fansOf([16, 8, 3, 3, 3], "pytorch")).toEqual({ fanIn: 27 * 8, fanOut: 27 * 16 });
  });

  it("gives the same fans for the same kernel in either layout", () => {
    const spatial = [2, 5];
    const [cin, cout] = [6, 10];
    expect(fansOf([...spatial, cin, cout], "keras")).toEqual(fansOf([cout, cin, ...spatial], "pytorch"));
  });

  it("follows Keras for vectors and scalars, and rejects them like PyTorch", () => {
    expect(fansOf([10], "keras")).toEqual({ fanIn: 10, fanOut: 10 });
    expect(fansOf([], "keras")).toEqual({ fanIn: 1, fanOut: 1 });
    expect(() => fansOf([10], "pytorch")).toThrow(RangeError);
    expect(() => fansOf([2.5, 3], "keras")).toThrow(RangeError);
  });
});
