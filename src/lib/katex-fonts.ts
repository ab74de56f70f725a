/**
 * Which of KaTeX's font files a page's rendered math needs, read from KaTeX's HTML output.
 *
 * KaTeX picks a face by class (katex.css): `.mathnormal` is KaTeX_Math italic, `.mathcal` KaTeX_Caligraphic,
 * a `.delimsizing.size2` delimiter KaTeX_Size2, and so on; everything else is KaTeX_Main. A face the page
 * needs but the browser discovers only when it lays the formula out arrives after the first paint and
 * moves the formula (KaTeX sizes boxes from the real glyphs), so the build preloads exactly these faces,
 * and only for math a reader sees without opening anything: formulas inside a closed <details>, a `hidden`
 * element, a <template> or a table rendered later (`data-render-later`, laid out only when the reader
 * scrolls near it) are not laid out on load, so their faces are left to load on demand.
 */

/** A KaTeX font file by its stem, e.g. "KaTeX_Main-Regular". */
export type KatexFont = `KaTeX_${string}`;

type Family =
  | "Main"
  | "Math"
  | "AMS"
  | "Caligraphic"
  | "Fraktur"
  | "SansSerif"
  | "Script"
  | "Typewriter"
  | "Size1"
  | "Size2"
  | "Size3"
  | "Size4";

/** The family a class selects (katex.css), or null when the class sets no family. */
function familyOf(el: Element): Family | null {
  const c = el.classList;
  if (c.contains("delimsizing")) {
    for (const n of [1, 2, 3, 4] as const) if (c.contains(`size${n}`)) return `Size${n}`;
  }
  if (c.contains("delim-size1")) return "Size1";
  if (c.contains("delim-size4")) return "Size4";
  if (c.contains("op-symbol")) {
    if (c.contains("small-op")) return "Size1";
    if (c.contains("large-op")) return "Size2";
  }
  if (c.contains("mathnormal") || c.contains("boldsymbol")) return "Math";
  if (c.contains("amsrm") || c.contains("mathbb") || c.contains("textbb")) return "AMS";
  if (c.contains("mathcal")) return "Caligraphic";
  if (
    c.contains("mathfrak") ||
    c.contains("textfrak") ||
    c.contains("mathboldfrak") ||
    c.contains("textboldfrak")
  )
    return "Fraktur";
  if (
    ["mathsf", "textsf", "mathboldsf", "textboldsf", "mathitsf", "mathsfit", "textitsf"].some((k) =>
      c.contains(k),
    )
  )
    return "SansSerif";
  if (c.contains("mathscr") || c.contains("textscr")) return "Script";
  if (c.contains("mathtt") || c.contains("texttt")) return "Typewriter";
  if (["mathit", "mathrm", "mainrm", "textrm", "mathbf"].some((k) => c.contains(k))) return "Main";
  return null;
}

/** Bold and italic as the cascade from `el` up to the `.katex` root sets them. */
function weightAndStyle(el: Element): { bold: boolean; italic: boolean } {
  let bold: boolean | null = null;
  let italic: boolean | null = null;
  for (let e: Element | null = el; e && !e.classList.contains("katex"); e = e.parentElement) {
    const c = e.classList;
    if (
      bold === null &&
      ["textbf", "mathbf", "boldsymbol", "mathboldfrak", "textboldfrak", "mathboldsf", "textboldsf"].some(
        (k) => c.contains(k),
      )
    )
      bold = true;
    if (italic === null) {
      if (
        ["mathnormal", "mathit", "textit", "boldsymbol", "mathitsf", "mathsfit", "textitsf"].some((k) =>
          c.contains(k),
        )
      )
        italic = true;
      else if (c.contains("mathrm") || c.contains("mainrm")) italic = false;
    }
  }
  return { bold: bold ?? false, italic: italic ?? false };
}

/** The file a family takes for a weight and style; KaTeX ships only some combinations. */
function fileOf(family: Family, bold: boolean, italic: boolean): KatexFont {
  switch (family) {
    case "Main":
      return `KaTeX_Main-${bold ? (italic ? "BoldItalic" : "Bold") : italic ? "Italic" : "Regular"}`;
    case "Math":
      return `KaTeX_Math-${bold ? "BoldItalic" : "Italic"}`;
    case "Caligraphic":
    case "Fraktur":
      return `KaTeX_${family}-${bold ? "Bold" : "Regular"}`;
    case "SansSerif":
      return `KaTeX_SansSerif-${bold ? "Bold" : italic ? "Italic" : "Regular"}`;
    default:
      return `KaTeX_${family}-Regular`;
  }
}

/** Whether the element is laid out when the page loads (not inside a closed <details> or `hidden`). */
function laidOutOnLoad(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute("hidden") || e.hasAttribute("data-render-later") || e.tagName === "TEMPLATE")
      return false;
    const details = e.parentElement;
    // A closed <details> renders only its <summary>.
    if (details?.tagName === "DETAILS" && !details.hasAttribute("open") && e.tagName !== "SUMMARY")
      return false;
  }
  return true;
}

/** The KaTeX font files the math under `root` draws with on load, in a stable order. */
export function katexFontsOnLoad(root: ParentNode): KatexFont[] {
  const fonts = new Set<KatexFont>();
  for (const html of root.querySelectorAll(".katex-html")) {
    if (!laidOutOnLoad(html)) continue;
    const walk = (el: Element) => {
      if (el.tagName === "svg" || el.tagName === "SVG") return;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.textContent ?? ""));
      if (ownText) {
        let family: Family = "Main";
        for (let e: Element | null = el; e && !e.classList.contains("katex"); e = e.parentElement) {
          const f = familyOf(e);
          if (f) {
            family = f;
            break;
          }
        }
        const { bold, italic } = weightAndStyle(el);
        fonts.add(fileOf(family, bold, italic));
      }
      for (const child of el.children) walk(child);
    };
    walk(html);
  }
  return [...fonts].sort();
}
