import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogram } from "../../engine/histogram";

describe("histogram", () => {
  it("splits the domain into equal-width bins that tile it exactly", () => {
    const bins = histogram([0, 1, 2, 3], { bins: 4, domain: [-1, 3] });
    expect(bins.map((b) => [b.x0, b.x1])).toEqual([
      [-1, 0],
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it("counts [x0, x1) per bin and puts the domain's upper end in the last bin", () => {
    const bins = histogram([0, 0.5, 1, 1.5, 2], { bins: 2, domain: [0, 2] });
    expect(bins.map((b) => b.count)).toEqual([2, 3]);
  });

  it("skips NaN and ±Infinity, and counts but does not bin finite values outside the domain", () => {
    const bins = histogram([NaN, Infinity, -Infinity, 0.25, 0.75, 5], { bins: 2, domain: [0, 1] });
    expect(bins.map((b) => b.count)).toEqual([1, 1]);
    // density = count / (N · width) with N = 3 finite values, width ½.
    expect(bins.map((b) => b.density)).toEqual([1 / 1.5, 1 / 1.5]);
  });

  it("defaults the domain to the data's range, widening a single repeated value to ±½", () => {
    const bins = histogram([2, 4, 3], { bins: 2 });
    expect([bins[0].x0, bins[1].x1]).toEqual([2, 4]);
    const point = histogram([7, 7, 7], { bins: 3 });
    expect([point[0].x0, point[2].x1]).toEqual([6.5, 7.5]);
    expect(point.map((b) => b.count)).toEqual([0, 3, 0]);
  });

  it("returns zero counts and densities for no finite values", () => {
    const bins = histogram([NaN], { bins: 3 });
    expect(bins.every((b) => b.count === 0 && b.density === 0)).toBe(true);
  });

  it("conserves counts and integrates its density to 1 over the data's own range (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 1000),
          { minLength: 1, maxLength: 200 },
        ),
        fc.integer({ min: 1, max: 60 }),
        (xs, n) => {
          const bins = histogram(xs, { bins: n });
          expect(bins.length).toBe(n);
          expect(bins.reduce((s, b) => s + b.count, 0)).toBe(xs.length);
          const area = bins.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0);
          expect(area).toBeCloseTo(1, 6); // edges far from 0 round at ~1e-11 per bin
        },
      ),
    );
  });

  it("bins every finite value even for subnormal or huge ranges (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 60 }),
        (xs, n) => {
          expect(histogram(xs, { bins: n }).reduce((s, b) => s + b.count, 0)).toBe(xs.length);
        },
      ),
    );
  });

  it("rejects a non-integer bin count and an empty domain", () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(RangeError);
    expect(() => histogram([1], { bins: 2.5 })).toThrow(RangeError);
    expect(() => histogram([1], { bins: 2, domain: [1, 1] })).toThrow(RangeError);
  });
});
