import type { Page } from "@playwright/test";
import { expect, expectNoProblems, test, watchLongTasks } from "./fixtures";

/** The Symmetric page, section "Why tied units stay tied", where the demo replaces its placeholder. */
const ROUTE = "/symmetric/";

const demo = (page: Page) => page.locator("section#demo-symmetry");

async function hydrated(page: Page) {
  const island = page.locator("astro-island").filter({ has: demo(page) });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", /.*/);
  return demo(page);
}

const stepCount = async (page: Page) =>
  Number((await demo(page).locator(".control__counter strong").textContent())!.replace(/,/g, ""));

/** Plays until the counter reaches `atLeast`, then pauses. */
async function trainTo(page: Page, atLeast: number) {
  const d = demo(page);
  await d.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => stepCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(atLeast);
  await d.getByRole("button", { name: "Pause" }).click();
}

const spreadOf = async (page: Page) => {
  const text = (await demo(page).locator(".sym-readout__main strong").textContent())!;
  return Number(text.split(" ")[0]);
};

test("with JavaScript off, the symmetry demo shows its build-time figures and the tie", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ROUTE);
  const d = demo(page);
  await expect(d.getByRole("img", { name: /Network diagram/ })).toBeVisible();
  await expect(d.locator(".widget__plot svg[aria-label] rect").first()).toBeAttached();
  await expect(d.locator(".sym-readout__main")).toContainText(
    "Largest spread among tied weights: 0 — bit-identical",
  );
  await context.close();
});

test("the readout says 0 — bit-identical after 50 steps, and leaves 0 with ε noise", async ({
  page,
  problems,
}) => {
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await d.getByLabel("Speed").selectOption("5");
  await trainTo(page, 50);
  await expect(d.locator(".sym-readout__main strong")).toHaveText("0 — bit-identical");
  await expect(d.locator(".sym-readout__line")).toContainText("stay exact copies");
  await expect(d.getByRole("img", { name: /units are copies/ })).toBeVisible();

  await d.getByLabel("Add ε noise to the initial weights").check();
  await expect(d.locator(".control__counter strong")).toHaveText("0");
  await expect(d.locator(".sym-readout__main strong")).toContainText("units differ");
  // back at the initial state, the build-time figure does not come back beside the live one
  await d.getByLabel("Add ε noise to the initial weights").uncheck();
  await expect(d.locator(".widget__plot > *")).toHaveCount(1);
  await d.getByLabel("Add ε noise to the initial weights").check();
  const before = await spreadOf(page);
  expect(before).toBeGreaterThan(0);
  // Training moves only the heatmap's live marks: Plot's figure stays the same element throughout.
  const heatmap = d.locator(".widget__plot > svg");
  await heatmap.evaluate((svg) => svg.setAttribute("data-drawn-before", ""));
  const values = () => heatmap.locator(".live-marks text").allTextContents();
  const valuesBefore = await values();
  await d.getByLabel("Speed").selectOption("100");
  await trainTo(page, 1500);
  expect(await spreadOf(page)).toBeGreaterThan(2 * before);
  await expect(heatmap).toHaveAttribute("data-drawn-before", "");
  expect(await values()).not.toEqual(valuesBefore);
  await expect(d.getByRole("img", { name: /links now differ/ })).toBeVisible();
  await expect(d.locator(".widget__summary")).toContainText("the hidden units now differ");
  expectNoProblems(problems);
});

test("zero init with ReLU visibly moves only biases", async ({ page, problems }) => {
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await d.getByLabel("Hidden activation").selectOption("relu");
  await d.getByRole("slider", { name: /Every weight starts at c/ }).fill("0");
  await trainTo(page, 100);
  await expect(d.locator(".sym-readout__line")).toHaveText(/^Only biases move/);
  const rows = d.getByRole("table").locator("tbody tr");
  for (let r = 0; r < 3; r++) await expect(rows.nth(r).locator("td").nth(1)).toHaveText("exactly 0");
  await expect(rows.nth(2).locator("td").nth(2)).not.toHaveText("exactly 0");
  expectNoProblems(problems);
});

test("a copied link restores the same state in a new page and scrolls to the demo", async ({
  page,
  context,
  problems,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await d.getByLabel("Hidden activation").selectOption("sigmoid");
  await d.getByLabel("Data set").selectOption("circle");
  await d.getByRole("slider", { name: /Every weight starts at c/ }).fill("-1");
  await d.getByLabel("Add ε noise to the initial weights").check();
  await d.getByRole("button", { name: "Re-seed" }).click();
  await expect(d.getByText("seed 2")).toBeVisible();
  await d.getByRole("button", { name: "Copy link to this demo" }).click();
  await expect(d.getByText("Link copied.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("#demo-symmetry");
  const readout = await d.locator(".sym-readout__main").textContent();

  const other = await context.newPage();
  await other.goto(link);
  const o = demo(other);
  await expect(o).toBeInViewport();
  await expect(other.locator("astro-island").filter({ has: o })).not.toHaveAttribute("ssr", /.*/);
  await expect(o.getByLabel("Hidden activation")).toHaveValue("sigmoid");
  await expect(o.getByLabel("Data set")).toHaveValue("circle");
  await expect(o.getByLabel("Add ε noise to the initial weights")).toBeChecked();
  await expect(o.getByText("seed 2")).toBeVisible();
  await expect(o.locator(".sym-readout__main")).toHaveText(readout!);
  expectNoProblems(problems);
});

test("invalid URL values fall back to the nearest valid ones with a visible note", async ({
  page,
  problems,
}) => {
  await page.goto(`${ROUTE}?sym.constant=9&sym.speed=7&sym.activation=gelu#demo-symmetry`);
  const d = await hydrated(page);
  const notes = d.locator(".widget__notes");
  await expect(notes).toContainText("constant c “9” is outside");
  await expect(notes).toContainText("speed “7” is not one of");
  await expect(notes).toContainText("activation “gelu” is not one of the choices");
  await expect(d.getByLabel("Hidden activation")).toHaveValue("tanh");
  await expect(d.locator(".sym-readout__main strong")).toHaveText("0 — bit-identical");
  expectNoProblems(problems);
});

test("no main-thread task over the guard while it trains", async ({ page, problems }) => {
  const longTasks = await watchLongTasks(page);
  await page.goto(ROUTE);
  const d = await hydrated(page);
  await d.getByLabel("Add ε noise to the initial weights").check();
  await d.getByLabel("Speed").selectOption("100");
  await page.waitForTimeout(500);
  await longTasks.reset();
  await d.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(3000);
  await d.getByRole("button", { name: "Pause" }).click();
  expect(await stepCount(page)).toBeGreaterThan(500);
  expect(await longTasks.over(), "main-thread tasks over the guard while training").toEqual([]);
  expectNoProblems(problems);
});
