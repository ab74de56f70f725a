import { vi } from "vitest";

/**
 * jsdom has no layout, no observers and no media queries. Widgets only need them to exist: figures wait for a
 * size that never comes, media queries never match, and every observed element is reported on screen or off
 * screen once, as `inView` says (off by default).
 */
export function installDomStubs({ inView = false }: { inView?: boolean } = {}): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  globalThis.IntersectionObserver = class {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(el: Element) {
      if (inView)
        this.callback([{ isIntersecting: true, target: el } as IntersectionObserverEntry], this as never);
    }
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
  })) as unknown as typeof window.matchMedia;
}

/** A clipboard whose `writeText` accepts (or refuses, as a browser without permission does); returns the mock. */
export function stubClipboard({ refuse = false }: { refuse?: boolean } = {}) {
  const writeText = vi.fn((_text: string) =>
    refuse ? Promise.reject(new Error("denied")) : Promise.resolve(),
  );
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  return writeText;
}
