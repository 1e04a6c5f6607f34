import { memo } from 'react';
import { Tex } from '../../components/math/Tex';
import { fmtInt, tex } from '../../format';
import { useLang } from '../../i18n';
import type { Word2VecView } from '../../ml/tasks/word2vec';
import { LiveMathZh } from './LiveMath.zh';
import { CorpusFigures } from './CorpusFigures';
import { liveTex, TEX } from './tex';

/**
 * The worked example: the first (centre, context) pair of the last step, with its real vectors,
 * dot products, loss and gradient, read from the worker. English here; Chinese in LiveMath.zh.tsx.
 */
export const LiveMath = memo(function LiveMath({ view }: { view: Word2VecView | null }) {
  const lang = useLang();
  if (lang === 'zh') return <LiveMathZh view={view} />;
  const p = view?.pair ?? null;
  return (
    <div className="live-math emb-live" aria-live="off">
      {!view || !p ? (
        <p className="live-empty">
          Press <b>Step</b> or <b>Train</b>: the first training pair of each step, with its numbers, will appear here.
        </p>
      ) : (
        <PairMath view={view} />
      )}
      {view && <CorpusFigures view={view} />}
    </div>
  );
});

function PairMath({ view }: { view: Word2VecView }) {
  const p = view.pair!;
  const x = liveTex(p, view.dim);
  return (
    <>
      <p>
        The last step read {fmtInt(view.progress.lastRead)} tokens (words, or characters of the Song ci) of running text, kept {fmtInt(view.progress.lastKept)} after
        subsampling and trained on {fmtInt(view.progress.lastPairs)} pairs. Its first pair, before its update:
      </p>
      <Tex block math={x.pair} />
      <p>
        The lookup: “{p.center}” is row {p.centerId} of <Tex math={TEX.W} /> (its frequency rank), so multiplying its one-hot vector
        by <Tex math="W" /> just copies that row. The first of its {view.dim} numbers, and those of the context word’s output
        vector:
      </p>
      <Tex block math={x.vc} />
      <Tex block math={x.uo} />
      <p>How strongly the model already predicts the true context word, and each of the sampled negatives:</p>
      <Tex block math={x.positive} />
      <Tex block math={x.negatives} />
      <Tex block math={x.loss} />
      <p>
        The true pair pulls <Tex math={TEX.vc} /> towards <Tex math={TEX.uo} /> with weight <Tex math={x.coef} />; each
        negative pushes it away from <Tex math={TEX.uk} /> with weight <Tex math={TEX.sigmaK} />. The gradient (first components):
      </p>
      <Tex block math={x.grad} />
      <p>
        The worker then took the step <Tex math={TEX.update} /> with <Tex math={`\\alpha = ${tex(view.settings.learningRate, 3)}`} />:
        it moved <Tex math={TEX.vc} /> by a distance of <Tex math={tex(view.settings.learningRate * p.gradNorm, 3)} />.
      </p>
    </>
  );
}
