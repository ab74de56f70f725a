/**
 * One property test for every demo declaration (widgets/demos.ts): whatever a hand-edited or truncated link
 * carries, decoding never throws and yields a state the demo's author-prop check accepts; the defaults
 * round-trip exactly; decoding is idempotent; ids and namespaces are unique.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demos } from "../../widgets/demos";
import type { Field } from "../../widgets/ui/url-state";

/** Raw values a hand-edited or truncated link might carry. */
const rawValue = fc.oneof(
  fc.string(),
  fc.double().map(String),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.constantFrom(
    "",
    "NaN",
    "-Infinity",
    "1e999",
    "0x1f",
    "true",
    "relu",
    "tanh",
    "he-normal-torch_glorot-uniform",
  ),
);

describe("the demo list", () => {
  it("gives every demo its own id and URL namespace", () => {
    expect(new Set(demos.map((d) => d.id)).size).toBe(demos.length);
    expect(new Set(demos.map((d) => d.namespace)).size).toBe(demos.length);
  });
});

describe.each(demos.map((demo) => ({ name: demo.id, demo })))("$name", ({ demo }) => {
  const fields = Object.entries(demo.fields) as [string, Field<unknown>][];
  const keys = fields.map(([k]) => `${demo.namespace}.${k}`);
  const query = fc.dictionary(fc.constantFrom(...keys, "other.x"), rawValue);

  it("never throws and always yields a state its props check accepts, for 5,000 random query strings", () => {
    fc.assert(
      fc.property(query, (entries) => {
        const { state } = demo.decode(new URLSearchParams(entries));
        expect(() => demo.fromProps(state)).not.toThrow();
      }),
      { numRuns: 5_000 },
    );
  });

  it("decodes its own encoding to the same state with no note (decoding is idempotent)", () => {
    fc.assert(
      fc.property(query, (entries) => {
        const once = demo.decode(new URLSearchParams(entries)).state;
        const again = demo.decode(demo.encode(once));
        expect(again.notes).toEqual([]);
        expect(demo.same(again.state, once)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("round-trips its default state exactly, with no note", () => {
    expect(demo.decode(demo.encode(demo.defaults))).toEqual({ state: demo.defaults, notes: [] });
    expect(() => demo.fromProps({})).not.toThrow();
  });

  it("notes every out-of-range or malformed value instead of taking it", () => {
    for (const [key, field] of fields) {
      const { state, notes } = demo.decode(new URLSearchParams({ [`${demo.namespace}.${key}`]: "1e999x" }));
      expect(notes.length, key).toBeGreaterThan(0);
      expect(field.parse(field.format((state as Record<string, unknown>)[key])).note, key).toBeUndefined();
    }
  });

  it("links to its anchor with only its own parameters", () => {
    const url = new URL(demo.link("https://example.org/page/?x=1", demo.defaults));
    expect(url.hash).toBe(`#${demo.id}`);
    for (const key of url.searchParams.keys()) expect(key.startsWith(`${demo.namespace}.`)).toBe(true);
  });

  it("rejects author props the URL would not take as given", () => {
    for (const [key, field] of fields) {
      if (field.control?.kind === "slider" || field.control?.kind === "seed")
        expect(() => demo.fromProps({ [key]: -1e9 }), key).toThrow(demo.id);
      if (field.control?.kind === "select") expect(() => demo.fromProps({ [key]: "nope" }), key).toThrow();
    }
  });
});
