/**
 * Every demo's declaration, in one list: the generic property test (tests/widgets/demo-declarations.test.ts)
 * runs over it, so a demo added here is fuzzed, round-tripped and checked for controls without a test of
 * its own.
 */
import type { Demo } from "./ui/demo";
import { formulaExplorerDemo } from "./formula-explorer/state";
import { playgroundDemo } from "./playground/state";
import { saturationDemo } from "./saturation/state";
import { schemeMapDemo } from "./scheme-map/state";
import { symmetryDemo } from "./symmetry/state";
import { raceDemo } from "./training-race/state";
import { varianceDepthDemo } from "./variance-depth/state";

export const demos: readonly Demo<object>[] = [
  saturationDemo,
  symmetryDemo,
  raceDemo,
  playgroundDemo,
  varianceDepthDemo,
  schemeMapDemo,
  formulaExplorerDemo,
] as unknown as Demo<object>[];
