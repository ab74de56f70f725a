/**
 * What every Plot figure goes through before it is shown, live or at build time (works on a live DOM and on
 * linkedom's build-time DOM alike):
 * - Plot labels its mark groups with `aria-label` on plain `<g>` elements, which ARIA forbids without a role
 *   (axe: aria-prohibited-attr): each such group gets `role="group"`.
 * - Plot writes a `<style>` element into every figure it draws (block display, `white-space: pre` on text).
 *   Those rules live once in global.css instead: a page with thirty figures would otherwise carry thirty
 *   stylesheets, and each live redraw that inserts one makes the browser re-match the page's styles (the
 *   "Style rule change" invalidations a trace showed on every full redraw of a training demo).
 */
export function finishPlotSvg(root: Element): void {
  for (const g of root.querySelectorAll("g[aria-label]")) {
    if (!g.hasAttribute("role")) g.setAttribute("role", "group");
  }
  for (const style of root.querySelectorAll("style")) style.remove();
}
