// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { rehypePlugins, remarkPlugins } from "./src/lib/markdown.ts";

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  integrations: [mdx(), preact()],
  markdown: { remarkPlugins, rehypePlugins },
  vite: {
    // Fonts under 4 KiB would otherwise become data: URIs, which a strict Content-Security-Policy refuses.
    build: { assetsInlineLimit: 0 },
  },
});
