// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { LinkControls, nextSeed } from "../../widgets/ui/controls";
import { defineDemo } from "../../widgets/ui/demo";
import { intField } from "../../widgets/ui/url-state";
import { stubClipboard } from "./dom-stubs";

afterEach(cleanup);

interface State {
  seed: number;
  depth: number;
}
const demo = defineDemo<State>({
  id: "demo-t",
  namespace: "t",
  title: "A toy demo",
  fields: { seed: intField("seed", 0, 2 ** 32 - 1), depth: intField("depth", 1, 50) },
  defaults: { seed: 1, depth: 7 },
});

/** The tail every demo ends its controls with: re-seed, then copy a link to the demo in its state. */
function Tail(props: { seed: number }) {
  const [state, setState] = useState<State>({ seed: props.seed, depth: 7 });
  return <LinkControls demo={demo} state={state} onReseed={(seed) => setState({ ...state, seed })} />;
}

describe("the re-seed and copy-link controls", () => {
  it("step the seed by one and wrap 2³² − 1 to 0, staying an unsigned 32-bit integer", () => {
    expect(nextSeed(0)).toBe(1);
    expect(nextSeed(41)).toBe(42);
    expect(nextSeed(2 ** 32 - 2)).toBe(2 ** 32 - 1);
    expect(nextSeed(2 ** 32 - 1)).toBe(0);
  });

  it("copy a link to this page with only this demo's parameters, in its current state, at its anchor", async () => {
    history.replaceState(null, "", "/he/?other.x=1&t.seed=9#top");
    const writeText = stubClipboard();
    render(<Tail seed={2 ** 32 - 1} />);
    fireEvent.click(screen.getByRole("button", { name: "Re-seed" }));
    expect(screen.getByText("seed 0")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy link to this demo" }));
    });
    const href = new URL(writeText.mock.calls[0][0]);
    expect(href.pathname).toBe("/he/");
    expect([...href.searchParams]).toEqual([
      ["t.seed", "0"],
      ["t.depth", "7"],
    ]);
    expect(href.hash).toBe("#demo-t");
    expect(screen.getByRole("status").textContent).toBe("Link copied.");
  });

  it("show the link to copy by hand when the clipboard refuses", async () => {
    stubClipboard({ refuse: true });
    render(<Tail seed={3} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy link to this demo" }));
    });
    expect(screen.getByRole("status").textContent).toMatch(
      /^Copy this link: http.*t\.seed=3&t\.depth=7#demo-t$/,
    );
  });
});
