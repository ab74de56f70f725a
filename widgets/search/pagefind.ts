/** The slice of Pagefind's browser API the search dialog uses (the index is built into dist/pagefind/). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: PagefindSubResult[];
}
export interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindData> }[] }>;
}

/** A hit shown to the reader: the section it is in (linked by anchor) and its page. */
export interface Hit {
  page: string;
  section: string;
  url: string;
  excerpt: string;
}

/**
 * Flattens Pagefind results into section hits: each page's best sub-results (headings with anchors) come
 * first; a page without sections links to the page itself. Pagefind's URLs are made root-relative.
 */
export function toHits(pages: PagefindData[], max = 8): Hit[] {
  const hits: Hit[] = [];
  for (const page of pages) {
    const title = page.meta.title ?? page.url;
    const subs = (page.sub_results ?? []).filter((s) => s.url.includes("#")).slice(0, 3);
    if (subs.length === 0) hits.push({ page: title, section: title, url: page.url, excerpt: page.excerpt });
    for (const s of subs) hits.push({ page: title, section: s.title, url: s.url, excerpt: s.excerpt });
    if (hits.length >= max) break;
  }
  return hits.slice(0, max);
}

let loading: Promise<Pagefind> | null = null;

/** Loads Pagefind from this site once (a runtime URL, so the bundler leaves it alone). */
export function loadPagefind(): Promise<Pagefind> {
  const url = "/pagefind/pagefind.js";
  loading ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
    await p.init();
    return p;
  });
  return loading;
}
