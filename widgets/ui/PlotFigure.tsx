import * as Plot from "@observablehq/plot";
import type { ComponentChildren } from "preact";
import { useContext, useLayoutEffect, useRef, useState } from "preact/hooks";
import { finishPlotSvg } from "./plot-output";
import type { FigureSize } from "./figure-size";
import { liveAt, liveLayer, type LiveSpec } from "./live-marks";
import { FrameLoopContext } from "./useTraining";

/**
 * A figure as a spec function returns it: the Plot part (axes and slow marks) named by `key` — a string of
 * everything it depends on, so the figure redraws exactly when that changes — and the live marks, which
 * update on every snapshot without Plot.
 */
export interface FigureSpec {
  key: string;
  plot: (size: FigureSize) => Plot.PlotOptions;
  live?: LiveSpec | null;
}

interface Props {
  /** The figure (alternative to `options` + `live`): redrawn through Plot only when its key changes. */
  figure?: FigureSpec | null;
  /**
   * Builds the Plot options for a drawing size: the axes and the marks that change rarely (a pure spec
   * function closed over its data). A new function redraws the whole figure, on the demo's next frame. Null
   * while there is no data yet: the children (the build-time figure) stay on screen.
   */
  options?: ((size: FigureSize) => Plot.PlotOptions) | null;
  /**
   * The marks that move every snapshot (a loss curve while training), drawn in the figure's scales as plain
   * SVG paths and labels: a new `live` updates only them, at once, without running Plot again. A function
   * of the size gets the size the Plot part was drawn at.
   */
  live?: LiveSpec | null;
  /**
   * width / height of the figure's box on wide screens and on phones. The box is reserved in CSS, so the live
   * figure replaces the static one without a layout shift, and the figure is drawn to fill it.
   */
  aspect: { wide: number; narrow: number };
  /** The static SVG rendered at build time, shown until the live figure is drawn. */
  children?: ComponentChildren;
}

let nextKey = 1;

/**
 * Draws a Plot figure at the container's width and redraws when the options or the width change — through
 * the demo's frame loop when there is one, so a redraw shares the frame's budget with training. Until the
 * first live drawing it shows its children (the build-time SVG), so the page never shows an empty box.
 */
export function PlotFigure(props: Props) {
  const { aspect, children } = props;
  const spec = props.figure;
  // the Plot part keeps its identity while the key is unchanged, so only the live marks move
  const keyed = useRef<{ key: string; plot: FigureSpec["plot"] } | null>(null);
  if (spec && keyed.current?.key !== spec.key) keyed.current = { key: spec.key, plot: spec.plot };
  const options = spec === undefined ? (props.options ?? null) : spec === null ? null : keyed.current!.plot;
  const live = spec ? (spec.live ?? null) : (props.live ?? null);
  const ref = useRef<HTMLDivElement>(null);
  const loop = useContext(FrameLoopContext);
  const [size, setSize] = useState<FigureSize | null>(null);
  const figure = useRef<(Element & { scale?: Plot.Plot["scale"] }) | null>(null);
  const drawnAt = useRef<FigureSize | null>(null);
  const liveRef = useRef(live);
  liveRef.current = live;
  const [key] = useState(() => `figure-${nextKey++}`);
  // once drawn live, the build-time SVG never comes back (a demo back at its initial state passes it again)
  const [drawnLive, setDrawnLive] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((old) =>
        old && Math.round(width) === old.width && Math.round(height) === old.height
          ? old
          : { width: Math.round(width), height: Math.round(height) },
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || options === null || size === null || size.width < 100 || size.height < 60) return;
    const draw = () => {
      const drawn = Plot.plot(options(size));
      finishPlotSvg(drawn);
      el.replaceChildren(drawn);
      figure.current = drawn;
      drawnAt.current = size;
      liveLayer(drawn, liveAt(liveRef.current, size));
      setDrawnLive(true);
    };
    if (loop) loop.draw(key, draw);
    else draw();
  }, [options, size]);

  useLayoutEffect(() => {
    if (figure.current && drawnAt.current) liveLayer(figure.current, liveAt(live, drawnAt.current));
  }, [live]);

  const style = { "--aspect-wide": String(aspect.wide), "--aspect-narrow": String(aspect.narrow) };
  return (
    <div ref={ref} class="widget__plot" style={style}>
      {drawnLive ? null : children}
    </div>
  );
}
