import { ROUTES, expect, test } from "./fixtures";

/**
 * The build preloads exactly the KaTeX faces each page's visible math draws with (src/lib/katex-fonts.ts):
 * read back from Chromium, the faces it loaded are the faces the page preloads, none missing (a late face
 * moves its formula) and none extra (a wasted download and a console warning).
 */
test("every page preloads exactly the KaTeX faces its math uses on load", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  for (const route of ROUTES) {
    await page.goto(route, { waitUntil: "networkidle" });
    const { loaded, preloaded } = await page.evaluate(async () => {
      await document.fonts.ready;
      const stem = (f: FontFace) => {
        const bold = Number(f.weight) >= 600 || f.weight === "bold";
        const italic = f.style === "italic";
        return `${f.family.replace(/"/g, "")}-${bold ? (italic ? "BoldItalic" : "Bold") : italic ? "Italic" : "Regular"}`;
      };
      return {
        loaded: [...document.fonts]
          .filter((f) => f.family.includes("KaTeX") && f.status === "loaded")
          .map(stem)
          .sort(),
        preloaded: [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')]
          .map((l) => new URL(l.href).pathname.split("/").pop()!.replace(/\..*$/, ""))
          .filter((name) => name.startsWith("KaTeX_"))
          .sort(),
      };
    });
    expect(loaded, route).toEqual(preloaded);
  }
});
