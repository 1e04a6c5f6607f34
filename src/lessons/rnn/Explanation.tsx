import { Tex } from '../../components/math/Tex';
import { cellTex, GRAD_PROBE_TEX } from '../../ml/rnn/cell-tex';

/** The lesson's prose, in sections. */

export function RecurrenceSection() {
  return (
    <section>
      <h2>A network with a memory</h2>
      <p>
        A recurrent network reads a sequence one element at a time and carries a vector, the hidden state{' '}
        <Tex math="h_t" />, from each step to the next. The same weights are used at every step:
      </p>
      <Tex block math="h_t = f\left(W_{hh}\,h_{t-1} + W_{xh}\,x_t + b\right),\qquad y_t = W_{hy}\,h_t + b_y" />
      <p>
        with <Tex math="f = \tanh" /> for the plain ("simple") RNN and <Tex math="h_0 = 0" />. Everything the network
        knows about <Tex math="x_1, \dots, x_{t}" /> has to fit into <Tex math="h_t" />. The heatmap in the lab shows{' '}
        <Tex math="h_t" /> for one fixed sequence: one row per unit, one column per time step, blue for{' '}
        <Tex math="-1" /> and red for <Tex math="+1" /> (the range of <Tex math="\tanh" />).
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
      <Tex
        block
        math="\frac{\partial L}{\partial h_t} = \sum_{k \ge t} \frac{\partial L_k}{\partial h_k}\prod_{j=t}^{k-1}\frac{\partial h_{j+1}}{\partial h_j},\qquad \frac{\partial h_{j+1}}{\partial h_j} = \operatorname{diag}\!\big(f'(a_{j+1})\big)\,W_{hh}"
      />
      <p>
        where <Tex math="a_{j+1}" /> is the pre-activation and the Jacobians multiply in order, from step{' '}
        <Tex math="k" /> back to step <Tex math="t" />. Multiplying the same kind of matrix again and again makes
        the product shrink or grow geometrically with the distance <Tex math="k - t" />: when the factors have norm
        below 1 (and <Tex math="\tanh' \le 1" /> pushes them there) the signal from a loss far in the future{' '}
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
        The long short-term memory cell keeps a second state, the cell state <Tex math="c_t" />, and three gates with
        values between 0 and 1 decide what happens to it:
      </p>
      <Tex block math={cellTex('lstm')} />
      <p>
        The <strong>input gate</strong> <Tex math="i_t" /> decides how much of the candidate{' '}
        <Tex math="g_t" /> is written, the <strong>forget gate</strong> <Tex math="f_t" /> how much of the old cell state
        is kept, and the <strong>output gate</strong> <Tex math="o_t" /> how much of it is shown as{' '}
        <Tex math="h_t" />. The three gate heatmaps in the lab show them for the probe sequence. The key is the additive
        update: <Tex math="\partial c_t / \partial c_{t-1} = \operatorname{diag}(f_t)" /> along this path, with no
        weight matrix and no squashing derivative. Where the forget gate stays near 1, the gradient passes back through
        many steps almost unchanged. That is why the lab starts the forget bias at the "Memory gate bias" value (2 by
        default, so <Tex math="f \approx \sigma(2) \approx 0.88" /> at the start): the cell begins by remembering, and
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
        The <strong>update gate</strong> <Tex math="z_t" /> mixes the old state with the candidate{' '}
        <Tex math="n_t" />: where <Tex math="z_t \approx 1" /> the state is copied forward unchanged and{' '}
        <Tex math="\partial h_t / \partial h_{t-1}" /> is close to the identity, the same shortcut the LSTM's forget
        gate gives. The <strong>reset gate</strong> <Tex math="r_t" /> decides how much of the old state feeds the
        candidate. Its memory gate bias is the initial bias of <Tex math="z" />.
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
        whole gradient (all weights together) exceeds the threshold <Tex math="\theta" />, the gradient is rescaled to
        that norm before the optimiser uses it:
      </p>
      <Tex block math="g \leftarrow g \cdot \min\!\left(1, \frac{\theta}{\lVert g \rVert}\right)" />
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
        is the first symbol. Chance accuracy is <Tex math="1/K" />. <strong>Characters:</strong> predict the next
        character of a text; sampling from the predicted distribution at temperature <Tex math="\tau" /> (dividing the
        logits by <Tex math="\tau" />) writes new text, more conservative for small <Tex math="\tau" />, wilder for
        large.
      </p>
    </section>
  );
}
