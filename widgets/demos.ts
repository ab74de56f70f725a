/**
 * Every demo's declaration, in one list: the generic property test (tests/widgets/demo-declarations.test.ts)
 * runs over it, so a demo added here is fuzzed, round-tripped and checked for controls without a test of
 * its own.
 */
import type { Demo } from "./ui/demo";
import { playgroundDemo } from "./playground/state";
import { saturationDemo } from "./saturation/state";

export const demos: readonly Demo<object>[] = [saturationDemo, playgroundDemo] as unknown as Demo<object>[];
