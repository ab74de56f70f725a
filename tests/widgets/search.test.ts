import { describe, expect, it } from "vitest";
import { toHits, type PagefindData } from "../../widgets/search/pagefind";

const page = (url: string, title: string, subs: [string, string][]): PagefindData => ({
  url,
  meta: { title },
  excerpt: `page excerpt of ${title}`,
  sub_results: subs.map(([t, u]) => ({ title: t, url: u, excerpt: `excerpt of ${t}` })),
});

describe("search hits", () => {
  it("links to sections by anchor, at most three per page, best pages first", () => {
    const hits = toHits([
      page("/he/", "He", [
        ["He", "/he/"],
        ["Why ReLU needs a factor of two", "/he/#why-relu"],
        ["Fan-in or fan-out", "/he/#fan-in-or-fan-out"],
        ["Leaky ReLU", "/he/#leaky"],
        ["Gains", "/he/#gains"],
      ]),
      page("/xavier/", "Xavier", [["Forward", "/xavier/#forward"]]),
    ]);
    expect(hits.map((h) => h.url)).toEqual([
      "/he/#why-relu",
      "/he/#fan-in-or-fan-out",
      "/he/#leaky",
      "/xavier/#forward",
    ]);
    expect(hits[0]).toMatchObject({ page: "He", section: "Why ReLU needs a factor of two" });
  });

  it("falls back to the page when it has no matching section, and caps the list", () => {
    expect(toHits([page("/", "Overview", [])])).toEqual([
      { page: "Overview", section: "Overview", url: "/", excerpt: "page excerpt of Overview" },
    ]);
    const many = Array.from({ length: 6 }, (_, i) =>
      page(`/p${i}/`, `P${i}`, [
        ["a", `/p${i}/#a`],
        ["b", `/p${i}/#b`],
      ]),
    );
    expect(toHits(many)).toHaveLength(8);
    expect(toHits([])).toEqual([]);
  });
});
