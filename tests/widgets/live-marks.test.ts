// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { liveLayer, type LiveMarks } from "../../widgets/ui/live-marks";

/** An SVG figure with the scales Plot would attach: x and y are the identity, no facets. */
function figure() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const identity = { apply: (v: number) => v };
  Object.assign(svg, { scale: (name: string) => (name === "fy" ? undefined : identity) });
  document.body.replaceChildren(svg);
  return svg;
}

const marks = (label: string, y = 2): LiveMarks => [
  {
    points: [
      [0, 0],
      [1, y],
    ],
    stroke: "red",
    endDot: 2,
  },
  { text: label, x: 3, y: 4 },
];

describe("liveLayer", () => {
  it("redraws by writing only what changed: the same marks touch nothing, a new label changes one text", () => {
    const svg = figure();
    liveLayer(svg, marks("0.50"));
    const layer = svg.querySelector("g.live-marks")!;
    const before = [...layer.children];
    expect(before.map((el) => el.localName)).toEqual(["path", "circle", "text"]);
    expect(before[2]!.textContent).toBe("0.50");

    const observer = new MutationObserver(() => {});
    observer.observe(layer, { subtree: true, childList: true, attributes: true, characterData: true });
    liveLayer(svg, marks("0.50"));
    expect(observer.takeRecords()).toHaveLength(0);

    liveLayer(svg, marks("0.51", 3));
    const changes = observer
      .takeRecords()
      .map((r) => `${(r.target as Element).localName ?? "#text"} ${r.type} ${r.attributeName ?? ""}`);
    // the path's d and its end dot's cy moved; the label's text changed; nothing was replaced
    expect(changes.sort()).toEqual(["circle attributes cy", "path attributes d", "text childList "]);
    expect([...layer.children]).toEqual(before);
    expect(before[1]!.getAttribute("cy")).toBe("3");
  });

  it("places a value on a band scale at its band's middle, as Plot's marks are, and offsets a label by dy", () => {
    const svg = figure();
    const band = { apply: (v: number) => 10 * v, bandwidth: 8 };
    Object.assign(svg, {
      scale: (name: string) => (name === "y" ? band : name === "x" ? { apply: (v: number) => v } : undefined),
    });
    liveLayer(svg, [
      { points: [[5, 2]], stroke: "red", endDot: 4 },
      { text: "t", x: 5, y: 2, dy: -11 },
    ]);
    const [dot, label] = [...svg.querySelector("g.live-marks")!.children];
    // a single point draws only its dot
    expect(dot!.localName).toBe("circle");
    expect(dot!.getAttribute("cy")).toBe("24");
    expect(label!.getAttribute("y")).toBe("13");
  });

  it("replaces an element whose kind changed, removes those no longer drawn, and drops stale attributes", () => {
    const svg = figure();
    liveLayer(svg, [
      {
        points: [
          [0, 0],
          [1, 1],
        ],
        stroke: "red",
        strokeDasharray: "4 2",
      },
      { text: "a", x: 0, y: 0 },
    ]);
    const layer = svg.querySelector("g.live-marks")!;
    const path = layer.children[0]!;
    liveLayer(svg, [
      {
        points: [
          [0, 0],
          [2, 2],
        ],
        stroke: "blue",
      },
    ]);
    expect([...layer.children]).toEqual([path]);
    expect(path.getAttribute("stroke")).toBe("blue");
    expect(path.hasAttribute("stroke-dasharray")).toBe(false);
    liveLayer(svg, [{ text: "b", x: 1, y: 1 }]);
    expect(layer.children[0]!.localName).toBe("text");
    expect(layer.children).toHaveLength(1);
    liveLayer(svg, null);
    expect(svg.querySelector("g.live-marks")).toBeNull();
  });
});
