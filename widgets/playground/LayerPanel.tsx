import { useMemo } from "preact/hooks";
import type { LayerRow } from "../../engine/experiments/playground";
import { percent } from "../ui/format";
import { Chart } from "./Chart";
import { LAYER_ASPECT, LAYER_COLORS, layerSpec } from "./spec";
import { num } from "./summary";

/** Saturated or dead share of a layer's units, as the table shows it. */
const health = (r: LayerRow): string =>
  r.dead !== null ? `${percent(r.dead)} dead` : r.saturated !== null ? percent(r.saturated) : "–";

/**
 * Per weight layer, for the current weights: the variance of the activations and of the back-propagated
 * gradient (a chart on a log axis) and a table with the saturated or dead share and whether the units are tied.
 */
export function LayerPanel(props: {
  rows: readonly LayerRow[];
  summary: string;
  /** The epoch at which the run diverged (the chart is replaced by a message), or null. */
  divergedAt: number | null;
}) {
  const { rows, summary, divergedAt } = props;
  const chart = useMemo(() => layerSpec(rows, summary), [rows, summary]);
  return (
    <div class="pg-layers">
      <p class="widget__figure-title">
        Per layer, for the current weights: variance of the activations and of the back-propagated gradient
      </p>
      <div class="pg-layers__grid">
        <div>
          {divergedAt !== null ? (
            <p class="widget__empty">
              Training diverged at epoch {divergedAt}: the table lists what is left of the signal. Lower the
              learning rate and press Reset.
            </p>
          ) : (
            <Chart spec={chart} aspect={LAYER_ASPECT} />
          )}
          <ul class="widget__legend">
            <li>
              <span class="swatch" style={{ background: LAYER_COLORS.act }} /> Var a (activations)
            </li>
            <li>
              <span class="swatch" style={{ background: LAYER_COLORS.grad }} /> Var ∂ℓ/∂z (gradient per
              example)
            </li>
          </ul>
        </div>
        <table class="pg-table">
          <caption class="visually-hidden">Per-layer statistics for the current weights</caption>
          <thead>
            <tr>
              <th scope="col">layer</th>
              <th scope="col">units</th>
              <th scope="col">Var a</th>
              <th scope="col">Var ∂ℓ/∂z</th>
              <th scope="col">saturated / dead</th>
              <th scope="col">tied</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.layer}>
                <th scope="row">{r.layer === rows.length ? `${r.layer} (out)` : r.layer}</th>
                <td>{r.units}</td>
                <td>{num(r.actVar)}</td>
                <td>{num(r.gradVar)}</td>
                <td>{health(r)}</td>
                <td>{r.tied ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
