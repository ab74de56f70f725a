import type { Page } from "@playwright/test";
import { expect, expectNoProblems, test, watchLongTasks } from "./fixtures";

/** The Random page, section "Too large: units saturate" (demo anchor #demo-saturation). */
const ROUTE = "/random/";

const demo = (page: Page) => page.locator("#demo-saturation");

async function hydrated(page: Page) {
  const island = page.locator("astro-island").filter({ has: demo(page) });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", /.*/);
  await expect(demo(page).locator(".widget__plot > svg")).toHaveCount(5);
}

test("the saturation demo shows its five build-time figures with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ROUTE);
  const figures = demo(page).locator(".widget__plot svg[aria-label]");
  await expect(figures).toHaveCount(5);
  await expect(demo(page).locator(".widget__plot svg rect").first()).toBeAttached();
  await expect(demo(page).locator(".widget__summary")).toContainText("of hidden units are saturated");
  await context.close();
});

test("with s = 10 and tanh the units saturate, and the loss stalls while Xavier learns, without long tasks", async ({
  page,
  problems,
}) => {
  const longTasks = await watchLongTasks(page);
  await page.goto(ROUTE);
  await hydrated(page);
  const summary = demo(page).locator(".widget__summary");
  await expect(summary).toContainText("With s = 10 and tanh");
  await expect(summary).toContainText(/[89]\d % of hidden units are saturated \(Xavier: [\d.]+ %\)/);

  await longTasks.reset();
  await demo(page).getByRole("button", { name: "Play" }).click();
  await expect(demo(page).locator(".control__counter")).toContainText("1,000", { timeout: 20_000 });
  await expect(demo(page).locator(".sat-key--scaled")).toContainText("stalled");
  await expect(demo(page).locator(".sat-key--baseline")).toContainText("learned");
  await expect(summary).toContainText("After 1,000 steps");
  await expect(summary).toContainText("(stalled); Xavier's went from");

  expect(await longTasks.over(), "main-thread tasks over the guard while training").toEqual([]);
  expectNoProblems(problems);
});

test("training pauses while the demo is scrolled out of view and resumes when it is back", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?sat.activation=sigmoid&sat.scale=10&sat.seed=1`);
  await hydrated(page);
  const counter = demo(page).locator(".control__counter strong");
  await demo(page).getByRole("button", { name: "Play" }).click();
  await expect(counter).not.toHaveText("0");
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(demo(page)).not.toBeInViewport();
  await page.waitForTimeout(300);
  const away = await counter.textContent();
  await page.waitForTimeout(700);
  expect(await counter.textContent()).toBe(away);
  await demo(page).scrollIntoViewIfNeeded();
  await expect(counter).not.toHaveText(away!);
  expectNoProblems(problems);
});

test("at s = 0.01 the summary says the signal vanishes, not that units saturate", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?sat.scale=0.01&sat.activation=tanh&sat.seed=1`);
  await hydrated(page);
  await expect(demo(page).locator(".widget__summary")).toContainText("nothing saturates");
  await expect(demo(page).locator(".widget__summary")).toContainText("the signal vanishes");
  expectNoProblems(problems);
});

test("a copied link restores the same state in a new page, scrolled to the demo", async ({
  page,
  context,
  problems,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(ROUTE);
  await hydrated(page);
  await demo(page).getByRole("combobox", { name: "Activation" }).selectOption("sigmoid");
  await demo(page)
    .getByRole("slider", { name: /Weight scale s/ })
    .focus();
  await page.keyboard.press("Home");
  await demo(page).getByRole("button", { name: "Re-seed" }).click();
  await expect(demo(page).getByText("seed 2")).toBeVisible();
  const summary = await demo(page).locator(".widget__summary").textContent();
  expect(summary).toContain("With s = 0.01 and sigmoid");

  await demo(page).getByRole("button", { name: "Copy link to this demo" }).click();
  await expect(demo(page).getByText("Link copied.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("sat.scale=0.01");
  expect(link).toContain("#demo-saturation");

  const other = await context.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(demo(other)).toBeInViewport();
  await expect(demo(other).getByRole("combobox", { name: "Activation" })).toHaveValue("sigmoid");
  await expect(demo(other).getByText("seed 2")).toBeVisible();
  await expect(demo(other).locator(".widget__summary")).toHaveText(summary!);
  expectNoProblems(problems);
});

test("invalid URL values fall back to the nearest valid ones with a visible note", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?sat.scale=99&sat.activation=relu&sat.seed=-4`);
  await hydrated(page);
  const notes = demo(page).locator(".widget__notes");
  await expect(notes).toContainText("weight scale “99” is outside 0.01–10; using 10.");
  await expect(notes).toContainText("activation “relu” is not one of the choices; using tanh.");
  await expect(notes).toContainText("seed “-4”");
  await expect(demo(page).locator(".widget__summary")).toContainText("With s = 10 and tanh");
  expectNoProblems(problems);
});
