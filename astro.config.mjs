// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { rehypePlugins, remarkPlugins } from "./src/lib/markdown.ts";
import { cspConfig } from "./src/lib/csp.ts";
import { subsetFonts } from "./src/lib/subset-fonts.ts";

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  integrations: [mdx(), preact(), subsetFonts()],
  markdown: { remarkPlugins, rehypePlugins },
  experimental: {
    // A Content-Security-Policy <meta> on every page: scripts only from this origin or by hash.
    csp: cspConfig(),
  },
  vite: {
    build: {
      // Fonts under 4 KiB would otherwise become data: URIs, which a strict Content-Security-Policy refuses.
      assetsInlineLimit: 0,
      // One stylesheet for the whole site (≈11 KB gzip) instead of ~15 per-component files: every page then
      // waits for a single render-blocking request, and the file is cached across pages.
      cssCodeSplit: false,
      // Terser packs the islands' JavaScript ~2 % smaller (gzip) than esbuild's minifier; the pages are held to
      // 120 KB of JavaScript each (tests/site/budgets.test.ts), most of it Observable Plot.
      minify: "terser",
    },
  },
});
