import { getCollection, type CollectionEntry } from "astro:content";
import ROUTES from "../routes.json" with { type: "json" };

export type PageEntry = CollectionEntry<"pages">;

/** The route of a page entry: `index` → `/`, `xavier` → `/xavier/`. */
export function routeOf(entry: Pick<PageEntry, "id">): string {
  return entry.id === "index" ? "/" : `/${entry.id}/`;
}

/** The short name used in navigation. */
export function navTitleOf(entry: PageEntry): string {
  return entry.data.navTitle ?? entry.data.title;
}

/**
 * All pages in reading order; fails the build when two pages claim the same `order`, or when the pages and
 * their order differ from `src/routes.json` (the one route list the tests and the Lighthouse script read).
 */
export async function pagesInOrder(): Promise<PageEntry[]> {
  const pages = await getCollection("pages");
  pages.sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < pages.length; i++) {
    if (pages[i].data.order === pages[i - 1].data.order) {
      throw new Error(`Pages "${pages[i - 1].id}" and "${pages[i].id}" share order ${pages[i].data.order}`);
    }
  }
  const routes = pages.map(routeOf);
  if (routes.join(" ") !== ROUTES.join(" ")) {
    throw new Error(
      `src/routes.json lists ${ROUTES.join(" ")} but the pages in order are ${routes.join(" ")}`,
    );
  }
  return pages;
}
