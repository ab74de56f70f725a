/**
 * Marks that move every frame, drawn without Plot: a figure's axes and slow marks come from one Plot run,
 * and the moving marks are plain SVG paths placed in that figure's own x and y scales. Updating them costs a
 * few attribute writes instead of a whole Plot figure. The same function draws them into the build-time SVG.
 */

/** A scale as Plot exposes it on a drawn figure (`figure.scale("x")`). */
interface ScaleLike {
  apply(value: number): number;
}

export interface LiveScales {
  x(value: number): number;
  y(value: number): number;
}

/** One path in data coordinates: a polyline through `points`, with SVG presentation attributes. */
export interface LivePath {
  points: readonly (readonly [number, number])[];
  stroke?: string;
  strokeWidth?: number;
  fill?: string;
  /** A dot of this radius at the last point (the run's current value). */
  endDot?: number;
}

/** The moving marks of one figure: paths, given the figure's scales. */
export type LiveMarks = readonly LivePath[];

const SVG = "http://www.w3.org/2000/svg";
const CLASS = "live-marks";

/** Path data through the points, skipping non-finite values (a gap, never NaN in the markup). */
export function pathData(points: LivePath["points"], { x, y }: LiveScales): string {
  let d = "";
  let pen = false;
  for (const [px, py] of points) {
    const sx = x(px);
    const sy = y(py);
    if (!Number.isFinite(sx) || !Number.isFinite(sy)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${Math.round(sx * 10) / 10},${Math.round(sy * 10) / 10}`;
    pen = true;
  }
  return d;
}

/** The figure's x and y scales, or null if it has none (a figure without both axes cannot hold live marks). */
function scalesOf(
  figure: Element & { scale?: (name: "x" | "y") => ScaleLike | undefined },
): LiveScales | null {
  const x = figure.scale?.("x");
  const y = figure.scale?.("y");
  if (!x || !y) return null;
  return { x: (v) => x.apply(v), y: (v) => y.apply(v) };
}

/** Replaces the figure's live layer with `marks` (null or empty removes it). */
export function liveLayer(figure: Element, marks: LiveMarks | null): void {
  const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
  if (!svg) return;
  const doc = svg.ownerDocument;
  let layer = svg.querySelector(`g.${CLASS}`);
  if (!marks || marks.length === 0) {
    layer?.remove();
    return;
  }
  const scales = scalesOf(figure as Element & { scale?: (name: "x" | "y") => ScaleLike | undefined });
  if (!scales) return;
  if (!layer) {
    layer = doc.createElementNS(SVG, "g");
    layer.setAttribute("class", CLASS);
    layer.setAttribute("aria-hidden", "true");
    svg.appendChild(layer);
  }
  const children: Element[] = [];
  for (const mark of marks) {
    const path = doc.createElementNS(SVG, "path");
    path.setAttribute("d", pathData(mark.points, scales));
    path.setAttribute("fill", mark.fill ?? "none");
    if (mark.stroke) path.setAttribute("stroke", mark.stroke);
    if (mark.strokeWidth) path.setAttribute("stroke-width", String(mark.strokeWidth));
    path.setAttribute("stroke-linejoin", "round");
    path.setAttribute("stroke-linecap", "round");
    children.push(path);
    const last = [...mark.points]
      .reverse()
      .find(([a, b]) => Number.isFinite(scales.x(a)) && Number.isFinite(scales.y(b)));
    if (mark.endDot && last) {
      const dot = doc.createElementNS(SVG, "circle");
      dot.setAttribute("cx", String(Math.round(scales.x(last[0]) * 10) / 10));
      dot.setAttribute("cy", String(Math.round(scales.y(last[1]) * 10) / 10));
      dot.setAttribute("r", String(mark.endDot));
      dot.setAttribute("fill", mark.stroke ?? "currentColor");
      children.push(dot);
    }
  }
  layer.replaceChildren(...children);
}
