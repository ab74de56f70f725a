import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectNoProblems, test, watchLongTasks } from "./fixtures";

/** The Playground page and the sandbox's section on it. */
const ROUTE = "/playground/";
const demo = (page: Page) => page.locator("#demo-playground");

/** Opens the page with the sandbox in a given state (URL parameters without the "pg." prefix). */
async function open(page: Page, params: Record<string, string> = {}) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [`pg.${k}`, v]));
  await page.goto(`${ROUTE}?${query}`);
  const section = demo(page);
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator("canvas.pg-boundary__canvas")).toBeAttached();
  return section;
}

const testLoss = async (page: Page) => {
  const text = (await demo(page).locator(".widget__summary").textContent()) ?? "";
  return Number(/test loss ([\d.e+-]+)/.exec(text)?.[1] ?? NaN);
};

test("with JavaScript off the network diagram, the boundary and the charts are there", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ROUTE);
  const section = demo(page);
  await expect(section.locator(".pg-node")).toHaveCount(2 + 4 + 4 + 1);
  // Heatmap cells and data points are one path per paint, with a subpath ("M…") per cell run or point.
  const subpaths = (selector: string) =>
    section
      .locator(selector)
      .evaluateAll((paths) => paths.reduce((n, p) => n + p.getAttribute("d")!.split("M").length - 1, 0));
  expect(await subpaths('.pg-boundary g[shape-rendering="crispEdges"] path')).toBeGreaterThan(20);
  expect(await subpaths('.pg-boundary g[aria-hidden="true"] path')).toBe(500);
  // They are drawn: the points' paths span the plot.
  const box = await section.locator('.pg-boundary g[aria-hidden="true"]').first().boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  expect(box!.height).toBeGreaterThan(100);
  await expect(section.locator(".widget__plot > svg")).toHaveCount(2);
  await context.close();
});

test("He + ReLU learns the circle to a test loss below 0.05; an all-constant start stalls", async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  const section = await open(page, {
    dataset: "circle",
    activation: "relu",
    init: "he-normal-torch",
    hidden: "8-8",
    lr: "0.03",
    batch: "10",
  });
  await section.getByRole("button", { name: "Play" }).click();
  await expect(section.getByText("learned: test loss below 0.05")).toBeVisible({ timeout: 40_000 });
  await section.getByRole("button", { name: "Pause" }).click();
  const learned = (await section.locator(".widget__summary").textContent()) ?? "";
  const [, epoch, loss] = /fell below 0.05 at epoch (\d+) \(([\d.e+-]+)\)/.exec(learned) ?? [];
  expect(Number(epoch)).toBeLessThan(200);
  expect(Number(loss)).toBeLessThan(0.05);

  await section.getByLabel("Initializer", { exact: true }).selectOption("constant");
  await section.getByRole("button", { name: "Play" }).click();
  await expect(section.getByText("stalled", { exact: true })).toBeVisible({ timeout: 40_000 });
  await expect(section.locator(".widget__summary")).toContainText("identical (tied weights)");
  await section.getByRole("button", { name: "Pause" }).click();
  expect(await testLoss(page)).toBeGreaterThan(0.3);
  expectNoProblems(problems);
});

test("a learning rate of 10 diverges: a badge, a message, and training stops", async ({ page, problems }) => {
  const section = await open(page, { activation: "relu", init: "he-normal-torch", lr: "10" });
  await section.getByRole("button", { name: "Play" }).click();
  await expect(section.getByText("diverged — training stopped")).toBeVisible({ timeout: 20_000 });
  await expect(section.locator(".widget__summary")).toContainText("Lower the learning rate");
  await expect(section.getByRole("button", { name: "Play" })).toBeDisabled();
  await expect(section.locator(".widget__plot > svg").first()).toBeVisible();
  expectNoProblems(problems);
});

test("a copied link restores the same state and the same initial weights in a new page", async ({
  page,
  context,
  problems,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const section = await open(page);
  await section.getByLabel("Data set", { exact: true }).selectOption("xor");
  await section.getByLabel("Activation", { exact: true }).selectOption("relu");
  await section.getByLabel("Initializer", { exact: true }).selectOption("he-uniform");
  await section.getByLabel("Initializer mode", { exact: true }).selectOption("fan_out");
  await section.getByRole("button", { name: "Add a unit to hidden layer 2" }).click();
  await section.getByRole("button", { name: "Re-seed" }).click();
  await section.locator('[data-node="2-4"]').hover();
  const readout = await section.locator(".pg-readout").textContent();
  expect(readout).toMatch(/^Hidden layer 2, unit 5: bias 0; incoming weights/);

  await section.getByRole("button", { name: "Copy link to this demo" }).click();
  await expect(section.getByText("Link copied.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("pg.init=he-uniform");
  expect(link).toContain("#demo-playground");

  const other = await context.newPage();
  await other.goto(link);
  const restored = demo(other);
  await restored.scrollIntoViewIfNeeded();
  await expect(restored.getByLabel("Data set", { exact: true })).toHaveValue("xor");
  await expect(restored.getByLabel("Initializer mode", { exact: true })).toHaveValue("fan_out");
  await expect(restored.getByText("seed 2")).toBeVisible();
  await restored.locator('[data-node="2-4"]').hover();
  await expect(restored.locator(".pg-readout")).toHaveText(readout!);
  expectNoProblems(problems);
});

async function exportJson(page: Page): Promise<{ state: unknown; network: unknown }> {
  const download = page.waitForEvent("download");
  await demo(page).getByRole("button", { name: "Export network (JSON)" }).click();
  return JSON.parse(await readFile(await (await download).path(), "utf8")) as {
    state: unknown;
    network: unknown;
  };
}

test("export then import restores the identical weights; a malformed file is refused and changes nothing", async ({
  page,
  problems,
}) => {
  const section = await open(page, { activation: "relu", init: "glorot-normal-torch", hidden: "5-3" });
  for (let i = 0; i < 3; i++) await section.getByRole("button", { name: "Step" }).click();
  await expect(section.locator(".control__counter strong")).toHaveText("3");
  const exported = await exportJson(page);

  await section.getByRole("button", { name: "Re-seed" }).click();
  await section.getByLabel("Activation", { exact: true }).selectOption("tanh");
  const importer = section.getByLabel("Import network (JSON)", { exact: true });
  await importer.setInputFiles({
    name: "net.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(section.getByRole("alert")).toContainText("Imported net.json");
  await expect(section.getByText("imported weights")).toBeVisible();
  const again = await exportJson(page);
  expect(again.state).toEqual(exported.state);
  expect(again.network).toEqual(exported.network);

  const url = page.url();
  const before = await section.locator(".pg-diagram svg").innerHTML();
  await importer.setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format": "weight-init-playground", "version": 1, "state": '),
  });
  await expect(section.getByRole("alert")).toContainText("Import refused: the file is not valid JSON");
  await expect(section.getByRole("alert")).toContainText("Nothing changed.");
  expect(page.url()).toBe(url);
  expect(await section.locator(".pg-diagram svg").innerHTML()).toBe(before);
  expectNoProblems(problems);
});

test("no main-thread task over the guard during 10 s of training a deep network", async ({
  page,
  problems,
}) => {
  test.setTimeout(60_000);
  const longTasks = await watchLongTasks(page);
  const section = await open(page, {
    activation: "relu",
    init: "he-normal-torch",
    hidden: "16-16-16-16-16-16",
  });
  await page.waitForTimeout(500);
  await longTasks.reset();
  await section.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(10_000);
  await section.getByRole("button", { name: "Pause" }).click();
  const epochs = Number((await section.locator(".control__counter strong").textContent())?.replace(/,/g, ""));
  expect(epochs).toBeGreaterThan(5);
  expect(await longTasks.over(), "main-thread tasks over the guard while training").toEqual([]);
  expectNoProblems(problems);
});

test("keyboard: Tab reaches a unit, arrow keys move along the network and the readout follows", async ({
  page,
}) => {
  const section = await open(page);
  await section.locator('[data-node="0-0"]').focus();
  await expect(section.locator(".pg-readout")).toContainText("Input x₁");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(section.locator(".pg-readout")).toContainText("Hidden layer 1, unit 2: bias 0");
  await expect(section.locator('[data-node="1-1"]')).toBeFocused();
});
