// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { rehypeHeadingIds } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { rehypeHeadingAnchors } from "./src/lib/rehype-heading-anchors.ts";
import { rehypeFailOnKatexError } from "./src/lib/rehype-fail-on-katex-error.ts";
import { rehypeMathPunctuation } from "./src/lib/rehype-math-punctuation.ts";

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  integrations: [mdx(), preact()],
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [
      // Math is rendered once, here at build time: the browser gets HTML + CSS, never KaTeX's JavaScript.
      [rehypeKatex, { output: "htmlAndMathml", strict: "error" }],
      rehypeFailOnKatexError,
      rehypeMathPunctuation,
      rehypeHeadingIds,
      rehypeHeadingAnchors,
    ],
  },
  vite: {
    // Fonts under 4 KiB would otherwise become data: URIs, which a strict Content-Security-Policy refuses.
    build: { assetsInlineLimit: 0 },
  },
});
