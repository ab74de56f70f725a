/**
 * Bulk SVG marks (data points, heatmap cells, the build-time links) as one markup string per group, written
 * exactly as Preact's server render would write the same elements. A group is then one node for Preact
 * instead of hundreds: hydration adopts the server's elements without walking them (Preact leaves
 * `dangerouslySetInnerHTML` alone while it hydrates), and a changed group is one `innerHTML` write.
 */

const escapeAttr = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `<tag a="1" b="x"></tag>` for each attribute record, in the records' key order. */
export function svgMarkup(tag: string, elements: Iterable<Record<string, string | number>>): string {
  let out = "";
  for (const attrs of elements) {
    out += `<${tag}`;
    for (const name in attrs) out += ` ${name}="${escapeAttr(String(attrs[name]))}"`;
    out += `></${tag}>`;
  }
  return out;
}

/** Props for an element whose children are `markup`. */
export const withMarkup = (markup: string) => ({ dangerouslySetInnerHTML: { __html: markup } });
