/**
 * The race's figures as FigureSpecs: Plot draws the axes, reference lines, labels and the data (redrawn
 * only when their key changes); the loss curves and the boundary heatmaps are live marks.
 */
import * as Plot from "@observablehq/plot";
import { LEARNED_RATIO } from "../../engine/verdict";
import { liveSlot, type LivePath, type LiveText } from "../ui/live-marks";
import type { FigureSpec } from "../ui/PlotFigure";
import type { Boundary, RaceSnapshot } from "./run";

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
export const laneDash = [undefined, "6 3", "2 3", "8 3 2 3"] as const;
/** ŷ > 0 (label +1) and ŷ < 0 (label −1). */
export const classColors = { positive: "var(--series-1)", negative: "var(--series-2)" } as const;

/** The log-scale floor: losses of well-trained lanes go far below the constant prediction's. */
function lossDomain(snap: RaceSnapshot): [number, number] {
  let lo = 1e-3 * snap.constantLoss;
  for (const lane of snap.lanes) for (const p of lane.loss) if (p.loss > 0) lo = Math.min(lo, p.loss);
  return [10 ** Math.floor(Math.log10(lo)), 10 * snap.constantLoss];
}

const MARGIN = { top: 16, bottom: 36 };
/** Labels closer than this (px) are pushed apart. */
const LABEL_GAP = 13;

/** Moves labels apart vertically on the log scale so lanes that end at one loss stay legible. */
function spreadLabels<T extends { loss: number }>(ends: T[], lo: number, hi: number, innerHeight: number) {
  const span = Math.log(hi / lo);
  const toPx = (v: number) => (1 - Math.log(v / lo) / span) * innerHeight;
  const fromPx = (y: number) => lo * Math.exp((1 - y / innerHeight) * span);
  const sorted = ends.map((e) => ({ ...e, y: toPx(e.loss) })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) sorted[i]!.y = Math.max(sorted[i]!.y, sorted[i - 1]!.y + LABEL_GAP);
  const overflow = sorted.length ? sorted[sorted.length - 1]!.y - innerHeight : 0;
  if (overflow > 0) for (const e of sorted) e.y -= overflow;
  return sorted.map(({ y, ...e }) => ({ ...e, labelY: fromPx(y) }));
}

/**
 * Full-data loss of every lane against the step, on a log scale, with the loss of the best constant
 * prediction and the "learned" threshold as reference lines. Only finite losses are drawn; a diverged lane
 * ends in a cross at its last finite point, named there; the other lanes are named in the right margin.
 */
export function lossFigure(snap: RaceSnapshot, names: readonly string[], summary = ""): FigureSpec {
  const [lo, hi] = lossDomain(snap);
  const clamp = (loss: number) => Math.min(hi, Math.max(lo, loss));
  const learned = LEARNED_RATIO * snap.constantLoss;
  const ends = snap.lanes.flatMap((lane, k) => {
    const last = lane.loss[lane.loss.length - 1];
    if (last === undefined || snap.step === 0) return [];
    if (lane.verdict === "diverged")
      return [
        { lane: k, step: last.step, loss: clamp(last.loss), diverged: true, text: `${names[k]} ✕ diverged` },
      ];
    // a running lane is named in the margin, at its curve's height
    return [{ lane: k, step: snap.horizon, loss: clamp(last.loss), diverged: false, text: names[k]! }];
  });
  const crosses = ends.filter((e) => e.diverged).map(({ lane, step, loss }) => ({ lane, step, loss }));
  const text = (y: number, t: string, dy: number) =>
    Plot.text([t], { x: snap.horizon, y: () => y, textAnchor: "end", dy, fill: "var(--fg-muted)" });
  return {
    // the Plot part: axes, reference lines and diverged lanes' crosses; curves and labels are live marks
    key: `${snap.horizon}|${lo}|${hi}|${snap.constantLoss}|${JSON.stringify(crosses)}|${summary}`,
    plot: ({ width, height }) => {
      const narrow = width < 420;
      return {
        width,
        height,
        marginLeft: 52,
        marginRight: narrow ? 16 : 110,
        ...MARGIN,
        style: { fontSize: "12px", background: "transparent" },
        ariaLabel: "Loss of each lane against training step",
        ariaDescription: summary,
        x: { domain: [0, snap.horizon], label: "training step", labelAnchor: "center", labelArrow: "none" },
        y: {
          type: "log",
          domain: [lo, hi],
          label: "loss (½·MSE, full data)",
          labelArrow: "none",
          grid: true,
          ticks: 6,
          tickFormat: "~g",
        },
        color: { type: "identity" },
        marks: [
          Plot.ruleY([snap.constantLoss], { stroke: "var(--fg-muted)", strokeDasharray: "5 4" }),
          Plot.ruleY([learned], { stroke: "var(--fg-muted)", strokeDasharray: "1 3" }),
          text(snap.constantLoss, "constant prediction", -6),
          text(learned, "“learned” below", 10),
          Plot.dot(crosses, {
            x: "step",
            y: "loss",
            r: 5,
            symbol: "times",
            stroke: (d) => laneColors[d.lane],
            strokeWidth: 2.5,
          }),
        ],
      };
    },
    live: ({ width, height }) => [
      ...snap.lanes.map((lane, k) => ({
        points: lane.loss.map((p) => [p.step, clamp(p.loss)] as const),
        stroke: laneColors[k],
        strokeWidth: 2,
        strokeDasharray: laneDash[k],
        endDot: lane.verdict === "diverged" ? undefined : 3,
      })),
      ...(width < 420 ? [] : spreadLabels(ends, lo, hi, height - MARGIN.top - MARGIN.bottom)).map(
        (e): LiveText => ({
          text: e.text,
          x: e.step,
          y: e.labelY,
          anchor: "start",
          dx: 6,
          fill: laneColors[e.lane],
          fontWeight: 600,
          stroke: "var(--bg-raised)",
          strokeWidth: 3,
        }),
      ),
    ],
  };
}

/** Opacity steps of the heatmap: cells sharing a colour and a step are drawn as one path. */
const OPACITY_LEVELS = 10;

/**
 * The heatmap as a handful of filled paths (one per class colour and opacity step, |ŷ| capped at 1), each
 * cell a square of the plane (rows from the top, as the grid evaluates them).
 */
function heatmap(boundary: Boundary | null, half: number): LivePath[] {
  if (boundary === null) return [];
  const cells = Math.round(Math.sqrt(boundary.values.length));
  const size = (2 * half) / cells;
  const groups = new Map<string, LivePath & { points: (readonly [number, number])[] }>();
  boundary.values.forEach((v, i) => {
    const level = Math.round(Math.min(1, Math.abs(v)) * OPACITY_LEVELS);
    if (!Number.isFinite(v) || level === 0) return;
    const fill = v >= 0 ? classColors.positive : classColors.negative;
    const key = `${fill}${level}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { points: [], fill, fillOpacity: (0.72 * level) / OPACITY_LEVELS }));
    const x = -half + (i % cells) * size;
    const y = half - Math.floor(i / cells) * size;
    // a square, then a gap: the next square starts a new subpath of the same path
    group.points.push([x, y], [x + size, y], [x + size, y - size], [x, y - size], [NaN, NaN]);
  });
  return [...groups.values()];
}

/**
 * One lane's decision boundary: its output ŷ over the (standardised) input plane as a coarse heatmap — blue
 * where it predicts +1, orange where −1, pale where ŷ ≈ 0 (a flat, undecided net) — under the data. A
 * diverged lane shows the data and a notice instead.
 */
export function boundaryFigure(
  snap: RaceSnapshot,
  lane: number,
  name: string,
  description: string,
): FigureSpec {
  const { half } = snap.plane;
  const { verdict, step } = snap.lanes[lane]!;
  const diverged = verdict === "diverged";
  const frame: LivePath = {
    points: [
      [-half, -half],
      [-half, half],
      [half, half],
      [half, -half],
    ],
    stroke: "var(--rule)",
    closed: true,
  };
  return {
    key: `${name}|${half}|${diverged ? step : -1}|${description}`,
    plot: ({ width, height }) => {
      const side = Math.max(40, Math.min(width, height) - 8);
      const marginX = Math.max(4, (width - side) / 2);
      const marginY = Math.max(4, (height - side) / 2);
      const notice = (t: string, dy: number) =>
        Plot.text([t], {
          frameAnchor: "middle",
          dy,
          fill: "var(--focus)",
          stroke: "var(--bg)",
          strokeWidth: 4,
          fontWeight: 700,
          fontSize: 12,
        });
      return {
        width,
        height,
        marginLeft: marginX,
        marginRight: marginX,
        marginTop: marginY,
        marginBottom: marginY,
        style: { background: "transparent" },
        ariaLabel: `Decision boundary of ${name}`,
        ariaDescription: description,
        x: { domain: [-half, half], axis: null },
        y: { domain: [-half, half], axis: null },
        color: { type: "identity" },
        marks: [
          liveSlot,
          Plot.dot(snap.points, {
            x: "x",
            y: "y",
            r: side < 200 ? 1.8 : 2.6,
            fill: (p) => (p.label > 0 ? classColors.positive : classColors.negative),
            stroke: "var(--bg)",
            strokeWidth: 0.8,
          }),
          ...(diverged ? [notice(`diverged at step ${step}`, -8), notice("training stopped", 8)] : []),
        ],
      };
    },
    // a net that blew up has no meaningful boundary: the data and the notice only
    live: [...heatmap(diverged ? null : snap.boundaries[lane]!, half), frame],
  };
}
