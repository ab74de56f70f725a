import fc from "fast-check";
import { defineDemo } from "../../widgets/ui/demo";
import { describe, expect, it } from "vitest";
import {
  boolField,
  choiceField,
  clearState,
  decodeState,
  encodeState,
  intField,
  numberField,
  type Schema,
} from "../../widgets/ui/url-state";

interface Toy {
  depth: number;
  lr: number;
  act: "tanh" | "relu";
  noise: boolean;
}
const toySchema: Schema<Toy> = {
  depth: intField("depth", 1, 50),
  lr: numberField("learning rate", 0.0001, 10),
  act: choiceField("activation", ["tanh", "relu"] as const, "tanh"),
  noise: boolField("noise"),
};
const toyDefaults: Toy = { depth: 10, lr: 0.03, act: "tanh", noise: false };

describe("URL state codecs", () => {
  it("round-trips a valid state exactly, namespaced", () => {
    const state: Toy = { depth: 30, lr: 0.5, act: "relu", noise: true };
    const params = encodeState("ab", toySchema, state, new URLSearchParams("other.x=1"));
    expect(params.get("ab.depth")).toBe("30");
    expect(params.get("other.x")).toBe("1");
    expect(decodeState("ab", toySchema, toyDefaults, params)).toEqual({ state, notes: [] });
  });

  it("keeps defaults for absent fields, silently", () => {
    expect(decodeState("ab", toySchema, toyDefaults, new URLSearchParams("ab.depth=3"))).toEqual({
      state: { ...toyDefaults, depth: 3 },
      notes: [],
    });
  });

  it("clamps out-of-range and malformed values to the nearest valid one, with a note for each", () => {
    const params = new URLSearchParams("ab.depth=500&ab.lr=-1&ab.act=swish&ab.noise=maybe");
    const { state, notes } = decodeState("ab", toySchema, toyDefaults, params);
    expect(state).toEqual({ depth: 50, lr: 0.0001, act: "tanh", noise: false });
    expect(notes).toHaveLength(4);
    expect(notes[0]).toBe("depth “500” is outside 1–50 (whole numbers); using 50.");
  });

  it("builds a link with only this demo's parameters and its anchor", () => {
    const toy = defineDemo({
      id: "demo-race",
      namespace: "ab",
      title: "Toy",
      fields: toySchema,
      defaults: toyDefaults,
    });
    const link = toy.link("https://x.test/he/?zz.a=1#top", toyDefaults);
    expect(link).toBe("https://x.test/he/?ab.depth=10&ab.lr=0.03&ab.act=tanh&ab.noise=0#demo-race");
    expect([...clearState("ab", new URL(link).searchParams).keys()]).toEqual([]);
  });

  it("never throws and always yields a valid state, for 10,000 random query strings", () => {
    const rawValue = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom("", "NaN", "Infinity", "-0", "1e400", "tanh", "relu", "true", "0x10"),
    );
    const query = fc.dictionary(
      fc.constantFrom("ab.depth", "ab.lr", "ab.act", "ab.noise", "ab.junk", "x"),
      rawValue,
    );
    fc.assert(
      fc.property(query, (entries) => {
        const { state } = decodeState("ab", toySchema, toyDefaults, new URLSearchParams(entries));
        expect(Number.isInteger(state.depth) && state.depth >= 1 && state.depth <= 50).toBe(true);
        expect(state.lr >= 0.0001 && state.lr <= 10).toBe(true);
        expect(["tanh", "relu"]).toContain(state.act);
        expect(typeof state.noise).toBe("boolean");
      }),
      { numRuns: 10_000 },
    );
  });
});
