import { expect, test } from "./fixtures";

/**
 * A table marked `renderLater` (ScrollTable) is skipped by style and layout while off screen and holds a
 * placeholder height meanwhile. The placeholder has to match the table: if it is off, whatever follows
 * moves when the table renders, and a link to it lands elsewhere.
 */
for (const width of [360, 412, 1280]) {
  test(`at ${width} px a table rendered later holds its real height (within 5 %) until it renders`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/reference/", { waitUntil: "load" });
    const table = page.locator("[data-render-later]");
    await expect(table).toHaveCount(1);
    const measure = () =>
      table.evaluate((el: HTMLElement) => {
        const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const borders = el.offsetHeight - el.clientHeight;
        return {
          placeholder: parseFloat(el.getAttribute("data-render-later")!) * rootPx + borders,
          height: el.getBoundingClientRect().height,
          // False while the browser skips the table's contents (content-visibility: auto, off screen).
          rendered: el.querySelector("td")!.checkVisibility({ contentVisibilityAuto: true }),
        };
      });
    const before = await measure();
    expect(before.rendered).toBe(false);
    expect(before.height).toBeCloseTo(before.placeholder, 0);
    await table.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(async () => (await measure()).rendered).toBe(true);
    const after = await measure();
    expect(Math.abs(after.height - after.placeholder) / after.height).toBeLessThan(0.05);
  });
}

test("a link to the demo below the table lands on it, and stays there once the table renders", async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto("/reference/#demo-formula-explorer", { waitUntil: "load" });
  const explorer = page.locator("#demo-formula-explorer");
  await expect(explorer).toBeInViewport();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await expect(explorer).toBeInViewport();
});
