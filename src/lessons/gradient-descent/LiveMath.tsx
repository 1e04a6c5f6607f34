import { Tex } from '../../components/math/Tex';
import { useLang } from '../../i18n';
import type { LinRegView } from '../../ml/tasks/linear-regression';
import { LiveMathZh } from './LiveMath.zh';
import { liveTex } from './tex';

/**
 * The maths of the step the model just took, with the engine's own numbers:
 * the gradient it computed, the learning rate the optimiser used, and the
 * parameters before and after. English here; Chinese in LiveMath.zh.tsx.
 */
export function LiveMath({ view }: { view: LinRegView | null }) {
  const lang = useLang();
  if (lang === 'zh') return <LiveMathZh view={view} />;
  if (!view || view.batchLoss === null) {
    return (
      <p className="live-empty">
        Press <b>Step</b> or <b>Train</b>: the numbers of each step will appear here.
      </p>
    );
  }
  const x = liveTex({ ...view, batchLoss: view.batchLoss });
  return (
    <div className="live-math" aria-live="off">
      <p>
        On its last step the model used a batch of <Tex math={x.m} /> points, where its loss was <Tex math={x.loss} />.
        The gradient of that loss:
      </p>
      <Tex block math={x.gradient} />
      {view.optimizer === 'sgd' ? (
        <>
          <p>
            Plain gradient descent moves each parameter against its gradient, scaled by the learning rate{' '}
            <Tex math={x.alpha} />:
          </p>
          <Tex block math={x.sgdUpdate} />
        </>
      ) : (
        <>
          <p>
            {view.optimizer === 'momentum' ? 'Momentum' : 'Adam'} does not step along the raw gradient (see its rule
            above), so here is the step it actually took, next to the one plain gradient descent would have taken at
            the same <Tex math={x.alpha} />:
          </p>
          <Tex block math={x.comparison} />
        </>
      )}
    </div>
  );
}
