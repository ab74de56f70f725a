import { useMemo, useState } from "preact/hooks";
import type { Network } from "../../engine/network";
import type { GridValues } from "../ui/grid";
import { Diagram, nodeName, type Selection } from "./Diagram";
import { networkLayout } from "./layout";
import { LIMITS } from "./state";
import { num } from "./summary";

const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** What the readout says about the unit or weight under the pointer or the keyboard focus. */
export function readout(net: Network, s: Selection): string {
  if (s.kind === "link") {
    const w = net.layers[s.layer]!.W[s.to * net.sizes[s.layer]! + s.from]!;
    return `Weight from ${nodeName(net.sizes, s.layer, s.from)} to ${nodeName(net.sizes, s.layer + 1, s.to)}: ${num(w)}.`;
  }
  const name = capital(nodeName(net.sizes, s.layer, s.unit));
  if (s.layer === 0) return `${name}: the ${s.unit === 0 ? "horizontal" : "vertical"} coordinate of a point.`;
  const { W, b } = net.layers[s.layer - 1]!;
  const nIn = net.sizes[s.layer - 1]!;
  const incoming = Array.from(W.subarray(s.unit * nIn, (s.unit + 1) * nIn), num);
  const shown = incoming.length > 8 ? [...incoming.slice(0, 8), "…"] : incoming;
  return `${name}: bias ${num(b[s.unit]!)}; incoming weights ${shown.join(", ")}.`;
}

const fits = (sizes: readonly number[], s: Selection): boolean =>
  s.kind === "node"
    ? s.layer < sizes.length && s.unit < sizes[s.layer]!
    : s.layer + 1 < sizes.length && s.from < sizes[s.layer]! && s.to < sizes[s.layer + 1]!;

/**
 * The network: a ± width control over each hidden layer, the diagram (units as thumbnails of their output
 * over the plane, weights as lines), the readout of the unit or weight pointed at, and the legend.
 */
export function NetworkPanel(props: {
  net: Network;
  grid: GridValues | null;
  live: boolean;
  epoch: number;
  /** Bumped whenever the weights changed, so the diagram's links redraw. */
  version: number;
  onWidth: (layer: number, width: number) => void;
}) {
  const { net, epoch } = props;
  const { sizes } = net;
  const [focus, setFocus] = useState({ layer: 0, unit: 0 });
  const [selection, setSelection] = useState<Selection | null>(null);
  const shownFocus = fits(sizes, { kind: "node", ...focus }) ? focus : { layer: 0, unit: 0 };
  const shownSelection = selection && fits(sizes, selection) ? selection : null;
  const layout = useMemo(() => networkLayout(sizes), [sizes.join()]);
  const last = sizes.length - 1;

  return (
    <>
      <p class="widget__figure-title">
        Network: {sizes.join(" → ")} ({epoch === 0 ? "initial weights" : `after ${epoch} epochs`})
      </p>
      <div class="pg-widths">
        {layout.centres.map((c, l) => {
          const w = sizes[l]!;
          return (
            <span key={l} class="pg-widths__layer" style={{ left: `${100 * c}%` }}>
              {l === 0 ? (
                "inputs"
              ) : l === last ? (
                "output"
              ) : (
                <>
                  <button
                    type="button"
                    aria-label={`Remove a unit from hidden layer ${l}`}
                    disabled={w <= LIMITS.width.min}
                    onClick={() => props.onWidth(l - 1, w - 1)}
                  >
                    −
                  </button>
                  <span>{w}</span>
                  <button
                    type="button"
                    aria-label={`Add a unit to hidden layer ${l}`}
                    disabled={w >= Math.max(LIMITS.width.ui, w)}
                    onClick={() => props.onWidth(l - 1, w + 1)}
                  >
                    +
                  </button>
                </>
              )}
            </span>
          );
        })}
      </div>
      <Diagram
        net={net}
        grid={props.grid}
        live={props.live}
        focus={shownFocus}
        selection={shownSelection}
        onSelect={setSelection}
        onFocusMove={setFocus}
        version={props.version}
      />
      <p class="pg-readout" aria-live="polite">
        {shownSelection
          ? readout(net, shownSelection)
          : "Point at a unit or a weight, or Tab to a unit and use the arrow keys, to read its value."}
      </p>
      <ul class="widget__legend">
        <li>
          <span class="swatch" style={{ background: "var(--series-1)" }} /> positive weight / output
        </li>
        <li>
          <span class="swatch" style={{ background: "var(--series-2)" }} /> negative
        </li>
        <li>line width ∝ |weight|</li>
      </ul>
    </>
  );
}
