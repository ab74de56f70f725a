import { rehypeHeadingIds } from "@astrojs/markdown-remark";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import type { RehypePlugins, RemarkPlugins } from "astro";
import { rehypeFailOnKatexError } from "./rehype-fail-on-katex-error";
import { rehypeHeadingAnchors } from "./rehype-heading-anchors";
import { rehypeMathPunctuation } from "./rehype-math-punctuation";
import { rehypeSearchHints } from "./rehype-search-hints";
import { rehypeTexSource } from "./rehype-tex-source";

/** The Markdown/MDX pipeline of every page (astro.config.mjs uses these; the site tests run them too). */
export const remarkPlugins: RemarkPlugins = [remarkMath];

export const rehypePlugins: RehypePlugins = [
  // Math is rendered once, here at build time: the browser gets HTML + CSS, never KaTeX's JavaScript.
  [rehypeKatex, { output: "htmlAndMathml", strict: "error" }],
  rehypeFailOnKatexError,
  rehypeMathPunctuation,
  rehypeHeadingIds,
  rehypeHeadingAnchors,
  rehypeTexSource,
  rehypeSearchHints,
];
