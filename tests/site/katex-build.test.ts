import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { rehypeFailOnKatexError } from "../../src/lib/rehype-fail-on-katex-error";

/** The same math pipeline as astro.config.mjs, on a Markdown string. */
async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: "htmlAndMathml", strict: "error" })
    .use(rehypeFailOnKatexError)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("the build's math pipeline", () => {
  it("renders valid TeX to KaTeX HTML", async () => {
    const html = await render("$$\n\\operatorname{Var}(W) = \\frac{2}{n_\\text{in} + n_\\text{out}}\n$$");
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("katex-error");
  });

  it("fails on a TeX error instead of shipping a red .katex-error span", async () => {
    await expect(render("Broken: $\\frac{1}{$ here")).rejects.toThrow(/TeX error/);
    await expect(render("Unknown macro: $\\notamacro{x}$")).rejects.toThrow(/notamacro/);
  });
});
