import { useEffect, useRef, useState } from "preact/hooks";
import { loadPagefind, toHits, type Hit } from "./pagefind";

type Status =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "done"; hits: Hit[] }
  | { kind: "error"; message: string };

/**
 * The search box inside the header's dialog. It hydrates only when the dialog opens (client:visible), then
 * queries the offline Pagefind index and lists matching SECTIONS, each linked by its anchor.
 */
export function SearchDialog() {
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    setQuery(input.current?.value ?? "");
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setStatus({ kind: "idle" });
      return;
    }
    let live = true;
    setStatus({ kind: "searching" });
    const timer = setTimeout(async () => {
      try {
        const pagefind = await loadPagefind();
        const { results } = await pagefind.search(q);
        const pages = await Promise.all(results.slice(0, 6).map((r) => r.data()));
        if (live) setStatus({ kind: "done", hits: toHits(pages) });
      } catch {
        if (live)
          setStatus({
            kind: "error",
            message:
              "The search index is not available here: it is built with the site (npm start serves it).",
          });
      }
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const count = status.kind === "done" ? status.hits.length : 0;
  return (
    <div class="search">
      <label class="search__label" for="search-input">
        Search the site
      </label>
      <input
        ref={input}
        id="search-input"
        class="search__input"
        type="search"
        autoComplete="off"
        placeholder="e.g. fan-in, gain, dead ReLU"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p class="search__status" role="status">
        {status.kind === "searching" && "Searching…"}
        {status.kind === "done" &&
          (count === 0 ? "No sections match." : `${count} section${count === 1 ? "" : "s"} found.`)}
        {status.kind === "error" && status.message}
      </p>
      {status.kind === "done" && count > 0 && (
        <ol class="search__results">
          {status.hits.map((hit) => (
            <li key={hit.url}>
              <a href={hit.url}>
                <span class="search__section">{hit.section}</span>
                <span class="search__page">{hit.page}</span>
              </a>
              {/* Pagefind's excerpts are escaped text with <mark> around the matched words. */}
              <p class="search__excerpt" dangerouslySetInnerHTML={{ __html: hit.excerpt }} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
