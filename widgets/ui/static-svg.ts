import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { finishPlotSvg } from "./plot-output";
import { staticSize, type FigureSize } from "./figure-size";
import { liveAt, liveLayer, type LiveSpec } from "./live-marks";

/**
 * Renders a spec to SVG markup at build time (server only: it needs linkedom), at the static width and the
 * figure's wide-screen aspect ratio, with the same accessibility fixes and live marks as the live figure. On
 * a phone the SVG scales into the reserved box until the live figure is drawn at the box's own size.
 */
export function renderStaticSvg(
  options: (size: FigureSize) => Plot.PlotOptions,
  aspect: { wide: number },
  live: LiveSpec | null = null,
  size: FigureSize = staticSize(aspect.wide),
): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const figure = Plot.plot({ ...options(size), document }) as unknown as Element;
  finishPlotSvg(figure);
  liveLayer(figure, liveAt(live, size));
  return figure.outerHTML;
}
