#!/usr/bin/env node
// `npm start`: build the site if dist/ is missing or older than its sources, then serve it and print the URL.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sources = ["src", "content", "widgets", "engine", "public", "astro.config.mjs", "package-lock.json"];
const indexed = existsSync("dist/pagefind/pagefind.js");
const port = process.env.PORT ?? "4321";
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

// The digits asset is generated into public/ (rewritten only when its bytes change), so it comes first.
const digits = spawnSync(process.execPath, ["scripts/digits.mjs"], { stdio: "inherit" });
if (digits.status !== 0) process.exit(digits.status ?? 1);

const built = existsSync("dist/index.html") ? statSync("dist/index.html").mtimeMs : 0;
const changed = Math.max(...sources.map(newestMtime));
if (built < changed || !indexed) {
  console.log(
    built ? "Sources changed since the last build: rebuilding…" : "No build yet: building the site…",
  );
  // The same build as `npm run build`: the digits asset (above), Astro, then the search index.
  const result = spawnSync(process.execPath, ["node_modules/astro/astro.js", "build"], {
    stdio: "inherit",
    env,
  });
  if (result.status === 0)
    Object.assign(result, spawnSync(process.execPath, ["scripts/pagefind.mjs"], { stdio: "inherit" }));
  if (result.status !== 0) process.exit(result.status ?? 1);
} else {
  console.log("dist/ is up to date.");
}

console.log(`\nServing the site at http://localhost:${port}/  (Ctrl+C to stop)\n`);
const server = spawn(
  process.execPath,
  ["node_modules/astro/astro.js", "preview", "--host", "127.0.0.1", "--port", port],
  { stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
