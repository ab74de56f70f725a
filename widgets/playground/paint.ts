/**
 * Canvas painting for the live heatmaps (the boundary and the unit thumbnails): cheap enough to redraw a few
 * times a second, unlike thousands of SVG cells. Colours come from the page's palette, resolved per theme.
 */
import { useLayoutEffect, useState } from "preact/hooks";
import { PLANE } from "./run";

const GRID = PLANE.cells;

export type Rgb = readonly [number, number, number];

/** The computed colour of a CSS colour expression (custom properties and light-dark() resolved) at `el`. */
export function resolveColor(el: Element, css: string): Rgb {
  const probe = document.createElement("span");
  probe.style.color = css;
  probe.style.display = "none";
  el.appendChild(probe);
  const rgb = getComputedStyle(probe)
    .color.match(/[\d.]+/g)
    ?.map(Number) ?? [0, 0, 0];
  probe.remove();
  return [rgb[0], rgb[1], rgb[2]];
}

/** The two class colours: positive outputs in --series-1, negative in --series-2. */
export interface Palette {
  pos: Rgb;
  neg: Rgb;
}

/** Resolving forces a style pass, so the palette is kept per theme (the page's choice and the system's). */
const palettes = new Map<string, Palette>();

export function paletteOf(el: Element): Palette {
  const key = `${document.documentElement.dataset.theme ?? ""}|${matchMedia("(prefers-color-scheme: dark)").matches}`;
  let palette = palettes.get(key);
  if (!palette) {
    palette = { pos: resolveColor(el, "var(--series-1)"), neg: resolveColor(el, "var(--series-2)") };
    palettes.set(key, palette);
  }
  return palette;
}

let scratch: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; image: ImageData } | null = null;

function scratchCanvas() {
  if (scratch) return scratch;
  const canvas = document.createElement("canvas");
  canvas.width = GRID;
  canvas.height = GRID;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  scratch = { canvas, ctx, image: ctx.createImageData(GRID, GRID) };
  return scratch;
}

/**
 * Paints `values` (GRID × GRID, row-major, top row first) into the rectangle (x, y, w, h) of `ctx`: colour by
 * sign, opacity by |value| clipped to 1 (non-finite values stay transparent), smoothly upscaled.
 */
export function paintHeat(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  palette: Palette,
  x: number,
  y: number,
  w: number,
  h: number,
  maxAlpha = 0.85,
): void {
  const s = scratchCanvas();
  if (!s) return;
  const px = s.image.data;
  for (let k = 0; k < GRID * GRID; k++) {
    const v = values[k];
    const c = v < 0 ? palette.neg : palette.pos;
    px[4 * k] = c[0];
    px[4 * k + 1] = c[1];
    px[4 * k + 2] = c[2];
    px[4 * k + 3] = Number.isFinite(v) ? Math.round(255 * maxAlpha * Math.min(1, Math.abs(v))) : 0;
  }
  s.ctx.putImageData(s.image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(s.canvas, x, y, w, h);
}

/** A canvas's box size in CSS pixels, tracked with a ResizeObserver (reading it while drawing forces layout). */
export function useCanvasSize(
  ref: { current: HTMLCanvasElement | null },
  live: boolean,
): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!live || !el) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [live]);
  return size;
}

/** Sizes a canvas's backing store to its box at the device's pixel ratio; returns the scale from user units. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  box: { width: number; height: number },
  userWidth: number,
): number {
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.max(1, Math.round(box.width * ratio));
  const h = Math.max(1, Math.round(box.height * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return w / userWidth;
}
