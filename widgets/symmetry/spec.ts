import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../ui/figure-size";
import type { Snapshot } from "./model";

/** Positive values in the first palette colour, negative in the second; exact zeros dashed and muted. */
export const POSITIVE = "var(--series-1)";
export const NEGATIVE = "var(--series-2)";
export const ZERO = "var(--fg-muted)";

const signColor = (v: number) => (v > 0 ? POSITIVE : v < 0 ? NEGATIVE : ZERO);

/** Largest |value| over every weight and bias (the shared scale of widths, opacities and cell shades). */
export function maxMagnitude(s: Snapshot): number {
  let m = 0;
  for (const l of s.layers) {
    for (const w of l.W) m = Math.max(m, Math.abs(w));
    for (const b of l.b) m = Math.max(m, Math.abs(b));
  }
  return m;
}

// ---------- Network diagram (plain SVG drawn by the view; this is its pure geometry) ----------

/** The diagram's viewBox; the box is reserved with the same ratio, so nothing shifts when it redraws. */
export const DIAGRAM = { width: 420, height: 280 } as const;

export interface DiagramNode {
  key: string;
  x: number;
  y: number;
  r: number;
  label: string;
  /** Bias of the unit (null for inputs), shown as the node's fill. */
  bias: number | null;
  fill: string;
  fillOpacity: number;
}

export interface DiagramLink {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  stroke: string;
  strokeWidth: number;
  /** Exactly zero weights are drawn as thin dashed lines, so "zero" is visibly not "missing". */
  dashed: boolean;
}

const SUB = "₀₁₂₃₄₅₆₇₈₉";
const sub = (n: number) =>
  String(n)
    .split("")
    .map((d) => SUB[Number(d)])
    .join("");

/** Node positions, link colours (sign) and widths (magnitude) for the current weights. */
export function diagramLayout(s: Snapshot): {
  nodes: DiagramNode[];
  links: DiagramLink[];
  columns: { x: number; label: string }[];
} {
  const sizes = [s.layers[0].nIn, ...s.layers.map((l) => l.nOut)];
  const top = 44;
  const bottom = DIAGRAM.height - 18;
  const left = 52;
  const right = DIAGRAM.width - 52;
  const colX = (c: number) => left + ((right - left) * c) / (sizes.length - 1);
  const rowY = (c: number, i: number) => {
    const step = (bottom - top) / Math.max(...sizes);
    const span = step * (sizes[c] - 1);
    return (top + bottom) / 2 - span / 2 + step * i;
  };
  const scale = maxMagnitude(s) || 1;
  const nodes: DiagramNode[] = [];
  sizes.forEach((n, c) => {
    for (let i = 0; i < n; i++) {
      const bias = c === 0 ? null : s.layers[c - 1].b[i];
      const last = c === sizes.length - 1;
      nodes.push({
        key: `n${c}-${i}`,
        x: colX(c),
        y: rowY(c, i),
        r: 13,
        label: c === 0 ? `x${sub(i + 1)}` : last ? (n === 1 ? "ŷ" : `ŷ${sub(i + 1)}`) : `h${sub(i + 1)}`,
        bias,
        fill: bias === null ? "var(--bg)" : signColor(bias),
        fillOpacity: bias === null || bias === 0 ? 0 : 0.15 + 0.75 * Math.min(1, Math.abs(bias) / scale),
      });
    }
  });
  const links: DiagramLink[] = [];
  s.layers.forEach((layer, l) => {
    for (let o = 0; o < layer.nOut; o++) {
      for (let i = 0; i < layer.nIn; i++) {
        const w = layer.W[o * layer.nIn + i];
        links.push({
          key: `w${l}-${o}-${i}`,
          x1: colX(l),
          y1: rowY(l, i),
          x2: colX(l + 1),
          y2: rowY(l + 1, o),
          weight: w,
          stroke: signColor(w),
          strokeWidth: w === 0 ? 1 : 0.75 + 5.25 * Math.min(1, Math.abs(w) / scale),
          dashed: w === 0,
        });
      }
    }
  });
  const columns = sizes.map((_, c) => ({
    x: colX(c),
    label: c === 0 ? "inputs" : c === sizes.length - 1 ? "output" : `hidden ${c}`,
  }));
  return { nodes, links, columns };
}

// ---------- Weight matrices as heatmaps (Plot) ----------

/** Heatmap box: one row of blocks on wide screens, two rows on phones. */
export const ASPECT = { wide: 3.1, narrow: 1.25 };

interface Cell {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  value: number;
  opacity: number;
  label: string;
}

interface Label {
  x: number;
  y: number;
  text: string;
}

const BLOCK_GAP = 1.3;
const BIAS_GAP = 0.35;
const TITLE = 1.1;
const SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Two decimals with a true minus sign; exact zero is "0". */
export const cellText = (v: number): string =>
  v === 0 ? "0" : `${v < 0 ? "−" : ""}${Math.abs(v).toFixed(2)}`;

/**
 * Lays the blocks out in cell units: W^l (out × in, row i = weights INTO unit i) followed by the bias column
 * b^l. `rows` is how the blocks are grouped into lines (one line on a wide box, two on a narrow one).
 */
function heatmapLayout(s: Snapshot, rows: number[][]) {
  const cells: Cell[] = [];
  const labels: Label[] = [];
  const scale = maxMagnitude(s) || 1;
  const add = (x: number, y: number, value: number) =>
    cells.push({
      x1: x,
      x2: x + 1,
      y1: y,
      y2: y + 1,
      value,
      opacity: value === 0 ? 0 : 0.1 + 0.65 * Math.min(1, Math.abs(value) / scale),
      label: cellText(value),
    });
  let width = 0;
  let y0 = 0;
  for (const line of rows) {
    let x = 0;
    const height = Math.max(...line.map((l) => s.layers[l].nOut));
    for (const l of line) {
      const { nIn, nOut, W, b } = s.layers[l];
      labels.push({ x: x + nIn / 2, y: y0 + TITLE / 2, text: `W${SUPER[l + 1]}  (${nOut} × ${nIn})` });
      for (let o = 0; o < nOut; o++) for (let i = 0; i < nIn; i++) add(x + i, y0 + TITLE + o, W[o * nIn + i]);
      x += nIn + BIAS_GAP;
      labels.push({ x: x + 0.5, y: y0 + TITLE / 2, text: `b${SUPER[l + 1]}` });
      for (let o = 0; o < nOut; o++) add(x, y0 + TITLE + o, b[o]);
      x += 1 + BLOCK_GAP;
    }
    width = Math.max(width, x - BLOCK_GAP);
    y0 += TITLE + height + 0.4;
  }
  return { cells, labels, width, height: y0 - 0.4 };
}

/** Every layer's weight matrix and bias as a heatmap: colour = sign, shade = magnitude, value printed. */
export function heatmapSpec(s: Snapshot, summary: string) {
  return ({ width, height }: FigureSize): Plot.PlotOptions => {
    const all = s.layers.map((_, l) => l);
    const narrow = width / height < 2;
    const rows = narrow ? [all.slice(0, 2), all.slice(2)] : [all];
    const layout = heatmapLayout(s, rows);
    const margin = 4;
    const unit = Math.min((width - 2 * margin) / layout.width, (height - 2 * margin) / layout.height);
    // Equal units on both axes keep cells square; the extra room is split evenly around the blocks.
    const padX = (width - 2 * margin) / unit - layout.width;
    const padY = (height - 2 * margin) / unit - layout.height;
    const showValues = unit >= 30;
    const fontSize = Math.max(9, Math.min(13, unit * 0.3));
    const sign = (pred: (v: number) => boolean, fill: string) =>
      Plot.rect(
        layout.cells.filter((c) => pred(c.value)),
        {
          x1: "x1",
          x2: "x2",
          y1: "y1",
          y2: "y2",
          fill,
          fillOpacity: { value: "opacity", scale: null },
          inset: 1,
        },
      );
    return {
      width,
      height,
      margin,
      style: { fontSize: `${fontSize}px`, background: "transparent" },
      ariaLabel: "Weight matrices and biases of every layer as heatmaps",
      ariaDescription: summary,
      x: { domain: [-padX / 2, layout.width + padX / 2], axis: null },
      y: { domain: [-padY / 2, layout.height + padY / 2], axis: null, reverse: true },
      marks: [
        Plot.rect(layout.cells, {
          x1: "x1",
          x2: "x2",
          y1: "y1",
          y2: "y2",
          fill: "var(--bg)",
          stroke: "var(--rule)",
          inset: 1,
        }),
        sign((v) => v > 0, POSITIVE),
        sign((v) => v < 0, NEGATIVE),
        ...(showValues
          ? [
              Plot.text(layout.cells, {
                x: (c: Cell) => (c.x1 + c.x2) / 2,
                y: (c: Cell) => (c.y1 + c.y2) / 2,
                text: "label",
                fill: "var(--fg)",
                stroke: "var(--bg)",
                strokeWidth: 3,
                fontVariant: "tabular-nums",
              }),
            ]
          : []),
        Plot.text(layout.labels, {
          x: "x",
          y: "y",
          text: "text",
          fill: "var(--fg)",
          fontWeight: 600,
        }),
      ],
    };
  };
}
