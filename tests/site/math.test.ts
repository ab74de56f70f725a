import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIST, allPages, filesUnder } from "./dist";

describe("math rendered at build time", () => {
  const pages = allPages();

  it("ships no .katex-error anywhere", () => {
    for (const page of pages)
      expect(page.document.querySelectorAll(".katex-error"), page.route).toHaveLength(0);
  });

  it("renders formulas as KaTeX HTML with MathML for assistive technology", () => {
    const withMath = pages.filter((p) => p.document.querySelector(".katex"));
    expect(withMath.length).toBeGreaterThanOrEqual(5);
    for (const page of withMath) {
      for (const k of page.document.querySelectorAll(".katex")) {
        expect(k.querySelector("math annotation[encoding='application/x-tex']"), page.route).toBeTruthy();
      }
    }
  });

  it("sends no KaTeX JavaScript to the browser", () => {
    const scripts = filesUnder(DIST, (p) => p.endsWith(".js"));
    for (const file of scripts) {
      const js = readFileSync(file, "utf8");
      expect(js.includes("ParseError") && js.includes("KaTeX"), file).toBe(false);
    }
  });

  it("self-hosts the KaTeX fonts and preloads the two it needs first", () => {
    for (const page of pages) {
      const preloads = [...page.document.querySelectorAll('link[rel="preload"][as="font"]')].map((l) =>
        l.getAttribute("href"),
      );
      expect(preloads.some((h) => /\/_astro\/KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(h ?? ""))).toBe(true);
      expect(preloads.some((h) => /\/_astro\/KaTeX_Math-Italic\.[\w-]+\.woff2$/.test(h ?? ""))).toBe(true);
      for (const href of preloads)
        expect(filesUnder(DIST, (p) => p.endsWith(href!.split("/").pop()!))).toHaveLength(1);
    }
  });
});
