import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { createHash } from "node:crypto";
import { INLINE_SCRIPTS } from "./inline-scripts";

/** The directive strings Astro accepts (its own type is not exported). */
type CspDirective =
  | `${"default" | "img" | "font" | "connect" | "worker" | "object" | "frame"}-src ${string}`
  | `base-uri ${string}`
  | `form-action ${string}`;

type Sha256 = `sha256-${string}`;

export function sha256(text: string): Sha256 {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/**
 * Observable Plot writes one identical `<style>` into every chart it draws (its class name is fixed per
 * version). Render a tiny chart here and hash that style, so live and build-time charts pass the policy.
 */
export function plotStyleText(): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({ document, marks: [Plot.dot([0])] }) as unknown as Element;
  const style = svg.querySelector("style");
  if (!style?.textContent)
    throw new Error("Observable Plot no longer injects a <style>: revisit the CSP setup");
  return style.textContent;
}

/**
 * Astro's experimental CSP: it hashes its own island scripts and bundled styles; we add our inline scripts
 * and Plot's style. KaTeX's output carries inline `style=""` attributes, which only `style-src-attr` can
 * allow (Astro's directive list has no entry for it, so it rides on the img-src line, which Astro joins
 * with ";"). Scripts never get 'unsafe-inline' or 'unsafe-eval'.
 */
export function cspConfig() {
  return {
    algorithm: "SHA-256" as const,
    directives: [
      "default-src 'self'",
      "img-src 'self'; style-src-attr 'unsafe-inline'",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-src 'none'",
    ] as CspDirective[],
    // Pagefind's search runs in WebAssembly: 'wasm-unsafe-eval' allows compiling it (not JavaScript eval).
    scriptDirective: { hashes: INLINE_SCRIPTS.map(sha256), resources: ["'self'", "'wasm-unsafe-eval'"] },
    styleDirective: { hashes: [sha256(plotStyleText())] },
  };
}
