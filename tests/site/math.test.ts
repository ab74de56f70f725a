import { readFileSync } from "node:fs";
import { katexFontsOnLoad } from "../../src/lib/katex-fonts";
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

  it("self-hosts the KaTeX fonts and preloads exactly the faces each page's visible math uses", () => {
    let withMath = 0;
    for (const page of pages) {
      const preloads = [...page.document.querySelectorAll('link[rel="preload"][as="font"]')].map((l) =>
        l.getAttribute("href"),
      );
      const katexStems = preloads
        .map((h) => /\/_astro\/(KaTeX_[\w-]+)\.[\w-]+\.woff2$/.exec(h ?? "")?.[1])
        .filter((stem) => stem !== undefined)
        .sort();
      expect(katexStems, page.route).toEqual(katexFontsOnLoad(page.document));
      if (katexStems.length) {
        withMath++;
        expect(katexStems, page.route).toContain("KaTeX_Main-Regular");
      }
      for (const href of preloads)
        expect(filesUnder(DIST, (p) => p.endsWith(href!.split("/").pop()!))).toHaveLength(1);
    }
    expect(withMath).toBeGreaterThanOrEqual(5);
  });
});
