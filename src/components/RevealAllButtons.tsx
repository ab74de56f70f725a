import { useEffect, useState } from "preact/hooks";

const questions = () => [...document.querySelectorAll<HTMLDetailsElement>("details[data-question]")];

/**
 * Reveal all / hide all answers of the page's interview questions (`<details data-question>`), and how many
 * are open. An island: the buttons are server-rendered, and work once the island hydrates.
 */
export default function RevealAllButtons() {
  const [open, setOpen] = useState<{ open: number; total: number } | null>(null);

  useEffect(() => {
    const list = questions();
    const sync = () => setOpen({ open: list.filter((d) => d.open).length, total: list.length });
    sync();
    for (const d of list) d.addEventListener("toggle", sync);
    return () => {
      for (const d of list) d.removeEventListener("toggle", sync);
    };
  }, []);

  const setAll = (value: boolean) => {
    for (const d of questions()) d.open = value;
  };

  return (
    <div class="reveal-all" role="group" aria-label="Answers, for self-testing">
      <button type="button" onClick={() => setAll(true)}>
        Reveal all answers
      </button>
      <button type="button" onClick={() => setAll(false)}>
        Hide all answers
      </button>
      <span class="reveal-all__count" aria-live="polite">
        {open ? `${open.open} of ${open.total} answers open` : ""}
      </span>
    </div>
  );
}
