import type { Element, Root, Text } from "hast";
import { visit } from "unist-util-visit";

const LEADING_PUNCTUATION = /^[.,;:!?)\]’”]+/;

/**
 * Keeps punctuation that follows inline math on the same line as the formula: `$x_i$,` would otherwise
 * let the browser break between the formula and its comma. Wraps both in `<span class="nowrap">`.
 */
export function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      const classes = node.properties?.className;
      if (!Array.isArray(classes) || !classes.includes("katex")) return;
      const next = parent.children[index + 1];
      if (!next || next.type !== "text") return;
      const match = LEADING_PUNCTUATION.exec(next.value);
      if (!match) return;
      const punctuation: Text = { type: "text", value: match[0] };
      const wrapper: Element = {
        type: "element",
        tagName: "span",
        properties: { className: ["nowrap"] },
        children: [node, punctuation],
      };
      (next as Text).value = next.value.slice(match[0].length);
      parent.children[index] = wrapper;
      return ["skip", index + 1];
    });
  };
}
