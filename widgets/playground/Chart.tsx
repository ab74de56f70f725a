import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { decade, groupDigits } from "../ui/format";
import type { ChartSpec } from "./spec";

/** The drawing size before the box is measured (build time): the wide-screen width of the side column. */
const STATIC_WIDTH = 480;
const M = { top: 22, right: 14, bottom: 34, left: 50 };

const formatX = (x: number) => (Math.abs(x) >= 1000 ? groupDigits(x) : String(x));

/**
 * A line chart with a log y axis as plain SVG, drawn at its box's measured size (so text keeps its size on a
 * phone); the box is reserved in CSS by its aspect ratio, so neither the build-time drawing nor the live one
 * shifts the page.
 */
export function Chart(props: { spec: ChartSpec; aspect: { wide: number; narrow: number } }) {
  const { spec, aspect } = props;
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      if (width > 0 && height > 0)
        setSize((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const width = size?.width ?? STATIC_WIDTH;
  const height = size?.height ?? Math.round(STATIC_WIDTH / aspect.wide);
  const iw = Math.max(1, width - M.left - M.right);
  const ih = Math.max(1, height - M.top - M.bottom);
  const [x0, x1] = spec.x.domain;
  const [lo, hi] = spec.y.domain;
  const sx = (x: number) => ((x - x0) / (x1 - x0 || 1)) * iw;
  const sy = (y: number) =>
    (1 - (Math.log10(y) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo) || 1)) * ih;
  const f = (v: number) => v.toFixed(1);
  const style = { "--aspect-wide": String(aspect.wide), "--aspect-narrow": String(aspect.narrow) };

  return (
    <div ref={box} class="widget__plot" style={style}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={spec.ariaLabel} font-size="12">
        <desc>{spec.description}</desc>
        <g transform={`translate(${M.left},${M.top})`}>
          {spec.y.ticks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${f(sy(t))})`}>
              <line x2={iw} stroke="var(--rule)" />
              <text x={-6} dy="0.32em" text-anchor="end" fill="var(--fg-muted)">
                {decade(t)}
              </text>
            </g>
          ))}
          {spec.x.ticks.map((t) => (
            <g key={`x${t}`} transform={`translate(${f(sx(t))},${ih})`}>
              <line y2={5} stroke="var(--fg-muted)" />
              <text y={17} text-anchor="middle" fill="var(--fg-muted)">
                {formatX(t)}
              </text>
            </g>
          ))}
          <line y1={ih} y2={ih} x2={iw} stroke="var(--fg-muted)" />
          <text x={-M.left + 2} y={-9} fill="var(--fg-muted)">
            ↑ {spec.y.label}
          </text>
          <text x={iw / 2} y={ih + 31} text-anchor="middle" fill="var(--fg-muted)">
            {spec.x.label}
          </text>
          <svg width={iw} height={ih} overflow="hidden">
            {spec.rules.map((r) => (
              <line
                key={`r${r.y}`}
                x2={iw}
                y1={f(sy(r.y))}
                y2={f(sy(r.y))}
                stroke={r.color}
                stroke-dasharray={r.dashed ? "4 4" : undefined}
              />
            ))}
            {spec.series.map((s, i) => (
              <g key={i} fill={s.color} stroke={s.color}>
                {s.points.length > 1 && (
                  <polyline
                    points={s.points.map((p) => `${f(sx(p.x))},${f(sy(p.y))}`).join(" ")}
                    fill="none"
                    stroke-width="2"
                    stroke-linejoin="round"
                  />
                )}
                {(s.marker === "last" ? s.points.slice(-1) : s.marker === "none" ? [] : s.points).map((p) =>
                  s.marker === "cross" ? (
                    <path
                      key={p.x}
                      d={`M${f(sx(p.x) - 4)},${f(sy(p.y))}h8M${f(sx(p.x))},${f(sy(p.y) - 4)}v8`}
                      stroke-width="2"
                    />
                  ) : (
                    <circle
                      key={p.x}
                      cx={f(sx(p.x))}
                      cy={f(sy(p.y))}
                      r={s.marker === "last" ? 3 : 4}
                      stroke="none"
                    />
                  ),
                )}
              </g>
            ))}
          </svg>
          {spec.notes.map((n) => (
            <text key={n.text} x={f(sx(n.x) + 4)} y={f(sy(n.y) + 14)} fill={n.color} font-weight="600">
              {n.text}
            </text>
          ))}
        </g>
      </svg>
    </div>
  );
}
