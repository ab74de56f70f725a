import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../../widgets/ui/figure-size";
import type { LiveMarks } from "../../widgets/ui/live-marks";
import { renderStaticSvg } from "../../widgets/ui/static-svg";

/**
 * A figure spec rendered to SVG exactly as the build does, with every number rounded to 3 significant
 * digits, so a snapshot catches real changes of the figure and not floating-point noise.
 */
export function normalizedSvg(
  spec: (size: FigureSize) => Plot.PlotOptions,
  aspect: { wide: number },
  live: LiveMarks | null = null,
): string {
  return renderStaticSvg(spec, aspect, live)
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(3))))
    .replace(/></g, ">\n<");
}
