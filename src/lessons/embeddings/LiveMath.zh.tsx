import { Tex } from '../../components/math/Tex';
import { fmtInt, tex } from '../../format';
import type { Word2VecView } from '../../ml/tasks/word2vec';
import { CorpusFigures } from './CorpusFigures';
import { liveTex, TEX } from './tex';

/** 演算示例（中文）：上一步的第一个训练词对，用 worker 里的真实数字。 */
export function LiveMathZh({ view }: { view: Word2VecView | null }) {
  const p = view?.pair ?? null;
  return (
    <div className="live-math emb-live" aria-live="off">
      {!view || !p ? (
        <p className="live-empty">
          按<b>单步</b>或<b>训练</b>：每一步的第一个训练词对及其数字会显示在这里。
        </p>
      ) : (
        <PairMathZh view={view} />
      )}
      {view && <CorpusFigures view={view} />}
    </div>
  );
}

function PairMathZh({ view }: { view: Word2VecView }) {
  const p = view.pair!;
  const x = liveTex(p, view.dim);
  return (
    <>
      <p>
        上一步读入了 {fmtInt(view.progress.lastRead)} 个词（宋词语料中是字），下采样后保留 {fmtInt(view.progress.lastKept)} 个，共训练了{' '}
        {fmtInt(view.progress.lastPairs)} 个词对。下面是其中第一个词对在更新之前的样子：
      </p>
      <Tex block math={x.pair} />
      <p>
        查表：“{p.center}”是 <Tex math={TEX.W} /> 的第 {p.centerId} 行（即它的词频排名），所以用它的独热向量乘以{' '}
        <Tex math="W" /> 只是把这一行取出来。下面是它的 {view.dim} 个分量中的前几个，以及上下文词的输出向量：
      </p>
      <Tex block math={x.vc} />
      <Tex block math={x.uo} />
      <p>模型目前对真实上下文词、以及对每个负样本的预测有多强：</p>
      <Tex block math={x.positive} />
      <Tex block math={x.negatives} />
      <Tex block math={x.loss} />
      <p>
        真实词对以权重 <Tex math={x.coef} /> 把 <Tex math={TEX.vc} /> 拉向 <Tex math={TEX.uo} />；每个负样本以权重{' '}
        <Tex math={TEX.sigmaK} /> 把它推离 <Tex math={TEX.uk} />。梯度（前几个分量）：
      </p>
      <Tex block math={x.grad} />
      <p>
        随后 worker 按 <Tex math={TEX.update} /> 更新，其中 <Tex math={`\\alpha = ${tex(view.settings.learningRate, 3)}`} />：
        <Tex math={TEX.vc} /> 移动了 <Tex math={tex(view.settings.learningRate * p.gradNorm, 3)} /> 的距离。
      </p>
    </>
  );
}
