import type { Page } from "@playwright/test";
import { expect, expectNoProblems, test, watchLongTasks } from "./fixtures";

/** The He page, section on the Xavier-vs-He training race, where the demo replaces its placeholder. */
const ROUTE = "/he/";

const demo = (page: Page) => page.locator("section#demo-training-race");
const lane = (page: Page, name: string) => demo(page).locator(".race__lane").filter({ hasText: name });

async function hydrated(page: Page) {
  const island = page.locator("astro-island").filter({ has: demo(page) });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", /.*/);
  return demo(page);
}

test("with JavaScript off, the race shows its build-time loss chart and both boundaries", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ROUTE);
  const d = demo(page);
  await expect(d.locator("svg[aria-label='Loss of each lane against training step']")).toBeVisible();
  await expect(d.locator("svg[aria-label='Decision boundary of He normal']")).toBeVisible();
  await expect(d.locator("svg[aria-label='Decision boundary of Glorot normal']")).toBeVisible();
  await expect(d.locator(".widget__summary")).toContainText("Step 0 of 600: He normal vs Glorot normal");
  await context.close();
});

test("the race labels He “learned” and Xavier “stalled” (the engine's verdict rule), with no long task while it trains", async ({
  page,
  problems,
}) => {
  const longTasks = await watchLongTasks(page);
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await expect(lane(page, "He normal").locator(".widget__badge")).toHaveText("not judged yet");
  await longTasks.reset();

  await d.getByRole("button", { name: "Play" }).click();
  await expect(d.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(d.locator(".control__counter strong")).toHaveText("600", { timeout: 60_000 });
  await expect(lane(page, "He normal").locator(".widget__badge")).toHaveText("learned");
  await expect(lane(page, "Glorot normal").locator(".widget__badge")).toHaveText("stalled");
  await expect(d.locator(".widget__summary")).toContainText("Finished at step 600");
  await expect(d.locator(".widget__summary")).toContainText("He normal: learned");
  await expect(d.locator(".widget__summary")).toContainText("Glorot normal: stalled");
  await expect(d.getByRole("button", { name: "Play" })).toBeDisabled();
  expect(await longTasks.over(), "main-thread tasks over the guard while training").toEqual([]);
  expectNoProblems(problems);
});

test("a copied link restores the same race in a new page and scrolls to it", async ({
  page,
  context,
  problems,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await d.getByLabel("Hidden layers").fill("20");
  await d.getByLabel("Lane 2 initializer").selectOption("orthogonal");
  await d.getByRole("button", { name: "Add a lane" }).click();
  await d.getByRole("button", { name: "Re-seed" }).click();
  await expect(d.locator(".widget__summary")).toContainText("He normal vs Orthogonal vs Glorot normal");
  await d.getByRole("button", { name: "Copy link to this demo" }).click();
  await expect(d.getByText("Link copied.")).toBeVisible();
  const href = await page.evaluate(() => navigator.clipboard.readText());
  expect(href).toContain("race.depth=20");
  expect(href).toContain("race.inits=he-normal-torch_orthogonal_glorot-normal-torch");
  expect(href).toContain("race.seed=2");
  expect(href).toMatch(/#demo-training-race$/);

  const second = await context.newPage();
  await second.goto(href);
  const d2 = await hydrated(second);
  await expect(d2.locator(".widget__summary")).toContainText(
    "Step 0 of 600: He normal vs Orthogonal vs Glorot normal on the same 20 hidden ReLU layers",
  );
  await expect(d2.getByLabel("Lane 3 initializer")).toHaveValue("glorot-normal-torch");
  await expect(d2.getByText("seed 2")).toBeVisible();
  await expect(d2).toBeInViewport();
  expectNoProblems(problems);
});

test("a large learning rate shows the diverged badge, stops that lane and never draws NaN", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?race.lr=1&race.depth=10&race.steps=200#demo-training-race`);
  const d = await hydrated(page);
  await expect(d.locator(".widget__summary")).toContainText("learning rate 1,");
  await d.getByRole("button", { name: "Play" }).click();
  const he = lane(page, "He normal");
  await expect(he.locator(".widget__badge")).toHaveText("diverged", { timeout: 30_000 });
  await expect(he.locator(".widget__badge--diverged")).toBeVisible();
  await expect(he).toContainText(/Diverged at step \d+: training stopped/);
  await expect(he.locator("svg[aria-label^='Decision boundary']")).toContainText("training stopped");
  await expect(d.locator(".control__counter strong")).toHaveText("200", { timeout: 30_000 });
  await expect(d.locator(".widget__summary")).toContainText(/He normal: diverged at step \d+/);
  for (const svg of await d.locator("svg").all()) expect(await svg.innerHTML()).not.toMatch(/NaN|Infinity/);
  expectNoProblems(problems);
});

test("invalid URL values fall back to the nearest valid ones with a visible note", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?race.depth=999&race.inits=he-normal-torch_xavier#demo-training-race`);
  const d = await hydrated(page);
  await expect(d.locator(".widget__notes")).toContainText(
    "depth “999” is outside 1–50 (whole numbers); using 50.",
  );
  await expect(d.locator(".widget__notes")).toContainText(
    "lane 2 initializer “xavier” is not in the registry",
  );
  await expect(d.locator(".widget__summary")).toContainText("50 hidden ReLU layers");
  expectNoProblems(problems);
});
