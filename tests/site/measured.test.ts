import { describe, expect, it } from "vitest";
import { allPages, requireDist } from "./dist";

/**
 * Every number the prose quotes from the engine is a build-time <MeasuredVariance>: averaged over several
 * seeds, printed with its spread, and within the stated distance of what its sentence says it is near. A
 * number typed into the prose, taken from one seed, or drifting away from its sentence fails here.
 */
describe("numbers measured by the engine at build time", () => {
  requireDist();
  const measured = allPages().flatMap((page) =>
    [...page.document.querySelectorAll(".measured")].map((el) => ({ route: page.route, el })),
  );

  it("exist where the pages quote the engine: two on /he/, four on /xavier/, four on /reference/", () => {
    const count = (route: string) => measured.filter((m) => m.route === route).length;
    expect([count("/he/"), count("/xavier/"), count("/reference/"), measured.length]).toEqual([2, 4, 4, 10]);
  });

  it.each(measured.map((m, i) => [`${m.route} #${i + 1}`, m.el] as const))(
    "%s is a mean over ≥ 5 seeds with its spread, near what its sentence says",
    (_name, el) => {
      const mean = Number(el.getAttribute("data-mean"));
      const sd = Number(el.getAttribute("data-sd"));
      const expected = Number(el.getAttribute("data-expect"));
      const within = Number(el.getAttribute("data-within"));
      expect(Number(el.getAttribute("data-seeds"))).toBeGreaterThanOrEqual(5);
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(within);
      // the shown text is that mean and spread, rounded
      // "0.497 ± 0.018", or below 0.001 "(3.2 ± 1.0) × 10⁻⁶"
      const text = el.textContent?.trim() ?? "";
      const shown = /^\(?(-?[\d.]+) ± ([\d.]+)\)?(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text);
      expect(shown, text).not.toBeNull();
      const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
      const exponent = shown![3]
        ? Number([...shown![3]].map((c) => (c === "⁻" ? "-" : String(digits.indexOf(c)))).join(""))
        : 0;
      const scale = 10 ** exponent;
      expect(Math.abs(Number(shown![1]) * scale - mean)).toBeLessThanOrEqual(sd / 10 + 1e-12);
      expect(Math.abs(Number(shown![2]) * scale - sd)).toBeLessThanOrEqual(sd / 10 + 1e-12);
      // the sentence states the claim the number is checked against
      const sentence = el.parentElement?.textContent ?? "";
      expect(sentence).toMatch(/against (the derivation[’']s|1)/);
    },
  );
});
