/**
 * Build step: cut every self-hosted web font down to the characters the site actually uses.
 *
 * Fontsource ships each family in unicode-range slices (latin, latin-ext, greek, …) and KaTeX ships whole
 * fonts; a page that shows one "ŷ" in a label downloads all 85 KB of Inter's latin-ext slice. After Astro
 * has written dist/, this step collects every character that can appear on the site (the text of every
 * HTML page, every string in the JavaScript bundles, every CSS `content`), subsets each `.woff2` in
 * dist/_astro to those characters with HarfBuzz (keeping the weight axis and layout features), gives the
 * file a new content hash, and rewrites the references in the stylesheets and pages (renaming the
 * stylesheets too, so a cached old file can never be served against new text).
 *
 * Printable ASCII is always kept, so text a reader types (a search query) still renders in the site's
 * fonts; any other missing character falls back to the next font in the stack, glyph by glyph.
 */
import type { AstroIntegration } from "astro";
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import subsetFont from "subset-font";
import { katexFontsOnLoad } from "./katex-fonts";

/** Fonts this step owns: Fontsource's Source Serif 4 and Inter slices, and KaTeX's fonts. */
export const SUBSET_FONT = /^(source-serif-4-|inter-|KaTeX_).*\.woff2$/;

/** Printable ASCII, always kept. */
export const ALWAYS_KEPT = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join(
  "",
);

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

function decodeJsEscapes(text: string): string {
  return text
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeCssEscapes(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/**
 * Every character that may be drawn on the site, from the files of a built dist/ (HTML, JS, CSS; the
 * search index is left out: it only repeats the pages' text). Lone surrogates from escapes are dropped.
 */
export async function siteCharacters(distDir: string): Promise<Set<string>> {
  const chars = new Set<string>(ALWAYS_KEPT);
  const add = (text: string) => {
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code >= 0x20 && !(code >= 0xd800 && code <= 0xdfff)) chars.add(ch);
    }
  };
  for (const file of await filesUnder(distDir)) {
    if (file.includes(`${join(distDir, "pagefind")}`)) continue;
    if (file.endsWith(".html")) add(decodeHtmlEntities(await readFile(file, "utf8")));
    else if (file.endsWith(".js") || file.endsWith(".mjs"))
      add(decodeJsEscapes(await readFile(file, "utf8")));
    else if (file.endsWith(".css")) add(decodeCssEscapes(await readFile(file, "utf8")));
  }
  return chars;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** `name.OLDHASH.ext` → `name.NEWHASH.ext`, NEWHASH from the file's new bytes (Astro's 8-character style). */
function rehash(fileName: string, bytes: Uint8Array | string): string {
  const hash = createHash("sha256").update(bytes).digest("base64url").slice(0, 8);
  return fileName.replace(/\.[^.]+(\.[a-z0-9]+)$/i, `.${hash}$1`);
}

export interface SubsetReport {
  fonts: number;
  bytesBefore: number;
  bytesAfter: number;
  characters: number;
}

/** Subsets the fonts of a built site in place (see the module comment) and returns what it did. */
export async function subsetSiteFonts(distDir: string): Promise<SubsetReport> {
  const assets = join(distDir, "_astro");
  const characters = await siteCharacters(distDir);
  const text = [...characters].join("");
  const renamed = new Map<string, string>();
  let bytesBefore = 0;
  let bytesAfter = 0;
  for (const name of (await readdir(assets)).filter((n) => SUBSET_FONT.test(n)).sort()) {
    const original = await readFile(join(assets, name));
    const subset: Uint8Array = await subsetFont(original, text, { targetFormat: "woff2" });
    bytesBefore += original.length;
    bytesAfter += subset.length;
    const newName = rehash(name, subset);
    await writeFile(join(assets, newName), subset);
    if (newName !== name) await rm(join(assets, name));
    renamed.set(name, newName);
  }
  const fonts = renamed.size;

  // Stylesheets name the fonts: rewrite them, and rename each by its new content.
  const files = await filesUnder(distDir);
  const replaceAll = (content: string) => {
    for (const [from, to] of renamed) content = content.split(`/${from}`).join(`/${to}`);
    return content;
  };
  for (const file of files.filter((f) => f.startsWith(assets) && f.endsWith(".css"))) {
    const content = replaceAll(await readFile(file, "utf8"));
    const name = file.slice(assets.length + 1);
    const newName = rehash(name, content);
    await writeFile(file, content);
    if (newName !== name) {
      await rename(file, join(assets, newName));
      renamed.set(name, newName);
    }
  }
  // Pages link the stylesheets and preload fonts: the body fonts from Base.astro, and here the KaTeX faces
  // their math draws on load (src/lib/katex-fonts.ts), so no formula moves when a late face arrives.
  const builtFonts = [...renamed.values()].filter((n) => n.endsWith(".woff2"));
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const content = await readFile(file, "utf8");
    let updated = replaceAll(content);
    const { document } = parseHTML(updated);
    const preloads = katexFontsOnLoad(document)
      .map((stem) => builtFonts.find((n) => n.startsWith(`${stem}.`)))
      .filter((name): name is string => name !== undefined && !updated.includes(`/_astro/${name}"`))
      .map((name) => `<link rel="preload" href="/_astro/${name}" as="font" type="font/woff2" crossorigin>`);
    if (preloads.length) {
      const at = updated.indexOf('<link rel="stylesheet"');
      if (at < 0) throw new Error(`${file}: no stylesheet link to put the KaTeX font preloads before`);
      updated = updated.slice(0, at) + preloads.join("") + updated.slice(at);
    }
    if (updated !== content) await writeFile(file, updated);
  }
  return { fonts, bytesBefore, bytesAfter, characters: characters.size };
}

export function subsetFonts(): AstroIntegration {
  return {
    name: "subset-fonts",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const report = await subsetSiteFonts(fileURLToPath(dir));
        logger.info(
          `${report.fonts} fonts subset to ${report.characters} characters: ` +
            `${(report.bytesBefore / 1024).toFixed(0)} KB → ${(report.bytesAfter / 1024).toFixed(0)} KB`,
        );
      },
    },
  };
}
