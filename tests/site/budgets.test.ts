import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIST, allPages } from "./dist";

const KB = 1024;
const JS_BUDGET = 120 * KB;
const HTML_BUDGET = 150 * KB;

/**
 * DOM elements in <body> (what Lighthouse's dom-size audit counts) and raw HTML bytes, per page. Set from
 * `npm run lighthouse` on this 2-core machine (Lighthouse 12, mobile, median of 3): every page scored 97–100
 * with TBT ≤ 159 ms, and the main-thread cost that remains is style and layout, which grows with the element
 * count — /reference/ (12,881 elements, 689 KB) spent 0.8 s of simulated main thread in style and layout and
 * scored 98, /random/ (7,173) 0.37 s and 99. The budgets sit about 10 % above those pages: an article may grow,
 * but not by a long table of formulas without a measured Lighthouse run (and a reason to raise its line here).
 * KaTeX writes each formula twice (HTML for the eye, MathML for screen readers): ≈ 85 % of an article's
 * elements are math, so a new formula-heavy section is what these catch.
 */
const DOM_BUDGET = { article: 8_000, "/reference/": 14_200 } as const;
const HTML_BYTES_BUDGET = { article: 350 * KB, "/reference/": 760 * KB } as const;
const budgetOf = <T>(table: { article: T; "/reference/": T }, route: string): T =>
  route === "/reference/" ? table["/reference/"] : table.article;

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A built JS module and everything it imports, statically or dynamically (relative specifiers only). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  const specifiers = [
    ...code.matchAll(/\bimport\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g),
    ...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
    ...code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g),
  ].map((m) => m[1]);
  for (const spec of specifiers) moduleGraph(resolve(dirname(entry), spec), seen);
  return seen;
}

const fileOfUrl = (url: string) => join(DIST, new URL(url, "http://x").pathname);

describe("page budgets", () => {
  const pages = allPages();

  it.each(pages.map((p) => [p.route, p] as const))("%s: HTML ≤ 150 KB gzip", (_route, page) => {
    expect(gzipSize(page.html)).toBeLessThanOrEqual(HTML_BUDGET);
  });

  it.each(pages.map((p) => [p.route, budgetOf(DOM_BUDGET, p.route), p] as const))(
    "%s: at most %i DOM elements in the body",
    (_route, budget, page) => {
      const elements = page.document.body.querySelectorAll("*").length;
      expect(elements).toBeGreaterThan(50);
      expect(elements).toBeLessThanOrEqual(budget);
    },
  );

  it.each(pages.map((p) => [p.route, budgetOf(HTML_BYTES_BUDGET, p.route), p] as const))(
    "%s: at most %i bytes of HTML",
    (_route, budget, page) => {
      expect(Buffer.byteLength(page.html)).toBeLessThanOrEqual(budget);
    },
  );

  it.each(pages.map((p) => [p.route, p] as const))(
    "%s: JavaScript ≤ 120 KB gzip with every island loaded",
    (_route, page) => {
      const entries = new Set<string>();
      for (const island of page.document.querySelectorAll("astro-island")) {
        for (const attr of ["component-url", "renderer-url"]) {
          const url = island.getAttribute(attr);
          if (url) entries.add(fileOfUrl(url));
        }
      }
      for (const s of page.document.querySelectorAll("script[src]"))
        entries.add(fileOfUrl(s.getAttribute("src")!));
      const files = new Set<string>();
      for (const entry of entries) for (const f of moduleGraph(entry)) files.add(f);
      const inline = [...page.document.querySelectorAll("script:not([src])")]
        .map((s) => s.textContent ?? "")
        .join("\n");
      const total = [...files].reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0) + gzipSize(inline);
      expect(total).toBeLessThanOrEqual(JS_BUDGET);
      if (page.document.querySelector("astro-island")) expect(files.size).toBeGreaterThan(0);
    },
  );

  it.each(pages.map((p) => [p.route, p] as const))(
    "%s: loads no script file before an island becomes visible",
    (_route, page) => {
      expect(page.document.querySelectorAll("script[src]")).toHaveLength(0);
      expect(page.document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
      for (const island of page.document.querySelectorAll("astro-island")) {
        expect(island.getAttribute("client")).toBe("visible");
      }
    },
  );
});
