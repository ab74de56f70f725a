import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import type { Network } from "../../engine/network";
import type { GridValues } from "../ui/grid";
import { forEachLink, linkWidth, networkLayout, type NetworkLayout } from "./layout";
import { heatMarkup, svgMarkup, withMarkup } from "./markup";
import { fitCanvas, paintHeat, paletteOf, useCanvasSize } from "./paint";
import { PLANE } from "./run";

/** What the reader points at or focuses: a unit, or the weight from unit `from` of `layer` to unit `to`. */
export type Selection =
  { kind: "node"; layer: number; unit: number } | { kind: "link"; layer: number; from: number; to: number };

const THUMB_CELLS = 10;

const weightsOf = (net: Network) => net.layers.map((layer) => layer.W);

/** The weights as SVG lines coloured by sign and as thick as they are large, for the build-time figure. */
function linksMarkup(net: Network, layout: NetworkLayout): string {
  const links: Record<string, string | number>[] = [];
  forEachLink(layout, net.sizes, weightsOf(net), (w, x1, y1, x2, y2) => {
    links.push({
      x1,
      y1,
      x2,
      y2,
      stroke: Number.isFinite(w) ? (w >= 0 ? "var(--series-1)" : "var(--series-2)") : "var(--focus)",
      "stroke-width": (Number.isFinite(w) ? linkWidth(w) : 1).toFixed(2),
      "stroke-opacity": 0.7,
      class: "pg-link",
    });
  });
  return svgMarkup("line", links);
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The hovered weight, outlined over the canvas. */
function PickedLink(props: {
  columns: NetworkLayout["columns"];
  node: number;
  s: Extract<Selection, { kind: "link" }>;
}) {
  const { columns, node, s } = props;
  const a = columns[s.layer]?.[s.from];
  const b = columns[s.layer + 1]?.[s.to];
  if (!a || !b) return null;
  return (
    <line
      x1={a.x + node}
      y1={a.y + node / 2}
      x2={b.x}
      y2={b.y + node / 2}
      stroke="var(--fg)"
      stroke-width="2"
      stroke-dasharray="4 3"
      aria-hidden="true"
    />
  );
}

export function nodeName(sizes: readonly number[], layer: number, unit: number): string {
  if (layer === 0) return `input x${unit === 0 ? "₁" : "₂"}`;
  if (layer === sizes.length - 1) return "the output unit";
  return `hidden layer ${layer}, unit ${unit + 1}`;
}

/**
 * The network: one column per layer, each unit a square showing its output over the input plane, each
 * weight a line coloured by sign (blue positive, orange negative) and as thick as it is large. Hovering or
 * focusing a unit (Tab, then the arrow keys) or hovering a line reports its value.
 */
export function Diagram(props: {
  /** The weights shown (the build draws them as SVG lines, the island on a canvas). */
  net: Network;
  grid: GridValues | null;
  live: boolean;
  focus: { layer: number; unit: number };
  selection: Selection | null;
  onSelect: (s: Selection | null) => void;
  onFocusMove: (f: { layer: number; unit: number }) => void;
  /** Bumped whenever the weights changed, so the links redraw. */
  version: number;
}) {
  const { net, grid, live, focus, selection, onSelect, onFocusMove } = props;
  const { sizes } = net;
  const layout: NetworkLayout = useMemo(() => networkLayout(sizes), [sizes.join()]);
  const { node, columns } = layout;
  const canvas = useRef<HTMLCanvasElement>(null);
  const thumbs = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);

  const size = useCanvasSize(canvas, live);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!live || !el || !size) return;
    const ctx = el.getContext("2d");
    if (!ctx) return;
    const scale = fitCanvas(el, size, layout.width);
    ctx.clearRect(0, 0, el.width, el.height);
    const palette = paletteOf(el);
    const color = (rgb: readonly number[]) => `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, 0.7)`;
    const pos = color(palette.pos);
    const neg = color(palette.neg);
    forEachLink(layout, net.sizes, weightsOf(net), (w, x1, y1, x2, y2) => {
      if (!Number.isFinite(w)) return;
      ctx.strokeStyle = w >= 0 ? pos : neg;
      ctx.lineWidth = linkWidth(w) * scale;
      ctx.beginPath();
      ctx.moveTo(x1 * scale, y1 * scale);
      ctx.lineTo(x2 * scale, y2 * scale);
      ctx.stroke();
    });
  }, [live, net, layout, size, props.version]);

  useLayoutEffect(() => {
    const el = thumbs.current;
    if (!live || !el || !size) return;
    const ctx = el.getContext("2d");
    if (!ctx) return;
    const scale = fitCanvas(el, size, layout.width);
    ctx.clearRect(0, 0, el.width, el.height);
    if (!grid) return;
    const palette = paletteOf(el);
    for (const column of columns)
      for (const n of column) {
        const values = grid.units[n.layer]?.[n.unit];
        if (!values) continue;
        ctx.fillStyle = "rgba(127, 127, 127, 0.08)";
        ctx.fillRect(n.x * scale, n.y * scale, node * scale, node * scale);
        paintHeat(ctx, values, palette, n.x * scale, n.y * scale, node * scale, node * scale, 1);
      }
  }, [grid, live, layout, size]);

  /** The weight nearest the pointer (within 5 units), for hovering a line drawn on the canvas. */
  const pick = (e: MouseEvent) => {
    const el = svg.current;
    if (!el || (e.target as Element).closest(".pg-node")) return;
    const box = el.getBoundingClientRect();
    const ux = ((e.clientX - box.left) / box.width) * layout.width;
    const uy = ((e.clientY - box.top) / box.height) * layout.height;
    let best: Selection | null = null;
    let bestD = 5;
    forEachLink(layout, net.sizes, weightsOf(net), (_w, x1, y1, x2, y2, layer, from, to) => {
      const d = segmentDistance(ux, uy, x1, y1, x2, y2);
      if (d < bestD) {
        bestD = d;
        best = { kind: "link", layer, from, to };
      }
    });
    if (best) onSelect(best);
  };

  const links = useMemo(() => (live ? "" : linksMarkup(net, layout)), [live, net, layout, props.version]);

  const move = (e: KeyboardEvent) => {
    const { layer, unit } = focus;
    const last = sizes.length - 1;
    let next = focus;
    if (e.key === "ArrowDown") next = { layer, unit: Math.min(sizes[layer] - 1, unit + 1) };
    else if (e.key === "ArrowUp") next = { layer, unit: Math.max(0, unit - 1) };
    else if (e.key === "ArrowRight" && layer < last)
      next = { layer: layer + 1, unit: Math.min(sizes[layer + 1] - 1, unit) };
    else if (e.key === "ArrowLeft" && layer > 0)
      next = { layer: layer - 1, unit: Math.min(sizes[layer - 1] - 1, unit) };
    else return;
    e.preventDefault();
    onFocusMove(next);
    onSelect({ kind: "node", ...next });
    svg.current?.querySelector<SVGGElement>(`[data-node="${next.layer}-${next.unit}"]`)?.focus();
  };

  return (
    <div class="pg-diagram" style={{ aspectRatio: `${layout.width} / ${layout.height}` }}>
      {live && <canvas ref={canvas} class="pg-diagram__canvas" aria-hidden="true" />}
      {live && <canvas ref={thumbs} class="pg-diagram__canvas" aria-hidden="true" />}
      <svg
        ref={svg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label="Network diagram: each unit shows its output over the input plane; each line is a weight. Tab to a unit, then use the arrow keys."
        onKeyDown={move}
        onMouseLeave={() => onSelect(null)}
        onMouseMove={live ? pick : undefined}
      >
        <g aria-hidden="true" {...withMarkup(links)} />
        {live && selection?.kind === "link" && <PickedLink columns={columns} node={node} s={selection} />}
        {columns.map((column) =>
          column.map((n) => {
            const here = focus.layer === n.layer && focus.unit === n.unit;
            const picked =
              selection?.kind === "node" && selection.layer === n.layer && selection.unit === n.unit;
            const values = grid?.units[n.layer]?.[n.unit];
            return (
              <g
                key={`${n.layer}-${n.unit}`}
                data-node={`${n.layer}-${n.unit}`}
                class="pg-node"
                role="img"
                aria-label={nodeName(sizes, n.layer, n.unit)}
                tabIndex={here ? 0 : -1}
                onFocus={() => {
                  onFocusMove({ layer: n.layer, unit: n.unit });
                  onSelect({ kind: "node", layer: n.layer, unit: n.unit });
                }}
                onMouseEnter={() => onSelect({ kind: "node", layer: n.layer, unit: n.unit })}
              >
                {!live && (
                  <g
                    shape-rendering="crispEdges"
                    {...withMarkup(
                      values ? heatMarkup(values, PLANE.cells, THUMB_CELLS, n.x, n.y, node) : "",
                    )}
                  />
                )}
                <rect
                  x={n.x}
                  y={n.y}
                  width={node}
                  height={node}
                  fill="transparent"
                  stroke={picked ? "var(--fg)" : "var(--fg-muted)"}
                  stroke-width={picked ? 2 : 1}
                  rx="2"
                />
              </g>
            );
          }),
        )}
      </svg>
    </div>
  );
}
