import AxeBuilder from "@axe-core/playwright";
import { ROUTES, expect, scrollThrough, test } from "./fixtures";

const ALL_ROUTES = [...ROUTES, "/404.html"];

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no WCAG 2 A/AA or best-practice violation on any page (${colorScheme} theme, islands hydrated)`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    for (const route of ALL_ROUTES) {
      await page.goto(route, { waitUntil: "networkidle" });
      await scrollThrough(page);
      for (const island of await page.locator("astro-island:not(dialog astro-island)").all()) {
        await island.scrollIntoViewIfNeeded();
        await expect(island).not.toHaveAttribute("ssr", /.*/);
      }
      // Open every disclosure so hidden content is checked too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      const violations = results.violations.map(
        (v) => `${route}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      expect(violations, `${route} in ${colorScheme}`).toEqual([]);
    }
  });
}

test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
  await page.goto("/xavier/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
