import { describe, expect, it } from "vitest";
import { activationNames } from "../../engine/activations";
import { initializerIds } from "../../engine/initializers";
import { glossary, termAnchor, type TermId } from "../../src/components/glossary";
import { ROUTES, fileOfPath, loadPage, type BuiltPage } from "./dist";

const BASE = "http://site.invalid";
const page = (route: string): BuiltPage => {
  const file = fileOfPath(route);
  if (!file) throw new Error(`no built file serves ${route}`);
  return loadPage(file);
};
const main = (p: BuiltPage) => p.document.querySelector("main")!;

/** The sections (heading ids) and demo anchors each page must keep: other pages and the demos link to them. */
const REQUIRED_ANCHORS: Record<(typeof ROUTES)[number], string[]> = {
  "/": [
    "why-initialization-matters",
    "the-map-of-schemes",
    "how-to-read-this-site",
    "demo-scheme-map",
    "references",
  ],
  "/symmetric/": [
    "constant-and-zero-initialization",
    "why-tied-units-stay-tied",
    "zero-versus-a-nonzero-constant",
    "biases-may-start-at-zero",
    "demo-symmetry",
    "common-mistakes",
    "interview-questions",
    "in-keras-and-pytorch",
    "references",
  ],
  "/random/": [
    "random-weights-with-a-fixed-scale",
    "the-variance-of-a-sum-of-products",
    "too-small-the-signal-vanishes",
    "too-large-units-saturate",
    "saturated-tanh-can-explode-gradients",
    "demo-saturation",
    "common-mistakes",
    "interview-questions",
    "in-keras-and-pytorch",
    "references",
  ],
  "/xavier/": [
    "the-scheme",
    "forward-and-backward-conditions",
    "the-forward-condition",
    "the-backward-condition",
    "the-harmonic-compromise",
    "uniform-and-normal-variants",
    "glorots-standard-initialization-and-why-it-shrinks",
    "why-weight-gradients-can-stay-flat-while-deltas-shrink",
    "demo-glorot",
    "common-mistakes",
    "interview-questions",
    "in-keras-and-pytorch",
    "references",
  ],
  "/he/": [
    "one-method-three-names",
    "why-relu-needs-a-factor-of-two",
    "the-forward-derivation",
    "fan-in-or-fan-out",
    "leaky-relu-and-prelu",
    "xavier-on-a-relu-network",
    "demo-training-race",
    "what-he-initialization-does-not-do",
    "common-mistakes",
    "interview-questions",
    "in-keras-and-pytorch",
    "references",
  ],
  "/reference/": [
    "lecun-initialization",
    "orthogonal-initialization",
    "lsuv",
    "truncated-normals-and-the-08796-correction",
    "gains",
    "fans-of-a-convolution",
    "pytorchs-nnlinear-default",
    "the-last-layer",
    "initialization-and-normalization-layers",
    "which-initializer-for-which-activation",
    "all-schemes-keras-and-pytorch",
    "sampling-an-initializer",
    "common-mistakes",
    "interview-questions",
    "glossary",
    "references",
  ],
  "/interview/": [
    "how-to-use-this-page",
    "symmetry-and-scale",
    "deriving-the-schemes",
    "frameworks-and-practice",
    "references",
  ],
  "/playground/": [
    "what-the-playground-does",
    "demo-playground",
    "things-to-try",
    "how-it-relates-to-the-other-demos",
    "references",
  ],
};

/** The technique pages: each follows the full rhythm (derivation, demo, mistakes, questions, frameworks). */
const TECHNIQUE_PAGES = ["/symmetric/", "/random/", "/xavier/", "/he/"] as const;

/** The standard interview questions of SCIENCE.md, each answered on the interview page under a stable id. */
const STANDARD_QUESTIONS = [
  "q-zero-weights",
  "q-constant-weights",
  "q-zero-biases",
  "q-too-small",
  "q-too-large",
  "q-derive-xavier",
  "q-derive-he",
  "q-xavier-or-he",
  "q-fans",
  "q-gain",
  "q-sigmoid",
  "q-defaults",
  "q-uniform-or-normal",
  "q-last-layer",
  "q-orthogonal",
  "q-flat-weight-gradients",
  "q-batchnorm",
];

/** Resolves an href on `from` to the element it targets, or a description of why it does not resolve. */
function resolveLink(from: BuiltPage, href: string): Element | string {
  const url = new URL(href, BASE + from.route);
  if (url.origin !== BASE) return `${href} points to another host`;
  const file = fileOfPath(url.pathname);
  if (!file) return `${href}: no such page`;
  const id = decodeURIComponent(url.hash.slice(1));
  if (!id) return `${href}: links to a page, not to a section or demo`;
  return loadPage(file).document.getElementById(id) ?? `${href}: no element with id "${id}"`;
}

describe("article content", () => {
  it.each(ROUTES.map((r) => [r, REQUIRED_ANCHORS[r]] as const))(
    "%s keeps its required section and demo anchors",
    (route, anchors) => {
      const { document } = page(route);
      const missing = anchors.filter((id) => !document.getElementById(id));
      expect(missing).toEqual([]);
    },
  );

  it.each(ROUTES)("%s ends with a References section listing cited works", (route) => {
    const p = page(route);
    const heading = p.document.getElementById("references");
    expect(heading?.tagName).toBe("H2");
    const items = [...p.document.querySelectorAll("ol[data-references] > li")];
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.id).toMatch(/^ref-[a-zA-Z0-9]+$/);
    // Every inline citation points at an entry of this page's list.
    for (const a of p.document.querySelectorAll("a.cite")) {
      const id = a.getAttribute("href")!.slice(1);
      expect(
        items.some((li) => li.id === id),
        `${route} cites #${id} without listing it`,
      ).toBe(true);
    }
  });

  it.each(TECHNIQUE_PAGES)(
    "%s follows the rhythm: derivations, a demo, common mistakes, ≥ 3 questions, Keras and PyTorch code",
    (route) => {
      const m = main(page(route));
      expect(m.querySelectorAll("details.derivation").length).toBeGreaterThanOrEqual(1);
      expect(m.querySelectorAll("[id^='demo-']").length).toBeGreaterThanOrEqual(1);
      expect(m.querySelector("aside.aside--mistakes")).toBeTruthy();
      expect(m.querySelectorAll("details[data-question]").length).toBeGreaterThanOrEqual(3);
      const code = [...m.querySelectorAll("pre")].map((pre) => pre.textContent ?? "").join("\n");
      expect(code).toMatch(/keras/);
      expect(code).toMatch(/torch/);
    },
  );

  it("carries every derivation the issue requires", () => {
    const titles = (route: string) =>
      [...main(page(route)).querySelectorAll("details.derivation summary")].map((s) => s.textContent ?? "");
    const all = TECHNIQUE_PAGES.flatMap(titles).concat(titles("/reference/"));
    for (const pattern of [
      /induction over steps/i,
      /sum of products/i,
      /one quarter/i,
      /Forward: n_in/i,
      /Backward: n_out/i,
      /a²\/3/,
      /E\[relu\(z\)²\] = ½/,
      /backward condition/i,
      /leaky ReLU/i,
      /factor of two per ReLU layer/i,
      /saturated tanh/i,
      /0\.8796/,
      /1\/6 per ReLU layer/,
    ]) {
      expect(
        all.some((t) => pattern.test(t)),
        `no derivation titled like ${pattern}`,
      ).toBe(true);
    }
  });

  it("says plainly on the He page that He, Kaiming and MSRA initialization are one method", () => {
    const text = main(page("/he/")).textContent ?? "";
    expect(text).toMatch(
      /He initialization, Kaiming initialization and MSRA initialization are\s+the same method/,
    );
  });
});

describe("interview page", () => {
  const p = page("/interview/");
  const questions = [...p.document.querySelectorAll("details[data-question]")];

  it("asks at least 15 questions, each with a stable id and a collapsed answer", () => {
    expect(questions.length).toBeGreaterThanOrEqual(15);
    for (const q of questions) {
      expect(q.id).toMatch(/^q-[a-z0-9-]+$/);
      expect(q.hasAttribute("open")).toBe(false);
      expect(q.querySelector("summary")?.textContent?.trim().length).toBeGreaterThan(10);
    }
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it("answers every standard question of SCIENCE.md", () => {
    const ids = new Set(questions.map((q) => q.id));
    expect(STANDARD_QUESTIONS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("links every answer to the section or demo that shows it, and every such link resolves", () => {
    const broken: string[] = [];
    for (const q of questions) {
      const link = q.querySelector("a[data-question-link]");
      if (!link) {
        broken.push(`${q.id}: no link`);
        continue;
      }
      const target = resolveLink(p, link.getAttribute("href")!);
      if (typeof target === "string") broken.push(`${q.id}: ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it("offers reveal all / hide all for self-testing", () => {
    const island = p.document.querySelector("astro-island");
    expect(island?.getAttribute("client")).toBe("visible");
    const labels = [...p.document.querySelectorAll(".reveal-all button")].map((b) => b.textContent?.trim());
    expect(labels).toEqual(["Reveal all answers", "Hide all answers"]);
  });

  it("includes derivations inside the answers where one exists", () => {
    for (const id of ["q-derive-xavier", "q-derive-he"]) {
      expect(p.document.getElementById(id)?.querySelector("details.derivation")).toBeTruthy();
    }
  });
});

describe("technique pages' questions", () => {
  it.each([...TECHNIQUE_PAGES, "/reference/"])(
    "%s links every answer to a section or demo that exists",
    (route) => {
      const p = page(route);
      const broken = [...p.document.querySelectorAll("details[data-question] a[data-question-link]")]
        .map((a) => resolveLink(p, a.getAttribute("href")!))
        .filter((t): t is string => typeof t === "string");
      expect(broken).toEqual([]);
    },
  );
});

describe("formulas", () => {
  it.each(ROUTES)("%s offers the TeX source of every display formula", (route) => {
    const m = main(page(route));
    // The article's formulas; a widget's formulas belong to its island and are the widget's business.
    const displays = [...m.querySelectorAll(".katex-display")].filter((d) => !d.closest("astro-island"));
    if (route !== "/playground/") expect(displays.length).toBeGreaterThan(0);
    for (const display of displays) {
      const block = display.parentElement!;
      expect(block.classList.contains("math-block")).toBe(true);
      const source = block.querySelector(":scope > details.tex-source code")?.textContent;
      const annotation = display.querySelector("annotation[encoding='application/x-tex']")?.textContent;
      expect(source).toBe(annotation?.trim());
    }
  });

  it.each(ROUTES)("%s ships no KaTeX error and no placeholder text", (route) => {
    const p = page(route);
    expect(p.document.querySelectorAll(".katex-error")).toHaveLength(0);
    const text = main(p).textContent ?? "";
    expect(text).not.toMatch(/\bTODO\b|\bFIXME\b|\bTBD\b|lorem ipsum|\bXXX\b/i);
  });
});

describe("generated tables", () => {
  const reference = page("/reference/");

  it("lists every initializer of the engine's registry, in registry order", () => {
    const rows = [
      ...reference.document.querySelectorAll("[data-generated='initializers'] tr[data-initializer]"),
    ];
    expect(rows.map((r) => r.getAttribute("data-initializer"))).toEqual([...initializerIds]);
    for (const row of rows) {
      expect(row.querySelector(".katex"), row.getAttribute("data-initializer")!).toBeTruthy();
      expect(row.textContent).toMatch(/Keras/);
      expect(row.textContent).toMatch(/PyTorch/);
    }
  });

  it("lists the gain of every activation of the engine", () => {
    const rows = [...reference.document.querySelectorAll("[data-generated='gains'] tr[data-activation]")];
    expect(rows.map((r) => r.getAttribute("data-activation"))).toEqual([...activationNames]);
    const relu = rows.find((r) => r.getAttribute("data-activation") === "relu")!;
    expect(relu.textContent).toContain(Math.SQRT2.toFixed(4));
  });

  it("wraps every table in a horizontally scrolling region", () => {
    for (const route of ROUTES) {
      const tables = [...main(page(route)).querySelectorAll("table")].filter(
        (t) => !t.closest("astro-island"),
      );
      for (const table of tables) {
        expect(table.closest(".table-scroll"), `${route}: a table outside a scroll wrapper`).toBeTruthy();
      }
    }
  });
});

describe("glossary", () => {
  const reference = page("/reference/");
  const ids = Object.keys(glossary) as TermId[];
  const required: TermId[] = [
    "fan-in",
    "fan-out",
    "gain",
    "saturation",
    "symmetry-breaking",
    "pre-activation",
  ];

  it("defines the required terms on the reference page", () => {
    for (const id of required) expect(ids).toContain(id);
    for (const id of ids) {
      const entry = reference.document.getElementById(termAnchor(id));
      expect(entry?.querySelector("dt")?.textContent).toBe(glossary[id].term);
    }
  });

  it("links every term from its use in the article, and every term link resolves", () => {
    const linked = new Set<string>();
    for (const route of ROUTES) {
      const p = page(route);
      for (const a of p.document.querySelectorAll("a.term")) {
        const target = resolveLink(p, a.getAttribute("href")!);
        expect(typeof target, `${route}: ${a.getAttribute("href")}`).not.toBe("string");
        linked.add(a.getAttribute("data-term")!);
      }
    }
    expect(ids.filter((id) => !linked.has(id))).toEqual([]);
  });
});
