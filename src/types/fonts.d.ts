// The two font tools used at build time ship no types; these cover the calls the site makes.

declare module "subset-font" {
  interface SubsetOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
  }
  /** HarfBuzz hb-subset: keep only the glyphs `text` needs (plus their layout closure). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: SubsetOptions,
  ): Promise<Uint8Array>;
}

declare module "fontverter" {
  /** Converts between font containers; "truetype" gives the raw sfnt. */
  export function convert(font: Uint8Array, to: "sfnt" | "truetype" | "woff" | "woff2"): Promise<Uint8Array>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
