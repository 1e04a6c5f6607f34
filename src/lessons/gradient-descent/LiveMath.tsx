import { Tex } from '../../components/math/Tex';
import { tex } from '../../format';
import type { LinRegView } from '../../ml/tasks/linear-regression';

/**
 * The maths of the step the model just took, with the engine's own numbers:
 * the gradient it computed, the learning rate the optimiser used, and the
 * parameters before and after.
 */
export function LiveMath({ view }: { view: LinRegView | null }) {
  if (!view || view.batchLoss === null) {
    return (
      <p className="live-empty">
        Press <b>Step</b> or <b>Train</b>: the numbers of each step will appear here.
      </p>
    );
  }
  const a = view.learningRate;
  const m = view.batchSize;
  const dw = view.w - view.prevW;
  const db = view.b - view.prevB;
  return (
    <div className="live-math" aria-live="off">
      <p>
        On its last step the model used a batch of <Tex math={`m = ${m}`} /> points, where its loss was{' '}
        <Tex math={`L = ${tex(view.batchLoss)}`} />. The gradient of that loss:
      </p>
      <Tex
        block
        math={`\\frac{\\partial L}{\\partial w} = \\frac{2}{m}\\sum_{i=1}^{m}(\\hat y_i - y_i)\\,x_i = ${tex(view.gradW)}, \\qquad \\frac{\\partial L}{\\partial b} = \\frac{2}{m}\\sum_{i=1}^{m}(\\hat y_i - y_i) = ${tex(view.gradB)}`}
      />
      {view.optimizer === 'sgd' ? (
        <>
          <p>
            Plain gradient descent moves each parameter against its gradient, scaled by the learning rate{' '}
            <Tex math={`\\alpha = ${tex(a)}`} />:
          </p>
          <Tex
            block
            math={`\\begin{aligned} w &\\leftarrow w - \\alpha\\frac{\\partial L}{\\partial w} = ${tex(view.prevW)} - ${tex(a)}\\times ${tex(view.gradW, 4, true)} = ${tex(view.w)} \\\\ b &\\leftarrow b - \\alpha\\frac{\\partial L}{\\partial b} = ${tex(view.prevB)} - ${tex(a)}\\times ${tex(view.gradB, 4, true)} = ${tex(view.b)} \\end{aligned}`}
          />
        </>
      ) : (
        <>
          <p>
            {view.optimizer === 'momentum' ? 'Momentum' : 'Adam'} does not step along the raw gradient (see its rule
            below), so here is the step it actually took, next to the one plain gradient descent would have taken at
            the same <Tex math={`\\alpha = ${tex(a)}`} />:
          </p>
          <Tex
            block
            math={`\\begin{aligned} w &: ${tex(view.prevW)} \\to ${tex(view.w)} \\quad (\\Delta w = ${tex(dw)}; \\; -\\alpha\\,\\partial L/\\partial w = ${tex(-a * view.gradW)}) \\\\ b &: ${tex(view.prevB)} \\to ${tex(view.b)} \\quad (\\Delta b = ${tex(db)}; \\; -\\alpha\\,\\partial L/\\partial b = ${tex(-a * view.gradB)}) \\end{aligned}`}
          />
        </>
      )}
    </div>
  );
}
