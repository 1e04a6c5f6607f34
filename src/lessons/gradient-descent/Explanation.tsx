import { Tex } from '../../components/math/Tex';
import { tex } from '../../format';
import { LINEAR_TRUTH } from '../../datasets/linear';

/** The lesson's prose, in sections. Numbers that depend on the page's data come in as props. */

export function ModelSection({ noise, n }: { noise: number; n: number }) {
  return (
    <section>
      <h2>A line through noisy points</h2>
      <p>
        The {n} points on the right were made by the rule <Tex math={`y = ${LINEAR_TRUTH.w}x + ${LINEAR_TRUTH.b} + \\varepsilon`} />,
        with <Tex math={`x`} /> spread evenly between {LINEAR_TRUTH.xMin} and {LINEAR_TRUTH.xMax} and a random
        error <Tex math={`\\varepsilon`} /> drawn from a normal distribution with standard deviation{' '}
        <Tex math={`\\sigma = ${tex(noise, 3)}`} /> (the Noise slider). The model does not know the rule. It has two
        numbers it can adjust, a slope <Tex math="w" /> and an intercept <Tex math="b" />, and predicts
      </p>
      <Tex block math={`\\hat y = w\\,x + b.`} />
      <p>
        Training means finding the <Tex math="w" /> and <Tex math="b" /> whose predictions are closest to the data.
        This model has no hidden layer: it is a single linear unit, the smallest possible neural network.
      </p>
    </section>
  );
}

export function LossSection() {
  return (
    <section>
      <h2>Measuring "close": the loss</h2>
      <p>
        For a batch of <Tex math="m" /> points, the mean squared error averages the squared distance between each
        prediction and its target:
      </p>
      <Tex block math={`L(w, b) = \\frac{1}{m}\\sum_{i=1}^{m}\\left(\\hat y_i - y_i\\right)^2 = \\frac{1}{m}\\sum_{i=1}^{m}\\left(w x_i + b - y_i\\right)^2.`} />
      <p>
        As a function of <Tex math="(w, b)" /> this is a bowl — a quadratic with a single lowest point, the
        least-squares line. Because of the noise, that best line is close to, but not exactly,{' '}
        <Tex math={`w = ${LINEAR_TRUTH.w}, b = ${LINEAR_TRUTH.b}`} />; the dashed line on the plot is the rule the data
        came from.
      </p>
    </section>
  );
}

export function GradientSection() {
  return (
    <section>
      <h2>Which way is downhill: the gradient</h2>
      <p>
        The gradient collects the partial derivatives of the loss, each saying how fast the loss rises when one
        parameter grows. By the chain rule, with <Tex math="\hat y_i - y_i" /> the error on point{' '}
        <Tex math="i" />:
      </p>
      <Tex
        block
        math={`\\nabla L = \\begin{pmatrix} \\dfrac{\\partial L}{\\partial w} \\\\[6pt] \\dfrac{\\partial L}{\\partial b} \\end{pmatrix} = \\begin{pmatrix} \\dfrac{2}{m}\\sum_i (\\hat y_i - y_i)\\,x_i \\\\[6pt] \\dfrac{2}{m}\\sum_i (\\hat y_i - y_i) \\end{pmatrix}.`}
      />
      <p>
        If the line sits too low, the errors are mostly negative, <Tex math="\partial L/\partial b" /> is negative,
        and increasing <Tex math="b" /> lowers the loss. The gradient points uphill, so we step the other way.
      </p>
    </section>
  );
}

export function UpdateSection() {
  return (
    <section>
      <h2>One step of gradient descent</h2>
      <p>
        Collect the parameters in <Tex math="\theta = (w, b)" />. Each step moves them a little against the gradient:
      </p>
      <Tex block math={`\\theta \\leftarrow \\theta - \\alpha\\,\\nabla L(\\theta).`} />
      <p>
        The learning rate <Tex math="\alpha" /> sets the step size. Momentum and Adam change the direction and size of
        the step using the history of past gradients. Here they are exactly as the engine (TensorFlow.js) computes
        them, with <Tex math="g_t = \nabla L(\theta_{t-1})" />:
      </p>
      <Tex
        block
        math={`\\textbf{Momentum: } v_t = \\beta\\, v_{t-1} + g_t, \\quad \\theta_t = \\theta_{t-1} - \\alpha\\, v_t \\quad (\\beta = 0.9,\\ v_0 = 0)`}
      />
      <Tex
        block
        math={`\\textbf{Adam: } \\begin{aligned}[t] m_t &= \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t, & v_t &= \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2, \\\\ \\theta_t &= \\theta_{t-1} - \\alpha\\,\\frac{m_t/(1-\\beta_1^t)}{\\sqrt{v_t/(1-\\beta_2^t)} + \\epsilon} & & (\\beta_1 = 0.9,\\ \\beta_2 = 0.999,\\ \\epsilon = 10^{-7}) \\end{aligned}`}
      />
      <p>
        Momentum keeps a running sum of gradients, so steps that agree build up speed and steps that flip sign
        cancel. Adam divides each parameter's step by a running size of its gradients, so its steps are roughly{' '}
        <Tex math="\alpha" /> long whatever the gradient's scale.
      </p>
    </section>
  );
}

export function BatchSection({ n }: { n: number }) {
  return (
    <section>
      <h2>Batch, mini-batch, stochastic</h2>
      <p>Each step estimates the gradient from a batch of <Tex math="m" /> of the {n} points:</p>
      <ul>
        <li>
          <b>Batch gradient descent</b> uses all of them, <Tex math={`m = ${n}`} />: the exact gradient of the full
          loss, one step per pass over the data.
        </li>
        <li>
          <b>Stochastic gradient descent</b> uses one point, <Tex math="m = 1" />: the cheapest and noisiest
          estimate.
        </li>
        <li>
          <b>Mini-batch gradient descent</b> uses a slice, <Tex math={`1 < m < ${n}`} />: what practice usually means
          by "SGD".
        </li>
      </ul>
      <p>
        A pass over all the data (an epoch) takes <Tex math={`\\lceil ${n}/m \\rceil`} /> steps. Smaller batches make
        each step cheaper but the gradient noisier: watch the loss curve turn jagged as you lower the batch size.
      </p>
    </section>
  );
}

export function LearningRateSection({ lambdaMax, lambdaMin }: { lambdaMax: number; lambdaMin: number }) {
  const critical = 2 / lambdaMax;
  return (
    <section>
      <h2>Too small, right, too large</h2>
      <p>
        This loss is a quadratic whose curvature (its Hessian) is the same everywhere. For the points on this page its
        largest and smallest curvatures are <Tex math={`\\lambda_{\\max} = ${tex(lambdaMax, 3)}`} /> and{' '}
        <Tex math={`\\lambda_{\\min} = ${tex(lambdaMin, 3)}`} />. Full-batch gradient descent then behaves like this:
      </p>
      <ul>
        <li>
          <Tex math="\alpha" /> very small: every step is tiny and training crawls.
        </li>
        <li>
          <Tex math={`\\alpha < 1/\\lambda_{\\max} \\approx ${tex(1 / lambdaMax, 3)}`} />: the loss falls smoothly.
        </li>
        <li>
          <Tex math={`1/\\lambda_{\\max} < \\alpha < 2/\\lambda_{\\max} \\approx ${tex(critical, 3)}`} />: the steps
          overshoot along the steep direction and zig-zag, but still converge.
        </li>
        <li>
          <Tex math={`\\alpha > 2/\\lambda_{\\max} \\approx ${tex(critical, 3)}`} />: each overshoot is bigger than the
          last and the loss blows up — the run diverges, and the page pauses it.
        </li>
      </ul>
      <p>
        The slow direction converges at a rate set by <Tex math="\alpha\lambda_{\min}" />, so the ratio{' '}
        <Tex math={`\\lambda_{\\max}/\\lambda_{\\min} \\approx ${tex(lambdaMax / lambdaMin, 3)}`} /> (the condition
        number) limits plain gradient descent. That long, narrow valley is where momentum helps.
      </p>
    </section>
  );
}
