import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeState, encodeState, type Schema } from "../../widgets/ui/url-state";
import * as race from "../../widgets/training-race/model";

interface Demo<S extends object> {
  name: string;
  NAMESPACE: string;
  schema: Schema<S>;
  DEFAULT_STATE: S;
  stateFromProps(props: Partial<S>): S;
}

const demos = [{ name: "training race", ...race }] as Demo<object>[];

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

describe.each(demos)("$name URL state", (demo) => {
  const keys = Object.keys(demo.schema).map((k) => `${demo.NAMESPACE}.${k}`);

  it("never throws and always yields a state the demo accepts, for 10,000 random query strings", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, "other.x"), rawValue), (entries) => {
        const { state } = decodeState(
          demo.NAMESPACE,
          demo.schema,
          demo.DEFAULT_STATE,
          new URLSearchParams(entries),
        );
        expect(() => demo.stateFromProps(state)).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
  });

  it("round-trips its default state exactly, with no note", () => {
    const params = encodeState(demo.NAMESPACE, demo.schema, demo.DEFAULT_STATE, new URLSearchParams());
    expect(decodeState(demo.NAMESPACE, demo.schema, demo.DEFAULT_STATE, params)).toEqual({
      state: demo.DEFAULT_STATE,
      notes: [],
    });
  });
});
