import { expect, test } from "./fixtures";

test("every page carries a Content-Security-Policy without unsafe-inline or unsafe-eval for scripts", async ({
  page,
}) => {
  for (const route of ["/", "/reference/", "/playground/"]) {
    await page.goto(route);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content");
    const scriptSrc = policy!.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/object-src 'none'/);
  }
});

test("the policy is enforced: an injected inline script is refused and reported", async ({
  page,
  problems,
}) => {
  await page.goto("/");
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
});
