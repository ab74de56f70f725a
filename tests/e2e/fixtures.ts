import { test as base, expect, type Page } from "@playwright/test";

export const ROUTES = [
  "/",
  "/symmetric/",
  "/random/",
  "/xavier/",
  "/he/",
  "/reference/",
  "/interview/",
  "/playground/",
];

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  otherHosts: string[];
  cspViolations: string[];
}

/**
 * Every test page records console errors, uncaught exceptions, failed requests and any request that leaves
 * the local server (which is also aborted, so a slip can never reach the network).
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = {
      consoleErrors: [],
      failedRequests: [],
      otherHosts: [],
      cspViolations: [],
    };
    await page.exposeFunction("__reportCspViolation", (text: string) => problems.cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const report = (window as unknown as { __reportCspViolation: (t: string) => void })
          .__reportCspViolation;
        report(
          `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    const origin = new URL(baseURL!).origin;
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:"))
        return route.continue();
      problems.otherHosts.push(url);
      return route.abort();
    });
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      (text.includes("Content Security Policy") ? problems.cspViolations : problems.consoleErrors).push(text);
    });
    page.on("pageerror", (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
    page.on("requestfailed", (req) =>
      problems.failedRequests.push(`${req.url()} ${req.failure()?.errorText}`),
    );
    page.on("response", (res) => {
      if (res.status() >= 400) problems.failedRequests.push(`${res.url()} ${res.status()}`);
    });
    await use(problems);
  },
});

export function expectNoProblems(problems: PageProblems): void {
  expect(problems.consoleErrors, "console errors").toEqual([]);
  expect(problems.failedRequests, "failed requests").toEqual([]);
  expect(problems.otherHosts, "requests to other hosts").toEqual([]);
  expect(problems.cspViolations, "Content-Security-Policy violations").toEqual([]);
}

/** Scrolls through the whole page so every `client:visible` island hydrates. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight / 2);
    for (let y = 0; y < document.body.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
}

export { expect };
