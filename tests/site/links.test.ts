import { describe, expect, it } from "vitest";
import { allPages, fileOfPath, loadPage } from "./dist";

const BASE = "http://site.invalid";

describe("links and anchors in the built site", () => {
  const pages = allPages();

  it("resolves every internal link and #anchor to a built file and an element id", () => {
    const broken: string[] = [];
    let anchorsChecked = 0;
    for (const page of pages) {
      for (const a of page.document.querySelectorAll("a[href]")) {
        const href = a.getAttribute("href")!;
        const url = new URL(href, BASE + page.route);
        if (url.origin !== BASE) continue; // other hosts are the host test's business
        const target = fileOfPath(url.pathname);
        if (!target) {
          broken.push(`${page.route}: ${href} (no such file)`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && target.endsWith(".html")) {
          anchorsChecked++;
          if (!loadPage(target).document.getElementById(id))
            broken.push(`${page.route}: ${href} (no id "${id}")`);
        }
      }
    }
    expect(broken).toEqual([]);
    // Cross-page section links (e.g. interview answers) must be among those checked, or the check is vacuous.
    expect(anchorsChecked).toBeGreaterThan(pages.length);
  });

  it.each(pages.map((p) => [p.route, p] as const))("%s has unique element ids", (_route, page) => {
    const ids = [...page.document.querySelectorAll("[id]")].map((el) => el.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it.each(pages.map((p) => [p.route, p] as const))(
    "%s gives every h2/h3 an id, a visible anchor link and a contents entry",
    (_route, page) => {
      const headings = [...page.document.querySelectorAll("main h2, main h3")];
      const toc = page.document.querySelector(".toc--side");
      for (const h of headings) {
        expect(h.id, `heading "${h.textContent}" has no id`).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        const anchor = h.parentElement?.querySelector(":scope > a.heading-anchor");
        expect(anchor?.getAttribute("href")).toBe(`#${h.id}`);
        expect(toc?.querySelector(`a[href="#${h.id}"]`), `TOC misses #${h.id}`).toBeTruthy();
      }
    },
  );

  it("points the skip link at the main landmark on every page", () => {
    for (const page of pages) {
      expect(page.document.querySelector(".skip-link")?.getAttribute("href")).toBe("#main");
      expect(page.document.querySelector("main#main")).toBeTruthy();
    }
  });
});
