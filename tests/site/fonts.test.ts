// The build subsets every self-hosted font to the site's characters (src/lib/subset-fonts.ts). These tests
// read the built fonts back with HarfBuzz and hold the step to its promises: no character the site can
// draw has lost its glyph, names follow content, and every font and stylesheet a page names exists.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Blob, Face } from "harfbuzzjs";
import { convert } from "fontverter";
import { beforeAll, describe, expect, it } from "vitest";
import { ALWAYS_KEPT, SUBSET_FONT, siteCharacters } from "../../src/lib/subset-fonts";
import { DIST, allPages, filesUnder, requireDist } from "./dist";

const require = createRequire(import.meta.url);
const ASSETS = join(DIST, "_astro");

/** The shipped original of a built font: `inter-latin-wght-normal.HASH.woff2` → Fontsource's file. */
function originalOf(builtName: string): string {
  const stem = builtName.replace(/\.[^.]+\.woff2$/, "");
  if (stem.startsWith("KaTeX_"))
    return join(require.resolve("katex/package.json"), "..", "dist", "fonts", `${stem}.woff2`);
  const pkg = stem.startsWith("inter-")
    ? "@fontsource-variable/inter"
    : "@fontsource-variable/source-serif-4";
  return join(require.resolve(`${pkg}/package.json`), "..", "files", `${stem}.woff2`);
}

async function unicodes(woff2: Uint8Array): Promise<Set<number>> {
  const face = new Face(new Blob(await convert(woff2, "truetype")), 0);
  return new Set(face.collectUnicodes());
}

const fontNames = () => readdirSync(ASSETS).filter((n) => SUBSET_FONT.test(n));

describe("subset fonts", () => {
  let site: Set<number>;
  beforeAll(async () => {
    requireDist();
    site = new Set([...(await siteCharacters(DIST))].map((c) => c.codePointAt(0)!));
  });

  it("covers the Fontsource and KaTeX fonts the site ships", () => {
    const names = fontNames();
    for (const family of [
      "source-serif-4-latin-wght-normal",
      "source-serif-4-latin-wght-italic",
      "inter-latin-wght-normal",
      "KaTeX_Main-Regular",
      "KaTeX_Math-Italic",
    ]) {
      expect(names.some((n) => n.startsWith(`${family}.`))).toBe(true);
    }
  });

  it("collects the characters of pages, scripts and styles, not just ASCII", () => {
    for (const ch of ALWAYS_KEPT) expect(site.has(ch.codePointAt(0)!)).toBe(true);
    // "ŷ" appears only in widget code (the symmetry diagram's output label), "σ" in prose, "−" everywhere.
    for (const ch of ["ŷ", "σ", "−", "—"]) expect(site.has(ch.codePointAt(0)!)).toBe(true);
  });

  it("keeps the glyph of every site character each original font had, and nothing is dropped by accident", async () => {
    for (const name of fontNames()) {
      const originalPath = originalOf(name);
      expect(existsSync(originalPath), originalPath).toBe(true);
      const original = readFileSync(originalPath);
      const built = readFileSync(join(ASSETS, name));
      // one at a time: the WebAssembly converter is not re-entrant
      const before = await unicodes(original);
      const after = await unicodes(built);
      const needed = [...before].filter((c) => site.has(c));
      const missing = needed.filter((c) => !after.has(c)).map((c) => String.fromCodePoint(c));
      expect(missing, name).toEqual([]);
      // and it is a subset of the original (HarfBuzz may keep a code point that shares a kept glyph)
      for (const c of after) expect(before.has(c), `${name} U+${c.toString(16)}`).toBe(true);
      expect(after.size, name).toBeLessThanOrEqual(before.size);
      expect(built.length, name).toBeLessThanOrEqual(original.length);
      // the name carries the subset's own hash, so a cached older subset is never served for newer text
      const hash = createHash("sha256").update(built).digest("base64url").slice(0, 8);
      expect(name.endsWith(`.${hash}.woff2`), name).toBe(true);
    }
  });

  it("the latin-ext and greek slices shrink to a few kilobytes", () => {
    for (const name of fontNames().filter((n) => /^inter-(latin-ext|greek)-/.test(n))) {
      expect(readFileSync(join(ASSETS, name)).length, name).toBeLessThan(8 * 1024);
    }
  });

  it("every font a stylesheet names and every stylesheet or preload a page names exists", () => {
    for (const css of filesUnder(ASSETS, (p) => p.endsWith(".css"))) {
      for (const [, url] of readFileSync(css, "utf8").matchAll(/url\(["']?([^)"']+)["']?\)/g)) {
        if (url.startsWith("data:")) continue;
        expect(existsSync(join(DIST, new URL(url, "http://x/_astro/").pathname)), `${css} → ${url}`).toBe(
          true,
        );
      }
    }
    for (const page of allPages()) {
      for (const link of page.document.querySelectorAll('link[rel="stylesheet"], link[rel="preload"]')) {
        const href = link.getAttribute("href")!;
        expect(existsSync(join(DIST, new URL(href, "http://x").pathname)), `${page.route} → ${href}`).toBe(
          true,
        );
      }
    }
  });
});
