import { describe, expect, it } from "vitest";
import {
  DIVERGED_RATIO,
  LEARNED_RATIO,
  STALLED_RATIO,
  verdictOf,
  type VerdictInput,
} from "../../engine/verdict";

const judge = (losses: number[], o: Partial<VerdictInput> = {}) =>
  verdictOf({ losses, constantLoss: 0.5, step: 1000, warmup: 100, ...o });

describe("one verdict rule for every demo", () => {
  it("is untrained before the warm-up, whatever the loss", () => {
    expect(judge([0.5, 0.01, 0.01, 0.01], { step: 99 })).toBe("untrained");
  });
  it("calls a loss that stays near a constant output's stalled", () => {
    expect(judge([0.5, 0.49, 0.48, 0.47])).toBe("stalled");
    expect(judge([0.5, 0.5, (STALLED_RATIO + 0.01) * 0.5])).toBe("stalled");
  });
  it("judges from the lower of the start and the constant output (a saturated start may be far above both)", () => {
    expect(judge([2, 0.45, 0.45, 0.45])).toBe("stalled");
  });
  it("calls a loss clearly below a constant output's learning, and a fitted one learned", () => {
    expect(judge([0.5, 0.3, 0.3, 0.3])).toBe("learning");
    expect(judge([0.5, 0.04, 0.04, LEARNED_RATIO * 0.5])).toBe("learned");
  });
  it("averages the last three points, so one noisy point cannot flip it", () => {
    expect(judge([0.5, 0.2, 0.2, 0.45])).toBe("learning");
    expect(judge([0.5, 0.45, 0.45, 0.45])).toBe("stalled");
  });
  it("calls a non-finite loss, a blow-up or a non-finite weight diverged, even before the warm-up", () => {
    expect(judge([0.5, NaN], { step: 5 })).toBe("diverged");
    expect(judge([0.5, 6, 6, DIVERGED_RATIO * 0.5 + 1])).toBe("diverged");
    expect(judge([0.5, 0.1, 0.1], { diverged: true })).toBe("diverged");
  });
});
