/**
 * Marks that move every frame, drawn without Plot: a figure's axes and slow marks come from one Plot run,
 * and the moving marks are plain SVG paths placed in that figure's own x and y scales. Updating them costs a
 * few attribute writes instead of a whole Plot figure. The same function draws them into the build-time SVG.
 */
import type { FigureSize } from "./figure-size";

/** A scale as Plot exposes it on a drawn figure (`figure.scale("x")`). */
interface ScaleLike {
  apply(value: number): number;
}

export interface LiveScales {
  x(value: number): number;
  y(value: number): number;
  /** The vertical offset of a facet (Plot's fy), 0 without facets. */
  fy(key: unknown): number;
}

/** One path in data coordinates: a polyline through `points`, with SVG presentation attributes. */
export interface LivePath {
  points: readonly (readonly [number, number])[];
  stroke?: string;
  strokeWidth?: number;
  strokeDasharray?: string;
  fill?: string;
  fillOpacity?: number;
  /** Close the outline (an area or a bar). */
  closed?: boolean;
  /** The facet (Plot's fy value) the path is drawn in. */
  fy?: unknown;
  /** A dot of this radius at the last point (the run's current value). */
  endDot?: number;
}

/** One label in data coordinates, centred on its point (a value printed in a heatmap cell). */
export interface LiveText {
  text: string;
  x: number;
  y: number;
  fill?: string;
  /** A halo behind the glyphs (painted first), for legibility over marks. */
  stroke?: string;
  strokeWidth?: number;
  fy?: unknown;
}

/** The moving marks of one figure: paths and labels, given the figure's scales. */
export type LiveMarks = readonly (LivePath | LiveText)[];

/** Live marks, or a function of the drawing size (called with the size the Plot part is drawn at). */
export type LiveSpec = LiveMarks | ((size: FigureSize) => LiveMarks);

/** The marks of `live` for a figure drawn at `size`. */
export const liveAt = (live: LiveSpec | null | undefined, size: FigureSize): LiveMarks | null =>
  typeof live === "function" ? live(size) : (live ?? null);

const SVG = "http://www.w3.org/2000/svg";
const CLASS = "live-marks";
const round1 = (v: number) => String(Math.round(v * 10) / 10);
const SLOT = "data-live-slot";

/**
 * A Plot mark (a render function) that places the live layer where it stands among the figure's marks —
 * e.g. a heatmap under the data's dots — instead of on top of them. The slot stays when the marks are empty.
 */
export function liveSlot(
  _index: number[],
  _scales: unknown,
  _values: unknown,
  _dims: unknown,
  context: { document: Document },
): SVGElement {
  const g = context.document.createElementNS(SVG, "g");
  g.setAttribute("class", CLASS);
  g.setAttribute("aria-hidden", "true");
  g.setAttribute(SLOT, "");
  return g as SVGElement;
}

/** Path data through the points, skipping non-finite values (a gap, never NaN in the markup). */
export function pathData(points: LivePath["points"], { x, y }: LiveScales, dy = 0, closed = false): string {
  let d = "";
  let pen = false;
  for (const [px, py] of points) {
    const sx = x(px);
    const sy = y(py) + dy;
    if (!Number.isFinite(sx) || !Number.isFinite(sy)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${Math.round(sx * 10) / 10},${Math.round(sy * 10) / 10}`;
    pen = true;
  }
  return closed && d !== "" ? `${d}Z` : d;
}

/** The figure's x and y scales, or null if it has none (a figure without both axes cannot hold live marks). */
type Scaled = Element & {
  scale?: (name: "x" | "y" | "fy") => (ScaleLike & { range?: number[] }) | undefined;
};

function scalesOf(figure: Scaled): LiveScales | null {
  const x = figure.scale?.("x");
  const y = figure.scale?.("y");
  if (!x || !y) return null;
  // Plot translates each facet by fy(key) less the top of fy's range
  const fy = figure.scale?.("fy");
  const top = fy?.range?.[0] ?? 0;
  return {
    x: (v) => x.apply(v),
    y: (v) => y.apply(v),
    fy: (k) => (fy ? fy.apply(k as number) - top : 0),
  };
}

/** Replaces the figure's live layer with `marks` (null or empty removes it). */
export function liveLayer(figure: Element, marks: LiveMarks | null): void {
  const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
  if (!svg) return;
  const doc = svg.ownerDocument;
  let layer = svg.querySelector(`g.${CLASS}`);
  if (!marks || marks.length === 0) {
    if (layer?.hasAttribute(SLOT)) layer.replaceChildren();
    else layer?.remove();
    return;
  }
  const scales = scalesOf(figure as Scaled);
  if (!scales) return;
  if (!layer) {
    layer = doc.createElementNS(SVG, "g");
    layer.setAttribute("class", CLASS);
    layer.setAttribute("aria-hidden", "true");
    svg.appendChild(layer);
  }
  const children: Element[] = [];
  for (const mark of marks) {
    const dy = mark.fy === undefined ? 0 : scales.fy(mark.fy);
    if ("text" in mark) {
      const [x, y] = [scales.x(mark.x), scales.y(mark.y) + dy];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const text = doc.createElementNS(SVG, "text");
      text.setAttribute("x", round1(x));
      text.setAttribute("y", round1(y));
      text.setAttribute("dy", "0.32em");
      text.setAttribute("text-anchor", "middle");
      text.setAttribute("fill", mark.fill ?? "currentColor");
      if (mark.stroke) {
        text.setAttribute("stroke", mark.stroke);
        text.setAttribute("stroke-width", String(mark.strokeWidth ?? 3));
        text.setAttribute("paint-order", "stroke");
        text.setAttribute("stroke-linejoin", "round");
      }
      text.textContent = mark.text;
      children.push(text);
      continue;
    }
    const path = doc.createElementNS(SVG, "path");
    path.setAttribute("d", pathData(mark.points, scales, dy, mark.closed));
    path.setAttribute("fill", mark.fill ?? "none");
    if (mark.fillOpacity !== undefined) path.setAttribute("fill-opacity", String(mark.fillOpacity));
    if (mark.stroke) path.setAttribute("stroke", mark.stroke);
    if (mark.strokeWidth) path.setAttribute("stroke-width", String(mark.strokeWidth));
    if (mark.strokeDasharray) path.setAttribute("stroke-dasharray", mark.strokeDasharray);
    path.setAttribute("stroke-linejoin", "round");
    path.setAttribute("stroke-linecap", "round");
    children.push(path);
    const last = [...mark.points]
      .reverse()
      .find(([a, b]) => Number.isFinite(scales.x(a)) && Number.isFinite(scales.y(b)));
    if (mark.endDot && last) {
      const dot = doc.createElementNS(SVG, "circle");
      dot.setAttribute("cx", round1(scales.x(last[0])));
      dot.setAttribute("cy", round1(scales.y(last[1]) + dy));
      dot.setAttribute("r", String(mark.endDot));
      dot.setAttribute("fill", mark.stroke ?? "currentColor");
      children.push(dot);
    }
  }
  layer.replaceChildren(...children);
}
