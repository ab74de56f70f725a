/** Geometry of the network diagram in its SVG's user units: one column per layer, units stacked and centred. */

export interface NodeBox {
  /** 0 is the input layer; sizes.length − 1 the output unit. */
  layer: number;
  unit: number;
  /** Top-left corner and side of the node's square. */
  x: number;
  y: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Side of every node's square. */
  node: number;
  columns: NodeBox[][];
  /** Horizontal centre of each column, as a share of the width (to place the per-layer controls). */
  centres: number[];
}

export const DIAGRAM_WIDTH = 720;
const PAD = 14;

export function networkLayout(sizes: readonly number[]): NetworkLayout {
  const rows = Math.max(5, ...sizes);
  const gap = rows <= 16 ? 40 : Math.max(20, Math.floor(640 / rows));
  const node = Math.round(gap * 0.72);
  const height = rows * gap + 2 * PAD;
  const cols = sizes.length;
  const span = DIAGRAM_WIDTH - 2 * PAD - node;
  const columns = sizes.map((n, layer) => {
    const x = PAD + (cols === 1 ? 0 : (layer * span) / (cols - 1));
    const top = (height - n * gap) / 2 + (gap - node) / 2;
    return Array.from({ length: n }, (_, unit) => ({ layer, unit, x, y: top + unit * gap }));
  });
  const centres = columns.map((c) => (c[0].x + node / 2) / DIAGRAM_WIDTH);
  return { width: DIAGRAM_WIDTH, height, node, columns, centres };
}

/** Stroke width of a link for a weight: thin for small weights, capped for large ones. */
export const linkWidth = (w: number): number => Math.min(6, 0.35 + 2.5 * Math.abs(w));

/**
 * Every weight of a network with its line in the layout (from the right edge of unit `from` in `layer` to the
 * left edge of unit `to` in the next), layer by layer, output unit by input unit. Positional arguments, no
 * object per link: the canvas repaints every link on every frame while training.
 */
export function forEachLink(
  layout: NetworkLayout,
  sizes: readonly number[],
  weights: readonly ArrayLike<number>[],
  visit: (
    w: number,
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    layer: number,
    from: number,
    to: number,
  ) => void,
): void {
  const { columns, node } = layout;
  for (let layer = 0; layer < weights.length; layer++) {
    const W = weights[layer];
    const nIn = sizes[layer];
    for (let to = 0; to < sizes[layer + 1]; to++) {
      const b = columns[layer + 1][to];
      for (let from = 0; from < nIn; from++) {
        const a = columns[layer][from];
        visit(W[to * nIn + from], a.x + node, a.y + node / 2, b.x, b.y + node / 2, layer, from, to);
      }
    }
  }
}
