#!/usr/bin/env node
// Builds the offline search index into dist/pagefind/ and removes Pagefind's ready-made UIs, which the site
// does not use (its own search dialog calls pagefind.js directly): fewer files, nothing unused shipped.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const bin = join("node_modules", ".bin", process.platform === "win32" ? "pagefind.cmd" : "pagefind");
const result = spawnSync(bin, ["--site", "dist"], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

const unused = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
for (const name of readdirSync("dist/pagefind")) {
  if (unused.test(name)) rmSync(join("dist/pagefind", name));
}
