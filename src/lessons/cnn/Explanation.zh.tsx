import { Tex } from '../../components/math/Tex';
import { fmtInt } from '../../format';
import type { ParamNumbers } from './Explanation';
import * as T from './tex';

/**
 * 本课的中文讲解，与 Explanation.tsx 导出同名的各节；公式取自 tex.ts，两种语言共用。
 * 按中文读者的习惯来写，而不是逐句翻译。
 */

export function DataIntro() {
  return (
    <>
      <p>
        这些是来自 MNIST 数据集（LeCun、Cortes 和 Burges 整理）的真实手写数字，共 10,000 个，随页面一起提供。每个数字都是一张
        28×28 的灰度图；页面把像素值除以 255，于是 0 表示背景，1 表示最浓的笔迹。制作 MNIST 时，每个数字先按原有长宽比缩放到
        20×20 的方框内，再平移到 28×28 的画面中，使笔迹的质心正好落在中心——下面手写板的预处理也照此办理。
      </p>
      <p>
        这些数字按随机种子划分为两部分：网络从中学习的训练集，以及训练时从不使用的测试集。测试集上的准确率才是可靠的衡量标准：它告诉我们网络在没见过的数字上表现如何。
      </p>
    </>
  );
}

export function ConvolutionText() {
  return (
    <>
      <p>
        卷积层拿一小块权重网格——称为<b>卷积核</b>（也叫<b>滤波器</b>）——在图像上滑动。每到一个位置，就把窗口下的像素与对应权重相乘、全部加起来，再加上偏置。对于 k×k 的卷积核、<Tex math="C" /> 个通道的输入（灰度数字只有 1 个通道），输出位置{' '}
        <Tex math="(i, j)" /> 上的值为
      </p>
      <Tex block math={T.CONV} />
      <p>
        一层通常有多个卷积核 <Tex math={T.FILTERS} />，每个都有自己的权重 <Tex math={T.FILTER_WEIGHTS} /> 和偏置{' '}
        <Tex math={T.FILTER_BIAS} />；第 <Tex math="f" /> 个卷积核产生一个输出通道，即它的<b>特征图</b>。严格地说，这是互相关：数学意义上的卷积要先把卷积核翻转（读取 <Tex math={T.FLIPPED} />）。深度学习框架都不做翻转，而权重本来就是学出来的，翻不翻转并没有实质区别。还要注意卷积<b>不是</b>什么：像 <Tex math={T.DENSE} /> 这样每个输出对每个输入都有一个独立权重的公式，描述的是全连接层，而不是卷积。
      </p>
      <p>
        步幅为 <Tex math="s" /> 时，窗口每次移动 <Tex math="s" /> 个像素；使用填充时，先在输入四周补上 <Tex math="p" />{' '}
        行（列）零，于是窗口读取的是（图像之外按 <Tex math="x = 0" /> 计）
        <Tex block math={T.CONV_STRIDED} />
        下面可以一步步演示：选一个卷积核，看每个输出格子是由哪九个数相乘得到的。竖直边缘卷积核在图像从左到右变亮的地方有响应，水平边缘卷积核在从上到下变亮的地方有响应；在颜色均匀的区域，两者的输出都是 0。
      </p>
    </>
  );
}

export function PoolingText() {
  return (
    <p>
      步幅为 2 的 2×2 最大池化在每个 2×2 小块里只保留最大值，使高和宽各减半，通道数不变。它没有任何参数。池化保留的是某个特征
      <b>有没有</b>在一小片邻域里出现，而丢掉了它<b>确切在哪里</b>，所以笔画平移一个像素，池化后的值往往不变。平均池化则保留平均值。由于 ReLU 和取最大值都是单调的，ReLU 放在最大池化之前还是之后，结果完全一样（本页的引擎放在之后，要处理的数少四倍）。
    </p>
  );
}

export function ArchitectureSection() {
  return (
    <section>
      <h2>两个网络</h2>
      <p>
        本页的小型 CNN 依次是：3×3 卷积、32 个卷积核、ReLU（28×28×1 → 26×26×32，valid 填充），2×2 最大池化（→ 13×13×32），展平（→ 5,408 个数），128 个 ReLU 单元的全连接层，最后是 10 个单元的全连接输出层。MLP 基线把图像直接展平成 784 个数，隐藏层（128 个单元）和输出层与之相同。两个网络最后都用 softmax 把 10 个输出 <Tex math="z_k" />（即 logits）变成概率，并以真实数字 <Tex math="t" /> 的交叉熵作为损失函数来训练：
      </p>
      <Tex block math={T.SOFTMAX_CE} />
      <p>
        logits 直接送进 softmax，前面不加 ReLU（加了 ReLU，网络就永远无法输出负的 logit）；损失也直接由 logits 计算，这样可以避免对一个舍入成 0 的概率取对数。
      </p>
    </section>
  );
}

export function ParamsSection() {
  return (
    <section>
      <h2>参数量，以及共享参数为什么有用</h2>
      <p>
        下面的表格直接按模型定义统计权重和偏置：卷积层为 <Tex math={T.CONV_PARAMS} />，全连接层为{' '}
        <Tex math={T.denseParams('输入数', '单元数')} />；池化层和展平层没有参数。
      </p>
    </section>
  );
}

export function ParamCompareText({ n }: { n: ParamNumbers }) {
  const texInt = (v: number) => T.texThousands(fmtInt(v));
  const [h, w, f] = n.convShape;
  return (
    <p>
      小型 CNN 共有 <b>{fmtInt(n.cnnTotal)}</b> 个参数，是 MLP（<b>{fmtInt(n.mlpTotal)}</b> 个）的{' '}
      {(n.cnnTotal / n.mlpTotal).toFixed(1)} 倍。其中绝大部分（<b>{(100 * n.denseShare).toFixed(1)}&nbsp;%</b>）都在全连接层：它把池化后的{' '}
      <Tex math={`${n.pooled.join('\\times')} = ${texInt(n.denseInputs)}`} /> 个特征逐一连到 128 个单元上。卷积层本身只有{' '}
      <b>{fmtInt(n.convParams)}</b> 个参数，却算出了 <Tex math={`${h}\\times${w}\\times${f} = ${texInt(n.convOutputs)}`} /> 个输出。若用全连接层从 784 个像素算出同样多的输出，需要{' '}
      <Tex math={`784\\cdot ${texInt(n.convOutputs)} + ${texInt(n.convOutputs)} = ${texInt(n.denseEquivalent)}`} /> 个参数——权重共享让卷积层小了 {fmtInt(Math.round(n.denseEquivalent / n.convParams))} 倍。
    </p>
  );
}

export function SharingSection() {
  return (
    <section>
      <p>
        可见在这里小型 CNN 反而是<b>更大</b>的模型，但它的泛化能力仍然更好。用本页的引擎跑过一次（随机种子 1，训练 8,000 个、测试
        2,000 个数字，Adam，α = 0.001，批大小 64，TensorFlow.js 跑在 CPU 上）：训练 1、2、3 轮后，CNN 的测试准确率依次为
        92.1&nbsp;%、94.3&nbsp;%、95.8&nbsp;%，MLP 为 89.1&nbsp;%、91.4&nbsp;%、92.7&nbsp;%。你也可以自己试：训练一个模型，记下某一轮的测试准确率，再切换“模型”比较。决定泛化能力的不只是参数的多少，更在于网络结构让什么东西容易学到：
      </p>
      <ul>
        <li>
          <b>权重共享。</b>每个卷积核的 9 个权重在全部 26 × 26 = 676 个位置上重复使用，所以它们的梯度汇集了所有位置的信息。对一张图像，
          <Tex math={T.SHARED_GRADIENT} />
          （一个批次再对其中各图像取平均）。在一处学到的笔画检测器在任何位置都能用；MLP 则必须为笔画可能出现的每个位置分别学一遍。
        </li>
        <li>
          <b>局部性与平移等变性。</b>每个输出只取决于一个 3×3 的小块；输入平移整数个像素，特征图也随之平移同样的距离（边界附近除外）。最大池化再让特征对这种小幅平移不敏感——而手写体的变化恰恰多是这种。
        </li>
        <li>
          <b>风险在哪里。</b>CNN 的全连接层有 692,352 个参数，过拟合主要发生在这里。在上面那次运行中，第 3 轮时 CNN 在训练数字上的准确率已达
          99.4&nbsp;%，而测试数字上是 95.8&nbsp;%；训练集越小，两者差得越远。自定义 CNN 提供了常用的对策：增加卷积块（每次池化都让全连接层看到的特征数变为四分之一，它的参数量也随之减少），以及 Dropout。
        </li>
      </ul>
    </section>
  );
}

/** 按通道的批归一化：自定义 CNN 的“批归一化”开关做了什么。 */
export function BatchNormSection() {
  return (
    <section>
      <h2>卷积网络里的批归一化</h2>
      <p>
        在自定义 CNN 里勾选<b>批归一化</b>，每个卷积块就变成 卷积 → 批归一化 → ReLU → 池化。在全连接层里（反向传播一课的 MLP
        实验台），批归一化对每个单元在一个小批量的 m 个样本上做归一化。卷积层的输出通道 <Tex math="c" />{' '}
        是同一个卷积核在所有位置上的结果，批归一化也沿用这种共享：每个通道只有一个均值和一个方差，统计范围是小批量里全部 m
        张图像、特征图上全部 H × W 个位置：
      </p>
      <Tex block math={T.BN_STATS} />
      <p>
        每个通道也只有一对缩放和平移参数 <Tex math={T.BN_GAMMA_BETA} />，所有位置共用：
      </p>
      <Tex block math={T.BN_NORM} />
      <p>
        如果按位置分别统计，同一笔画出现在图像不同地方就会被区别对待，而卷积正是为了避免这一点；按通道统计，一个特征无论出现在哪里，缩放方式都一样。这样的统计量也很稳：28×28、same
        填充、批大小 64 时，第一个卷积块每个通道的 <Tex math={T.BN_MU} /> 来自 64 · 28 · 28 = 50,176 个数，而不是 64 个。
        <Tex math={T.BN_EPS} /> 保证某个通道在整个批上恒定（卷积核哪里都不响应）时除法仍然有意义。
      </p>
      <p>
        卷积不再带偏置：减去 <Tex math={T.BN_MU} /> 会抹掉加在该通道上的任何常数，偏置的梯度永远是零，它的作用由{' '}
        <Tex math={T.BN_BETA} /> 承担。上面自定义 CNN 的参数表里，这样的卷积层计 <Tex math={T.BN_CONV_PARAMS} />{' '}
        个参数，它的批归一化计 <Tex math={T.BN_PARAMS} /> 个（γ 和 β）。反向传播同样要经过均值和方差；记{' '}
        <Tex math={T.BN_G} />，求和范围同样是那 m·H·W 个数：
      </p>
      <Tex block math={T.BN_BACKWARD} />
      <p>
        引擎就是这样计算的。<b>训练模式与评估模式。</b>训练时用的是当前批自己的统计量，所以一个数字的输出取决于和它同批的其他数字。每步训练之后，模型还会更新滑动平均：
      </p>
      <Tex block math={T.BN_RUNNING} />
      <p>
        评估时改用滑动平均——测试准确率和损失、混淆矩阵、特征图、手写板以及导出的模型都是如此——这样一个数字无论和谁同批（哪怕只有你画的这一个），得到的答案都一样。滑动平均是滞后的：k
        步之后，初始值（0 和 1）仍占 <Tex math={T.BN_LAG} />，100 步后还有 37&nbsp;%。在默认自定义 CNN 的一次训练里（Adam，α =
        0.001，条件见下），第 25 步时有无批归一化的批损失差不多（0.58 和 0.53），但测试损失有批归一化时是 1.11，没有时是
        0.58；到第 300 步两者已持平（0.15 和 0.13）。实验台里的实时面板（打开批归一化后出现）显示第 1 个卷积块第 1 个通道：上一步的{' '}
        <Tex math={T.BN_MU} /> 和方差，一个值归一化后的 <Tex math="\hat x" /> 和输出 <Tex math="y" />，以及同一个值在评估模式下的结果。
      </p>
      <p>
        它改变了什么？用本页的引擎测量（种子 1，8,000 个训练数字、1,000 个测试数字，批大小 64，TensorFlow.js 的 WASM
        后端，在浏览器之外运行）：默认的自定义 CNN（两个卷积块，各 16 个卷积核）用 Adam、α = 0.001 训练时，批归一化影响不大：第 500
        步的测试准确率没有时 96.4&nbsp;%，有时 96.5&nbsp;%。换成三个卷积块、普通 SGD、较大的 α = 0.3，没有批归一化的网络起初停在瞎猜的损失附近（<Tex math={T.LN10} />）——第 25 步批损失 2.28，第 50 步 1.88——有批归一化时则是 1.80 和 0.44：每个卷积块的输入尺度都稳定，前面几层从一开始就能学。用滞后的滑动平均算出的测试准确率却跟得没那么快：第
        50 步 71.5&nbsp;%；第 200 步 85.8&nbsp;%，没有批归一化时是 92.2&nbsp;%。批归一化让训练更快，但它本身并不保证泛化更好。
      </p>
    </section>
  );
}

export function TrainingNotes() {
  return (
    <section>
      <h2>训练时看什么</h2>
      <ul>
        <li>
          卷积核一开始是随机噪声（He 初始化），每训练一步都会变化。一边红、一边蓝的卷积核会对横穿它的边缘产生响应，就像演示里的边缘卷积核；大部分是红色的卷积核则对它覆盖范围内任何地方的笔迹都有响应。
        </li>
        <li>特征图显示每个卷积核在所选测试数字上哪里有响应。选一个被分错的数字，看看网络“看到”了什么。</li>
        <li>混淆矩阵显示哪些数字容易被混淆；长得像的数字对，比如 4 和 9、3 和 5，往往是最常见的错误。</li>
        <li>
          在 GPU 后端上，一步训练可以并行处理许多图像；在 SwiftShader 或 CPU 上，CNN 的一步比 MLP 慢得多。状态栏会显示每秒的步数和样本数。
        </li>
      </ul>
    </section>
  );
}
