import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/**
 * Gives every h2/h3 (which already carry an id from Astro's `rehypeHeadingIds`) a visible anchor link.
 * The heading is wrapped so the link sits beside it, outside the heading's own text, keeping the TOC text
 * and the heading's accessible name clean:
 * `<div class="heading"><h2 id="x">Title</h2><a class="heading-anchor" href="#x">…</a></div>`.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string" || id === "") {
        throw new Error(`Heading without id: "${toString(node)}"`);
      }
      const anchor: Element = {
        type: "element",
        tagName: "a",
        properties: { className: ["heading-anchor"], href: `#${id}` },
        children: [
          {
            type: "element",
            tagName: "span",
            properties: { className: ["visually-hidden"] },
            children: [{ type: "text", value: `Link to section “${toString(node)}”` }],
          },
          {
            type: "element",
            tagName: "span",
            properties: { ariaHidden: "true" },
            children: [{ type: "text", value: "#" }],
          },
        ],
      };
      const wrapper: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["heading", `heading-${node.tagName}`] },
        children: [node, anchor] as ElementContent[],
      };
      parent.children[index] = wrapper;
      return ["skip", index + 1];
    });
  };
}
