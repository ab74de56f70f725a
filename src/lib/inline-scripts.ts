/**
 * The only inline scripts the site writes itself. Their SHA-256 hashes go into the Content-Security-Policy
 * (astro.config.mjs), so they run without 'unsafe-inline'. Keep them tiny: they run before any island.
 */

/** Applies the stored theme before first paint, so the page never flashes the other one. */
export const THEME_INIT = `(()=>{let t=null;try{t=localStorage.getItem("theme")}catch{}if(t==="light"||t==="dark")document.documentElement.dataset.theme=t})();`;

/**
 * Wires every theme toggle: aria-pressed mirrors the theme in effect (stored choice, else the system's);
 * a click stores and applies the other one. Inline so that no script file loads before an island is visible.
 */
export const THEME_TOGGLE = `(()=>{const e=document.documentElement,m=matchMedia("(prefers-color-scheme: dark)"),c=()=>e.dataset.theme==="light"||e.dataset.theme==="dark"?e.dataset.theme:m.matches?"dark":"light";for(const b of document.querySelectorAll("[data-theme-toggle]")){const s=()=>b.setAttribute("aria-pressed",String(c()==="dark"));s();b.addEventListener("click",()=>{const t=c()==="dark"?"light":"dark";e.dataset.theme=t;try{localStorage.setItem("theme",t)}catch{}s();document.dispatchEvent(new CustomEvent("themechange",{detail:t}))});m.addEventListener("change",s)}})();`;

/** Opens the search dialog from its button, "/" (outside text fields) or Ctrl/Cmd+K. */
export const SEARCH_OPEN = `(()=>{const d=document.querySelector("[data-search-dialog]"),b=document.querySelector("[data-search-open]");if(!d||!b)return;const o=()=>{if(!d.open)d.showModal()};b.addEventListener("click",o);document.addEventListener("keydown",e=>{const t=e.target,typing=t instanceof HTMLElement&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));if((e.key==="/"&&!typing)||(e.key.toLowerCase()==="k"&&(e.ctrlKey||e.metaKey))){e.preventDefault();o()}});d.addEventListener("click",e=>{if(e.target===d)d.close()})})();`;

export const INLINE_SCRIPTS = [THEME_INIT, THEME_TOGGLE, SEARCH_OPEN];
