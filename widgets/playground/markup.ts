/**
 * Bulk SVG marks (data points, heatmap cells, the build-time links) as one markup string per group, written
 * exactly as Preact's server render would write the same elements. A group is then one node for Preact
 * instead of hundreds: hydration adopts the server's elements without walking them (Preact leaves
 * `dangerouslySetInnerHTML` alone while it hydrates), and a changed group is one `innerHTML` write.
 */

const escapeAttr = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `<tag a="1" b="x"></tag>` for each attribute record, in the records' key order. */
export function svgMarkup(tag: string, elements: Iterable<Record<string, string | number>>): string {
  let out = "";
  for (const attrs of elements) {
    out += `<${tag}`;
    for (const name in attrs) out += ` ${name}="${escapeAttr(String(attrs[name]))}"`;
    out += `></${tag}>`;
  }
  return out;
}

/** A shape's geometry as path data, and the paint it shares with others. */
export interface PathItem {
  d: string;
  paint: Record<string, string | number>;
}

/**
 * One `<path>` per distinct paint, whose subpaths are every shape with that paint: a handful of elements for
 * hundreds of heatmap cells or data points, so style, layout and hydration have almost nothing to walk. The
 * pixels are the same for shapes that do not overlap (the cells); for overlapping points every outline of a
 * group is drawn after all its fills, which keeps each point visible.
 */
export function pathsMarkup(items: Iterable<PathItem>): string {
  const groups = new Map<string, { paint: PathItem["paint"]; d: string }>();
  for (const { d, paint } of items) {
    const key = JSON.stringify(paint);
    const group = groups.get(key);
    if (group) group.d += d;
    else groups.set(key, { paint, d });
  }
  return [...groups.values()].map(({ paint, d }) => svgMarkup("path", [{ d, ...paint }])).join("");
}

/** Path data for an axis-aligned rectangle. */
export const rectPath = (x: string | number, y: string | number, w: string | number, h: string | number) =>
  `M${x} ${y}h${w}v${h}h-${w}z`;

/** Path data for a circle of radius `r` centred on (cx, cy), to 0.1 user units: two half arcs. */
export function circlePath(cx: number, cy: number, r: number): string {
  const left = (cx - r).toFixed(1);
  const y = cy.toFixed(1);
  return `M${left} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 -${2 * r} 0z`;
}

/** Props for an element whose children are `markup`. */
export const withMarkup = (markup: string) => ({ dangerouslySetInnerHTML: { __html: markup } });

/** One horizontal run of equal-coloured cells: `sign` picks the class colour, `alpha` its strength. */
export interface HeatRun {
  row: number;
  col: number;
  length: number;
  sign: 1 | -1;
  alpha: number;
}

/**
 * A heatmap of `values` (side × side, row-major from the top) at `cells` × `cells` resolution as runs of
 * equal colour, with |value| clipped to 1 and quantised to tenths: a compact build-time SVG.
 */
export function heatRuns(values: ArrayLike<number>, side: number, cells: number): HeatRun[] {
  const stride = side / cells;
  const runs: HeatRun[] = [];
  for (let r = 0; r < cells; r++) {
    let current: HeatRun | null = null;
    for (let c = 0; c < cells; c++) {
      const v = values[Math.floor((r + 0.5) * stride) * side + Math.floor((c + 0.5) * stride)]!;
      const alpha = Math.round(Math.min(1, Math.abs(Number.isFinite(v) ? v : 0)) * 10) / 10;
      const sign = v < 0 ? -1 : 1;
      if (current && current.alpha === alpha && (current.sign === sign || alpha === 0)) {
        current.length++;
        continue;
      }
      current = { row: r, col: c, length: 1, sign, alpha };
      runs.push(current);
    }
  }
  return runs.filter((run) => run.alpha > 0);
}

/** A heatmap (side × side values) as SVG cells in the box (x, y, size): one path per colour. */
export function heatMarkup(values: ArrayLike<number>, side: number, cells: number, x = 0, y = 0, size = 400) {
  const cell = size / cells;
  const f = (v: number) => Number(v.toFixed(2));
  return pathsMarkup(
    heatRuns(values, side, cells).map((r) => ({
      d: rectPath(f(x + r.col * cell), f(y + r.row * cell), f(r.length * cell), f(cell)),
      paint: {
        fill: r.sign > 0 ? "var(--series-1)" : "var(--series-2)",
        "fill-opacity": (0.85 * r.alpha).toFixed(2),
      },
    })),
  );
}
