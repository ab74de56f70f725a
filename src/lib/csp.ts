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
 * Astro's experimental CSP: it hashes its own island scripts and bundled styles; we add our inline scripts.
 * No inline <style> element needs a hash: Plot's per-figure stylesheet is removed before a figure is shown
 * (widgets/ui/plot-output.ts). KaTeX's output carries inline `style=""` attributes, which only
 * `style-src-attr` can allow (Astro's directive list has no entry for it, so it rides on the img-src line,
 * which Astro joins with ";"). Scripts never get 'unsafe-inline' or 'unsafe-eval'.
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
  };
}
