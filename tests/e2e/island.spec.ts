import { expect, expectNoProblems, test } from "./fixtures";

test("the sampler shows its build-time SVG before hydration and with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/reference/");
  const figure = page.getByRole("group", { name: "Initializer sampler" });
  await expect(figure.locator("svg[aria-label]").first()).toBeVisible();
  await expect(figure.locator("svg rect").first()).toBeAttached();
  await context.close();
});

test("the sampler island hydrates when visible, draws its SVG live and redraws on input", async ({
  page,
  problems,
}) => {
  await page.goto("/reference/");
  const island = page
    .locator("astro-island")
    .filter({ has: page.getByRole("group", { name: "Initializer sampler" }) });
  await expect(island).toHaveAttribute("client", "visible");
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", /.*/);

  const figure = page.getByRole("group", { name: "Initializer sampler" });
  const svg = figure.locator(".widget__plot > svg");
  await expect(svg).toBeVisible();
  await expect(svg.locator("g[aria-label]").first()).toHaveAttribute("role", "group");
  const summary = figure.locator(".widget__summary");
  await expect(summary).toContainText("Glorot (Xavier) uniform");

  await figure.getByLabel("Initializer").selectOption("he-normal-torch");
  await expect(summary).toContainText("He");
  await figure.getByLabel("Fan-in").fill("99999");
  await figure.getByLabel("Fan-in").press("Tab");
  await expect(figure.getByRole("status")).toContainText("Fan-in set to 4096");
  await expect(summary).toContainText("fan-in 4096");
  expectNoProblems(problems);
});
