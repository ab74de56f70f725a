import * as Plot from "@observablehq/plot";
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { addGroupRoles } from "./plot-a11y";
import type { FigureSize } from "./figure-size";

interface Props {
  /**
   * Builds the Plot options for a drawing size; a pure spec function closed over the current data. Null while
   * there is no data yet: the children (the build-time figure) stay on screen.
   */
  options: ((size: FigureSize) => Plot.PlotOptions) | null;
  /**
   * width / height of the figure's box on wide screens and on phones. The box is reserved in CSS, so the live
   * figure replaces the static one without a layout shift, and the figure is drawn to fill it.
   */
  aspect: { wide: number; narrow: number };
  /** The static SVG rendered at build time, shown until the live figure is drawn. */
  children?: ComponentChildren;
}

/**
 * Draws a Plot figure at the container's width and redraws when the options or the width change. Until the
 * first live drawing it shows its children (the build-time SVG), so the page never shows an empty box.
 */
export function PlotFigure({ options, aspect, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<FigureSize | null>(null);

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
    const figure = Plot.plot(options(size));
    addGroupRoles(figure);
    el.replaceChildren(figure);
  }, [options, size]);

  const style = { "--aspect-wide": String(aspect.wide), "--aspect-narrow": String(aspect.narrow) };
  return (
    <div ref={ref} class="widget__plot" style={style}>
      {children}
    </div>
  );
}
