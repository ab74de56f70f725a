import { expect, expectNoProblems, test } from "./fixtures";

test("the search dialog opens from the header, finds a section and links to its anchor", async ({
  page,
  problems,
}) => {
  await page.goto("/");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(dialog).toBeVisible();
  const input = dialog.getByLabel("Search the site");
  await expect(input).toBeFocused();
  await input.fill("fan-in");
  const results = dialog.locator(".search__results a");
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.some((h) => /^\/[a-z]*\/?#[a-z0-9-]+$/.test(h ?? ""))).toBe(true);
  const target = hrefs.find((h) => h?.includes("#"))!;
  await results
    .filter({ has: page.locator(`xpath=self::a[@href="${target}"]`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
  const id = decodeURIComponent(target.split("#")[1]);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  expectNoProblems(problems);
});

test("the keyboard shortcut opens search and Escape closes it", async ({ page, problems }) => {
  await page.goto("/he/");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Search the site").fill("Kaiming");
  await expect(dialog.locator('.search__results a[href^="/he/"]').first()).toBeVisible();
  expectNoProblems(problems);
});

test("no script file loads until the reader opens the search", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/interview/", { waitUntil: "networkidle" });
  expect(scripts.filter((u) => /pagefind|SearchDialog/.test(u))).toEqual([]);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog", { name: "Search" }).getByLabel("Search the site").fill("gain");
  await expect.poll(() => scripts.some((u) => u.includes("/pagefind/pagefind.js"))).toBe(true);
});
