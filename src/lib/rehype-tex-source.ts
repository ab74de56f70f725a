import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/**
 * Offers the TeX source of every display formula for copying. Runs after rehype-katex and wraps each
 * `.katex-display` as
 * `<div class="math-block">{formula}<details class="tex-source"><summary>TeX</summary>
 *   <div class="tex-source__body"><pre><code>{source}</code></pre><span class="tex-source__hint">…</span></div>
 * </details></div>`.
 * No script: the source is selectable with one click (CSS `user-select: all`). It is KaTeX's own MathML
 * annotation, so it is exactly what was rendered. Styles live in src/components/TexSource.astro.
 */
export function rehypeTexSource() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      const classes = node.properties?.className;
      if (!Array.isArray(classes) || !classes.includes("katex-display")) return;
      let source: string | undefined;
      visit(node, "element", (child) => {
        if (child.tagName === "annotation" && child.properties?.encoding === "application/x-tex") {
          source = toString(child).trim();
        }
      });
      if (source === undefined) throw new Error("A display formula has no TeX annotation to offer.");
      const details: Element = {
        type: "element",
        tagName: "details",
        properties: { className: ["tex-source"] },
        children: [
          {
            type: "element",
            tagName: "summary",
            properties: {},
            children: [
              { type: "text", value: "TeX" },
              {
                type: "element",
                tagName: "span",
                properties: { className: ["visually-hidden"] },
                children: [{ type: "text", value: " source of this formula" }],
              },
            ],
          },
          {
            type: "element",
            tagName: "div",
            properties: { className: ["tex-source__body"] },
            children: [
              {
                type: "element",
                tagName: "pre",
                properties: {},
                children: [
                  {
                    type: "element",
                    tagName: "code",
                    properties: {},
                    children: [{ type: "text", value: source }],
                  },
                ],
              },
              {
                type: "element",
                tagName: "span",
                properties: { className: ["tex-source__hint"] },
                children: [{ type: "text", value: "A click selects the whole source." }],
              },
            ],
          },
        ],
      };
      parent.children[index] = {
        type: "element",
        tagName: "div",
        properties: { className: ["math-block"] },
        children: [node, details],
      };
      return ["skip", index + 1];
    });
  };
}
