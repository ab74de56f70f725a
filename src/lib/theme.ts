export type Theme = "light" | "dark";

/** The theme in effect: the stored choice (set on <html> before paint), else the system preference. */
export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Applies and remembers the reader's choice. Storage may be unavailable (private mode); the page still switches. */
export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem("theme", theme);
  } catch {
    // Not persisted, but applied.
  }
  document.dispatchEvent(new CustomEvent("themechange", { detail: theme }));
}
