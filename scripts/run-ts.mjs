#!/usr/bin/env node
// Runs a TypeScript entry file under plain Node: esbuild bundles it (packages stay external) into a
// temporary module, which is then imported. Used by `npm run bench` and other scripts.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
// Inside the project, so the bundle's bare imports (d3-array, …) resolve from node_modules.
const cache = resolve("node_modules/.cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "run-ts-"));
const outfile = join(dir, "entry.mjs");
try {
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "error",
    absWorkingDir: process.cwd(),
    nodePaths: [resolve("node_modules")],
  });
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
