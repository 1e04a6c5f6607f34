import { Tex } from '../../../components/math/Tex';
import { useLang } from '../../../i18n';
import * as X from '../tex';
import { ExplorerIntroZh, ExplorerProseZh } from './ExplorerProse.zh';

/** The explorer's opening paragraph: what the "model" and the loss are here (Chinese: ExplorerProse.zh.tsx). */
export function ExplorerIntro({ surfaceTex }: { surfaceTex: string }) {
  if (useLang() === 'zh') return <ExplorerIntroZh surfaceTex={surfaceTex} />;
  return (
    <p>
      Here the "model" is just a point <Tex math={X.POINT_XY} /> and the loss is the height of the surface{' '}
      <Tex math={surfaceTex} />. Each optimiser starts from the same point (click or drag on the map, or use the arrow
      keys on it, to move it) and takes real TensorFlow.js optimiser steps, computed in the worker.
    </p>
  );
}

/** What to watch for in the race: narrow valleys, learning rates, saddle points. */
export function ExplorerProse() {
  if (useLang() === 'zh') return <ExplorerProseZh />;
  return (
    <div className="prose explorer-prose">
      <h3>Why momentum helps in a narrow valley</h3>
      <p>
        On the bowl <Tex math={X.BOWL} /> the gradient is <Tex math={X.BOWL_GRAD} />. Plain gradient descent multiplies{' '}
        <Tex math="y" /> by <Tex math={X.STEEP_FACTOR} /> and <Tex math="x" /> by <Tex math={X.FLAT_FACTOR} /> each
        step. Stability across the steep direction needs <Tex math={X.STABLE} />, and with such a small{' '}
        <Tex math="\alpha" /> the flat direction shrinks by only <Tex math={X.FLAT_FACTOR} /> per step: for{' '}
        <Tex math={X.KAPPA_50} /> that is at best about 4% a step, so it crawls. Momentum adds up successive gradients:
        across the valley they alternate in sign and cancel, along it they agree and accumulate, so the effective step
        along the valley grows to about <Tex math={X.MOMENTUM_GAIN} /> — ten times larger for <Tex math={X.BETA_09} />.
      </p>
      <h3>Saddle points</h3>
      <p>
        At a saddle the gradient is zero but the point is not a minimum: the surface curves up in some directions and
        down in others. Plain gradient descent that arrives near one slows to a crawl, because its step is
        proportional to a gradient that is almost zero; it leaves only as fast as the small downhill component grows,
        by a factor <Tex math={X.SADDLE_GROWTH} /> per step (where <Tex math={X.LAMBDA_NEG} /> is the negative
        curvature). On the loss curve this shows as a long plateau. Momentum carries speed through the flat region;
        RMSProp and Adam divide the tiny gradient by its own small running size and take full-sized steps out. Gradient
        noise also helps: it knocks the point off the exact ridge.
      </p>
    </div>
  );
}
