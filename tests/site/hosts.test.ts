import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIST, filesUnder } from "./dist";

/**
 * XML namespace names are identifiers that a browser never fetches (d3 and Plot carry them to create SVG);
 * they are the only absolute URLs allowed in the build.
 */
const NAMESPACES = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/",
  "http://www.w3.org/1998/Math/MathML",
]);

/** Absolute (`scheme://host`) and protocol-relative (`//host`, in url() or attributes) references. */
const ABSOLUTE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g;
const PROTOCOL_RELATIVE =
  /(?:url\(\s*["']?|(?:src|href|action|srcset|poster|data)\s*=\s*["']?)\/\/[^\s"')<>]+/gi;

/**
 * Pagefind parses result URLs against a dummy base (`new URL(path, "https://example.com…")`); that string
 * is never requested. Allowed only in Pagefind's own scripts, and only in that template form.
 */
const PAGEFIND_URL_BASE = /^https:\/\/example\.com\$\{/;

function offenders(text: string, file = ""): string[] {
  const found = [...text.matchAll(ABSOLUTE)]
    .map((m) => m[0].replace(/[.,;]+$/, ""))
    .filter((url) => !(file.includes("/pagefind/") && PAGEFIND_URL_BASE.test(url)));
  const relative = [...text.matchAll(PROTOCOL_RELATIVE)].map((m) => m[0]);
  return [...found.filter((url) => !NAMESPACES.has(url)), ...relative];
}

describe("no reference to any other host", () => {
  const files = filesUnder(DIST, (p) => /\.(html|css|js|mjs|svg|json|webmanifest|xml|txt)$/.test(p));

  it("finds the built files", () => {
    expect(files.some((f) => f.endsWith(".html"))).toBe(true);
    expect(files.some((f) => f.endsWith(".css"))).toBe(true);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(DIST.length), f]))("%s names no other host", (_name, file) => {
    expect(offenders(readFileSync(file, "utf8"), file)).toEqual([]);
  });

  it("would catch a link, a stylesheet, a font and a protocol-relative script", () => {
    expect(offenders('<a href="https://arxiv.org/abs/1502.01852">He</a>')).toHaveLength(1);
    expect(offenders("@font-face{src:url(https://fonts.gstatic.com/x.woff2)}")).toHaveLength(1);
    expect(offenders('<script src="//cdn.example.com/katex.js"></script>')).toHaveLength(1);
    expect(offenders('document.createElementNS("http://www.w3.org/2000/svg","g")')).toHaveLength(0);
    expect(offenders("new URL(u, `https://example.com${x}`)", "/app/main.js")).toHaveLength(1);
  });
});
