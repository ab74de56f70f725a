import { ROUTES, expect, expectNoProblems, scrollThrough, test } from "./fixtures";

for (const route of ROUTES) {
  test(`${route} loads with no console error, failed request or other host`, async ({ page, problems }) => {
    await page.goto(route, { waitUntil: "networkidle" });
    await expect(page.locator("h1")).toBeVisible();
    await scrollThrough(page);
    await page.waitForLoadState("networkidle");
    expectNoProblems(problems);
  });
}

test("math is typeset with the self-hosted KaTeX fonts", async ({ page, problems }) => {
  await page.goto("/xavier/", { waitUntil: "networkidle" });
  const display = page.locator(".katex-display").first();
  await expect(display).toBeVisible();
  const fontsReady = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "KaTeX_Main"') && document.fonts.check('16px "KaTeX_Math"');
  });
  expect(fontsReady).toBe(true);
  expectNoProblems(problems);
});
