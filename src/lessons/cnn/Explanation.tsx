import { Tex } from '../../components/math/Tex';
import { fmtInt } from '../../format';
import * as T from './tex';

/**
 * The lesson's prose in English, in sections (Explanation.zh.tsx has the same exports in
 * Chinese). Live numbers come in through the widgets placed between them, or as props.
 */

export function DataIntro() {
  return (
    <>
      <p>
        These are real handwritten digits from MNIST (LeCun, Cortes and Burges), 10,000 of them, shipped with this page. Each
        is a 28×28 grid of grey levels; the page divides them by 255 so that 0 is background and 1 is full ink. When MNIST
        was made, every digit was scaled to fit a 20×20 box (keeping its aspect ratio) and then moved so that its centre of
        mass sits at the centre of the 28×28 field — remember that for the drawing pad below.
      </p>
      <p>
        The digits are split, with a seed, into a training set the network learns from and a test set it never trains on.
        Accuracy on the test set is the honest measure: it says how well the network does on digits it has not seen.
      </p>
    </>
  );
}

/** The prose of the convolution explainer (its heading is the widget's). */
export function ConvolutionText() {
  return (
    <>
      <p>
        A convolutional layer slides a small grid of weights, the <em>kernel</em> or <em>filter</em>, over the image. At
        every position it multiplies the pixels under the window by the weights and adds them up, plus a bias. For a
        k×k kernel on an input with <Tex math="C" /> channels (1 for a grey digit), output cell <Tex math="(i, j)" /> is
      </p>
      <Tex block math={T.CONV} />
      <p>
        A layer has many filters, <Tex math={T.FILTERS} />, each with its own weights <Tex math={T.FILTER_WEIGHTS} /> and
        bias <Tex math={T.FILTER_BIAS} />; filter <Tex math="f" /> produces one output channel, its{' '}
        <em>feature map</em>. Strictly, this is a cross-correlation: a convolution in the mathematical sense would flip
        the kernel first (<Tex math={T.FLIPPED} />). Deep-learning libraries do not flip it, and since the weights are
        learned the difference does not matter. Note also what it is not: a formula like{' '}
        <Tex math={T.DENSE} />, where every output has its own weight for every input, describes a
        fully connected (dense) layer.
      </p>
      <p>
        With stride <Tex math="s" /> the window jumps <Tex math="s" /> pixels at a time; with padding,{' '}
        <Tex math="p" /> rows and columns of zeros are added around the input first, so the window reads (with{' '}
        <Tex math="x = 0" /> outside the image)
        <Tex block math={T.CONV_STRIDED} />
        Step through it below: pick a kernel, then watch which nine numbers are multiplied for each output cell. The
        vertical-edge kernel responds where the image gets brighter from left to right, the horizontal one where it gets
        brighter from top to bottom; both give 0 on flat regions.
      </p>
    </>
  );
}

/** The prose of the pooling explainer (its heading is the widget's). */
export function PoolingText() {
  return (
    <p>
        A 2×2 max-pool with stride 2 keeps the largest value of each 2×2 block, halving the height and width and keeping
        the channels. It has no parameters. It keeps <em>whether</em> a feature was found in a small neighbourhood and
        forgets exactly <em>where</em>, so a stroke shifted by a pixel often gives the same pooled value. Average pooling
        keeps the mean instead. Because ReLU and max are both monotone, applying ReLU before or after a max-pool gives the
      same result (the engine applies it after: four times fewer numbers).
    </p>
  );
}

export function ArchitectureSection() {
  return (
    <section>
      <h2>The two networks</h2>
      <p>
        The small CNN is conv 3×3 with 32 filters and ReLU (28×28×1 → 26×26×32, &lsquo;valid&rsquo; padding), a 2×2
        max-pool (→ 13×13×32), flatten (→ 5,408 numbers), a dense layer of 128 ReLU units, and a dense output layer of 10
        units. The MLP baseline flattens the image to 784 numbers and uses the same 128-unit hidden layer and output. Both
        end in a softmax that turns the 10 outputs <Tex math="z_k" /> (the logits) into probabilities, and both are trained on
        the cross-entropy of the true digit <Tex math="t" />:
      </p>
      <Tex block math={T.SOFTMAX_CE} />
      <p>
        The logits go into the softmax as they are, with no ReLU in front (a ReLU there would stop the network from ever
        making a logit negative), and the loss is computed from the logits directly, which avoids taking the log of a
        probability that rounded to 0.
      </p>
    </section>
  );
}

export function ParamsSection() {
  return (
    <section>
      <h2>Parameters, and why sharing them helps</h2>
      <p>
        The tables count weights and biases from the model definitions: <Tex math={T.CONV_PARAMS} /> for a
        conv layer, <Tex math={T.denseParams('inputs', 'units')} /> for a dense one; pooling and flattening
        have none.
      </p>
    </section>
  );
}

export function SharingSection() {
  return (
    <section>
      <p>
        So the small CNN is the <em>bigger</em> model here, and it still generalises better. In one run of this page&rsquo;s
        engine (seed 1, 8,000 training and 2,000 test digits, Adam with α = 0.001, batches of 64, TensorFlow.js on the CPU),
        the test accuracy after 1, 2 and 3 epochs was 92.1&nbsp;%, 94.3&nbsp;% and 95.8&nbsp;% for the CNN against 89.1&nbsp;%, 91.4&nbsp;% and
        92.7&nbsp;% for the MLP. Try it yourself: train one, note the test accuracy at an epoch, switch the Model and compare.
        The parameter count alone does not decide how well a network generalises; what its structure makes easy to learn
        does:
      </p>
      <ul>
        <li>
          <b>Weight sharing.</b> Each filter&rsquo;s 9 weights are used at all 26 × 26 = 676 positions, so their gradient
          collects evidence from every position: for one image,{' '}
          <Tex math={T.SHARED_GRADIENT} />{' '}
          (a batch averages this over its images). A stroke detector learned in one place works everywhere; the MLP must
          learn it separately for each place a stroke can appear.
        </li>
        <li>
          <b>Locality and equivariance.</b> Each output depends only on a 3×3 patch, and shifting the input by a whole pixel
          shifts the feature maps by the same amount (away from the border). Max-pooling then makes the features tolerant to
          such small shifts — exactly the variation handwriting has.
        </li>
        <li>
          <b>Where the risk is.</b> The CNN&rsquo;s dense layer, with its 692,352 parameters, is where it can overfit. In the
          run above the CNN&rsquo;s accuracy on training digits was already 99.4&nbsp;% at epoch 3, against 95.8&nbsp;% on the test
          digits; on a small training set the two drift further apart. The custom CNN shows the
          usual remedies: more conv blocks (each pool quarters the features the dense layer sees, and its parameters with
          them) and dropout.
        </li>
      </ul>
    </section>
  );
}

/** Batch normalisation per channel: what the custom CNN's 'Batch norm' switch does. */
export function BatchNormSection() {
  return (
    <section>
      <h2>Batch normalisation in a convolutional network</h2>
      <p>
        Tick <b>Batch norm</b> in the custom CNN and every block becomes conv → batch norm → ReLU → pool. In a dense
        layer (the MLP playground of the backpropagation lesson) batch norm normalises each unit over the m examples of a
        batch. A conv layer&rsquo;s output channel <Tex math="c" /> is one filter applied at every position, and batch norm
        follows that sharing: the channel has one mean and one variance, taken over all m images of the batch and all
        H × W positions of its map,
      </p>
      <Tex block math={T.BN_STATS} />
      <p>and one scale and one shift, <Tex math={T.BN_GAMMA_BETA} />, the same at every position:</p>
      <Tex block math={T.BN_NORM} />
      <p>
        Statistics per position would treat a stroke differently depending on where in the image it is, which is what
        the convolution was built not to do; per channel, a feature is scaled the same wherever it appears. They are
        also steady: in the first block of a 28×28 &lsquo;same&rsquo; network with batches of 64, each channel&rsquo;s{' '}
        <Tex math={T.BN_MU} /> comes from 64 · 28 · 28 = 50,176 numbers, not 64. <Tex math={T.BN_EPS} /> keeps the
        division finite for a channel that is constant over the batch (a filter that fires nowhere).
      </p>
      <p>
        The conv loses its bias: subtracting <Tex math={T.BN_MU} /> removes any constant added to the channel, so a
        bias would always get a zero gradient; <Tex math={T.BN_BETA} /> does its job. The custom CNN&rsquo;s parameter table
        above counts <Tex math={T.BN_CONV_PARAMS} /> for such a conv and <Tex math={T.BN_PARAMS} /> (γ and β) for its
        batch norm. Backpropagation goes through the mean and the variance too; with <Tex math={T.BN_G} />, summed over
        the same m·H·W values,
      </p>
      <Tex block math={T.BN_BACKWARD} />
      <p>
        which is what the engine computes. <b>Train and eval mode.</b> While training, the statistics are the
        batch&rsquo;s own, so a digit&rsquo;s output depends on the other digits in its batch. After every step the model
        also updates running averages,
      </p>
      <Tex block math={T.BN_RUNNING} />
      <p>
        and evaluation uses them instead — test accuracy and loss, the confusion matrix, the feature maps, the drawing
        pad and an exported model — so a digit gets the same answer whatever it is batched with, a single drawing
        included. They lag behind: after k steps a share <Tex math={T.BN_LAG} /> of their starting values (0 and 1) is
        still in them, 37&nbsp;% after 100 steps. In one run of the default custom CNN (Adam, α = 0.001; numbers below)
        the batch loss at step 25 was about the same with and without batch norm, 0.58 and 0.53, but the test loss was
        1.11 with it against 0.58 without; by step 300 they were level (0.15 and 0.13). The live panel in the lab (it appears when batch norm is on) shows block 1, channel 1: its{' '}
        <Tex math={T.BN_MU} /> and variance at the last step, one value&rsquo;s normalised <Tex math="\hat x" /> and
        output <Tex math="y" />, and the same value in eval mode.
      </p>
      <p>
        What it changes, measured with this page&rsquo;s engine (seed 1, 8,000 training and 1,000 test digits, batches of
        64, TensorFlow.js&rsquo;s WASM backend in Node). For the default custom CNN, two blocks of 16 filters, with Adam at
        α = 0.001, batch norm changes little: 96.4&nbsp;% test accuracy at step 500 without, 96.5&nbsp;% with. With three blocks
        and plain SGD at a large α = 0.3, the network without it stayed near the loss of guessing (<Tex math={T.LN10} />) at
        first — batch loss 2.28 at step 25 and 1.88 at step 50 — while with batch norm it was 1.80 and 0.44: every block
        gets inputs of a steady scale, so the early layers learn from the first steps. The test accuracy, computed with
        the lagging running averages, did not follow as fast: 71.5&nbsp;% at step 50, and at step 200 85.8&nbsp;% against
        92.2&nbsp;% without. Batch norm speeds up training; it does not by itself make a network generalise better.
      </p>
    </section>
  );
}

export function TrainingNotes() {
  return (
    <section>
      <h2>What to watch while it trains</h2>
      <ul>
        <li>
          The filters begin as random noise (He initialisation) and change at every step. A filter with a red side and a
          blue side responds to an edge across it, like the edge kernels of the explainer; a mostly red one responds to
          ink anywhere under it.
        </li>
        <li>
          The feature maps show where each filter responds on the chosen test digit. Pick a misclassified digit to see what
          the network saw.
        </li>
        <li>
          The confusion matrix shows which digits get mixed up; pairs that look alike, such as 4 and 9 or 3 and 5, are
          often among the most frequent.
        </li>
        <li>
          Steps on a GPU backend run many images in parallel; on SwiftShader or the CPU a CNN step is much slower than an MLP
          step. The status line shows steps and examples per second.
        </li>
      </ul>
    </section>
  );
}


/** The numbers ParamCompare computes from describeModel, for the paragraph under its tables. */
export interface ParamNumbers {
  cnnTotal: number;
  mlpTotal: number;
  /** Share of the CNN's parameters in its dense hidden layer, 0 … 1. */
  denseShare: number;
  /** The pooled feature volume, e.g. [13, 13, 32]. */
  pooled: readonly number[];
  denseInputs: number;
  convParams: number;
  /** Height, width and filters of the conv layer's output. */
  convShape: readonly [number, number, number];
  convOutputs: number;
  /** Parameters a dense layer computing as many outputs from the 784 pixels would need. */
  denseEquivalent: number;
}

const texInt = (v: number) => T.texThousands(fmtInt(v));

export function ParamCompareText({ n }: { n: ParamNumbers }) {
  const [h, w, f] = n.convShape;
  return (
    <p>
      The small CNN has <b>{fmtInt(n.cnnTotal)}</b> parameters, {(n.cnnTotal / n.mlpTotal).toFixed(1)} times the MLP&rsquo;s{' '}
      <b>{fmtInt(n.mlpTotal)}</b>. Almost all of them (<b>{(100 * n.denseShare).toFixed(1)}&nbsp;%</b>) sit in its dense
      layer, which connects each of the <Tex math={`${n.pooled.join('\\times')} = ${texInt(n.denseInputs)}`} /> pooled
      features to 128 units. The convolution itself has only <b>{fmtInt(n.convParams)}</b> parameters, yet it computes{' '}
      <Tex math={`${h}\\times${w}\\times${f} = ${texInt(n.convOutputs)}`} /> outputs. A dense layer computing that many
      outputs from the 784 pixels would need{' '}
      <Tex math={`784\\cdot ${texInt(n.convOutputs)} + ${texInt(n.convOutputs)} = ${texInt(n.denseEquivalent)}`} /> parameters:
      weight sharing makes the convolution {fmtInt(Math.round(n.denseEquivalent / n.convParams))} times smaller.
    </p>
  );
}
