import { Tex } from '../../components/math/Tex';
import { TEX } from './tex';

/**
 * 本课的中文讲解：为中文读者撰写，不是逐句翻译；公式与英文版共用（tex.ts）。
 * 记号：w_jk 表示流入单元 j、来自输入 k 的权重；δ^(l) = ∂L/∂z^(l)；向量均为列向量。
 */

function TinyIntro() {
  return (
    <p>
      这是一个有两个输入、两个隐藏单元和一个输出的网络，只用一个样本来训练，损失函数是平方误差{' '}
      <Tex math={TEX.squaredError} />。图中每个圆圈代表一个数，每条箭头上标着箭头终点对起点的局部导数。依次走过前向传播、计算损失、反向传播和参数更新；修改下方任意一个数，所有结果都会随之改变。
    </p>
  );
}

function GradTableNote() {
  return (
    <p className="grad-table-note">
      下表列出全部参数（可直接修改），以及用三种方法求出的 ∂L/∂θ：手算（即上面的链式法则，float64 精度）、反向模式自动微分（Worker 中的 <code>tf.valueAndGrads</code>，float32 精度）和中心有限差分（
      <Tex math={TEX.centralDiff} />，<Tex math={TEX.epsilon} />
      ）。反向传播每到达一个参数，“手算”一栏就填上一格。
    </p>
  );
}

function ChainRuleSection() {
  return (
    <section>
      <h3>刚才的演示做了什么：计算图上的链式法则</h3>
      <p>如果损失只通过一串中间量依赖于某个权重，那么损失对这个权重的导数，就等于沿这条链各个局部导数的乘积。以小网络的第一个权重为例：</p>
      <Tex block math={TEX.chainW11} />
      <p>
        如果一个数同时流向好几个节点，它的梯度就是通往损失的<em>所有路径之和</em>：输入 <Tex math={TEX.x1} /> 既流向{' '}
        <Tex math={TEX.z1} /> 也流向 <Tex math={TEX.z2} />，所以 <Tex math={TEX.sumOverPaths} />。
      </p>
      <p>
        反向传播说的是：按什么顺序计算，才能把这件事做得又快又省。从损失出发倒着访问各个节点；在每个节点上，取它所流向的那些节点上已经算好的梯度，分别乘以连接箭头上的局部导数，再加起来。像 <Tex math={TEX.dLdyhat} />{' '}
        这样被多条路径共用的前缀只算一次、反复使用，所以一次反向遍历的代价与一次前向传播相当，却能一次得到<em>全部</em>
        梯度。有限差分则要为每个参数各做两次前向传播（这里是 18 次，大模型则多达数十亿次），而且只是近似值；反向模式自动微分（也就是 <code>tf.valueAndGrads</code> 做的事）会记下前向计算的每一步运算，再严格套用你刚才逐步走过的局部法则，因此它那一栏与你手算的结果在 float32 精度内一致。
      </p>
    </section>
  );
}

function MlpIntro() {
  return (
    <p>
      选一个数据集，设计一个网络，然后点<b>训练</b>。数据点背后的颜色是网络对整个方形区域的预测，由 Worker
      在训练过程中实时计算；网络图里的小方块显示每个隐藏单元算出的结果。在数据图上点击，可以添加一个所选类别的点（按住 Shift
      点击则删除最近的点）。学习率、批大小、优化器、正则化和 Dropout 会立即生效；修改数据或网络结构则会用同一个随机种子重新开始，这样两次训练的差别只来自你改动的那一处。
    </p>
  );
}

function LayersSection() {
  return (
    <section>
      <h2>从单个数到整层</h2>
      <p>
        把网络的第 <Tex math={TEX.l} /> 层写成 <Tex math={TEX.layerZ} /> 和 <Tex math={TEX.layerA} />
        ，其中向量都是列向量，<Tex math={TEX.a0} /> 是输入特征，<Tex math={TEX.W} /> 的每一行对应第 <Tex math={TEX.l} />{' '}
        层的一个单元（与上文的 <Tex math={TEX.wjk} /> 一致：流入单元 <Tex math={TEX.j} />、来自输入 <Tex math={TEX.k} />
        ）。把该层预激活值上的梯度记为 <Tex math={TEX.delta} />。把链式法则同时用在每个单元上，得到：
      </p>
      <Tex block math={TEX.layerBackward} />
      <p>
        <Tex math={TEX.odot} /> 表示逐元素相乘：每个单元都把传到它这里的梯度乘以自身激活函数的斜率。权重梯度是一个外积，即{' '}
        <Tex math={TEX.dWjk} />
        ：权重所指向的那个单元的误差信号，乘以权重出发的那个单元的激活值。对含 <Tex math={TEX.m} />{' '}
        个样本的小批量，损失取各样本损失的平均，梯度也就是各样本梯度的平均。（TensorFlow.js 把样本按行存放，写作{' '}
        <Tex math={TEX.rowsZ} />，其中 <Tex math={TEX.plainW} /> 的形状是 扇入 × 扇出；这时同样的结果写成{' '}
        <Tex math={TEX.rowsGrad} />，正是上式的转置。）
      </p>
    </section>
  );
}

function VanishingSection() {
  return (
    <section>
      <h2>为什么很深的 sigmoid 网络学不动</h2>
      <p>
        梯度每经过一层，都要乘以 <Tex math={TEX.Wt} /> 和斜率 <Tex math={TEX.fprime} />。对 sigmoid 函数，
      </p>
      <Tex block math={TEX.sigmoidSlopeZh} />
      <p>
        所以在权重大小适中时，每经过一层 sigmoid，梯度至少缩小为原来的四分之一，六层下来就缩小到 <Tex math={TEX.fourToSix} />{' '}
        甚至更小。于是前面几层几乎不动，只有最后几层在学习。tanh 温和一些（<Tex math={TEX.tanhSlope} />
        ）；ReLU 在单元处于激活状态时斜率恰好为 1，梯度原样传回、毫无衰减（单元关闭时斜率恰好为 0——对所有输入都关闭的单元就“死”了，不再学习）。
      </p>
      <p>
        梯度范数图以对数坐标画出每一步里每个权重矩阵的 <Tex math={TEX.normPlottedZh} />。在圆形数据上训练一个 6 层、每层 8
        个单元的 sigmoid 网络，第一层的梯度一开始就比最后一层小大约四到五个数量级；把激活函数换成 ReLU，这些曲线就挤到了一起。（试试下面的前两个实验。）
      </p>
    </section>
  );
}

function LossSection() {
  return (
    <section>
      <h2>分类用交叉熵，回归用平方误差</h2>
      <p>
        两类分类时，网络输出一个数 <Tex math={TEX.s} />（logit），把 <Tex math={TEX.pSigma} /> 看作属于类别 1
        的概率。损失函数是二元交叉熵，也就是模型给正确答案的概率取对数后再取相反数：
      </p>
      <Tex block math={TEX.bce} />
      <p>
        梯度就是简单的“预测值减真实值”。对比一下直接对概率用平方误差 <Tex math={TEX.sqOnP} />：它的梯度{' '}
        <Tex math={TEX.sqOnPGrad} /> 多了一个因子 <Tex math={TEX.pOneMinusP} />。当网络错得很自信时（
        <Tex math={TEX.pNearZero} />，而 <Tex math={TEX.yIsOne} />
        ），这个因子几乎为零，最严重的错误反而几乎产生不了学习信号；而交叉熵在这里的梯度接近 <Tex math={TEX.minusOne} />。
      </p>
      <p>
        类别数 <Tex math={TEX.cGt2} /> 时（三臂螺旋），网络输出 <Tex math={TEX.C} /> 个 logit，再由 softmax 把它们变成概率：
      </p>
      <Tex block math={TEX.softmax} />
      <p>
        仍然是“预测值减真实值”，只是对每个类别同时成立。回归任务（平面、多峰高斯）中，输出就是预测的数值本身，损失是均方误差{' '}
        <Tex math={TEX.mse} />
        。引擎直接从 logit 出发，用数值稳定的形式计算这两种交叉熵，所以网络再自信，也不会出现对零取对数的情况。
      </p>
    </section>
  );
}

function RegularisationSection() {
  return (
    <section>
      <h2>L1 与 L2 正则化</h2>
      <p>正则化在优化器要最小化的目标上，再加一项对权重大小（不含偏置）的惩罚：</p>
      <Tex block math={TEX.penaltiesZh} />
      <p>
        L2 的梯度 <Tex math={TEX.l2Grad} /> 与权重本身成正比：用普通梯度下降时，每一步先把每个权重乘以{' '}
        <Tex math={TEX.decayFactor} />
        ，再叠加数据带来的拉力，所以大权重收缩得最多，小权重几乎不变——权重会变小，但很少恰好变成零。L1 的梯度{' '}
        <Tex math={TEX.l1Grad} /> 对每个权重都一样大，所以数据“不支持”的权重会被一路推到零（然后在零附近来回抖动）：网络变得稀疏。留意网络图中的连线逐渐变细。损失曲线只显示数据损失，这样不同 <Tex math={TEX.lambda} />{' '}
        的训练结果仍能直接比较；正则项的值单独显示在旁边。（用 Adam 时，正则项的梯度和其他梯度一样会按权重分别缩放，所以效果并不完全等同于教科书里的权重衰减。）
      </p>
    </section>
  );
}

function DropoutSection() {
  return (
    <section>
      <h2>Dropout（随机失活）</h2>
      <p>
        每个训练步里，每个隐藏单元都以概率 <Tex math={TEX.p} /> 被独立地关闭，留下的单元按比例放大，使激活值的期望保持不变（即“倒置”
        Dropout）：
      </p>
      <Tex block math={TEX.dropoutZh} />
      <p>
        Dropout 只在训练时起作用。热力图、准确率和损失曲线都是在全部单元开启、不做缩放的情况下计算的——训练时的放大正是为了保证这样做是对的。由于任何单元都不能指望另一个特定单元一定在场，每个单元都会学到本身就有用的特征，训练出的网络就像许多“变瘦”的子网络的平均。状态栏里的批次损失包含了 Dropout 的影响，所以它比曲线抖动得更厉害。
      </p>
    </section>
  );
}

function BatchNormSection() {
  return (
    <section>
      <h2>批归一化（Batch normalization）</h2>
      <p>
        勾选<b>批归一化</b>后，每个隐藏层在激活函数之前先把它的加权和归一化（网络图中标着“BN”的竖条）。对一个单元，在小批量的{' '}
        <Tex math={TEX.m} /> 个点上：
      </p>
      <Tex block math={TEX.bnStats} />
      <Tex block math={TEX.bnNormalise} />
      <p>
        其中 <Tex math={TEX.bnEps} />（与 Keras 相同）保证除法有意义；<Tex math={TEX.bnVar} /> 是偏差平方的普通平均（除以 m，而不是
        m − 1）。缩放和平移 <Tex math={TEX.bnGammaBeta} /> 对每个单元单独学习，初值为 1 和 0，因此如果能让损失更低，这一层可以把归一化后的值拉伸、平移，甚至完全还原。减去批均值{' '}
        <Tex math={TEX.bnMu} /> 会抵消加在该单元所有加权和上的任何常数，所以放在批归一化之前的偏置梯度恒为零、毫无作用：这些层没有偏置，由{' '}
        <Tex math={TEX.bnBeta} /> 负责平移。输出层不做归一化。如果一批只有一个点，<Tex math={TEX.bnBatchOne} />，所有 x̂ 都是 0，无论输入是什么，每个单元都输出
        f(β)——批归一化需要每批有多个点。
      </p>
      <p>
        <b>训练模式与评估模式。</b>训练时用的是当前小批量的统计量，梯度也会流经它们：移动一个点的 z，会改变批均值和批方差，从而改变批内其他每个点的
        x̂。记 <Tex math={TEX.bnG} /> 为传到 y 的梯度，反向传播（两种引擎都是如此；融合引擎是手写的，并与 tfjs 的自动微分做了核对）为
      </p>
      <Tex block math={TEX.bnBackward} />
      <p>因此训练时一个点的输出取决于和它同批的其他点。要预测单个点或整张热力图，网络需要固定的数：训练中维护的滑动平均，每步之后以动量 0.99 更新，</p>
      <Tex block math={TEX.bnRunning} />
      <p>
        评估模式使用它们：<Tex math={TEX.bnEval} />。热力图、神经元小图、读数中的训练和测试损失与准确率、以及导出的模型都用评估模式；只有状态栏里的批次损失和梯度用批统计量。滑动平均从
        0 和 1 开始，k 步之后初值仍占 <Tex math={TEX.bnLag} /> 的权重，所以训练刚开始时，评估模式的热力图可能落后于小批量上的实际表现。网络图下方的面板用这一步的数值，展示一个单元在两种模式下的计算。
      </p>
      <p>
        <b>为什么它能救活深层 sigmoid 网络。</b>没有批归一化时，传到第一层的梯度是六个 sigmoid 斜率（每个至多 ¼，|z|
        大时小得多）与各层权重矩阵的乘积：在“很深的 sigmoid 网络”实验中，梯度范数图上 W1 比 W7 低三到四个数量级，损失停在{' '}
        <Tex math={TEX.ln2} />——网络在所有地方都回答 0.5。有了批归一化，每个单元的加权和在批内被居中并缩放（一开始是均值 0、方差
        1），保持在 sigmoid 陡峭的区域；而且反向公式把梯度乘以 <Tex math={TEX.bnInvStd} />，加权和变小的层，梯度会被放大回来，而不是继续缩小着往下传。在该实验打开批归一化后的固定种子运行中（圆形数据，6
        × 8 sigmoid，SGD，α = 0.03，批大小 10），2000 步后训练损失是 0.107 而不是 0.693，‖∂L/∂W1‖ 是 0.32 而不是 3 × 10⁻⁵：梯度范数图上的几条线靠拢了。批归一化为什么普遍有效至今仍有争论：原作者归因于“内部协变量偏移”（前面的层在学习时，后面每层的输入分布随之变化），后来的实验则更多指向它让损失曲面更平滑、能承受更大的步长。
      </p>
    </section>
  );
}

function FeaturesSection() {
  return (
    <section>
      <h2>特征：亲手替隐藏层干活</h2>
      <p>
        没有隐藏层的网络，就是输入特征的线性模型：<Tex math={TEX.linearModel} />，它的决策边界 <Tex math={TEX.boundary} />{' '}
        在这些特征构成的空间里是一条直线。只有 <Tex math={TEX.x1x2} /> 时，它既分不开 XOR，也分不开圆形。但圆的内部恰好是{' '}
        <Tex math={TEX.circleInside} />，这是关于特征 <Tex math={TEX.squares} /> 的线性条件；而 XOR 的类别就是{' '}
        <Tex math={TEX.cross} />{' '}
        的符号，这是一个交叉特征。把这些特征交给网络，不要任何隐藏层就能解决问题。隐藏层则会自己学出这样的特征：网络图里的小热力图显示了每个单元学会计算的东西。
      </p>
    </section>
  );
}

export const PROSE_ZH = {
  TinyIntro,
  GradTableNote,
  ChainRuleSection,
  MlpIntro,
  LayersSection,
  VanishingSection,
  LossSection,
  RegularisationSection,
  DropoutSection,
  BatchNormSection,
  FeaturesSection,
};
