/**
 * The works the article cites, once. Pages cite them by key (`<Cite id="he2015" />`) and list them in their
 * References section (`<References ids={[…]} />`). Identifiers are written as text ("arXiv:1502.01852"),
 * never as links: the site requests no other host.
 */
export interface Work {
  /** Authors as they are cited in a list, e.g. "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun". */
  authors: string;
  /** Short form for inline citations, e.g. "He et al." */
  short: string;
  /** Year of publication; omitted for source code, which changes continually. */
  year?: number;
  title: string;
  /** Where it appeared (conference, journal, book or code repository). */
  venue: string;
  /** arXiv identifier without the prefix, when there is one. */
  arxiv?: string;
  /** What the article takes from it, in one line. */
  used: string;
}

const works = {
  glorot2010: {
    authors: "Xavier Glorot, Yoshua Bengio",
    short: "Glorot & Bengio",
    year: 2010,
    title: "Understanding the difficulty of training deep feedforward neural networks",
    venue: "Proceedings of AISTATS 2010, PMLR 9, pp. 249–256",
    used: "The forward and backward variance conditions, the normalized initialization, the tanh and sigmoid experiments.",
  },
  he2015: {
    authors: "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun",
    short: "He et al.",
    year: 2015,
    title: "Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification",
    venue: "Proceedings of ICCV 2015",
    arxiv: "1502.01852",
    used: "The ReLU derivation Var W = 2/n, its fan_out form, PReLU’s 2/((1 + a²)n), the 22- and 30-layer experiments.",
  },
  saxe2013: {
    authors: "Andrew M. Saxe, James L. McClelland, Surya Ganguli",
    short: "Saxe et al.",
    year: 2013,
    title: "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
    venue: "ICLR 2014",
    arxiv: "1312.6120",
    used: "Random orthogonal initialization and dynamical isometry of products of orthogonal matrices.",
  },
  martens2010: {
    authors: "James Martens",
    short: "Martens",
    year: 2010,
    title: "Deep learning via Hessian-free optimization",
    venue: "Proceedings of ICML 2010, pp. 735–742",
    used: "Sparse initialization: a fixed number of non-zero incoming weights per unit.",
  },
  mishkin2015: {
    authors: "Dmytro Mishkin, Jiri Matas",
    short: "Mishkin & Matas",
    year: 2015,
    title: "All you need is a good init",
    venue: "ICLR 2016",
    arxiv: "1511.06422",
    used: "Layer-sequential unit-variance (LSUV) initialization.",
  },
  lecun1998: {
    authors: "Yann LeCun, Léon Bottou, Genevieve B. Orr, Klaus-Robert Müller",
    short: "LeCun et al.",
    year: 1998,
    title: "Efficient BackProp",
    venue: "Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524, Springer",
    used: "Weights with standard deviation 1/√(fan-in), inputs normalized to zero mean and unit variance.",
  },
  ioffe2015: {
    authors: "Sergey Ioffe, Christian Szegedy",
    short: "Ioffe & Szegedy",
    year: 2015,
    title: "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
    venue: "Proceedings of ICML 2015",
    arxiv: "1502.03167",
    used: "Normalizing pre-activations per mini-batch, which makes training far less sensitive to the initial scale.",
  },
  goyal2017: {
    authors:
      "Priya Goyal, Piotr Dollár, Ross Girshick, Pieter Noordhuis, Lukasz Wesolowski, Aapo Kyrola, Andrew Tulloch, Yangqing Jia, Kaiming He",
    short: "Goyal et al.",
    year: 2017,
    title: "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
    venue: "Technical report",
    arxiv: "1706.02677",
    used: "Starting the last batch-normalization scale of each residual block at zero, so every block starts as the identity.",
  },
  klambauer2017: {
    authors: "Günter Klambauer, Thomas Unterthiner, Andreas Mayr, Sepp Hochreiter",
    short: "Klambauer et al.",
    year: 2017,
    title: "Self-Normalizing Neural Networks",
    venue: "NeurIPS 2017",
    arxiv: "1706.02515",
    used: "SELU, which is designed for LeCun normal weights.",
  },
  kerasInit: {
    authors: "The Keras team",
    short: "Keras source",
    title: "keras/src/initializers/random_initializers.py",
    venue: "Keras 3 source code",
    used: "VarianceScaling, its fan modes, the truncated normal and the 0.87962566103423978 correction; Dense defaults.",
  },
  torchInit: {
    authors: "The PyTorch team",
    short: "PyTorch source",
    title: "torch/nn/init.py and torch/nn/modules/linear.py",
    venue: "PyTorch source code",
    used: "xavier_*, kaiming_*, trunc_normal_, orthogonal_, calculate_gain, and nn.Linear’s default reset_parameters.",
  },
} satisfies Record<string, Work>;

export type WorkId = keyof typeof works;

/** Every cited work, by key. */
export const bibliography: Readonly<Record<WorkId, Work>> = works;

export function isWorkId(x: string): x is WorkId {
  return Object.prototype.hasOwnProperty.call(bibliography, x);
}

/** The anchor of a work in its page's References list. */
export function refAnchor(id: WorkId): string {
  return `ref-${id}`;
}
