import { Tex } from '../../components/math/Tex';
import type { TokenTaskName } from '../../datasets/token-tasks';
import * as F from './tex';

/**
 * 本课的中文讲解，分节写成组件，与 Explanation.tsx（英文）一一对应；公式与英文版共用 tex.ts。
 * 为中文读者而写，不是逐句翻译。随设置变化的数字通过 props 传入。
 */

const IDEAL: Record<TokenTaskName, string> = {
  reverse: '位置 t 要取的是位置 T − 1 − t 上的词元。能解决这个任务的注意力头，会把全部权重放在反对角线上——从右上角一直连到左下角。',
  sort: '位置 t 要输出第 t 小的词元。它在输入里的哪个位置，取决于词元本身而不是位置，所以理想的注意力模式随输入而变：圆圈标出的是所有持有正确词元的键。',
  copy: '每个位置都去取它左边第 k 个位置上的词元（k 就是偏移量，越过开头就从末尾绕回来），所以理想模式是主对角线整体向左平移 k 列。',
  masked:
    '每条序列都是回文（正着读和倒着读一样），其中一些镜像位置对会有一个词元被遮住。位置 t 上的 [MASK] 可以从它的镜像位置 T − 1 − t 找回答案，所以这一行应当在那里亮起来。只有被遮住的位置计入成绩。',
};

export function TaskSection({ task, T, V, offset }: { task: TokenTaskName; T: number; V: number; offset: number }) {
  const rule = F.taskRule(task, offset);
  return (
    <section>
      <h2>一个答案已知的任务</h2>
      <p>
        模型读入一条长为 <Tex math={F.T_EQ(T)} /> 的序列，每个词元取自 <Tex math={F.V_EQ(V)} /> 种符号，并在每个位置各输出一个词元。
        当前的任务是{rule ? <Tex math={rule} /> : '补全回文序列中的每个 [MASK]'}。{IDEAL[task]}
      </p>
      <p>
        每一步训练都重新随机抽一批序列，模型无从死记硬背；另有一批固定的 256 条留出序列，用来衡量它答对单个词元的比例和整条序列完全答对的比例。
      </p>
    </section>
  );
}

export function AttentionSection() {
  return (
    <section>
      <h2>注意力：一种“软”查表</h2>
      <p>
        每个位置 <Tex math="t" /> 都有一个向量 <Tex math={F.X_T} />（词元的嵌入向量，通常再加上一个表示位置的向量）。三个可学习的矩阵把它变成
        <b>查询</b> <Tex math={F.Q_T} />（这个位置想找什么）、<b>键</b> <Tex math={F.K_T} />（它凭什么被别人找到）和<b>值</b>{' '}
        <Tex math={F.V_T} />（被找到时交出什么）。把所有位置的行向量叠成矩阵 <Tex math={F.QKV} />，就得到
      </p>
      <Tex block math={F.ATTENTION} />
      <p>
        <Tex math={F.QK_T} /> 的第 <Tex math="t" /> 行是查询 <Tex math="t" /> 与每个键的点积；softmax 把这一行变成权重{' '}
        <Tex math={F.WEIGHTS_NONNEG} />，且 <Tex math={F.WEIGHTS_SUM} />；位置 <Tex math="t" /> 的输出就是加权平均{' '}
        <Tex math={F.WEIGHTED_AVG} />。热力图画的正是这些权重：每行是一个查询，每列是一个键。如果某一行只有一个格子是亮的，说明这个查询几乎原样取走了那个键对应的值。
      </p>
    </section>
  );
}

export function ScalingSection({ dK }: { dK: number }) {
  return (
    <section>
      <h2>为什么要除以 √dₖ</h2>
      <p>
        假设查询和键的 <Tex math="d_k" /> 个分量相互独立，均值为 0、方差为 1。那么每个乘积 <Tex math={F.QC_KC} /> 的均值是 0、方差是 1，
        <Tex math="d_k" /> 个这样的乘积相加，方差就是 <Tex math="d_k" />：
      </p>
      <Tex block math={F.VARIANCE} />
      <p>
        如果不做缩放，分数的大小会随注意力头的宽度增长（这里 <Tex math={F.DK_EQ(dK)} />，标准差约为 <Tex math={F.SQRT_DK_APPROX(dK)} />
        ）。分数一大，softmax 的输出就趋向“一个 1、其余全是 0”，这时它的梯度几乎为零，学习也就停滞了。除以 <Tex math={F.SQRT_DK} />{' '}
        之后，无论 <Tex math="d_k" /> 取多少，训练刚开始时分数都保持在 1 左右的量级。
      </p>
    </section>
  );
}

/** withTrace：页面上有逐步演算（单独嵌入本组件时没有）。 */
export function MultiHeadSection({ heads, d, withTrace }: { heads: number; d: number; withTrace: boolean }) {
  const dK = d / heads;
  return (
    <section>
      <h2>多头注意力</h2>
      <p>
        一行 softmax 权重只能表达一种混合各位置的方式。多头注意力让 <Tex math="h" /> 个注意力并排运行，每个头只负责模型宽度中的一段：当{' '}
        <Tex math={F.D_MODEL_EQ(d)} />、<Tex math={F.H_EQ(heads)} /> 时，每个头在 <Tex math={F.DK_SPLIT(dK)} /> 维的空间里计算。
      </p>
      <Tex block math={F.MULTI_HEAD} />
      <p>
        第 <Tex math="j" /> 个头有自己的 <Tex math={F.HEAD_WEIGHTS} />（实际实现中，它们分别是一个 <Tex math={F.FULL_MATRIX} />{' '}
        大矩阵里的 <Tex math="d_k" /> 列），而 <Tex math={F.W_O_SHAPE} /> 把拼接起来的各头输出重新混合。
      </p>
      <p>
        把宽度拆开，总计算量和一个全宽的头差不多，而每个头都能自由地学出自己的模式。观察一下：在反转任务上，几个头是分工合作（各管一部分行），还是由其中一个包揽全部
        {withTrace ? '？点击任意热力图的某一行，就能在下方看到这个头的具体数值。' : '？'}
      </p>
    </section>
  );
}

export function PositionSection({ ceiling }: { ceiling: string | null }) {
  return (
    <section>
      <h2>为什么必须编码位置</h2>
      <p>
        注意力本身并不知道词元在哪个位置。用置换矩阵 <Tex math="P" /> 打乱输入的行，分数就变成 <Tex math={F.PERMUTED_SCORES} />
        ，逐行的 softmax 只是跟着一起打乱，于是
      </p>
      <Tex block math={F.PERMUTATION} />
      <p>
        也就是说，注意力是<b>置换等变</b>的：把输入打乱，输出也按同样的方式打乱，除此之外什么都不变。前馈层和层归一化都是逐位置独立计算的，所以整个模型都继承了这一性质：位置{' '}
        <Tex math="t" /> 的输出只能取决于该位置上的词元以及全部词元构成的集合，而与 <Tex math="t" /> 本身无关。可反转任务恰恰需要位置信息：两个相同的词元处在不同位置时，必须输出不同的结果。
        {ceiling ?? ''}
      </p>
      <p>解决办法是给每个词元的嵌入加上一个随位置变化的向量。最初的 Transformer 用的是固定的正弦和余弦函数：</p>
      <Tex block math={F.SINUSOIDS} />
      <p>
        每一对维度以各自的频率随位置旋转，因此对任意偏移量 <Tex math="k" />，<Tex math={F.PE_SHIFT} /> 都是 <Tex math={F.PE_POS} />{' '}
        的一个固定线性函数（一次旋转）。于是注意力可以学会“镜像位置”这类相对偏移。选项中的<i>可学习</i>位置编码则为每个位置训练一个自由向量，BERT 和 GPT
        都是这样做的；在这里它同样有效，但对训练时没见过的长度一无所知。
      </p>
    </section>
  );
}

export function BlockSection() {
  return (
    <section>
      <h2>完整的模型</h2>
      <p>
        输入是 <Tex math={F.INPUT_SUM} />。每一层是一个 Transformer 块，采用原论文的“后置归一化”（post-norm）结构，即每个子层之后做一次残差相加与层归一化（Add &amp; Norm）：
      </p>
      <Tex block math={F.BLOCK} />
      <p>
        前馈层宽 <Tex math={F.FFN_WIDTH} />，对每个位置单独作用。层归一化把每个位置的向量重新缩放到均值 0、方差 1：
        <Tex math={F.LAYER_NORM} />
        。最后一个线性层加 softmax，在每个位置给出 <Tex math="V" /> 个输出词元上的概率分布，用交叉熵损失训练。开启 Dropout
        时，它只在训练步中把嵌入和各子层输出里的随机一部分元素置零；热力图从不使用 Dropout。
      </p>
      <p>
        预热（warm-up）让学习率在最初若干步内线性上升：<Tex math={F.WARMUP} />，其中 n 是第 n 步（第 1 步就已使用 α/n<sub>warm-up</sub>）。训练刚开始时，Adam 对梯度尺度的估计只基于很少几步，而后置归一化的 Transformer
        在这个阶段又出了名地不稳定，所以前几步迈小一点会有帮助。
      </p>
    </section>
  );
}

export function EncoderDecoderSection() {
  return (
    <section>
      <h2>编码器与解码器：谁能看哪里</h2>
      <p>
        这里的模型是一个<b>编码器</b>：每个查询都能看到左右两边的所有键。<b>解码器</b>要一个词元接一个词元地生成文本，不能偷看未来，所以它在 softmax
        之前给分数加上因果掩码：
      </p>
      <Tex block math={F.CAUSAL} />
      <p>
        被遮住的权重恰好为 0，热力图变成下三角形。勾选<i>因果掩码</i>，再训练一次反转任务：位置 <Tex math="t" /> 需要的是键{' '}
        <Tex math={F.MIRROR} />，而对序列前半段的位置来说，它在“未来”，所以这些位置只能靠猜。最初用于机器翻译的 Transformer
        两部分都有：一个编码器读入源语言句子，一个带因果掩码的解码器；解码器中额外的交叉注意力，查询来自解码器，键和值来自编码器。BERT 只保留了编码器，GPT
        只保留了解码器。
      </p>
    </section>
  );
}

export function RnnSection() {
  return (
    <section>
      <h2>与循环神经网络对比</h2>
      <p>
        RNN（见<a href="#/rnn">循环神经网络</a>一课）按顺序读入序列，把已知的一切都装进一个隐藏状态{' '}
        <Tex math={F.RNN_STATE} />。位置 <Tex math="t" /> 的输出要用到位置 <Tex math="i" /> 的词元，这个词元就得在隐藏状态中熬过{' '}
        <Tex math={F.GAP} /> 次更新，它的梯度也得反向传回同样多的步数：这是一条长度为 <Tex math={F.O_T} />{' '}
        的路径，梯度容易在上面消失或爆炸。反转序列正是最坏的情形：第一个输出需要最后一个输入，反之亦然。
      </p>
      <p>
        自注意力中，每个查询一步就能直接够到每个键：任意两个位置之间的路径长度都是 <Tex math={F.O_1} />
        ，而且所有位置同时计算，不必一个接一个。代价是 <Tex math={F.T_BY_T} /> 的分数矩阵——每层 <Tex math={F.ATTN_COST} />{' '}
        的计算量，而 RNN 是 <Tex math={F.RNN_COST} />；另外，RNN 靠循环结构天然获得的顺序信息在这里没有了，必须显式地编码位置。
      </p>
    </section>
  );
}

export function BertSection({ active }: { active: boolean }) {
  return (
    <section>
      <h2>掩码词元任务：缩小到玩具规模的 BERT 训练目标</h2>
      <p>
        BERT 的预训练方式是遮住句子里的一些词，让编码器根据左右两侧的上下文把它们填回来，这也是它使用双向注意力的原因。{active ? '你选的' : ''}
        <i>掩码词元</i>任务就是把这个目标缩小到能在浏览器里运行的规模。老实说，它和真正的 BERT 差得很远：这里的“语言”是人造的随机回文，唯一的规律是正读反读都一样，所以被遮住的词元总能从镜像位置找回来。词表只有
        5 到 20 个符号，模型只有 1 到 2 层，被遮住的词元一律换成 [MASK]。
      </p>
      <p>
        BERT 有 12 层或 24 层，词表约 3 万个 WordPiece 子词，训练语料是数十亿词的真实文本；它随机选出 15 % 的词元，其中 80 % 换成
        [MASK]、10 % 换成随机词元、10 % 保持不变，预训练之后再针对其他任务微调。能从这里迁移过去的是机制本身：损失只计算被遮住的位置，而 [MASK]
        必须学会去看持有答案的那个位置——在这里就是它的镜像位置，可能在左边，也可能在右边。
      </p>
    </section>
  );
}
