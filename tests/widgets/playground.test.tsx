// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { datasetNames } from "../../engine/datasets";
import { activationNames } from "../../engine/activations";
import { initializerIds, initializers } from "../../engine/initializers";
import { createPlaygroundStepper, layerRows } from "../../engine/experiments/playground";
import { runToEnd } from "../../engine/stepping";
import { evaluateGrid, GridJob, outputOf } from "../../widgets/ui/grid";
import { exportNetwork, exportText, importNetwork } from "../../widgets/playground/exchange";
import { heatRuns } from "../../widgets/playground/markup";
import { readout } from "../../widgets/playground/NetworkPanel";
import {
  createStepper,
  experimentOptions,
  initialNetwork,
  PLANE,
  splitOf,
  stepsPerEpoch,
} from "../../widgets/playground/run";
import {
  hiddenField,
  LIMITS,
  playgroundDemo,
  SPEEDS,
  type PlaygroundState,
} from "../../widgets/playground/state";
import { stallReason, summarize } from "../../widgets/playground/summary";
import { PlaygroundIsland } from "../../widgets/playground/View";
import { installDomStubs } from "./dom-stubs";

beforeAll(() => installDomStubs());
afterEach(() => {
  cleanup();
  history.replaceState(null, "", "/");
});

const stateFromProps = (p: Partial<PlaygroundState>) => playgroundDemo.fromProps(p);
const decodePlayground = (p: URLSearchParams) => playgroundDemo.decode(p);
/** A stepper's snapshot after `epochs` epochs. */
const trained = (state: PlaygroundState, epochs: number) => {
  const stepper = createStepper(state);
  stepper.step(epochs * stepsPerEpoch(state));
  return stepper.snapshot();
};

const weightsOf = (net: { layers: { W: Float64Array; b: Float64Array }[] }) =>
  net.layers.flatMap(({ W, b }) => [...W, ...b]);

describe("playground state", () => {
  it("fails the build on a mistyped prop", () => {
    expect(() => stateFromProps({ hidden: [4, 40] })).toThrow(/hidden layers/);
    expect(() => stateFromProps({ init: "kaiming" as never })).toThrow(/initializer/);
    expect(() => stateFromProps({ init: "he-normal-torch", params: { gain: 9 } })).toThrow(/gain/);
    expect(() => stateFromProps({ lr: 0 })).toThrow(/learning rate/);
  });

  it("reads hidden widths from the URL within 10 layers of 1–32 units, with a note", () => {
    const field = hiddenField();
    expect(field.parse("8-8-4")).toEqual({ value: [8, 8, 4] });
    expect(field.parse("")).toEqual({ value: [] });
    const wide = field.parse("64-0-x");
    expect(wide.value).toEqual([32, 1, 1]);
    expect(wide.note).toMatch(/width 64 is outside 1–32/);
    expect(field.parse("1-1-1-1-1-1-1-1-1-1-1-1").value).toHaveLength(10);
  });

  it("clamps invalid URL values to valid ones and says so, including the initializer's own ranges", () => {
    const { state, notes } = decodePlayground(
      new URLSearchParams(
        "pg.lr=50&pg.batch=0&pg.dataset=moons&pg.init=he-uniform&pg.params=gain:2.5,mode:fan_avg&pg.hidden=4-99",
      ),
    );
    expect(state).toMatchObject({ lr: 10, batch: 1, dataset: "circle", init: "he-uniform", hidden: [4, 32] });
    expect(state.params).toEqual({ gain: 2.5 });
    expect(notes.join(" ")).toMatch(/learning rate “50” is outside/);
    expect(notes.join(" ")).toMatch(/mode “fan_avg” is not one of fan_in, fan_out; using fan_in/);
    expect(notes).toHaveLength(5);
  });

  it("refuses bounds a ≥ b for a uniform initializer and falls back to the defaults", () => {
    const { state, notes } = decodePlayground(
      new URLSearchParams("pg.init=random-uniform&pg.params=a:0.5,b:-0.5"),
    );
    expect(state.params).toEqual({});
    expect(notes[0]).toMatch(/bounds must satisfy a < b, got \[0.5, -0.5\]; using its default parameters/);
  });
});

describe("playground URL state", () => {
  it("never throws and always yields a state the sandbox accepts and can build, for 10,000 random query strings", () => {
    const keys = Object.keys(playgroundDemo.fields).map((k) => `pg.${k}`);
    const rawValue = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer({ min: -10, max: 100 }).map(String),
      fc.array(fc.integer({ min: -5, max: 80 }), { maxLength: 14 }).map((a) => a.join("-")),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              "gain",
              "mode",
              "std",
              "mean",
              "value",
              "a",
              "b",
              "scale",
              "distribution",
              "junk",
            ),
            fc.oneof(fc.double().map(String), fc.constantFrom("fan_in", "fan_avg", "uniform", "", "x")),
          ),
          { maxLength: 5 },
        )
        .map((ps) => ps.map(([k, v]) => `${k}:${v}`).join(",")),
      fc.constantFrom("relu", "spiral", "he-uniform", "random-uniform", "constant", "max", "1e9", "NaN", ""),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), rawValue), (entries) => {
        const { state } = decodePlayground(new URLSearchParams(entries));
        expect(() => stateFromProps(state)).not.toThrow();
        expect(state.hidden.length).toBeLessThanOrEqual(LIMITS.layers.url);
        expect(() => initialNetwork(state)).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
  });

  it("round-trips every valid state exactly, with no note, for 10,000 random states", () => {
    const validState: fc.Arbitrary<PlaygroundState> = fc
      .record({
        dataset: fc.constantFrom(...datasetNames),
        noise: fc.integer({ min: 0, max: 50 }),
        trainPct: fc.integer({ min: 20, max: 90 }),
        dataSeed: fc.nat(),
        hidden: fc.array(fc.integer({ min: 1, max: 32 }), { maxLength: 10 }),
        activation: fc.constantFrom(...activationNames),
        lr: fc.double({ min: 0.0001, max: 10, noNaN: true }).map((x) => Number(x.toPrecision(4))),
        batch: fc.integer({ min: 1, max: 64 }),
        init: fc.constantFrom(...initializerIds),
        bias: fc.constantFrom("zeros" as const, "constant" as const),
        biasValue: fc.double({ min: -1, max: 1, noNaN: true }).map((x) => Number(x.toPrecision(4))),
        seed: fc.nat(),
        speed: fc.constantFrom(...SPEEDS),
        pick: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      })
      .map(({ pick, ...s }) => {
        const params: PlaygroundState["params"] = {};
        initializers[s.init].params.forEach((spec, i) => {
          params[spec.key] =
            spec.kind === "number"
              ? Number((spec.min + pick[i] * (spec.max - spec.min)).toPrecision(4))
              : spec.options[Math.floor(pick[i] * spec.options.length) % spec.options.length];
        });
        return playgroundDemo.normalize!({ ...s, params }).state;
      });
    fc.assert(
      fc.property(validState, (state) => {
        const params = playgroundDemo.encode(state, new URLSearchParams("other.x=1"));
        expect(decodePlayground(params)).toEqual({ state, notes: [] });
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("playground run", () => {
  const small = stateFromProps({ hidden: [4], activation: "tanh" });

  it("Reset redraws the same initial weights for the same seed; a new seed draws others", () => {
    const a = weightsOf(initialNetwork(small));
    expect(weightsOf(createStepper(small).snapshot().net)).toEqual(a);
    expect(weightsOf(initialNetwork({ ...small, seed: 2 }))).not.toEqual(a);
    expect(weightsOf(trained(small, 1).net)).not.toEqual(a);
  });

  it("steps in chunks to exactly the run it makes in one go", () => {
    const options = { ...experimentOptions(small), maxEpochs: 12 };
    const split = splitOf(small);
    const chunked = createPlaygroundStepper(options, split);
    while (chunked.step(7) > 0);
    const once = createPlaygroundStepper(options, split);
    expect(once.step(1e9)).toBe(12 * stepsPerEpoch(small));
    expect(chunked.done).toBe(true);
    expect(chunked.snapshot()).toEqual(runToEnd(once));
  });

  it("records train and test loss once per epoch; the summary says it is learning", () => {
    const snap = trained(small, 2);
    expect(snap.epoch).toBe(2);
    expect(snap.history.map((p) => p.epoch)).toEqual([0, 1, 2]);
    // engine/verdict.ts judges only after PLAYGROUND_WARMUP epochs
    expect(snap.verdict).toBe("untrained");
    expect(summarize(snap, small)).toMatch(/: learning — epoch 2, test loss [\d.]+, train loss/);
  });

  it("He + ReLU learns the circle below 0.1 · L_const and stays learned", () => {
    const state = stateFromProps({ activation: "relu", init: "he-normal-torch", hidden: [8, 8] });
    const snap = trained(state, 300);
    expect(snap.verdict).toBe("learned");
    expect(snap.learned!.epoch).toBeLessThan(200);
    expect(snap.learned!.test).toBeLessThan(0.05);
    expect(summarize(snap, state)).toMatch(/learned — the test loss fell below 0.05 at epoch \d+/);
  });

  it("a large initial loss is not called diverged before the first epoch", () => {
    const state = stateFromProps({
      init: "random-normal",
      params: { std: 2 },
      hidden: [16, 16],
      activation: "relu",
    });
    const snap = createStepper(state).snapshot();
    expect(snap.history[0]!.test).toBeGreaterThan(10 * snap.baseline);
    expect(snap.verdict).toBe("untrained");
  });

  it("a learning rate of 10 on ReLU diverges and stops", () => {
    const state = stateFromProps({ activation: "relu", init: "he-normal-torch", lr: 10, hidden: [8, 8] });
    const stepper = createStepper(state);
    runToEnd(stepper);
    const snap = stepper.snapshot();
    expect(snap.diverged).toBe(true);
    expect(snap.epoch).toBeLessThan(20);
    expect(stepper.step(1)).toBe(0);
    expect(snap.verdict).toBe("diverged");
    expect(summarize(snap, state)).toMatch(/diverged at epoch \d+/);
  });

  it("names tied units as the reason a constant initializer cannot learn", () => {
    const { rows } = createStepper(stateFromProps({ init: "constant", hidden: [4, 4] })).snapshot();
    expect(rows.map((r) => r.tied)).toEqual([true, true, false]);
    expect(stallReason(rows)).toMatch(/hidden layers 1, 2 is identical \(tied weights\)/);
    const net = initialNetwork(small);
    expect(layerRows(net, splitOf(small).trainData).map((r) => r.units)).toEqual([4, 1]);
  });

  it("evaluates the grid in slices with the same result as at once", () => {
    const net = initialNetwork(small);
    const whole = evaluateGrid(net, PLANE);
    const job = new GridJob(net, PLANE);
    let t = 0;
    let slices = 0;
    while (!job.advance(t + 1, () => t++)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(outputOf(job.values)).toEqual(outputOf(whole));
    expect(outputOf(whole)).toHaveLength(PLANE.cells ** 2);
    expect(whole.units.map((l) => l.length)).toEqual([2, 4, 1]);
  });

  it("merges equal cells into runs for the build-time heatmap", () => {
    const side = PLANE.cells;
    expect(heatRuns(new Float32Array(side * side).fill(0.5), side, 10)).toHaveLength(10);
    expect(heatRuns(new Float32Array(side * side), side, 10)).toEqual([]);
  });
});

/**
 * The Playground page's "Things to try": each item tells the reader what a setting will show; each is checked
 * here on the engine the playground runs, over seeds 1–3 (a sentence the engine does not bear out fails).
 */
describe("Playground page › Things to try", { timeout: 120_000 }, () => {
  const SEEDS = [1, 2, 3];
  const deep = { hidden: new Array<number>(8).fill(8), activation: "relu" as const };
  const atStep0 = (p: Partial<PlaygroundState>) => createStepper(stateFromProps(p)).snapshot().rows;

  it("› 1. Constant weights: every unit of a layer is a copy of the others (tied), on the circle", () => {
    for (const value of [0.3, -1]) {
      const snap = trained(stateFromProps({ init: "constant", params: { value }, hidden: [4, 4] }), 50);
      expect(snap.rows.map((r) => r.tied)).toEqual([true, true, false]);
    }
  });

  it.each(["relu", "tanh"] as const)(
    "› 2. Zero weights with %s: the loss settles at the best constant prediction and only the output bias learns",
    (activation) => {
      const state = stateFromProps({ init: "zeros", activation, hidden: [4, 4] });
      const start = initialNetwork(state);
      const snap = trained(state, 100);
      expect(snap.verdict).toBe("stalled");
      expect(snap.history[snap.history.length - 1]!.train).toBeCloseTo(snap.baseline, 2);
      snap.net.layers.forEach((layer, l) => {
        expect([...layer.W]).toEqual([...start.layers[l]!.W]);
        const last = l === snap.net.layers.length - 1;
        if (!last) expect([...layer.b]).toEqual([...start.layers[l]!.b]);
        else expect([...layer.b]).not.toEqual([...start.layers[l]!.b]);
      });
    },
  );

  it("› 3. Scale of naive random weights: raising σ of “Random normal” in a tanh network saturates more units", () => {
    const shares = [0.3, 1, 2].map((std) => {
      const rows = atStep0({ init: "random-normal", params: { std }, activation: "tanh", hidden: [8, 8, 8] });
      return rows.slice(0, 3).reduce((sum, r) => sum + r.saturated!, 0) / 3;
    });
    expect(shares[0]).toBeLessThan(shares[1]!);
    expect(shares[1]).toBeLessThan(shares[2]!);
    expect(shares[2]).toBeGreaterThan(0.5);
  });

  it("› 4. Xavier against He, eight ReLU layers of eight: from layer 2 on each layer keeps exactly half of He's variance at step 0, and Xavier still learns", () => {
    for (const seed of SEEDS) {
      const he = atStep0({ ...deep, init: "he-normal-torch", seed });
      const xavier = atStep0({ ...deep, init: "glorot-normal-torch", seed });
      for (let l = 1; l < 8; l++) {
        const keep = (rows: typeof he) => rows[l]!.actVar / rows[l - 1]!.actVar;
        expect(keep(xavier) / keep(he)).toBeCloseTo(0.5, 6);
      }
      expect(trained(stateFromProps({ ...deep, init: "glorot-normal-torch", seed }), 300).verdict).toBe(
        "learned",
      );
    }
  });

  it("› 5. PyTorch's default on the same network: its variance falls fastest of the three at step 0, and it still trains the circle", () => {
    for (const seed of SEEDS) {
      const factor = (init: string) => {
        const rows = atStep0({ ...deep, init: init as PlaygroundState["init"], seed });
        return (rows[7]!.actVar / rows[0]!.actVar) ** (1 / 7);
      };
      expect(factor("torch-linear-default")).toBeLessThan(factor("glorot-normal-torch"));
      expect(factor("glorot-normal-torch")).toBeLessThan(factor("he-normal-torch"));
      expect(trained(stateFromProps({ ...deep, init: "torch-linear-default", seed }), 300).verdict).toBe(
        "learned",
      );
    }
  });

  it("› 6. Sigmoid everywhere: with Xavier on the same network the sigmoid stalls at the constant prediction and tanh learns", () => {
    for (const seed of SEEDS) {
      const run = (activation: "sigmoid" | "tanh") =>
        trained(stateFromProps({ ...deep, activation, init: "glorot-normal-torch", seed }), 300).verdict;
      expect([run("sigmoid"), run("tanh")]).toEqual(["stalled", "learned"]);
    }
  });
});

describe("playground export and import", () => {
  const state = stateFromProps({
    hidden: [3, 2],
    activation: "relu",
    init: "he-uniform",
    params: { gain: 1.2 },
  });

  it("restores the exact weights and state of an export", () => {
    const { net } = trained(state, 1);
    const text = exportText(exportNetwork(state, net, 1));
    const back = importNetwork(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.state).toEqual(state);
    expect(back.epoch).toBe(1);
    expect(weightsOf(back.net)).toEqual(weightsOf(net));
  });

  it("refuses malformed files with a clear message", () => {
    const good = JSON.parse(exportText(exportNetwork(state, initialNetwork(state), 0))) as {
      state: Record<string, unknown>;
      network: { layers: { W: unknown[] }[] };
    };
    const refuse = (text: string) => {
      const r = importNetwork(text);
      expect(r.ok).toBe(false);
      return r.ok ? "" : r.error;
    };
    expect(refuse("{not json")).toMatch(/^Import refused: the file is not valid JSON.*Nothing changed\.$/);
    expect(refuse("[1, 2]")).toMatch(/does not hold a JSON object/);
    expect(refuse(JSON.stringify({ ...good, format: "tfjs" }))).toMatch(/not a playground export/);
    expect(refuse(JSON.stringify({ ...good, state: { ...good.state, lr: 99 } }))).toMatch(/learning rate/);
    const short = structuredClone(good);
    short.network.layers[0].W.pop();
    expect(refuse(JSON.stringify(short))).toMatch(/layer 1 W has 5 entries, expected 6/);
    const nan = structuredClone(good);
    nan.network.layers[1].W[0] = "NaN";
    expect(refuse(JSON.stringify(nan))).toMatch(/layer 2 W\[0\] is not a finite number/);
    const other = structuredClone(good);
    other.state.hidden = [3, 3];
    expect(refuse(JSON.stringify(other))).toMatch(/sizes \[2,3,2,1\] do not match its state \(2-3-3-1\)/);
  });
});

describe("PlaygroundIsland", () => {
  it("renders the build-time figures: diagram thumbnails and boundary cells as SVG", () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(<PlaygroundIsland hidden={[4]} />);
    expect(container.querySelectorAll(".pg-node")).toHaveLength(2 + 4 + 1);
    // Cells and points are drawn as one path per paint, a subpath ("M…") per cell run or point.
    const subpaths = (selector: string) =>
      [...container.querySelectorAll(selector)].map((p) => p.getAttribute("d")!.split("M").length - 1);
    const cells = subpaths('.pg-boundary g[shape-rendering="crispEdges"] path');
    expect(cells.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(cells.length).toBeLessThan(cells.reduce((a, b) => a + b, 0));
    const points = subpaths('.pg-boundary g[aria-hidden="true"] path');
    expect(points.reduce((a, b) => a + b, 0)).toBe(500);
    expect(points).toHaveLength(4); // training and test points, two classes each
    expect(container.querySelectorAll(".pg-boundary rect, .pg-boundary circle")).toHaveLength(1); // the frame
  });

  it("changing a control restarts the run and writes the URL; Step trains one epoch", async () => {
    render(<PlaygroundIsland hidden={[4]} />);
    fireEvent.change(screen.getByLabelText("Initializer"), { target: { value: "he-normal-torch" } });
    await screen.findByRole("slider", { name: /Initializer gain/ });
    expect(new URLSearchParams(location.search).get("pg.init")).toBe("he-normal-torch");
    fireEvent.click(screen.getByRole("button", { name: "Step" }));
    await screen.findByText(/after 1 epochs/);
  });

  it("restores its state from the URL and notes what it clamped", async () => {
    history.replaceState(null, "", "/?pg.hidden=4-64&pg.activation=relu");
    render(<PlaygroundIsland />);
    await screen.findByText(/width 64 is outside 1–32/);
    await screen.findByText(/Network: 2 → 4 → 32 → 1/);
  });

  it("reports the value of a focused unit", async () => {
    render(<PlaygroundIsland hidden={[4]} />);
    const node = document.querySelector<SVGGElement>('[data-node="1-2"]')!;
    fireEvent.mouseEnter(node);
    await screen.findByText(/^Hidden layer 1, unit 3: bias 0; incoming weights /);
    const net = initialNetwork(stateFromProps({ hidden: [4] }));
    expect(readout(net, { kind: "link", layer: 1, from: 0, to: 0 })).toMatch(
      /^Weight from hidden layer 1, unit 1 to the output unit: -?\d/,
    );
  });
});
