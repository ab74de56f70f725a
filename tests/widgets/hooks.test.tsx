// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineDemo } from "../../widgets/ui/demo";
import { useDemoState } from "../../widgets/ui/hooks";
import { intField } from "../../widgets/ui/url-state";

interface State {
  depth: number;
  width: number;
}
const demo = defineDemo<State>({
  id: "demo",
  namespace: "d",
  title: "A toy demo",
  fields: { depth: intField("depth", 1, 50), width: intField("width", 1, 512) },
  defaults: { depth: 10, width: 100 },
});

let renders = 0;
let setDepth: (depth: number) => void = () => {};
function Demo() {
  const [state, update, notes] = useDemoState(demo, {});
  renders++;
  setDepth = (depth) => update({ depth });
  return (
    <p>
      depth {state.depth}, width {state.width}
      {notes.map((n) => ` ${n}`)}
    </p>
  );
}

afterEach(cleanup);
beforeEach(() => {
  renders = 0;
});

describe("useDemoState", () => {
  it("keeps the hydrated state and renders once when the URL has none of the demo's parameters", () => {
    history.replaceState(null, "", "/he/?other.x=1#demo");
    const replace = vi.spyOn(history, "replaceState");
    render(<Demo />);
    expect(renders).toBe(1);
    expect(screen.getByText(/^depth 10, width 100$/)).toBeTruthy();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(location.search).toBe("?other.x=1&d.depth=10&d.width=100");
    expect(location.hash).toBe("#demo");
    replace.mockRestore();
  });

  it("restores the state from the URL after hydration, with a note for a clamped value, and writes it once", () => {
    history.replaceState(null, "", "/he/?d.depth=99&d.width=64");
    const replace = vi.spyOn(history, "replaceState");
    render(<Demo />);
    expect(screen.getByText(/^depth 50, width 64 depth “99” is outside 1–50/)).toBeTruthy();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(location.search).toBe("?d.depth=50&d.width=64");
    replace.mockRestore();
  });

  it("writes every change back to the URL and clears the notes", () => {
    history.replaceState(null, "", "/he/?d.depth=0");
    render(<Demo />);
    expect(screen.getByText(/depth “0” is outside/)).toBeTruthy();
    act(() => setDepth(3));
    expect(screen.getByText(/^depth 3, width 100$/)).toBeTruthy();
    expect(location.search).toBe("?d.depth=3&d.width=100");
  });
});
