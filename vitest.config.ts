/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

/**
 * Two Vitest projects share Astro's Vite config (Preact JSX, aliases):
 * - unit: engine, claims, widgets and figure tests; needs no build;
 * - site: checks the built `dist/` (run after `astro build`).
 */
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Engine runs and 10,000-case property tests take seconds on a loaded 2-core CI machine.
          testTimeout: 30_000,
          include: ["tests/{engine,claims,widgets,figures}/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          environment: "node",
        },
      },
    ],
  },
});
