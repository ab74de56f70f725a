import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import type { Dataset } from "../../engine/datasets";
import { circlePath, heatMarkup, pathsMarkup, withMarkup, type PathItem } from "./markup";
import { fitCanvas, paintHeat, paletteOf, useCanvasSize } from "./paint";
import { PLANE } from "./run";

const EXTENT = PLANE.half;

/** The plot area is 400 × 400 user units, with room for tick labels left and below. */
const SIDE = 400;
const M = { left: 30, top: 8, right: 8, bottom: 28 };
const VB_W = M.left + SIDE + M.right;
const VB_H = M.top + SIDE + M.bottom;
export const BOUNDARY_ASPECT = VB_W / VB_H;

const sx = (x: number) => ((x + EXTENT) / (2 * EXTENT)) * SIDE;
const sy = (y: number) => ((EXTENT - y) / (2 * EXTENT)) * SIDE;
const CLASS_COLOR = (label: number) => (label > 0.5 ? "var(--series-1)" : "var(--series-2)");

/** The data points as markup: filled for training points, rings for test points; one path per class. */
export function pointsMarkup(data: Dataset, test: boolean): string {
  const dots: PathItem[] = [];
  for (let i = 0; i < data.n; i++) {
    const color = CLASS_COLOR(data.y[i]);
    dots.push({
      d: circlePath(sx(data.X[2 * i]), sy(data.X[2 * i + 1]), 3.4),
      paint: {
        fill: test ? "var(--bg)" : color,
        stroke: test ? color : "var(--bg)",
        "stroke-width": test ? 1.6 : 0.8,
      },
    });
  }
  return pathsMarkup(dots);
}

/**
 * The decision boundary: the network's output over the input plane (blue where it predicts the blue class,
 * orange for the other, paler where it is unsure) with the training points (filled) and test points (rings).
 * Before hydration and without JavaScript the heatmap is SVG cells; live, a canvas repainted a few times a
 * second. Points and cells are one markup string per group, which hydration adopts without walking it.
 */
export function Boundary(props: {
  output: Float32Array | null;
  train: Dataset | null;
  test: Dataset | null;
  live: boolean;
  label: string;
}) {
  const { output, train, test, live, label } = props;
  const canvas = useRef<HTMLCanvasElement>(null);

  const size = useCanvasSize(canvas, live);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!live || !el || !size) return;
    const ctx = el.getContext("2d");
    if (!ctx) return;
    fitCanvas(el, size, SIDE);
    ctx.clearRect(0, 0, el.width, el.height);
    if (output) paintHeat(ctx, output, paletteOf(el), 0, 0, el.width, el.height);
  }, [output, live, size]);

  const cells = useMemo(
    () => (live || !output ? "" : heatMarkup(output, PLANE.cells, PLANE.cells, 0, 0, SIDE)),
    [output, live],
  );
  const trainPoints = useMemo(() => (train ? pointsMarkup(train, false) : ""), [train]);
  const testPoints = useMemo(() => (test ? pointsMarkup(test, true) : ""), [test]);

  const ticks = [-5, 0, 5];
  return (
    <div class="pg-boundary" style={{ aspectRatio: String(BOUNDARY_ASPECT) }}>
      {live && (
        <canvas
          ref={canvas}
          class="pg-boundary__canvas"
          aria-hidden="true"
          style={{
            left: `${(100 * M.left) / VB_W}%`,
            top: `${(100 * M.top) / VB_H}%`,
            width: `${(100 * SIDE) / VB_W}%`,
            height: `${(100 * SIDE) / VB_H}%`,
          }}
        />
      )}
      <svg viewBox={`${-M.left} ${-M.top} ${VB_W} ${VB_H}`} role="img" aria-label={label}>
        {!live && <g shape-rendering="crispEdges" {...withMarkup(cells)} />}
        <rect x="0" y="0" width={SIDE} height={SIDE} fill="none" stroke="var(--rule)" />
        {ticks.map((t) => (
          <g key={t} fill="var(--fg-muted)" font-size="12">
            <text x={sx(t)} y={SIDE + 16} text-anchor="middle">
              {t}
            </text>
            <text x={-6} y={sy(t) + 4} text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        <text x={SIDE / 2} y={SIDE + 27} text-anchor="middle" fill="var(--fg-muted)" font-size="11">
          x₁
        </text>
        <g aria-hidden="true" {...withMarkup(trainPoints)} />
        <g aria-hidden="true" {...withMarkup(testPoints)} />
      </svg>
    </div>
  );
}
