#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` as a CI gate. Fails on any high or critical advisory in the
// packages the site ships. When the registry refuses the audit endpoint itself (this build machine's
// registry mirror answers `405 Method Not Allowed`), there is no advisory data to judge: the script says
// so loudly and exits 0, because failing would block every change without saying anything about them.
// Set AUDIT_REQUIRED=1 to fail in that case too.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

if (report.metadata?.vulnerabilities) {
  const v = report.metadata.vulnerabilities;
  console.log(
    `npm audit --omit=dev: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low ` +
      `(${report.metadata.dependencies?.prod ?? "?"} production dependencies)`,
  );
  if (v.critical + v.high > 0) {
    for (const [name, item] of Object.entries(report.vulnerabilities ?? {}))
      if (item.severity === "high" || item.severity === "critical")
        console.log(`  ${item.severity}: ${name}`);
    process.exit(1);
  }
  process.exit(0);
}

const status = report.statusCode ?? report.error?.code ?? "unknown";
console.warn(
  `\n!! npm audit could not run: the registry refused the audit endpoint (${status}: ${report.message ?? report.error?.summary}).` +
    `\n!! No advisory data was checked. Run \`npm run audit\` where registry.npmjs.org's audit API is reachable.\n`,
);
process.exit(process.env.AUDIT_REQUIRED === "1" ? 1 : 0);
