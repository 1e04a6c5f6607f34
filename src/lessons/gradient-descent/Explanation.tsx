import { Tex } from '../../components/math/Tex';
import { LINEAR_TRUTH } from '../../datasets/linear';
import * as X from './tex';

/** The lesson's prose in English, in sections (Chinese: Explanation.zh.tsx; formulas: tex.ts). Numbers that depend on the page's data come in as props. */

export function ModelSection({ noise, n }: { noise: number; n: number }) {
  return (
    <section>
      <h2>A line through noisy points</h2>
      <p>
        The {n} points in the lab were made by the rule <Tex math={X.DATA_RULE} />,
        with each <Tex math={`x`} /> drawn at random, uniformly between {LINEAR_TRUTH.xMin} and {LINEAR_TRUTH.xMax}, and a random
        error <Tex math={`\\varepsilon`} /> drawn from a normal distribution with standard deviation{' '}
        <Tex math={X.sigmaIs(noise)} /> (the Noise slider). The model does not know the rule. It has two
        numbers it can adjust, a slope <Tex math="w" /> and an intercept <Tex math="b" />, and predicts
      </p>
      <Tex block math={X.MODEL} />
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
      <Tex block math={X.MSE} />
      <p>
        As a function of <Tex math="(w, b)" /> this is a bowl — a quadratic with a single lowest point, the
        least-squares line. Because of the noise, that best line is close to, but not exactly,{' '}
        <Tex math={X.TRUE_PARAMS} />; the dashed line on the plot is the rule the data
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
        parameter grows. By the chain rule, with <Tex math={X.ERROR_I} /> the error on point{' '}
        <Tex math="i" />:
      </p>
      <Tex block math={X.GRADIENT} />
      <p>
        If the line sits too low, the errors are mostly negative, <Tex math={X.DL_DB} /> is negative,
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
        Collect the parameters in <Tex math={X.THETA} />. Each step moves them a little against the gradient:
      </p>
      <Tex block math={X.UPDATE} />
      <p>
        The learning rate <Tex math="\alpha" /> sets the step size. Momentum and Adam change the direction and size of
        the step using the history of past gradients. Here they are exactly as the engine (TensorFlow.js) computes
        them, with <Tex math={X.G_T} />:
      </p>
      <Tex block math={X.MOMENTUM_RULE} />
      <Tex block math={X.ADAM_RULE} />
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
          <b>Batch gradient descent</b> uses all of them, <Tex math={X.mIs(n)} />: the exact gradient of the full
          loss, one step per pass over the data.
        </li>
        <li>
          <b>Stochastic gradient descent</b> uses one point, <Tex math={X.mIs(1)} />: the cheapest and noisiest
          estimate.
        </li>
        <li>
          <b>Mini-batch gradient descent</b> uses a slice, <Tex math={X.miniBatchRange(n)} />: what practice usually means
          by "SGD".
        </li>
      </ul>
      <p>
        A pass over all the data (an epoch) takes <Tex math={X.stepsPerEpoch(n)} /> steps. Smaller batches make
        each step cheaper but the gradient noisier: watch the loss curve turn jagged as you lower the batch size.
      </p>
    </section>
  );
}

export function LearningRateSection({ lambdaMax, lambdaMin }: { lambdaMax: number; lambdaMin: number }) {
  return (
    <section>
      <h2>Too small, right, too large</h2>
      <p>
        This loss is a quadratic whose curvature (its Hessian) is the same everywhere. For the points on this page its
        largest and smallest curvatures are <Tex math={X.lambdaMaxIs(lambdaMax)} /> and{' '}
        <Tex math={X.lambdaMinIs(lambdaMin)} />. Full-batch gradient descent then behaves like this:
      </p>
      <ul>
        <li>
          <Tex math="\alpha" /> very small: every step is tiny and training crawls.
        </li>
        <li>
          <Tex math={X.smoothRange(lambdaMax)} />: the loss falls smoothly.
        </li>
        <li>
          <Tex math={X.zigzagRange(lambdaMax)} />: the steps
          overshoot along the steep direction and zig-zag, but still converge.
        </li>
        <li>
          <Tex math={X.divergeRange(lambdaMax)} />: each overshoot is bigger than the
          last and the loss blows up — the run diverges, and the page pauses it.
        </li>
      </ul>
      <p>
        The slow direction converges at a rate set by <Tex math={X.SLOW_RATE} />, so the ratio{' '}
        <Tex math={X.conditionIs(lambdaMax, lambdaMin)} /> (the condition
        number) limits plain gradient descent. That long, narrow valley is where momentum helps.
      </p>
    </section>
  );
}
