import { Tex } from '../../components/math/Tex';

/** The lesson's prose, in sections, with the mathematics written out (our notation throughout). */

export function ChainRuleSection() {
  return (
    <section>
      <h3>What the stepper just did: the chain rule on a graph</h3>
      <p>
        When the loss depends on a weight only through a chain of intermediate numbers, its derivative is the product
        of the local derivatives along the chain. For the first weight of the tiny network:
      </p>
      <Tex
        block
        math="\frac{\partial L}{\partial w_{11}} = \frac{\partial L}{\partial \hat y}\cdot\frac{\partial \hat y}{\partial h_1}\cdot\frac{\partial h_1}{\partial z_1}\cdot\frac{\partial z_1}{\partial w_{11}} = (\hat y - t)\cdot v_1\cdot \varphi'(z_1)\cdot x_1 ."
      />
      <p>
        When a number feeds several others, its gradient is the <em>sum</em> over every path to the loss: the input{' '}
        <Tex math="x_1" /> feeds both <Tex math="z_1" /> and <Tex math="z_2" />, so{' '}
        <Tex math="\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial z_1} w_{11} + \frac{\partial L}{\partial z_2} w_{21}" />.
      </p>
      <p>
        Backpropagation is the order in which to do this cheaply. Visit the nodes from the loss backwards; at each node
        take the gradients already known at the nodes it feeds and multiply each by the local derivative on the
        connecting arrow. Shared path prefixes such as <Tex math="\partial L/\partial \hat y" /> are computed once and
        reused, so one backward sweep costs about as much as one forward pass and yields{' '}
        <em>every</em> gradient. Finite differences need two forward passes per parameter (18 here, billions for a large
        model) and are only approximate; reverse-mode automatic differentiation (what{' '}
        <code>tf.valueAndGrads</code> does) records the forward operations and applies exactly the local rule you just
        stepped through, which is why its column agrees with yours to float32 precision.
      </p>
    </section>
  );
}

export function LayersSection() {
  return (
    <section>
      <h2>From single numbers to whole layers</h2>
      <p>
        Write layer <Tex math="l" /> of a network as <Tex math="z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}" /> and{' '}
        <Tex math="a^{(l)} = f(z^{(l)})" />, with column vectors, <Tex math="a^{(0)} = x" /> the input features and{' '}
        <Tex math="W^{(l)}" /> holding one row per unit of layer <Tex math="l" /> (as <Tex math="w_{jk}" /> above: into
        unit <Tex math="j" />, from input <Tex math="k" />). Call the gradient at a layer's pre-activations{' '}
        <Tex math="\delta^{(l)} = \partial L / \partial z^{(l)}" />. The chain rule, applied to every unit at once:
      </p>
      <Tex
        block
        math="\delta^{(l)} = f'\!\left(z^{(l)}\right) \odot \frac{\partial L}{\partial a^{(l)}}, \qquad \frac{\partial L}{\partial a^{(l-1)}} = W^{(l)\top}\delta^{(l)}, \qquad \frac{\partial L}{\partial W^{(l)}} = \delta^{(l)}\, a^{(l-1)\top}, \qquad \frac{\partial L}{\partial b^{(l)}} = \delta^{(l)} ."
      />
      <p>
        The <Tex math="\odot" /> is an element-wise product: each unit scales the gradient arriving at it by the slope of
        its own activation. The weight gradient is an outer product, so{' '}
        <Tex math="\partial L/\partial W^{(l)}_{jk} = \delta^{(l)}_j\, a^{(l-1)}_k" />: the error signal of the unit the
        weight leads into, times the activity of the unit it comes from. For a mini-batch of <Tex math="m" /> examples
        the loss is the mean of their losses, so the gradients are the means of the per-example ones. (TensorFlow.js
        stores examples as rows, <Tex math="Z = AW + b" /> with <Tex math="W" /> of shape fan-in × fan-out; there the same
        numbers read <Tex math="\partial L/\partial W = A^\top \Delta" />, the transpose of the above.)
      </p>
    </section>
  );
}

export function VanishingSection() {
  return (
    <section>
      <h2>Why deep sigmoid networks stop learning</h2>
      <p>
        Each layer the gradient passes through multiplies it by <Tex math="W^{(l)\top}" /> and by the slopes{' '}
        <Tex math="f'(z^{(l)})" />. For the sigmoid,
      </p>
      <Tex block math="\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr) \le \tfrac14, \quad\text{with equality only at } z = 0 ," />
      <p>
        so with weights of moderate size every sigmoid layer shrinks the gradient by a factor of four or more, and six
        layers shrink it by <Tex math="4^{-6} \approx 2.4\times 10^{-4}" /> or more. The first layers then barely
        move while the last ones learn. tanh is milder (<Tex math="\tanh'(z) = 1 - \tanh^2 z \le 1" />), and ReLU's
        slope is exactly 1 wherever a unit is active, so it passes gradients back undiminished (and exactly 0 where a
        unit is off — a unit that is off for every input has "died" and stops learning).
      </p>
      <p>
        The gradient-norm chart plots <Tex math="\lVert \partial (L + \text{penalty}) / \partial W^{(l)} \rVert" /> for
        each weight matrix at each step, on a log scale. In a 6 × 8 sigmoid network on the circle, the first layer's
        gradient starts about four to five orders of magnitude below the last layer's; switch the activation to ReLU
        and the lines bunch together. (Try the two experiments below.)
      </p>
    </section>
  );
}

export function LossSection() {
  return (
    <section>
      <h2>Cross-entropy for classes, squared error for numbers</h2>
      <p>
        With two classes the network outputs one number <Tex math="s" /> (the logit), read as a probability{' '}
        <Tex math="p = \sigma(s)" /> of class 1. The loss is the binary cross-entropy, the negative log-probability the
        model gave to the right answer:
      </p>
      <Tex block math="L = -\bigl[\, y \ln p + (1 - y)\ln(1 - p) \,\bigr], \qquad \frac{\partial L}{\partial s} = p - y ." />
      <p>
        The gradient is simply "predicted minus true". Compare the squared error on the probability,{' '}
        <Tex math="L = (p - y)^2" />, whose gradient{' '}
        <Tex math="\partial L/\partial s = 2(p - y)\,p(1 - p)" /> carries the factor <Tex math="p(1-p)" />: when the
        network is confidently wrong (<Tex math="p \approx 0" /> while <Tex math="y = 1" />) that factor is nearly zero,
        so the worst mistakes produce almost no learning signal. Cross-entropy's gradient there is close to{' '}
        <Tex math="-1" />.
      </p>
      <p>
        With <Tex math="C > 2" /> classes (the three-armed spiral) the network outputs <Tex math="C" /> logits and a
        softmax turns them into probabilities:
      </p>
      <Tex
        block
        math="p_k = \frac{e^{s_k}}{\sum_{j=1}^{C} e^{s_j}}, \qquad L = -\ln p_y, \qquad \frac{\partial L}{\partial s_k} = p_k - [k = y] ."
      />
      <p>
        Again "predicted minus true", now for every class at once. For regression (plane, multi-Gaussian) the output is
        the number itself and the loss is the mean squared error{' '}
        <Tex math="L = \frac1m \sum_i (\hat y_i - y_i)^2" />. The engine computes both cross-entropies straight from the
        logits in a numerically stable form, so a confident network never takes the logarithm of zero.
      </p>
    </section>
  );
}

export function RegularisationSection() {
  return (
    <section>
      <h2>L1 and L2 regularisation</h2>
      <p>
        Regularisation adds a penalty on the size of the weights (not the biases) to what the optimiser minimises:
      </p>
      <Tex
        block
        math="L_{\text{total}} = L_{\text{data}} + \lambda \sum_{w} |w| \;\;(\text{L1}) \qquad\text{or}\qquad L_{\text{data}} + \lambda \sum_{w} w^2 \;\;(\text{L2}) ."
      />
      <p>
        L2's gradient <Tex math="2\lambda w" /> is proportional to the weight: with plain gradient descent each step
        multiplies every weight by <Tex math="1 - 2\alpha\lambda" /> before the data's pull, so large weights shrink
        most and small ones hardly at all — weights get smaller but rarely exactly zero. L1's gradient{' '}
        <Tex math="\lambda\,\operatorname{sign}(w)" /> has the same size for every weight, so weights the data does not
        defend are pushed all the way to (and then jitter around) zero: the network becomes sparse. Watch the lines of
        the network diagram thin out. The loss curves show the data loss only, so runs with different{' '}
        <Tex math="\lambda" /> stay comparable; the penalty is reported beside them. (With Adam the penalty's gradient
        is rescaled per weight like any other, so its effect is not exactly the textbook weight decay.)
      </p>
    </section>
  );
}

export function DropoutSection() {
  return (
    <section>
      <h2>Dropout</h2>
      <p>
        At every training step each hidden unit is switched off with probability <Tex math="p" />, independently, and the
        survivors are scaled up so that the expected activation is unchanged ("inverted" dropout):
      </p>
      <Tex
        block
        math="\tilde a_i = \frac{m_i}{1 - p}\, a_i, \quad m_i \sim \text{Bernoulli}(1 - p), \qquad \mathbb{E}[\tilde a_i] = a_i ."
      />
      <p>
        Dropout acts only while training. The heatmaps, the accuracies and the loss curves are computed with every unit
        on and no scaling — the rescaling during training is what makes that correct. Because no unit can count on any
        particular other being present, units learn features that are useful on their own, and the trained network
        behaves like an average of many thinned networks. The batch loss in the status line does include dropout,
        which is why it is noisier than the curves.
      </p>
    </section>
  );
}

export function FeaturesSection() {
  return (
    <section>
      <h2>Features: doing the hidden layers' work by hand</h2>
      <p>
        A network with no hidden layer is a linear model of its input features:{' '}
        <Tex math="s = \sum_i w_i\,\phi_i(x) + b" />, and its decision boundary <Tex math="s = 0" /> is a straight line
        in the space of those features. With only <Tex math="x_1, x_2" /> it cannot separate XOR or a circle. But the
        circle's inside is <Tex math="x_1^2 + x_2^2 < r^2" />, a linear condition on the features{' '}
        <Tex math="x_1^2, x_2^2" />; and XOR's class is the sign of <Tex math="x_1 x_2" />, a feature cross. Give the
        network those features and zero hidden layers solve the problem. Hidden layers learn such features themselves:
        the small heatmaps in the network diagram show what each unit has come to compute.
      </p>
    </section>
  );
}

export interface Experiment {
  title: string;
  hint: string;
  params: Record<string, string>;
}

const deep = (act: string): Record<string, string> => ({
  ds: 'circle',
  layers: '6',
  h1: '8',
  h2: '8',
  h3: '8',
  h4: '8',
  h5: '8',
  h6: '8',
  act,
  opt: 'sgd',
  lr: '0.03',
});

export const EXPERIMENTS: Experiment[] = [
  {
    title: 'Deep sigmoid network: gradients vanish',
    hint: 'Train and watch the gradient-norm chart: W1 sits orders of magnitude below W7, and the loss barely moves.',
    params: deep('sigmoid'),
  },
  {
    title: 'The same network with ReLU',
    hint: 'The gradient norms bunch together and the circle is learnt.',
    params: deep('relu'),
  },
  {
    title: 'XOR with no hidden layer, using x₁x₂',
    hint: 'One feature cross makes XOR linearly separable.',
    params: { ds: 'xor', layers: '0', feat: 'x1x2' },
  },
  {
    title: 'The circle from x₁² and x₂² alone',
    hint: 'A linear boundary in (x₁², x₂²) is a circle in (x₁, x₂).',
    params: { ds: 'circle', layers: '0', feat: 'x1sq,x2sq' },
  },
  {
    title: 'Three-armed spiral with a softmax',
    hint: 'Three logits, softmax cross-entropy; sin features help.',
    params: { ds: 'spiral3', feat: 'x1,x2,sinx1,sinx2', layers: '2', h1: '8', h2: '8', batch: '30', test: '0.2', n: '300' },
  },
  {
    title: 'Overfit a small noisy set, then regularise',
    hint: 'Test loss turns up while train loss falls; then set Regularisation to L2 with λ ≈ 0.01, or raise Dropout.',
    params: { ds: 'gaussians', n: '60', noise: '0.6', layers: '3', h1: '8', h2: '8', h3: '8', act: 'relu', lr: '0.03', batch: '10' },
  },
];

export function TryThis({ onTry }: { onTry: (e: Experiment) => void }) {
  return (
    <section className="try-this bp-try" aria-label="Try this">
      <h2>Try this</h2>
      <ul>
        {EXPERIMENTS.map((e) => (
          <li key={e.title}>
            <button type="button" onClick={() => onTry(e)}>
              {e.title}
            </button>{' '}
            <span>{e.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
