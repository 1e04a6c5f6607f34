import { Tex } from '../../components/math/Tex';
import type { TokenTaskName } from '../../datasets/token-tasks';
import * as F from './tex';

/**
 * The lesson's prose in English, in sections (Explanation.zh.tsx has the same sections in
 * Chinese; the formulas of both are in tex.ts). Numbers that depend on the settings come in as props.
 */

const IDEAL: Record<TokenTaskName, string> = {
  reverse:
    'Position t must fetch the token at position T − 1 − t, so a head that solves it puts all its weight on the anti-diagonal, running from the top-right corner to the bottom-left.',
  sort: 'Position t must output the t-th smallest token. Where it sits depends on the tokens, not the positions, so the ideal pattern changes from input to input: the rings mark every key holding the right token.',
  copy: 'Every position fetches the token k places to its left, k being the offset (wrapping round from the start to the end), so the ideal pattern is the diagonal shifted k columns to the left.',
  masked:
    'Every sequence reads the same backwards, and one token of some mirror pairs is hidden. A [MASK] at position t can be filled in from its mirror at T − 1 − t, so its row should light up there. Only the hidden positions are scored.',
};

export function TaskSection({ task, T, V, offset }: { task: TokenTaskName; T: number; V: number; offset: number }) {
  const rule = F.taskRule(task, offset);
  return (
    <section>
      <h2>A task whose answer we know</h2>
      <p>
        The model reads a sequence of <Tex math={F.T_EQ(T)} /> tokens drawn from <Tex math={F.V_EQ(V)} /> symbols and writes one
        output token at every position. The task now is{' '}
        {rule ? <Tex math={rule} /> : 'to fill in each [MASK] of a palindrome'}. {IDEAL[task]}
      </p>
      <p>
        Each training step draws a fresh batch of random sequences, so the model cannot memorise; a fixed held-out batch of 256
        sequences measures how often it gets a token right and how often it gets a whole sequence right.
      </p>
    </section>
  );
}

export function AttentionSection() {
  return (
    <section>
      <h2>Attention: a soft look-up</h2>
      <p>
        Every position <Tex math="t" /> has a vector <Tex math={F.X_T} /> (its token's embedding plus, usually, a vector that
        encodes its position). Three learned matrices turn it into a <b>query</b>{' '}
        <Tex math={F.Q_T} /> (what this position is looking for), a <b>key</b>{' '}
        <Tex math={F.K_T} /> (what it offers to be found by) and a <b>value</b>{' '}
        <Tex math={F.V_T} /> (what it hands over when found). Stacking the rows for all positions into{' '}
        <Tex math={F.QKV} />:
      </p>
      <Tex block math={F.ATTENTION} />
      <p>
        Row <Tex math="t" /> of <Tex math={F.QK_T} /> holds the dot products of query <Tex math="t" /> with every key; the softmax
        turns that row into weights <Tex math={F.WEIGHTS_NONNEG} /> with <Tex math={F.WEIGHTS_SUM} />; and the output at{' '}
        <Tex math="t" /> is the weighted average <Tex math={F.WEIGHTED_AVG} />. The heatmaps show exactly those weights:
        one row per query, one column per key. A row with a single bright cell means the query copies that key's value.
      </p>
    </section>
  );
}

export function ScalingSection({ dK }: { dK: number }) {
  return (
    <section>
      <h2>Why divide by √dₖ</h2>
      <p>
        Suppose the <Tex math="d_k" /> components of a query and a key are independent with mean 0 and variance 1. Each product{' '}
        <Tex math={F.QC_KC} /> then has mean 0 and variance 1, and their sum has variance <Tex math="d_k" />:
      </p>
      <Tex block math={F.VARIANCE} />
      <p>
        Without the scaling, scores grow with the width of the head (here <Tex math={F.DK_EQ(dK)} />, a standard deviation of{' '}
        <Tex math={F.SQRT_DK_APPROX(dK)} />). Large scores push the softmax towards a single 1 and
        zeros everywhere else, where its gradient is almost zero and learning stalls. Dividing by <Tex math={F.SQRT_DK} /> keeps the
        scores near unit scale at the start of training, whatever <Tex math="d_k" /> is.
      </p>
    </section>
  );
}

/** withTrace: the step-through is on the page (not when this widget is embedded alone). */
export function MultiHeadSection({ heads, d, withTrace }: { heads: number; d: number; withTrace: boolean }) {
  const dK = d / heads;
  return (
    <section>
      <h2>Several heads</h2>
      <p>
        One softmax row can only express one way of mixing the positions. Multi-head attention runs <Tex math="h" /> attentions side
        by side, each on its own slice of the model's width: with <Tex math={F.D_MODEL_EQ(d)} /> and{' '}
        <Tex math={F.H_EQ(heads)} />, each head works in <Tex math={F.DK_SPLIT(dK)} /> dimensions.
      </p>
      <Tex block math={F.MULTI_HEAD} />
      <p>
        Head <Tex math="j" /> has its own <Tex math={F.HEAD_WEIGHTS} /> (in
        practice, <Tex math="d_k" /> columns of one <Tex math={F.FULL_MATRIX} /> matrix each), and{' '}
        <Tex math={F.W_O_SHAPE} /> mixes the concatenated heads back together.
      </p>
      <p>
        Splitting the width keeps the cost close to one full-width head, while each head is free to learn its own pattern. Watch
        whether your heads share the work on the reversal task (each taking some of the rows) or one of them does it all
        {withTrace ? "; click a row of any heatmap to see that head's numbers below." : '.'}
      </p>
    </section>
  );
}

export function PositionSection({ ceiling }: { ceiling: string | null }) {
  return (
    <section>
      <h2>Why positions must be encoded</h2>
      <p>
        Nothing in attention itself knows where a token sits. Shuffle the input rows with a permutation matrix{' '}
        <Tex math="P" />: the scores become <Tex math={F.PERMUTED_SCORES} />, the row-wise softmax simply follows the
        shuffle, and
      </p>
      <Tex block math={F.PERMUTATION} />
      <p>
        Attention is <b>permutation-equivariant</b>: shuffling the input shuffles the output the same way and changes nothing else. The
        feed-forward layers and layer normalisation act on each position separately, so the whole model inherits this. Its output at
        position <Tex math="t" /> can depend only on the token there and on the collection of all tokens, never on <Tex math="t" />{' '}
        itself. A reversal needs exactly that: two equal tokens at different positions must output different things.
        {ceiling ? ` ${ceiling}` : ''}
      </p>
      <p>The fix is to add a vector that depends on the position to each token embedding. The original Transformer uses fixed sinusoids:</p>
      <Tex block math={F.SINUSOIDS} />
      <p>
        Each pair of dimensions rotates at its own frequency as the position grows, so <Tex math={F.PE_SHIFT} /> is a fixed linear
        function (a rotation) of <Tex math={F.PE_POS} /> for every offset <Tex math="k" />. Attention can therefore learn offsets like
        "the mirror position". The <i>learned</i> option instead trains one free vector per position, as BERT and GPT do; it works as
        well here, but knows nothing about lengths it never saw.
      </p>
    </section>
  );
}

export function BlockSection() {
  return (
    <section>
      <h2>The whole model</h2>
      <p>
        The input is <Tex math={F.INPUT_SUM} />. Each layer is one Transformer block in the original
        "post-norm" arrangement (Add &amp; Norm after each sub-layer):
      </p>
      <Tex block math={F.BLOCK} />
      <p>
        The feed-forward layer is <Tex math={F.FFN_WIDTH} /> wide and acts on each position alone. Layer normalisation rescales
        each position's vector to mean 0 and variance 1, <Tex math={F.LAYER_NORM} />
        . A linear layer and a softmax then give a distribution over the <Tex math="V" /> output tokens at every position, trained with
        cross-entropy. Dropout, when on, zeroes random entries of the embeddings and of each sub-layer's output during training steps
        only; the heatmaps never use it.
      </p>
      <p>
        Warm-up raises the learning rate linearly over the first steps, <Tex math={F.WARMUP} />, where step n is the n-th step taken (the first step, step 1, already uses α/n<sub>warm-up</sub>).
        Early on, Adam's estimates of the gradient's scale rest on very few steps, and post-norm Transformers are known to be fragile
        then; small first steps help.
      </p>
    </section>
  );
}

export function EncoderDecoderSection() {
  return (
    <section>
      <h2>Encoder and decoder: who may look where</h2>
      <p>
        The model here is an <b>encoder</b>: every query sees every key, left and right. A <b>decoder</b> that generates text one token
        at a time must not see the future, so it adds a causal mask to the scores before the softmax:
      </p>
      <Tex block math={F.CAUSAL} />
      <p>
        The masked weights come out exactly 0, and the heatmap turns lower-triangular. Tick <i>Causal mask</i> and train the reversal
        again: position <Tex math="t" /> now needs key <Tex math={F.MIRROR} />, which lies in its future for the first half of the
        sequence, so those positions can only guess. The original Transformer for translation had both halves: an encoder over the
        source sentence, and a causally masked decoder whose extra cross-attention takes its queries from the decoder and its keys and
        values from the encoder. BERT keeps only the encoder, GPT only the decoder.
      </p>
    </section>
  );
}

export function RnnSection() {
  return (
    <section>
      <h2>Compared with a recurrent network</h2>
      <p>
        An RNN (see the <a href="#/rnn">recurrent-networks lesson</a>) reads the sequence in order and carries everything it knows in
        one hidden state, <Tex math={F.RNN_STATE} />. For the output at
        position <Tex math="t" /> to use the token at position <Tex math="i" />, that token has to survive <Tex math={F.GAP} />{' '}
        updates of the state, and its gradient has to flow back through as many steps: a path of length{' '}
        <Tex math={F.O_T} /> that tends to make gradients vanish or explode. Reversing a sequence is the worst case: the first output
        needs the last input, and vice versa.
      </p>
      <p>
        In self-attention every query reaches every key directly, in one step: the path between any two positions has length{' '}
        <Tex math={F.O_1} />, and all positions are computed at once instead of one after another. The price is the{' '}
        <Tex math={F.T_BY_T} /> score matrix, <Tex math={F.ATTN_COST} /> work per layer against the RNN's{' '}
        <Tex math={F.RNN_COST} />, and the need to encode positions explicitly, since the order that an RNN gets for free from its
        recurrence is lost.
      </p>
    </section>
  );
}

export function BertSection({ active }: { active: boolean }) {
  return (
    <section>
      <h2>The masked-token task: BERT's objective at toy scale</h2>
      <p>
        BERT is pre-trained by hiding some of the words of a sentence and asking an encoder to fill them in from both sides, which is
        why it uses bidirectional attention. The <i>Masked token</i> task {active ? 'you have chosen ' : ''}is that objective
        shrunk to fit a browser, and it is honest to say how far it is from the real thing. The "language" is synthetic: random
        palindromes, whose only rule is that a sequence reads the same backwards, so a hidden token can always be recovered from its
        mirror. The vocabulary has 5 to 20 symbols, the model 1 or 2 layers, and a hidden token is always replaced by [MASK].
      </p>
      <p>
        BERT has 12 or 24 layers, a vocabulary of about 30,000 word pieces and billions of words of real text; it chooses 15 % of
        the tokens and replaces 80 % of those with [MASK], 10 % with a random token and leaves 10 % unchanged, and it is then
        fine-tuned for other tasks. What carries over is the mechanism: the loss counts only the hidden positions, and a [MASK] has
        to learn to look at whichever position holds the answer, here its mirror, to the left or to the right.
      </p>
    </section>
  );
}
