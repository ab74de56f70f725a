/** The one barrel MDX imports widgets from. */
export { default as FormulaExplorer } from "./formula-explorer/FormulaExplorer.astro";
export { default as VarianceDepth } from "./variance-depth/VarianceDepth.astro";
export { default as SymmetryDemo } from "./symmetry/SymmetryDemo.astro";
export { default as TrainingRaceDemo } from "./training-race/TrainingRaceDemo.astro";
export { default as SaturationDemo } from "./saturation/SaturationDemo.astro";
export { default as SchemeMap } from "./scheme-map/SchemeMap.astro";
export { default as Playground } from "./playground/Playground.astro";
