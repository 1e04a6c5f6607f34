import type { ReactNode } from 'react';
import { Tex } from '../../components/math/Tex';
import { Part } from '../../embed/Widget';
import type { Lang } from '../../i18n';

/** What the step-through's narrative needs: positions, sizes and the formulas with the model's numbers. */
export interface QkvMathProps {
  query: number;
  /** The query's token label. */
  token: string;
  /** 1-based, as shown. */
  head: number;
  layer: number;
  dK: number;
  /** The key this query weights most. */
  top: number;
  /** Show the causal-mask note (causal and not the last query). */
  causalNote: boolean;
  tex: { qk: string; dot: string; scale: string; softmax: string; sum: string; out: string };
}

function QkvMathEn({ query, token, head, layer, dK, top, causalNote, tex }: QkvMathProps) {
  return (
    <>
      <h3>1. The query and the keys</h3>
      <p>
        Position <Tex math={`t = ${query}`} /> holds token <b>{token}</b>. Head {head} of layer {layer} projects the layer's input{' '}
        <Tex math="\mathbf x_t" /> to a query, and every position <Tex math="i" /> to a key and a value, each with{' '}
        <Tex math={`d_k = ${dK}`} /> numbers:
      </p>
      <Tex block math={tex.qk} />
      <h3>2. Dot products</h3>
      <p>
        How well the query matches each key: one number per key (the table's q·kᵢ column). For key <Tex math={`i = ${top}`} />, the one
        this query weights most:
      </p>
      <Tex block math={tex.dot} />
      <h3>3. Scaling by √dₖ</h3>
      <Tex block math={tex.scale} />
      <h3>4. Softmax</h3>
      <Tex block math={tex.softmax} />
      <p>The weights are the table's last column, and the row of the heatmap for query {query}. They add up to</p>
      <Tex block math={tex.sum} />
      {causalNote && (
        <p className="attn-note">
          The causal mask adds <Tex math="-\infty" /> (in practice <Tex math="-10^9" />) to the scores of keys after position {query}{' '}
          before the softmax, so their weights are exactly 0.
        </p>
      )}
      <h3>5. The weighted sum of values</h3>
      <Tex block math={tex.out} />
      <Part name="explanation">
        <p>
          This head's output is concatenated with the other heads' outputs at the same position and multiplied by <Tex math="W_O" />;
          the result is added to <Tex math="\mathbf x_t" /> and normalised (Add &amp; Norm).
        </p>
      </Part>
    </>
  );
}

function QkvMathZh({ query, token, head, layer, dK, top, causalNote, tex }: QkvMathProps) {
  return (
    <>
      <h3>1. 查询与键</h3>
      <p>
        位置 <Tex math={`t = ${query}`} /> 上是词元 <b>{token}</b>。第 {layer} 层的第 {head} 个头把该层的输入 <Tex math="\mathbf x_t" />{' '}
        投影成查询，并把每个位置 <Tex math="i" /> 投影成键和值，每个向量都有 <Tex math={`d_k = ${dK}`} /> 个数：
      </p>
      <Tex block math={tex.qk} />
      <h3>2. 点积</h3>
      <p>
        查询与每个键的匹配程度：每个键对应一个数（即表中的 q·kᵢ 列）。下面以这个查询权重最大的键 <Tex math={`i = ${top}`} /> 为例：
      </p>
      <Tex block math={tex.dot} />
      <h3>3. 除以 √dₖ 缩放</h3>
      <Tex block math={tex.scale} />
      <h3>4. Softmax</h3>
      <Tex block math={tex.softmax} />
      <p>这些权重就是表格的最后一列，也就是热力图中查询 {query} 那一行。它们的总和是</p>
      <Tex block math={tex.sum} />
      {causalNote && (
        <p className="attn-note">
          因果掩码在 softmax 之前给位置 {query} 之后所有键的分数加上 <Tex math="-\infty" />（实际实现中是 <Tex math="-10^9" />
          ），所以它们的权重恰好为 0。
        </p>
      )}
      <h3>5. 对值加权求和</h3>
      <Tex block math={tex.out} />
      <Part name="explanation">
        <p>
          这个头的输出与其他头在同一位置的输出拼接起来，再乘以 <Tex math="W_O" />；结果加回到 <Tex math="\mathbf x_t" />{' '}
          上并做层归一化（Add &amp; Norm）。
        </p>
      </Part>
    </>
  );
}

export const QKV_MATH: Record<Lang, (p: QkvMathProps) => ReactNode> = { en: QkvMathEn, zh: QkvMathZh };
