/**
 * The symmetry demo's figures: the network diagram's geometry (plain SVG drawn by the view) and the weight
 * heatmaps as a FigureSpec — Plot draws the cell frames and block titles, which depend only on the layer
 * sizes; the cell shades and printed values are live marks, so training never re-runs Plot.
 */
import * as Plot from "@observablehq/plot";
import type { SymmetrySnapshot } from "../../engine/experiments/symmetry";
import type { FigureSize } from "../ui/figure-size";
import type { LiveMarks } from "../ui/live-marks";
import type { FigureSpec } from "../ui/PlotFigure";

/** Positive values in the first palette colour, negative in the second; exact zeros dashed and muted. */
export const POSITIVE = "var(--series-1)";
export const NEGATIVE = "var(--series-2)";
export const ZERO = "var(--fg-muted)";

const signColor = (v: number) => (v > 0 ? POSITIVE : v < 0 ? NEGATIVE : ZERO);

/** Largest |value| over every weight and bias (the shared scale of widths, opacities and cell shades). */
export function maxMagnitude(s: SymmetrySnapshot): number {
  let m = 0;
  for (const l of s.layers) {
    for (const w of l.W) m = Math.max(m, Math.abs(w));
    for (const b of l.b) m = Math.max(m, Math.abs(b));
  }
  return m;
}

/** The diagram's viewBox; the box is reserved with the same ratio, so nothing shifts when it redraws. */
export const DIAGRAM = { width: 420, height: 280 } as const;

const SUB = "₀₁₂₃₄₅₆₇₈₉";
const sub = (n: number) => [...String(n)].map((d) => SUB[Number(d)]).join("");

/** Node positions, link colours (sign) and widths (magnitude) for the current weights. */
export function symmetryDiagram(s: SymmetrySnapshot) {
  const sizes = [s.layers[0].nIn, ...s.layers.map((l) => l.nOut)];
  const [top, bottom, left, right] = [44, DIAGRAM.height - 18, 52, DIAGRAM.width - 52];
  const colX = (c: number) => left + ((right - left) * c) / (sizes.length - 1);
  const rowY = (c: number, i: number) => {
    const step = (bottom - top) / Math.max(...sizes);
    return (top + bottom) / 2 - (step * (sizes[c] - 1)) / 2 + step * i;
  };
  const scale = maxMagnitude(s) || 1;
  const nodes = sizes.flatMap((n, c) =>
    Array.from({ length: n }, (_, i) => {
      const bias = c === 0 ? null : s.layers[c - 1].b[i];
      const name = c === 0 ? "x" : c === sizes.length - 1 ? "ŷ" : "h";
      return {
        key: `n${c}-${i}`,
        x: colX(c),
        y: rowY(c, i),
        label: name === "ŷ" && n === 1 ? name : `${name}${sub(i + 1)}`,
        fill: bias === null ? "var(--bg)" : signColor(bias),
        fillOpacity: bias === null || bias === 0 ? 0 : 0.15 + 0.75 * Math.min(1, Math.abs(bias) / scale),
      };
    }),
  );
  const links = s.layers.flatMap(({ W, nIn }, l) =>
    W.map((w, k) => ({
      key: `w${l}-${k}`,
      x1: colX(l),
      y1: rowY(l, k % nIn),
      x2: colX(l + 1),
      y2: rowY(l + 1, Math.floor(k / nIn)),
      weight: w,
      stroke: signColor(w),
      strokeWidth: w === 0 ? 1 : 0.75 + 5.25 * Math.min(1, Math.abs(w) / scale),
      // exact zeros are thin dashed lines, so "zero" is visibly not "missing"
      dashed: w === 0,
    })),
  );
  const columns = sizes.map((_, c) => ({
    x: colX(c),
    label: c === 0 ? "inputs" : c === sizes.length - 1 ? "output" : `hidden ${c}`,
  }));
  return { nodes, links, columns };
}

/** Heatmap box: one row of blocks on wide screens, two rows on phones. */
export const ASPECT = { wide: 3.1, narrow: 1.25 };

const BLOCK_GAP = 1.3;
const BIAS_GAP = 0.35;
const TITLE = 1.1;
const MARGIN = 4;
const SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Two decimals with a true minus sign; exact zero is "0". */
export const cellText = (v: number): string =>
  v === 0 ? "0" : `${v < 0 ? "−" : ""}${Math.abs(v).toFixed(2)}`;

/** One cell, in cell units: its top-left corner and what it shows (weight k of W^l, or bias k of b^l). */
interface Cell {
  x: number;
  y: number;
  value: (s: SymmetrySnapshot) => number;
}

/**
 * Lays the blocks out in cell units for a drawing size: W^l (out × in, row i = weights INTO unit i) followed
 * by the bias column b^l, in one line on a wide box and two on a narrow one; `unit` is pixels per cell.
 */
function heatmapLayout(s: SymmetrySnapshot, { width, height }: FigureSize) {
  const all = s.layers.map((_, l) => l);
  const lines = width / height < 2 ? [all.slice(0, 2), all.slice(2)] : [all];
  const cells: Cell[] = [];
  const labels: { x: number; y: number; text: string }[] = [];
  let right = 0;
  let y0 = 0;
  for (const line of lines) {
    let x = 0;
    for (const l of line) {
      const { nIn, nOut } = s.layers[l];
      labels.push({ x: x + nIn / 2, y: y0 + TITLE / 2, text: `W${SUPER[l + 1]}  (${nOut} × ${nIn})` });
      for (let o = 0; o < nOut; o++)
        for (let i = 0; i < nIn; i++)
          cells.push({ x: x + i, y: y0 + TITLE + o, value: (t) => t.layers[l].W[o * nIn + i] });
      x += nIn + BIAS_GAP;
      labels.push({ x: x + 0.5, y: y0 + TITLE / 2, text: `b${SUPER[l + 1]}` });
      for (let o = 0; o < nOut; o++) cells.push({ x, y: y0 + TITLE + o, value: (t) => t.layers[l].b[o] });
      x += 1 + BLOCK_GAP;
    }
    right = Math.max(right, x - BLOCK_GAP);
    y0 += TITLE + Math.max(...line.map((l) => s.layers[l].nOut)) + 0.4;
  }
  const bottom = y0 - 0.4;
  const unit = Math.min((width - 2 * MARGIN) / right, (height - 2 * MARGIN) / bottom);
  // equal units on both axes keep cells square; the extra room is split evenly around the blocks
  const padX = ((width - 2 * MARGIN) / unit - right) / 2;
  const padY = ((height - 2 * MARGIN) / unit - bottom) / 2;
  return { cells, labels, unit, x: [-padX, right + padX], y: [-padY, bottom + padY] };
}

/** The moving part: each cell shaded by sign and magnitude, its value printed when cells are large enough. */
function heatmapMarks(s: SymmetrySnapshot, size: FigureSize): LiveMarks {
  const { cells, unit } = heatmapLayout(s, size);
  const scale = maxMagnitude(s) || 1;
  const inset = 1 / unit; // Plot's 1-pixel inset, in cell units
  const shades = cells.flatMap((c) => {
    const v = c.value(s);
    if (v === 0) return [];
    const [x0, x1, y0, y1] = [c.x + inset, c.x + 1 - inset, c.y + inset, c.y + 1 - inset];
    const points: [number, number][] = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ];
    const fillOpacity = 0.1 + 0.65 * Math.min(1, Math.abs(v) / scale);
    return [{ points, closed: true, fill: signColor(v), fillOpacity }];
  });
  if (unit < 30) return shades;
  const values = cells.map((c) => {
    const [x, y] = [c.x + 0.5, c.y + 0.5];
    return { text: cellText(c.value(s)), x, y, fill: "var(--fg)", stroke: "var(--bg)", strokeWidth: 3 };
  });
  return [...shades, ...values];
}

/**
 * Every layer's weight matrix and bias as a heatmap: colour = sign, shade = magnitude, value printed. The Plot
 * part (frames and titles) depends only on the layer sizes, so it is drawn once; the shades and values move.
 */
export function heatmapFigure(s: SymmetrySnapshot, summary?: string): FigureSpec {
  const shape = s.layers.map((l) => `${l.nOut}×${l.nIn}`).join(",");
  return {
    key: `heatmap|${shape}|${summary ?? ""}`,
    plot: (size) => {
      const layout = heatmapLayout(s, size);
      const fontSize = Math.max(9, Math.min(13, layout.unit * 0.3));
      return {
        ...size,
        margin: MARGIN,
        style: { fontSize: `${fontSize}px`, background: "transparent", fontVariantNumeric: "tabular-nums" },
        ariaLabel: "Weight matrices and biases of every layer as heatmaps",
        ariaDescription: summary,
        x: { domain: layout.x, axis: null },
        y: { domain: layout.y, axis: null, reverse: true },
        marks: [
          Plot.rect(layout.cells, {
            x1: "x",
            x2: (c: Cell) => c.x + 1,
            y1: "y",
            y2: (c: Cell) => c.y + 1,
            fill: "var(--bg)",
            stroke: "var(--rule)",
            inset: 1,
          }),
          Plot.text(layout.labels, { x: "x", y: "y", text: "text", fill: "var(--fg)", fontWeight: 600 }),
        ],
      };
    },
    live: (size) => heatmapMarks(s, size),
  };
}
