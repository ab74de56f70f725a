import type { Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * KaTeX writes each formula twice, as MathML (read aloud) and as styled HTML (seen). The search index
 * needs it once: mark the visual copy `data-pagefind-ignore` so results quote the MathML/TeX only.
 */
export function rehypeSearchHints() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      const classes = node.properties?.className;
      if (Array.isArray(classes) && classes.includes("katex-html")) node.properties.dataPagefindIgnore = "";
    });
  };
}
