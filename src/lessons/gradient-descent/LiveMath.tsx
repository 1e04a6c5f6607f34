import { Tex } from '../../components/math/Tex';
import { useLang } from '../../i18n';
import type { LinRegView } from '../../ml/tasks/linear-regression';
import { LiveMathZh } from './LiveMath.zh';
import { liveTex, restoredTex } from './tex';

/**
 * The maths of the step the model just took (or, after a divergence pause, the weights put back), with the engine's own numbers:
 * the gradient it computed, the learning rate the optimiser used, and the
 * parameters before and after. English here; Chinese in LiveMath.zh.tsx.
 */
export function LiveMath({ view, restored = false }: { view: LinRegView | null; restored?: boolean }) {
  const lang = useLang();
  if (lang === 'zh') return <LiveMathZh view={view} restored={restored} />;
  if (view && restored) {
    // After a divergence pause the last step's gradient belongs to weights that were thrown away:
    // show only what the page now holds.
    const r = restoredTex(view);
    return (
      <div className="live-math" aria-live="off" data-testid="live-restored">
        <p>
          Training paused: the loss was running away. The weights were put back to <Tex math={r.params} />, where the
          loss on all points is <Tex math={r.loss} /> and the line is
        </p>
        <Tex block math={r.line} />
        <p>
          Press <b>Step</b> or <b>Train</b> (with a smaller <Tex math="\alpha" />) to see the numbers of the next step here.
        </p>
      </div>
    );
  }
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
