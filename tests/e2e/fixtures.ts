import { test as base, expect, type Page } from "@playwright/test";
import routeList from "../../src/routes.json" with { type: "json" };

/** Every page, in reading order (the one list: src/routes.json). */
export const ROUTES: readonly string[] = routeList;

/**
 * The coarse long-task guard of the browser tests: a task this long is a real defect (a whole run built in
 * one frame), not a busy machine. The 50 ms frame target is measured by `npm run bench:browser`, not here.
 * A defect repeats (every frame or every publish goes over), while a machine that two other processes keep
 * busy stalls the renderer now and then: `npm test` under that load once saw a single 269 ms task in 10 s of
 * playground training that six reruns, quiet and loaded, never showed. So the guard fails on a second task
 * over LONG_TASK_GUARD_MS, or on any one over LONG_TASK_LIMIT_MS.
 */
export const LONG_TASK_GUARD_MS = 250;
export const LONG_TASK_LIMIT_MS = 1000;

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

/**
 * Records the page's main-thread long tasks from its first script on. `reset()` forgets those so far (call it
 * just before the action under test); `over()` returns the durations above LONG_TASK_GUARD_MS since then when
 * the guard fails (two or more of them, or one over LONG_TASK_LIMIT_MS), else nothing.
 */
export async function watchLongTasks(
  page: Page,
): Promise<{ reset(): Promise<void>; over(): Promise<number[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  return {
    reset: () => page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = [])),
    over: () =>
      page
        .evaluate(
          (limit) => (window as unknown as { longTasks: number[] }).longTasks.filter((d) => d > limit),
          LONG_TASK_GUARD_MS,
        )
        .then((over) => (over.length >= 2 || over.some((d) => d > LONG_TASK_LIMIT_MS) ? over : [])),
  };
}
