import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../ui/figure-size";
import { GRID, type Boundary, type LaneSnapshot, type Plane, type RaceSnapshot } from "./model";

/** The loss chart: wide and short; on a phone taller so the curves separate. */
export const LOSS_ASPECT = { wide: 640 / 200, narrow: 4 / 3 };
/** A lane's boundary panel: the square plane plus its margins. */
export const LANE_ASPECT = { wide: 1.5, narrow: 1 };

/** Lane k's colour; the two classes use series 1 and 2, so lanes start at series 3 to keep them apart. */
export const laneColors = [
  "var(--series-3)",
  "var(--series-4)",
  "var(--series-1)",
  "var(--series-2)",
] as const;
/** Dashes tell lanes 3 and 4 apart from the class colours they share. */
const laneDash = [undefined, "6 3", "2 3", "8 3 2 3"] as const;
/** ŷ > 0 (label +1) and ŷ < 0 (label −1). */
export const classColors = { positive: "var(--series-1)", negative: "var(--series-2)" } as const;

/** The log-scale floor: losses of well-trained lanes go far below the constant prediction's. */
function lossDomain(snap: RaceSnapshot): [number, number] {
  let lo = 1e-3 * snap.constantLoss;
  for (const lane of snap.lanes) for (const p of lane.loss) if (p.loss > 0) lo = Math.min(lo, p.loss);
  return [10 ** Math.floor(Math.log10(lo)), 10 * snap.constantLoss];
}

const MARGIN = { top: 16, bottom: 36 };
/** Line-end labels closer than this (px) are pushed apart. */
const LABEL_GAP = 13;

/** Moves line-end labels apart vertically on the log scale so lanes that end at one loss stay legible. */
function spreadLabels<T extends { loss: number }>(ends: T[], lo: number, hi: number, innerHeight: number) {
  const span = Math.log(hi / lo);
  const toPx = (v: number) => (1 - Math.log(v / lo) / span) * innerHeight;
  const fromPx = (y: number) => lo * Math.exp((1 - y / innerHeight) * span);
  const sorted = ends.map((e) => ({ ...e, y: toPx(e.loss) })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) sorted[i].y = Math.max(sorted[i].y, sorted[i - 1].y + LABEL_GAP);
  const overflow = sorted.length ? sorted[sorted.length - 1].y - innerHeight : 0;
  if (overflow > 0) for (const e of sorted) e.y -= overflow;
  return sorted.map(({ y, ...e }) => ({ ...e, labelY: fromPx(y) }));
}

/**
 * Full-data loss of every lane against the step, on a log scale, with the loss of the best constant
 * prediction and the "learning" threshold (half of it) as reference lines. Only finite losses are drawn; a
 * diverged lane ends in a cross at its last finite point.
 */
export function lossSpec(snap: RaceSnapshot, summary: string) {
  return ({ width, height }: FigureSize): Plot.PlotOptions => {
    const [lo, hi] = lossDomain(snap);
    const rows = snap.lanes.flatMap((lane, k) =>
      lane.loss.map((p) => ({ lane: k, step: p.step, loss: Math.min(hi, Math.max(lo, p.loss)) })),
    );
    const ends = snap.lanes
      .map((lane, k) => ({ lane: k, last: lane.loss[lane.loss.length - 1], info: lane }))
      .filter((e) => e.last !== undefined)
      .map((e) => ({
        lane: e.lane,
        step: e.last.step,
        loss: Math.min(hi, Math.max(lo, e.last.loss)),
        text: e.info.verdict === "diverged" ? `${e.info.name} ✕ diverged` : e.info.name,
        diverged: e.info.verdict === "diverged",
      }));
    const narrow = width < 420;
    const labels = !narrow && snap.step > 0;
    const placed = spreadLabels(ends, lo, hi, height - MARGIN.top - MARGIN.bottom);
    return {
      width,
      height,
      marginLeft: 52,
      marginRight: narrow ? 16 : 110,
      marginTop: MARGIN.top,
      marginBottom: MARGIN.bottom,
      style: { fontSize: "12px", background: "transparent" },
      ariaLabel: "Loss of each lane against training step",
      ariaDescription: summary,
      x: { domain: [0, snap.steps], label: "training step", labelAnchor: "center", labelArrow: "none" },
      y: {
        type: "log",
        domain: [lo, hi],
        label: "loss (½·MSE, full data)",
        labelArrow: "none",
        grid: true,
        ticks: 6,
        tickFormat: "~g",
      },
      marks: [
        Plot.ruleY([snap.constantLoss], { stroke: "var(--fg-muted)", strokeDasharray: "5 4" }),
        Plot.ruleY([snap.learningLoss], { stroke: "var(--fg-muted)", strokeDasharray: "1 3" }),
        Plot.text([{ y: snap.constantLoss, t: "constant prediction" }], {
          x: snap.steps,
          y: "y",
          text: "t",
          textAnchor: "end",
          dy: -6,
          fill: "var(--fg-muted)",
        }),
        Plot.text([{ y: snap.learningLoss, t: "“learning” below" }], {
          x: snap.steps,
          y: "y",
          text: "t",
          textAnchor: "end",
          dy: 10,
          fill: "var(--fg-muted)",
        }),
        ...snap.lanes.map((_, k) =>
          Plot.line(
            rows.filter((r) => r.lane === k),
            {
              x: "step",
              y: "loss",
              stroke: laneColors[k],
              strokeWidth: 2,
              strokeDasharray: laneDash[k],
            },
          ),
        ),
        Plot.dot(
          ends.filter((e) => !e.diverged),
          { x: "step", y: "loss", r: 3, fill: (d: { lane: number }) => laneColors[d.lane] },
        ),
        Plot.dot(
          ends.filter((e) => e.diverged),
          {
            x: "step",
            y: "loss",
            r: 5,
            symbol: "times",
            stroke: (d: { lane: number }) => laneColors[d.lane],
            strokeWidth: 2.5,
          },
        ),
        ...(!labels
          ? []
          : [
              Plot.text(placed, {
                x: "step",
                y: "labelY",
                text: "text",
                textAnchor: "start",
                dx: 6,
                fill: (d: { lane: number }) => laneColors[d.lane],
                fontWeight: 600,
                stroke: "var(--bg-raised)",
                strokeWidth: 3,
              }),
            ]),
      ],
      color: { type: "identity" },
    };
  };
}

/** Opacity steps of the heatmap: cells sharing a colour and a step are drawn as one path. */
const OPACITY_LEVELS = 10;

/** Boundary cells grouped by class colour and opacity step (|ŷ| capped at 1); indices are row-major cells. */
export function cellGroups(boundary: Boundary | null): { fill: string; opacity: number; cells: number[] }[] {
  if (boundary === null) return [];
  const groups = new Map<string, { fill: string; opacity: number; cells: number[] }>();
  boundary.values.forEach((v, i) => {
    if (v === null) return;
    const level = Math.round(Math.min(1, Math.abs(v)) * OPACITY_LEVELS);
    if (level === 0) return;
    const fill = v >= 0 ? classColors.positive : classColors.negative;
    const key = `${fill}${level}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { fill, opacity: (0.72 * level) / OPACITY_LEVELS, cells: [] }));
    group.cells.push(i);
  });
  return [...groups.values()];
}

const SVG_NS = "http://www.w3.org/2000/svg";
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The heatmap and the data as a handful of paths (one per colour and opacity step, one per class of points)
 * rather than ~800 elements, so a boundary redraws cheaply while training runs.
 */
function boundaryLayer(boundary: Boundary | null, plane: Plane, dotRadius: number): Plot.RenderFunction {
  return (_index, _scales, _values, dims, context) => {
    const { document } = context;
    const left = dims.marginLeft;
    const top = dims.marginTop;
    const w = dims.width - dims.marginLeft - dims.marginRight;
    const h = dims.height - dims.marginTop - dims.marginBottom;
    const px = (x: number) => left + ((x + plane.half) / (2 * plane.half)) * w;
    const py = (y: number) => top + ((plane.half - y) / (2 * plane.half)) * h;
    const g = document.createElementNS(SVG_NS, "g");
    g.setAttribute("aria-hidden", "true");
    const path = (d: string, attrs: Record<string, string>) => {
      const el = document.createElementNS(SVG_NS, "path");
      el.setAttribute("d", d);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      g.appendChild(el);
    };
    const cw = w / GRID;
    const ch = h / GRID;
    for (const group of cellGroups(boundary)) {
      const d = group.cells
        .map((i) => {
          const r = Math.floor(i / GRID);
          const c = i % GRID;
          return `M${round(left + c * cw)},${round(top + (GRID - 1 - r) * ch)}h${round(cw)}v${round(ch)}h${round(-cw)}z`;
        })
        .join("");
      path(d, { fill: group.fill, "fill-opacity": String(group.opacity), "shape-rendering": "crispEdges" });
    }
    const r = dotRadius;
    const dots = (label: 1 | -1) =>
      plane.points
        .filter((p) => p.label === label)
        .map(
          (p) =>
            `M${round(px(p.x) - r)},${round(py(p.y))}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
        )
        .join("");
    // A halo in the background colour under all the dots, then the dots, so overlaps stay clean.
    path(dots(1) + dots(-1), { fill: "none", stroke: "var(--bg)", "stroke-width": "1.6" });
    path(dots(1), { fill: classColors.positive });
    path(dots(-1), { fill: classColors.negative });
    // The frame, drawn here: Plot's frame mark carries an aria-label that a plain <rect> may not have.
    const frame = document.createElementNS(SVG_NS, "rect");
    for (const [k, v] of Object.entries({ x: left, y: top, width: w, height: h }))
      frame.setAttribute(k, String(round(v)));
    frame.setAttribute("fill", "none");
    frame.setAttribute("stroke", "var(--rule)");
    g.appendChild(frame);
    return g as unknown as SVGElement;
  };
}

/**
 * One lane's decision boundary: its output ŷ over the (standardised) input plane as a coarse heatmap — blue
 * where it predicts +1, orange where −1, pale where ŷ ≈ 0 (a flat, undecided net) — with the data on top. A
 * diverged lane shows the data and a notice instead.
 */
export function boundarySpec(
  lane: Pick<LaneSnapshot, "name" | "verdict" | "step">,
  boundary: Boundary | null,
  plane: Plane,
  description: string,
) {
  return ({ width, height }: FigureSize): Plot.PlotOptions => {
    const side = Math.max(40, Math.min(width, height) - 8);
    const marginX = Math.max(4, (width - side) / 2);
    const marginY = Math.max(4, (height - side) / 2);
    return {
      width,
      height,
      marginLeft: marginX,
      marginRight: marginX,
      marginTop: marginY,
      marginBottom: marginY,
      style: { background: "transparent" },
      ariaLabel: `Decision boundary of ${lane.name}`,
      ariaDescription: description,
      x: { domain: [-plane.half, plane.half], axis: null },
      y: { domain: [-plane.half, plane.half], axis: null },
      marks: [
        // A net that blew up has no meaningful boundary: show the data and the notice only.
        boundaryLayer(lane.verdict === "diverged" ? null : boundary, plane, side < 200 ? 1.8 : 2.6),
        ...(lane.verdict === "diverged"
          ? [[`diverged at step ${lane.step}`, -8] as const, ["training stopped", 8] as const].map(
              ([text, dy]) =>
                Plot.text([text], {
                  frameAnchor: "middle",
                  dy,
                  fill: "var(--focus)",
                  stroke: "var(--bg)",
                  strokeWidth: 4,
                  fontWeight: 700,
                  fontSize: 12,
                }),
            )
          : []),
      ],
    };
  };
}
