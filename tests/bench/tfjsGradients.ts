/**
 * tfjs-core's Node build (CommonJS) ships without gradient definitions, and its ES-module build
 * (`dist/register_all_gradients.js`) uses extensionless imports that Node cannot load. We bundle that module
 * with esbuild at run time and import the bundle: tfjs keeps its gradient registry and engine on a global
 * namespace, so the bundled copy registers into the same registry the CommonJS build reads.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export async function registerTfjsGradients(): Promise<void> {
  const dir = mkdtempSync(join(resolve("node_modules"), ".tfjs-grads-"));
  const outfile = join(dir, "grads.mjs");
  try {
    await build({
      stdin: {
        contents: 'import "@tensorflow/tfjs-core/dist/register_all_gradients";',
        resolveDir: process.cwd(),
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "error",
    });
    await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
