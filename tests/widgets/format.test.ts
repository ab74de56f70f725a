import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits } from "../../widgets/ui/format";

describe("groupDigits", () => {
  it("matches toLocaleString('en-US') on integers", () => {
    for (const n of [0, 7, 999, 1000, 12_345, 5_000, 1_000_000, -1234, -999]) {
      expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
    }
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
      }),
      { numRuns: 10_000 },
    );
  });

  it("matches it on decimals with up to three places, and passes non-finite values through", () => {
    for (const n of [0.5, 1234.5, 12_000.25, -0.125, 0.12349, 2.0005])
      expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
    expect(groupDigits(NaN)).toBe("NaN");
    expect(groupDigits(Infinity)).toBe("Infinity");
  });
});
