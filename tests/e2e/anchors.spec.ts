import { ROUTES, expect, expectNoProblems, scrollThrough, test } from "./fixtures";

test("following a heading anchor lands on that section", async ({ page, problems }) => {
  await page.goto("/he/#one-method-three-names");
  const heading = page.getByRole("heading", { name: "One method, three names" });
  await expect(heading).toBeInViewport();
  // Once the page has loaded and its fonts are in (Chromium keeps the fragment in place until then), the
  // heading is at the top, or the page ran out below it.
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready);
  const position = () =>
    heading.evaluate((el) => ({
      top: el.getBoundingClientRect().top,
      scrolled: window.scrollY,
      atBottom: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
    }));
  await expect
    .poll(async () => {
      const { top, atBottom } = await position();
      return top >= 0 && (top < 120 || atBottom);
    })
    .toBe(true);
  expect((await position()).scrolled).toBeGreaterThan(0);
  expectNoProblems(problems);
});

test("a heading's anchor link is visible, keyboard-reachable and points at its section", async ({ page }) => {
  await page.goto("/xavier/");
  const link = page.getByRole("link", { name: "Link to section “Uniform and normal variants”" });
  await link.focus();
  await expect(link).toBeVisible();
  await link.press("Enter");
  await expect(page).toHaveURL(/\/xavier\/#uniform-and-normal-variants$/);
  await expect(page.getByRole("heading", { name: "Uniform and normal variants" })).toBeInViewport();
});

test("the contents sidebar links to each section on wide screens; a disclosure holds it on phones", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/xavier/");
  const side = page.getByRole("navigation", { name: "On this page" });
  await expect(side).toBeVisible();
  await side.getByRole("link", { name: "Uniform and normal variants" }).click();
  await expect(page.getByRole("heading", { name: "Uniform and normal variants" })).toBeInViewport();

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/xavier/");
  const summary = page.locator("summary", { hasText: "On this page" });
  await expect(summary).toBeVisible();
  const inline = page.getByRole("navigation", { name: "On this page" });
  await expect(inline).toBeHidden();
  await summary.click();
  await expect(inline.getByRole("link", { name: "Forward and backward conditions" })).toBeVisible();
});

test("a phone-width page never scrolls sideways, before or after its demos hydrate", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const route of [...ROUTES, "/404.html"]) {
    await page.goto(route);
    await scrollThrough(page);
    for (const island of await page.locator("astro-island:not(dialog astro-island)").all()) {
      await island.scrollIntoViewIfNeeded();
      await expect(island).not.toHaveAttribute("ssr", /.*/);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
});
