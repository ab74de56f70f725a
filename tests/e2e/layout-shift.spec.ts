import { ROUTES, expect, test } from "./fixtures";

/**
 * Fonts are preloaded and every figure's box is reserved in CSS, so nothing moves while the page loads,
 * the fonts swap in, or an island replaces its static SVG with the live one.
 */
for (const width of [1280, 360]) {
  test(`no layout shift while pages load and islands hydrate at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.cls += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    for (const route of ROUTES) {
      await page.goto(route, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      // Bring every island into view so it hydrates, then give it time to draw.
      for (const island of await page.locator("astro-island:not(dialog astro-island)").all()) {
        await island.scrollIntoViewIfNeeded();
        await expect(island).not.toHaveAttribute("ssr", /.*/);
      }
      await page.waitForTimeout(200);
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      expect(cls, route).toBeLessThan(0.01);
    }
  });
}

/**
 * The stricter check Lighthouse makes (mobile, cold cache, no scrolling): from navigation until the page has
 * settled, nothing that was painted moves at all, not even by a pixel.
 */
test("no layout shift at all while each page loads cold at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: string[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        startTime: number;
        sources: { node?: Node }[];
      }[]) {
        const what = entry.sources.map((s) => (s.node as Element | undefined)?.className ?? s.node?.nodeName);
        w.shifts.push(`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${what.join(", ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const route of ROUTES) {
    await page.goto(route, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts), route).toEqual([]);
  }
});
