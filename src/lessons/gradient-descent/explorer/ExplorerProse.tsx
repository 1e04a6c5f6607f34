import { Tex } from '../../../components/math/Tex';

/** What to watch for in the race: narrow valleys, learning rates, saddle points. */
export function ExplorerProse() {
  return (
    <div className="prose explorer-prose">
      <h3>Why momentum helps in a narrow valley</h3>
      <p>
        On the bowl <Tex math="f = \tfrac12(x^2 + \kappa y^2)" /> the gradient is <Tex math="(x,\ \kappa y)" />. Plain
        gradient descent multiplies <Tex math="y" /> by <Tex math="1 - \alpha\kappa" /> and <Tex math="x" /> by{' '}
        <Tex math="1 - \alpha" /> each step. Stability across the steep direction needs{' '}
        <Tex math="\alpha < 2/\kappa" />, and with such a small <Tex math="\alpha" /> the flat direction shrinks by only{' '}
        <Tex math="1 - \alpha" /> per step: for <Tex math="\kappa = 50" /> that is at best about 4% a step, so it
        crawls. Momentum adds up successive gradients: across the valley they alternate in sign and cancel, along it
        they agree and accumulate, so the effective step along the valley grows to about{' '}
        <Tex math="\alpha/(1-\beta)" /> — ten times larger for <Tex math="\beta = 0.9" />.
      </p>
      <h3>Saddle points</h3>
      <p>
        At a saddle the gradient is zero but the point is not a minimum: the surface curves up in some directions and
        down in others. Plain gradient descent that arrives near one slows to a crawl, because its step is
        proportional to a gradient that is almost zero; it leaves only as fast as the small downhill component grows,
        by a factor <Tex math="1 + \alpha\,|\lambda_{-}|" /> per step (where <Tex math="\lambda_{-}" /> is the
        negative curvature). On the loss curve this shows as a long plateau. Momentum carries speed through the flat
        region; RMSProp and Adam divide the tiny gradient by its own small running size and take full-sized steps
        out. Gradient noise also helps: it knocks the point off the exact ridge.
      </p>
    </div>
  );
}
