import katex from "katex";

/** Renders TeX at build time with the same settings as the pages' Markdown pipeline: a TeX error throws. */
export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, {
    displayMode,
    output: "htmlAndMathml",
    strict: "error",
    throwOnError: true,
  });
}
