// Which KaTeX faces the build preloads for a page (src/lib/katex-fonts.ts), checked on KaTeX's real output.
import katex from "katex";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { katexFontsOnLoad } from "../../src/lib/katex-fonts";

const math = (tex: string, displayMode = false) =>
  katex.renderToString(tex, { displayMode, output: "htmlAndMathml" });
const fontsOf = (html: string) =>
  katexFontsOnLoad(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document);

describe("KaTeX faces a page draws with", () => {
  it("digits and operators use Main; variables Math italic", () => {
    expect(fontsOf(math("1 + 2"))).toEqual(["KaTeX_Main-Regular"]);
    expect(fontsOf(math("x + 1"))).toEqual(["KaTeX_Main-Regular", "KaTeX_Math-Italic"]);
  });

  it("maps alphabets and sizes to their files", () => {
    expect(fontsOf(math(String.raw`\mathcal{N}`))).toEqual(["KaTeX_Caligraphic-Regular"]);
    expect(fontsOf(math(String.raw`\mathbb{R}`))).toEqual(["KaTeX_AMS-Regular"]);
    expect(fontsOf(math(String.raw`\mathbf{W}`))).toEqual(["KaTeX_Main-Bold"]);
    expect(fontsOf(math(String.raw`\boldsymbol{w}`))).toEqual(["KaTeX_Math-BoldItalic"]);
    expect(fontsOf(math(String.raw`\operatorname{Var}`))).toEqual(["KaTeX_Main-Regular"]);
    // a display sum is a large operator (Size2), an inline one a small operator (Size1)
    expect(fontsOf(math(String.raw`\sum_i`, true))).toContain("KaTeX_Size2-Regular");
    expect(fontsOf(math(String.raw`\sum_i`))).toContain("KaTeX_Size1-Regular");
    // delimiters grow with what they enclose: a display fraction's parentheses come from Size3
    expect(fontsOf(math(String.raw`\left(\frac{1}{2}\right)`, true))).toContain("KaTeX_Size3-Regular");
    expect(fontsOf(math(String.raw`\left(\frac{1}{2}\right)`))).toContain("KaTeX_Size1-Regular");
  });

  it("a sizing class on text (a subscript's size3) is not the Size3 font", () => {
    expect(fontsOf(math(String.raw`n_\text{in}`))).toEqual(["KaTeX_Main-Regular", "KaTeX_Math-Italic"]);
  });

  it("leaves out math a reader has to open, that is hidden, or that renders later", () => {
    const html = `<details><summary>Derivation</summary><p>${math(String.raw`\mathcal{N}`)}</p></details>
      <div hidden>${math(String.raw`\mathbb{R}`)}</div>
      <details open><summary>Open</summary>${math(String.raw`\mathbf{W}`)}</details>
      <details><summary>${math("x")}</summary></details>
      <div data-render-later="40rem">${math(String.raw`\sqrt{\frac{2}{n}}`)}</div>`;
    expect(fontsOf(html)).toEqual(["KaTeX_Main-Bold", "KaTeX_Math-Italic"]);
  });
});
