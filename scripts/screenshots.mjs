#!/usr/bin/env node
// Screenshots of the built site in both themes at 1280 px and 360 px, for looking at what we built.
// Usage: node scripts/screenshots.mjs [route …]   (serve dist/ first: npm run preview)
// SELECTOR=css limits each shot to the first matching element (e.g. SELECTOR="#demo-scheme-map").
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.env.BASE_URL ?? "http://127.0.0.1:4321";
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ["/", "/xavier/", "/reference/"];
const out = "reports/screens";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
  ],
});
for (const colorScheme of ["light", "dark"]) {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    for (const route of routes) {
      await page.goto(base + route, { waitUntil: "networkidle" });
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 300) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 40));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(300);
      const name = `${out}/${route.replace(/\//g, "_") || "_"}-${colorScheme}-${width}.png`;
      const selector = process.env.SELECTOR;
      if (selector) await page.locator(selector).first().screenshot({ path: name });
      else await page.screenshot({ path: name, fullPage: true });
      console.log(name);
    }
    await page.close();
  }
}
await browser.close();
