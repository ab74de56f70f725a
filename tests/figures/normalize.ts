import { readFileSync } from "node:fs";
import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../../widgets/ui/figure-size";
import type { LiveSpec } from "../../widgets/ui/live-marks";
import { renderStaticSvg } from "../../widgets/ui/static-svg";

/**
 * A figure spec rendered to SVG exactly as the build does, with every number rounded to 3 significant
 * digits, so a snapshot catches real changes of the figure and not floating-point noise.
 */
export function normalizedSvg(
  spec: (size: FigureSize) => Plot.PlotOptions,
  aspect: { wide: number },
  live: LiveSpec | null = null,
  size?: FigureSize,
): string {
  return normalized(renderStaticSvg(spec, aspect, live, size));
}

/** SVG markup with every number rounded to 3 significant digits and one element per line. */
export const normalized = (svg: string): string =>
  svg
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(3))))
    .replace(/></g, ">\n<");

/**
 * The site's colour variables (the first `:root` block of global.css, light and dark), written into each
 * snapshot so its `var(--series-1)` strokes show when the file is opened on its own.
 */
const THEME = (() => {
  const css = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  const vars = root.match(/--[a-z0-9-]+:\s*light-dark\([^;]*\);/g) ?? [];
  // and the text rule Plot's own stylesheet carried (the site writes it once in global.css)
  return `svg{color-scheme:light dark;color:var(--fg);${vars.join("")}}text,tspan{white-space:pre}`;
})();

/** The figure as a standalone .svg file (namespace and colours), to keep beside its test and open anywhere. */
export const svgFile = (svg: string): string =>
  svg
    .replace(/^<svg (?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replace(/^(<svg [^>]*>)/, `$1<style>${THEME}</style>`);
