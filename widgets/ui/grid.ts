/**
 * A network evaluated on a cells × cells lattice of the input plane [−half, half]²: the output (the decision
 * boundary) and, if asked, every unit's activation (the playground's thumbnails). Evaluation is a resumable
 * job over rows, so a frame does as much as its budget allows and training never starves. Rows run from the
 * TOP of the plane (y = +half) down, as an image is drawn; columns from x = −half rightwards.
 */
import { createWorkspace, forward, type Network, type Workspace } from "../../engine/network";

export interface Plane {
  /** Cells per side. */
  cells: number;
  /** Half the side of the square, centred on 0. */
  half: number;
}

/** Cell centres, row-major from the top row down: cells² × 2. */
export function planeInputs({ cells, half }: Plane): Float64Array {
  const X = new Float64Array(cells * cells * 2);
  const size = (2 * half) / cells;
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const k = r * cells + c;
      X[2 * k] = -half + (c + 0.5) * size;
      X[2 * k + 1] = half - (r + 0.5) * size;
    }
  }
  return X;
}

/**
 * units[l][u] holds unit u of layer l over the grid (cells² values, row-major from the top): layer 0 is the
 * inputs, the last is the output ŷ. With `outputOnly` only the last layer is kept. Float32 is plenty for
 * colours; a non-finite output stays NaN (the figure draws no colour there).
 */
export interface GridValues {
  plane: Plane;
  units: Float32Array[][];
}

export const outputOf = (g: GridValues): Float32Array => g.units[g.units.length - 1]![0]!;

/** Rows evaluated per forward pass: small enough that one chunk of the largest network stays around 1 ms. */
const ROWS_PER_CHUNK = 2;

/** A resumable evaluation of one network on the plane; `advance` works until a deadline. */
export class GridJob {
  private row = 0;
  readonly values: GridValues;
  private readonly X: Float64Array;
  /** One set of forward buffers for every chunk: a grid makes no garbage to collect mid-training. */
  private readonly ws: Workspace;

  constructor(
    private readonly net: Network,
    readonly plane: Plane,
    private readonly outputOnly = false,
    X: Float64Array = planeInputs(plane),
  ) {
    this.X = X;
    this.ws = createWorkspace(net, ROWS_PER_CHUNK * plane.cells);
    const n = plane.cells * plane.cells;
    const layers = outputOnly ? [net.sizes[net.sizes.length - 1]!] : net.sizes;
    this.values = { plane, units: layers.map((k) => Array.from({ length: k }, () => new Float32Array(n))) };
  }

  get done(): boolean {
    return this.row >= this.plane.cells;
  }

  /** Evaluates rows until `deadline` (at least one chunk; Infinity finishes). Returns true when done. */
  advance(deadline: number, now: () => number = () => performance.now()): boolean {
    const { net, X, values, ws } = this;
    const { cells } = this.plane;
    while (this.row < cells) {
      const rows = Math.min(ROWS_PER_CHUNK, cells - this.row);
      const first = this.row * cells;
      const m = rows * cells;
      const trace = forward(net, X.subarray(first * 2, (first + m) * 2), m, m === ws.batch ? ws : undefined);
      const from = this.outputOnly ? trace.a.length - 1 : 0;
      for (let l = from; l < trace.a.length; l++) {
        const a = trace.a[l]!;
        const n = net.sizes[l]!;
        const layer = values.units[l - from]!;
        for (let p = 0; p < m; p++) for (let u = 0; u < n; u++) layer[u]![first + p] = a[p * n + u]!;
      }
      this.row += rows;
      if (now() >= deadline) break;
    }
    return this.done;
  }
}

/** The whole grid at once (build time, tests, small networks). */
export function evaluateGrid(net: Network, plane: Plane, outputOnly = false): GridValues {
  const job = new GridJob(net, plane, outputOnly);
  job.advance(Infinity, () => 0);
  return job.values;
}
