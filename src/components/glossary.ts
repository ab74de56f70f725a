/**
 * The glossary: a few terms every page leans on. `<Term id="fan-in">` links a first use to its entry in the
 * Glossary section of the reference page, which `<Glossary />` renders from this list.
 */
export interface GlossaryEntry {
  term: string;
  definition: string;
}

const entries = {
  "pre-activation": {
    term: "pre-activation",
    definition:
      "The weighted sum a unit computes before its activation function: z = Σᵢ wᵢxᵢ + b. The unit's output, its activation, is f(z).",
  },
  "fan-in": {
    term: "fan-in",
    definition:
      "The number of inputs that feed one unit: n_in. For a dense layer it is the input width; for a convolution it is input channels × kernel height × kernel width.",
  },
  "fan-out": {
    term: "fan-out",
    definition:
      "The number of units one input feeds: n_out. For a dense layer it is the output width; for a convolution it is output channels × kernel height × kernel width.",
  },
  gain: {
    term: "gain",
    definition:
      "A factor g that multiplies an initializer's standard deviation to make up for what the activation does to variance: √2 for ReLU, 5/3 for tanh, 1 for linear layers.",
  },
  saturation: {
    term: "saturation",
    definition:
      "A sigmoid or tanh unit is saturated when |z| is so large that it sits on a flat tail of its curve: its output barely changes and its derivative is nearly zero, so almost no gradient flows through it. This site counts a unit as saturated when f′(z) is below 2 % of f′(0): |z| > 2.64 for tanh, |z| > 5.29 for sigmoid.",
  },
  "symmetry-breaking": {
    term: "symmetry breaking",
    definition:
      "Making the units of a layer different from one another at the start, usually with random weights, so that they receive different gradients and can learn different features.",
  },
  "variance-preservation": {
    term: "variance preservation",
    definition:
      "The design goal behind Xavier, He and LeCun initialization: choose Var W so that the variance of the signal (forward) or of the gradient (backward) is the same in every layer.",
  },
} satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof entries;

export const glossary: Readonly<Record<TermId, GlossaryEntry>> = entries;

export function isTermId(x: string): x is TermId {
  return Object.prototype.hasOwnProperty.call(entries, x);
}

/** Where the glossary lives, and the anchor of one entry. */
export const GLOSSARY_ROUTE = "/reference/";
export function termAnchor(id: TermId): string {
  return `term-${id}`;
}
