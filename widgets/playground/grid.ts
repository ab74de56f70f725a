/**
 * The network evaluated on a GRID × GRID lattice of the input plane: the output (the decision boundary) and
 * every unit's activation (the thumbnails in the diagram). Evaluation is a resumable job over rows, so a
 * frame can do as much as its time budget allows and training never starves.
 */
import { createWorkspace, forward, type Network, type Workspace } from "../../engine/network";

/** Grid cells per side: 40 × 40 = 1,600 points, fine enough for a smooth boundary at this size. */
export const GRID = 40;
/** The input plane shown, [−6, 6]² (the data sets live in about [−5, 5]²). */
export const EXTENT = 6;

/** Cell centres, row-major from the top row (y = +EXTENT) down: GRID² × 2. */
export function gridInputs(): Float64Array {
  const X = new Float64Array(GRID * GRID * 2);
  const cell = (2 * EXTENT) / GRID;
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const k = r * GRID + c;
      X[2 * k] = -EXTENT + (c + 0.5) * cell;
      X[2 * k + 1] = EXTENT - (r + 0.5) * cell;
    }
  }
  return X;
}

/**
 * units[l][u] holds unit u of layer l over the grid (GRID² values): layer 0 is the inputs x₁, x₂, the last
 * is the output ŷ (the boundary). Float32 is plenty for colours.
 */
export interface GridValues {
  units: Float32Array[][];
}

export const outputOf = (g: GridValues): Float32Array => g.units[g.units.length - 1][0];

/** Rows evaluated per forward pass: small enough that one chunk of the largest network stays around 1 ms. */
const ROWS_PER_CHUNK = 2;

/** A resumable evaluation of one network on the grid; `advance` works until a deadline. */
export class GridJob {
  private row = 0;
  readonly values: GridValues;
  private readonly X: Float64Array;
  /** One set of forward buffers for every chunk: a grid makes no garbage to collect mid-training. */
  private readonly ws: Workspace;

  constructor(
    private readonly net: Network,
    X: Float64Array = gridInputs(),
  ) {
    this.X = X;
    this.ws = createWorkspace(net, ROWS_PER_CHUNK * GRID);
    this.values = {
      units: net.sizes.map((n) => Array.from({ length: n }, () => new Float32Array(GRID * GRID))),
    };
  }

  get done(): boolean {
    return this.row >= GRID;
  }

  /** Evaluates rows until `deadline` (performance.now() units; Infinity finishes). Returns true when done. */
  advance(deadline: number, now: () => number = () => performance.now()): boolean {
    const { net, X, values, ws } = this;
    while (this.row < GRID) {
      const rows = Math.min(ROWS_PER_CHUNK, GRID - this.row);
      const first = this.row * GRID;
      const m = rows * GRID;
      const trace = forward(net, X.subarray(first * 2, (first + m) * 2), m, m === ws.batch ? ws : undefined);
      for (let l = 0; l < trace.a.length; l++) {
        const a = trace.a[l];
        const n = net.sizes[l];
        const layer = values.units[l];
        for (let p = 0; p < m; p++) for (let u = 0; u < n; u++) layer[u][first + p] = a[p * n + u];
      }
      this.row += rows;
      if (now() >= deadline) break;
    }
    return this.done;
  }
}

/** The whole grid at once (build time, tests, small networks). */
export function evaluateGrid(net: Network): GridValues {
  const job = new GridJob(net);
  job.advance(Infinity, () => 0);
  return job.values;
}

/** One horizontal run of equal-coloured cells: `sign` picks the class colour, `alpha` its strength. */
export interface HeatRun {
  row: number;
  col: number;
  length: number;
  sign: 1 | -1;
  alpha: number;
}

/**
 * A heatmap of `values` (GRID × GRID, row-major) at `cells` × `cells` resolution as runs of equal colour,
 * with |value| clipped to 1 and quantised to tenths: a compact build-time SVG (one <rect> per run).
 */
export function heatRuns(values: ArrayLike<number>, cells: number): HeatRun[] {
  const stride = GRID / cells;
  const runs: HeatRun[] = [];
  for (let r = 0; r < cells; r++) {
    let current: HeatRun | null = null;
    for (let c = 0; c < cells; c++) {
      const v = values[Math.floor((r + 0.5) * stride) * GRID + Math.floor((c + 0.5) * stride)];
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
