import { describe, expect, it } from "vitest";
import { createRng } from "../../engine/rng";

describe("createRng", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });
});
