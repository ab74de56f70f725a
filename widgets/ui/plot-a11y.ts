/**
 * Observable Plot labels its mark groups with `aria-label` on plain `<g>` elements, which ARIA forbids
 * without a role (axe: aria-prohibited-attr). Give each such group `role="group"`. Works on a live DOM and
 * on linkedom's build-time DOM alike.
 */
export function addGroupRoles(root: Element): void {
  for (const g of root.querySelectorAll("g[aria-label]")) {
    if (!g.hasAttribute("role")) g.setAttribute("role", "group");
  }
}
