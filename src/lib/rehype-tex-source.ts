import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/**
 * Offers the TeX source of every display formula for copying. Runs after rehype-katex and wraps each
 * `.katex-display` as
 * `<div class="math-block">{formula}<details class="tex-source"><summary>TeX</summary>
 *   <div class="tex-source__body"><pre><code>{source}</code></pre><button data-tex-copy>Copy</button></div>
 * </details></div>`.
 * The source is KaTeX's own MathML annotation, so it is exactly what was rendered. Styles and the button's
 * behaviour live in src/components/TexSourceCopy.astro.
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
                tagName: "button",
                properties: { type: "button", dataTexCopy: "" },
                children: [{ type: "text", value: "Copy" }],
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
