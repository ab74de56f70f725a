import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import routeList from "../../src/routes.json" with { type: "json" };

type Route =
  "/" | "/symmetric/" | "/random/" | "/xavier/" | "/he/" | "/reference/" | "/interview/" | "/playground/";

/** The built site. Site tests run after `astro build`; without dist/ they fail with that instruction. */
export const DIST = join(process.cwd(), "dist");

/** Every route the site must have, in reading order (the one list: src/routes.json; the build checks it). */
export const ROUTES = routeList as readonly Route[];

export function requireDist(): void {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/ has no build: run `npm run build` before the site tests.");
  }
}

export function filesUnder(dir: string, predicate: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, predicate));
    else if (predicate(path)) out.push(path);
  }
  return out.sort();
}

/** The route a built HTML file is served at: dist/he/index.html → /he/. */
export function routeOfFile(path: string): string {
  const rel = relative(DIST, path).split(sep).join("/");
  return "/" + rel.replace(/index\.html$/, "");
}

/** The file that serves a route or path, if any: /he/ → dist/he/index.html; /favicon.svg → dist/favicon.svg. */
export function fileOfPath(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith("/")
    ? [join(DIST, clean, "index.html")]
    : [join(DIST, clean), join(DIST, clean, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export interface BuiltPage {
  route: string;
  file: string;
  html: string;
  document: Document;
}

const cache = new Map<string, BuiltPage>();

export function loadPage(file: string): BuiltPage {
  let page = cache.get(file);
  if (!page) {
    const html = readFileSync(file, "utf8");
    const { document } = parseHTML(html);
    page = { route: routeOfFile(file), file, html, document: document as unknown as Document };
    cache.set(file, page);
  }
  return page;
}

export function allPages(): BuiltPage[] {
  requireDist();
  return filesUnder(DIST, (p) => p.endsWith(".html")).map(loadPage);
}
