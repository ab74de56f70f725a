import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { describe, expect, it } from "vitest";
import { rehypePlugins, remarkPlugins } from "../../src/lib/markdown";

/** The site's own remark/rehype plugins (the ones astro.config.mjs uses), on a Markdown string. */
async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype)
    .use(rehypePlugins as PluggableList)
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

  it("gives headings ids and anchor links, and keeps punctuation with inline math", async () => {
    const html = await render("## Forward pass\n\nWith inputs $x_i$, the sum grows.");
    expect(html).toContain(
      '<h2 id="forward-pass">Forward pass</h2><a class="heading-anchor" href="#forward-pass">',
    );
    expect(html).toMatch(/<span class="nowrap"><span class="katex">.*<\/span>,<\/span> the sum/);
  });

  it("fails on a TeX error instead of shipping a red .katex-error span", async () => {
    await expect(render("Broken: $\\frac{1}{$ here")).rejects.toThrow(/TeX error/);
    await expect(render("Unknown macro: $\\notamacro{x}$")).rejects.toThrow(/notamacro/);
  });
});
