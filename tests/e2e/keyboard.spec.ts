import { expect, test } from "./fixtures";

/** Every demo on the site, by page and section id. */
const DEMOS = [
  { route: "/", id: "demo-scheme-map" },
  { route: "/symmetric/", id: "demo-symmetry" },
  { route: "/random/", id: "demo-saturation" },
  { route: "/xavier/", id: "demo-glorot" },
  { route: "/he/", id: "demo-training-race" },
  { route: "/reference/", id: "demo-formula-explorer" },
  { route: "/playground/", id: "demo-playground" },
];

interface Focused {
  inside: boolean;
  kind: string;
  label: string;
  outline: string;
}

for (const { route, id } of DEMOS) {
  test(`${route}#${id} is operable by keyboard alone: Tab reaches every control and each one changes the state`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`${route}#${id}`);
    const section = page.locator(`#${id}`);
    const island = page.locator("astro-island").filter({ has: section });
    await expect(island).not.toHaveAttribute("ssr", /.*/);
    // Start just before the demo, as a reader tabbing down the page would.
    await section.evaluate((el) => {
      const marker = document.createElement("span");
      marker.tabIndex = -1;
      el.before(marker);
      marker.focus();
    });

    const operated: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate((demoId): Focused => {
        const el = document.activeElement as HTMLElement | null;
        const inside = !!el && !!document.getElementById(demoId)?.contains(el);
        const kind =
          el instanceof HTMLInputElement ? `input:${el.type}` : (el?.tagName.toLowerCase() ?? "none");
        const label =
          (el as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ??
          el?.getAttribute("aria-label") ??
          el?.textContent?.trim().slice(0, 40) ??
          "";
        // A visible focus indicator: an outline, or (SVG items) a stroke in the focus colour on the item.
        let outline = el ? getComputedStyle(el).outlineStyle : "none";
        if (el instanceof SVGElement && outline === "none") {
          const probe = document.createElement("span");
          probe.style.color = "var(--focus)";
          document.body.append(probe);
          const focus = getComputedStyle(probe).color;
          probe.remove();
          const ring = [el, ...el.querySelectorAll("*")].some((n) => getComputedStyle(n).stroke === focus);
          outline = ring ? "focus-stroke" : "none";
        }
        return { inside, kind, label, outline };
      }, id);
      if (!f.inside) {
        if (seen.size > 0) break; // tabbed past the demo
        continue;
      }
      const key = `${f.kind}|${f.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      expect(f.outline, `visible focus on ${key}`).not.toBe("none");

      const [forward, back] =
        f.kind === "select"
          ? ["ArrowDown", "ArrowUp"]
          : f.kind === "input:range"
            ? ["ArrowRight", "ArrowLeft"]
            : f.kind === "input:checkbox"
              ? ["Space", "Space"]
              : [null, null];
      if (!forward || !back) continue;
      const before = page.url();
      // the focused control's own value, which a key press changes at once (the URL follows on the demo's
      // schedule, later on a busy machine: it cannot tell whether the control moved)
      const value = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | HTMLSelectElement | null;
          return el && "value" in el ? el.value : null;
        });
      const valueBefore = await value();
      await page.keyboard.press(forward);
      // At the end of its range a control moves the other way.
      if (f.kind !== "input:checkbox" && (await value()) === valueBefore) await page.keyboard.press(back);
      await expect.poll(() => page.url(), { message: `${key} changes the demo's state` }).not.toBe(before);
      operated.push(key);
    }
    expect(seen.size, "controls reached by Tab").toBeGreaterThan(3);
    expect(operated.length, "state controls operated by keyboard").toBeGreaterThan(1);
  });
}
