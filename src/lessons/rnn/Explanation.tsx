import { Tex } from '../../components/math/Tex';
import { cellTex, GRAD_PROBE_TEX, TEX } from './tex';

/** The lesson's prose in English, in sections (Chinese: Explanation.zh.tsx; formulas: tex.ts). */

export function RecurrenceSection() {
  return (
    <section>
      <h2>A network with a memory</h2>
      <p>
        A recurrent network reads a sequence one element at a time and carries a vector, the hidden state{' '}
        <Tex math={TEX.ht} />, from each step to the next. The same weights are used at every step:
      </p>
      <Tex block math={TEX.recurrence} />
      <p>
        with <Tex math={TEX.fTanh} /> for the plain ("simple") RNN and <Tex math={TEX.h0} />. Everything the network
        knows about <Tex math={TEX.inputsSoFar} /> has to fit into <Tex math={TEX.ht} />. The heatmap in the lab shows{' '}
        <Tex math={TEX.ht} /> for one fixed sequence: one row per unit, one column per time step, blue for{' '}
        <Tex math={TEX.minusOne} /> and red for <Tex math={TEX.plusOne} /> (the range of <Tex math={TEX.tanh} />).
      </p>
    </section>
  );
}

export function BpttSection() {
  return (
    <section>
      <h2>Backpropagation through time</h2>
      <p>
        To train, the loop over time is unrolled into one deep graph, one copy of the cell per step, and ordinary
        backpropagation runs through it backwards. The gradient that reaches an early state is a product of one
        Jacobian per step in between:
      </p>
      <Tex block math={TEX.bptt} />
      <p>
        where <Tex math={TEX.preact} /> is the pre-activation and the Jacobians multiply in order, from step{' '}
        <Tex math={TEX.k} /> back to step <Tex math={TEX.t} />. Multiplying the same kind of matrix again and again makes
        the product shrink or grow geometrically with the distance <Tex math={TEX.distance} />: when the factors have norm
        below 1 (and <Tex math={TEX.tanhPrime} /> pushes them there) the signal from a loss far in the future{' '}
        <em>vanishes</em>; when they are above 1 it <em>explodes</em>. The bar chart in the lab measures this on the
        unrolled graph in the worker:
      </p>
      <Tex block math={GRAD_PROBE_TEX} />
      <p>
        A vanishing gradient does not make learning impossible, it makes it slow and short-sighted: a plain RNN learns
        dependencies over a few steps without trouble (try the recall task with a gap of 2 or 5), but with a gap of 20
        or more the error signal that should connect the answer to the first symbol is too weak to learn from.
      </p>
    </section>
  );
}

export function LstmSection() {
  return (
    <section>
      <h2>LSTM: a memory with gates</h2>
      <p>
        The long short-term memory cell keeps a second state, the cell state <Tex math={TEX.cellState} />, and three gates with
        values between 0 and 1 decide what happens to it:
      </p>
      <Tex block math={cellTex('lstm')} />
      <p>
        The <strong>input gate</strong> <Tex math={TEX.i} /> decides how much of the candidate{' '}
        <Tex math={TEX.g} /> is written, the <strong>forget gate</strong> <Tex math={TEX.f} /> how much of the old cell state
        is kept, and the <strong>output gate</strong> <Tex math={TEX.o} /> how much of it is shown as{' '}
        <Tex math={TEX.ht} />. The three gate heatmaps in the lab show them for the probe sequence. The key is the additive
        update: <Tex math={TEX.forgetPath} /> along this path, with no
        weight matrix and no squashing derivative. Where the forget gate stays near 1, the gradient passes back through
        many steps almost unchanged. That is why the lab starts the forget bias at the "Memory gate bias" value (2 by
        default, so <Tex math={TEX.forgetStart} /> at the start): the cell begins by remembering, and
        training learns what to forget.
      </p>
    </section>
  );
}

export function GruSection() {
  return (
    <section>
      <h2>GRU: the same idea with two gates</h2>
      <Tex block math={cellTex('gru')} />
      <p>
        The <strong>update gate</strong> <Tex math={TEX.z} /> mixes the old state with the candidate{' '}
        <Tex math={TEX.n} />: where <Tex math={TEX.zOne} /> the state is copied forward unchanged and{' '}
        <Tex math={TEX.gruPath} /> is close to the identity, the same shortcut the LSTM's forget
        gate gives. The <strong>reset gate</strong> <Tex math={TEX.r} /> decides how much of the old state feeds the
        candidate. Its memory gate bias is the initial bias of <Tex math={TEX.zBias} />.
      </p>
    </section>
  );
}

export function ClippingSection() {
  return (
    <section>
      <h2>Gradient clipping</h2>
      <p>
        Gates fix vanishing gradients; exploding ones are tamed more bluntly. With clipping on, when the norm of the
        whole gradient (all weights together) exceeds the threshold <Tex math={TEX.theta} />, the gradient is rescaled to
        that norm before the optimiser uses it:
      </p>
      <Tex block math={TEX.clip} />
      <p>
        The direction is kept, only the step length is capped. Turn clipping off and raise the learning rate to see
        the loss jump, or diverge, when one steep step throws the weights far away.
      </p>
    </section>
  );
}

export function TasksSection() {
  return (
    <section>
      <h2>The three tasks</h2>
      <p>
        <strong>Time series:</strong> predict the next value of a noisy sum of sines. After the probe window the model
        runs free, feeding its own predictions back in, so small errors compound. <strong>Remember across
        time:</strong> the first input is one of K symbols, then come "gap" distractor steps, then a query; the answer
        is the first symbol. Chance accuracy is <Tex math={TEX.chance} />. <strong>Characters:</strong> predict the next
        character of a text; sampling from the predicted distribution at temperature <Tex math={TEX.tau} /> (dividing the
        logits by <Tex math={TEX.tau} />) writes new text, more conservative for small <Tex math={TEX.tau} />, wilder for
        large.
      </p>
    </section>
  );
}

/** All sections, in reading order. */
export function ExplanationEn() {
  return (
    <>
      <RecurrenceSection />
      <TasksSection />
      <BpttSection />
      <LstmSection />
      <GruSection />
      <ClippingSection />
    </>
  );
}
