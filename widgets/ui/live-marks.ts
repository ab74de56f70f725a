/**
 * Marks that move every frame, drawn without Plot: a figure's axes and slow marks come from one Plot run,
 * and the moving marks are plain SVG paths placed in that figure's own x and y scales. Updating them costs a
 * few attribute writes instead of a whole Plot figure. The same function draws them into the build-time SVG.
 */
import type { FigureSize } from "./figure-size";

/** A scale as Plot exposes it on a drawn figure (`figure.scale("x")`). */
interface ScaleLike {
  apply(value: number): number;
  /** Set on a band scale: a value is drawn at the middle of its band, as Plot's own marks are. */
  bandwidth?: number;
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

/** One label in data coordinates, centred on its point (a value printed in a heatmap cell) unless anchored. */
export interface LiveText {
  text: string;
  x: number;
  y: number;
  /** Horizontal anchor (default middle) and offsets in px (a label beside a curve's end, above a dot). */
  anchor?: "start" | "middle" | "end";
  dx?: number;
  dy?: number;
  fontWeight?: number;
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
  const [mx, my] = [(x.bandwidth ?? 0) / 2, (y.bandwidth ?? 0) / 2];
  return {
    x: (v) => x.apply(v) + mx,
    y: (v) => y.apply(v) + my,
    fy: (k) => (fy ? fy.apply(k as number) - top : 0),
  };
}

/** One SVG element to draw: its tag, attributes and text. */
interface Drawn {
  tag: "path" | "text" | "circle";
  attrs: [string, string][];
  text?: string;
}

/** The elements that draw `marks` in `scales`, in order. */
function drawnMarks(marks: LiveMarks, scales: LiveScales): Drawn[] {
  const out: Drawn[] = [];
  for (const mark of marks) {
    const dy = mark.fy === undefined ? 0 : scales.fy(mark.fy);
    if ("text" in mark) {
      const [x, y] = [scales.x(mark.x), scales.y(mark.y) + dy];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const attrs: [string, string][] = [
        ["x", round1(x + (mark.dx ?? 0))],
        ["y", round1(y + (mark.dy ?? 0))],
        ["dy", "0.32em"],
        ["text-anchor", mark.anchor ?? "middle"],
        ["fill", mark.fill ?? "currentColor"],
      ];
      if (mark.fontWeight !== undefined) attrs.push(["font-weight", String(mark.fontWeight)]);
      if (mark.stroke)
        attrs.push(
          ["stroke", mark.stroke],
          ["stroke-width", String(mark.strokeWidth ?? 3)],
          ["paint-order", "stroke"],
          ["stroke-linejoin", "round"],
        );
      out.push({ tag: "text", attrs, text: mark.text });
      continue;
    }
    const attrs: [string, string][] = [
      ["d", pathData(mark.points, scales, dy, mark.closed)],
      ["fill", mark.fill ?? "none"],
    ];
    if (mark.fillOpacity !== undefined) attrs.push(["fill-opacity", String(mark.fillOpacity)]);
    if (mark.stroke) attrs.push(["stroke", mark.stroke]);
    if (mark.strokeWidth) attrs.push(["stroke-width", String(mark.strokeWidth)]);
    if (mark.strokeDasharray) attrs.push(["stroke-dasharray", mark.strokeDasharray]);
    attrs.push(["stroke-linejoin", "round"], ["stroke-linecap", "round"]);
    // a single point draws no line: only its dot, if it has one
    if (mark.points.length > 1 || !mark.endDot) out.push({ tag: "path", attrs });
    const last = [...mark.points]
      .reverse()
      .find(([a, b]) => Number.isFinite(scales.x(a)) && Number.isFinite(scales.y(b)));
    if (mark.endDot && last)
      out.push({
        tag: "circle",
        attrs: [
          ["cx", round1(scales.x(last[0]))],
          ["cy", round1(scales.y(last[1]) + dy)],
          ["r", String(mark.endDot)],
          ["fill", mark.stroke ?? "currentColor"],
        ],
      });
  }
  return out;
}

/** Makes `el` draw `d`, writing only what differs (an unchanged label is not laid out again). */
function update(el: Element, d: Drawn): void {
  const wanted = new Set(d.attrs.map(([name]) => name));
  for (const name of el.getAttributeNames()) if (!wanted.has(name)) el.removeAttribute(name);
  for (const [name, value] of d.attrs) if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  if (d.text !== undefined && el.textContent !== d.text) el.textContent = d.text;
}

/**
 * Draws `marks` as the figure's live layer (null or empty removes it). The layer's elements are reused in
 * order and only changed attributes and texts are written, so a redraw that moves one curve touches one
 * path, and a heatmap whose printed values did not change re-lays out no text.
 */
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
  const drawn = drawnMarks(marks, scales);
  const present = [...layer.children];
  drawn.forEach((d, i) => {
    let el = present[i];
    if (el === undefined || el.localName !== d.tag) {
      const fresh = doc.createElementNS(SVG, d.tag);
      if (el === undefined) layer.appendChild(fresh);
      else el.replaceWith(fresh);
      el = fresh;
    }
    update(el, d);
  });
  for (const extra of present.slice(drawn.length)) extra.remove();
}
