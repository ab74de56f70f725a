import { describe, expect, it } from "vitest";
import { run, stateFromProps, summarize } from "../../widgets/scheme-map/model";
import { ASPECT, schemeMapSpec } from "../../widgets/scheme-map/spec";
import { normalizedSvg } from "./normalize";

describe("scheme map figure (seed 1)", () => {
  it("tanh, He normal highlighted", () => {
    const state = stateFromProps({ activation: "tanh", highlight: "he-normal-torch" });
    const result = run(state);
    expect(
      normalizedSvg(schemeMapSpec(result, state.highlight, summarize(state, result)), ASPECT),
    ).toMatchSnapshot();
  });
});
