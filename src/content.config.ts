import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

/**
 * The article's pages: one MDX file per page in the top-level `content/` folder.
 * `index.mdx` is the Overview at `/`; every other file `x.mdx` is served at `/x/`.
 */
const pages = defineCollection({
  loader: glob({ base: "./content", pattern: "*.mdx" }),
  schema: z
    .object({
      /** The page's full title: the `<h1>` and the document title. */
      title: z.string().min(3).max(90),
      /** One or two sentences for search results, link previews and `<meta name="description">` (50–200 characters). */
      description: z.string().min(50).max(200),
      /** Position in reading order (header, previous/next links). Unique across pages. */
      order: z.number().int().min(0),
      /** Short name for the site header and previous/next links; defaults to the title. */
      navTitle: z.string().min(2).max(24).optional(),
      /** One line under the title, setting up the page's question. */
      lede: z.string().max(300).optional(),
      /** Show the per-page table of contents (default true). */
      toc: z.boolean().default(true),
      /** How wide figures may break out: `article` (a little wider than the text) or `wide` (sandbox pages). */
      width: z.enum(["article", "wide"]).default("article"),
    })
    .strict(),
});

export const collections = { pages };
