/** A figure's drawing size in CSS pixels: the size of the box CSS reserved for it. */
export interface FigureSize {
  width: number;
  height: number;
}

/** The width every figure is drawn at when there is no box to measure (the build-time static SVG). */
export const STATIC_WIDTH = 640;

/** The static drawing size for a box of the given width / height ratio. */
export function staticSize(aspect: number): FigureSize {
  return { width: STATIC_WIDTH, height: Math.round(STATIC_WIDTH / aspect) };
}
