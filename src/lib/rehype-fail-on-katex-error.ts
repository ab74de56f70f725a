import type { Root } from "hast";
import { visit } from "unist-util-visit";

interface VFileLike {
  path?: string;
  messages: { source?: string | null; reason: string; line?: number | null; cause?: unknown }[];
}

/**
 * rehype-katex reports a TeX error as a warning and ships red text (an undefined macro) or a red
 * `.katex-error` span (a parse error). A broken formula must stop the build instead, naming the file,
 * the line and KaTeX's own message. Runs right after rehype-katex.
 */
export function rehypeFailOnKatexError() {
  return (tree: Root, file: VFileLike) => {
    const where = (line?: number | null) => `${file.path ?? "a page"}${line ? `:${line}` : ""}`;
    for (const message of file.messages) {
      if (message.source !== "rehype-katex") continue;
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      throw new Error(`TeX error in ${where(message.line)}: ${cause}`);
    }
    visit(tree, "element", (node) => {
      const classes = node.properties?.className;
      if (Array.isArray(classes) && classes.includes("katex-error")) {
        const reason = String(node.properties?.title ?? "unknown KaTeX error");
        throw new Error(`TeX error in ${where(node.position?.start.line)}: ${reason}`);
      }
    });
  };
}
