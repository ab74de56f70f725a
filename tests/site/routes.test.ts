import { describe, expect, it } from "vitest";
import { ROUTES, allPages, fileOfPath, loadPage, requireDist } from "./dist";

describe("built routes", () => {
  requireDist();

  it.each(ROUTES)("%s exists with a real title, description and one h1", (route) => {
    const file = fileOfPath(route);
    expect(file, `no built file serves ${route}`).toBeDefined();
    const { document } = loadPage(file!);
    const title = document.querySelector("title")?.textContent?.trim() ?? "";
    const description = document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "";
    expect(title.length).toBeGreaterThan(10);
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(document.documentElement.getAttribute("lang")).toBe("en");
  });

  it("gives every page a distinct title and description", () => {
    const pages = allPages().filter((p) => p.route !== "/404.html");
    const titles = pages.map((p) => p.document.querySelector("title")?.textContent);
    const descriptions = pages.map((p) =>
      p.document.querySelector('meta[name="description"]')?.getAttribute("content"),
    );
    expect(new Set(titles).size).toBe(pages.length);
    expect(new Set(descriptions).size).toBe(pages.length);
  });

  it("lists every page in the site header, in reading order, marking the current one", () => {
    for (const route of ROUTES) {
      const { document } = loadPage(fileOfPath(route)!);
      const links = [...document.querySelectorAll('nav[aria-label="Pages"] a')];
      expect(links.map((a) => a.getAttribute("href"))).toEqual([...ROUTES]);
      const current = links.filter((a) => a.getAttribute("aria-current") === "page");
      expect(current.map((a) => a.getAttribute("href"))).toEqual([route]);
    }
  });

  it("links each page to its neighbours in reading order", () => {
    ROUTES.forEach((route, i) => {
      const { document } = loadPage(fileOfPath(route)!);
      const prev = document.querySelector('a[rel="prev"]')?.getAttribute("href");
      const next = document.querySelector('a[rel="next"]')?.getAttribute("href");
      expect(prev).toBe(ROUTES[i - 1]);
      expect(next).toBe(ROUTES[i + 1]);
    });
  });

  it("ships a favicon", () => {
    expect(fileOfPath("/favicon.svg")).toBeDefined();
    for (const page of allPages()) {
      expect(page.document.querySelector('link[rel="icon"]')?.getAttribute("href")).toBe("/favicon.svg");
    }
  });
});
