// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { rehypePlugins, remarkPlugins } from "./src/lib/markdown.ts";
import { cspConfig } from "./src/lib/csp.ts";

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  integrations: [mdx(), preact()],
  markdown: { remarkPlugins, rehypePlugins },
  experimental: {
    // A Content-Security-Policy <meta> on every page: scripts only from this origin or by hash.
    csp: cspConfig(),
  },
  vite: {
    // Fonts under 4 KiB would otherwise become data: URIs, which a strict Content-Security-Policy refuses.
    build: { assetsInlineLimit: 0 },
  },
});
