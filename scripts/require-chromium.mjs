#!/usr/bin/env node
// The browser tier needs Debian's Chromium; no test tool may download a browser. Fail loudly if it is absent.
import { accessSync, constants } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

try {
  accessSync(CHROMIUM, constants.X_OK);
} catch {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n!! Browser tests need Chromium at ${CHROMIUM}, and it is not there.`);
  console.error(
    "!! Install Debian's package (as root):\n!!\n!!     apt-get update && apt-get install -y chromium\n!!",
  );
  console.error(
    `!! or point CHROMIUM_PATH at another Chromium binary. The browser tier did NOT run.\n${bar}\n`,
  );
  process.exit(1);
}
