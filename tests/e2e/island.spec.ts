import { expect, expectNoProblems, test } from "./fixtures";

test("the formula explorer shows its build-time SVG and formula with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/reference/");
  const explorer = page.getByRole("region", { name: "Formula explorer" });
  await expect(explorer.locator("svg[aria-label]").first()).toBeVisible();
  await expect(explorer.locator(".explorer__tex .katex-display:visible")).toHaveCount(1);
  await context.close();
});

test("the formula explorer hydrates when visible and redraws live from the engine", async ({
  page,
  problems,
}) => {
  await page.goto("/reference/");
  const island = page
    .locator("astro-island")
    .filter({ has: page.getByRole("region", { name: "Formula explorer" }) });
  await expect(island).toHaveAttribute("client", "visible");
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", /.*/);

  const explorer = page.getByRole("region", { name: "Formula explorer" });
  const svg = explorer.locator(".widget__plot > svg");
  await expect(svg).toBeVisible();
  await expect(svg.locator("g[aria-label]").first()).toHaveAttribute("role", "group");
  const summary = explorer.locator(".widget__summary");
  await expect(summary).toContainText("Glorot (Xavier) uniform");

  await explorer.getByLabel("Initializer").selectOption("he-normal-torch");
  await expect(summary).toContainText("draws of He");
  await expect(explorer.locator(".explorer__tex [data-initializer]:visible")).toHaveAttribute(
    "data-initializer",
    "he-normal-torch",
  );
  await expect(explorer.getByText("torch.nn.init.kaiming_normal_", { exact: false })).toBeVisible();
  expectNoProblems(problems);
});

test("every initializer's sampled variance matches the formula shown, within the sampling tolerance", async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  await page.goto("/reference/");
  const explorer = page.getByRole("region", { name: "Formula explorer" });
  await explorer.scrollIntoViewIfNeeded();
  const select = explorer.getByLabel("Initializer");
  const ids = await select
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThanOrEqual(19);
  for (const id of ids) {
    await select.selectOption(id);
    const summary = explorer.locator(".widget__summary");
    await expect(summary).toContainText(/point mass|within the ±/);
    await expect(explorer.locator(".widget__badge")).toHaveCount(0);
    expect(await summary.textContent(), id).not.toContain("outside the");
  }
  expectNoProblems(problems);
});

test("a link restores the explorer's exact state and clamps bad values with a note", async ({
  page,
  problems,
}) => {
  await page.goto(
    "/reference/?fx.initializer=he-uniform&fx.kernel=conv&fx.kh=5&fx.kw=99&fx.seed=7#demo-formula-explorer",
  );
  const explorer = page.getByRole("region", { name: "Formula explorer" });
  await expect(explorer).toBeInViewport();
  await expect(explorer.locator(".widget__notes")).toContainText("kernel width “99” is outside 1–11");
  await expect(explorer.locator(".widget__summary")).toContainText("fan-in 3520");
  await expect(explorer.getByText("seed 7")).toBeVisible();
  expectNoProblems(problems);
});
