import { Tex } from '../../components/math/Tex';
import { cellTex, GRAD_PROBE_TEX, TEX } from './tex';

/** 本课的讲解（中文）。公式与英文版共用，见 tex.ts。 */

function Recurrence() {
  return (
    <section>
      <h2>有记忆的网络</h2>
      <p>
        循环神经网络按顺序逐个读入序列中的元素，同时把一个向量——隐藏状态 <Tex math={TEX.ht} />
        ——从上一步带到下一步。每个时间步用的都是同一组权重：
      </p>
      <Tex block math={TEX.recurrence} />
      <p>
        最基本的（“简单”）RNN 取 <Tex math={TEX.fTanh} />，并令 <Tex math={TEX.h0} />。网络对{' '}
        <Tex math={TEX.inputsSoFar} /> 知道的一切，都必须装进 <Tex math={TEX.ht} /> 这一个向量里。实验台上的热力图画的就是某条固定序列的{' '}
        <Tex math={TEX.ht} />：每行是一个隐藏单元，每列是一个时间步，蓝色表示 <Tex math={TEX.minusOne} />，红色表示{' '}
        <Tex math={TEX.plusOne} />（恰好是 <Tex math={TEX.tanh} /> 的取值范围）。
      </p>
    </section>
  );
}

function Tasks() {
  return (
    <section>
      <h2>三个任务</h2>
      <p>
        <strong>时间序列：</strong>预测两条正弦波之和（再叠加噪声）的下一个值。探测窗口结束后，模型进入“自由运行”：把自己的预测当作下一步的输入，所以小误差会一步步累积。
        <strong>跨时间记忆：</strong>第一个输入是 K 个符号中的一个，接着是若干个干扰步（个数由“间隔”决定），最后是一个查询；正确答案就是第一个符号。随机猜中的概率是{' '}
        <Tex math={TEX.chance} />。<strong>字符：</strong>预测一段文本的下一个字符。按模型给出的分布、以温度 <Tex math={TEX.tau} />{' '}
        采样（即先把 softmax 之前的得分除以 <Tex math={TEX.tau} />），就能写出新的文本：<Tex math={TEX.tau} />{' '}
        越小越保守，越大越放飞。
      </p>
    </section>
  );
}

function Bptt() {
  return (
    <section>
      <h2>随时间反向传播</h2>
      <p>
        训练时，把时间上的循环展开成一张很深的计算图——每个时间步一份单元的副本——再在这张图上照常做反向传播。传到较早时刻的梯度，是中间每一步的雅可比矩阵连乘的结果：
      </p>
      <Tex block math={TEX.bptt} />
      <p>
        其中 <Tex math={TEX.preact} /> 是激活函数之前的值（预激活），雅可比矩阵按顺序相乘：从第 <Tex math={TEX.k} /> 步一路乘回第{' '}
        <Tex math={TEX.t} /> 步。同一类矩阵反复相乘，乘积会随距离 <Tex math={TEX.distance} />{' '}
        呈指数级缩小或增大：各因子的范数小于 1 时（<Tex math={TEX.tanhPrime} /> 正把它们往这边推），远处未来的损失传回来的信号就会
        <em>消失</em>；大于 1 时则会<em>爆炸</em>。实验台上的柱状图就是在后台线程里、在展开后的计算图上实际测出来的：
      </p>
      <Tex block math={GRAD_PROBE_TEX} />
      <p>
        梯度消失并不意味着学不会，而是学得慢、看得近：普通 RNN 学习相隔几步的依赖毫不费力（试试把记忆任务的间隔设成 2 或
        5），可一旦间隔达到 20 甚至更长，本该把答案和第一个符号联系起来的误差信号就太弱了，模型几乎无从学起。
      </p>
    </section>
  );
}

function Lstm() {
  return (
    <section>
      <h2>LSTM：用门控制的记忆</h2>
      <p>
        长短期记忆（LSTM）单元还多维护一个状态——细胞状态 <Tex math={TEX.cellState} />，并由三个取值在 0 到 1
        之间的门决定怎样处理它：
      </p>
      <Tex block math={cellTex('lstm')} />
      <p>
        <strong>输入门</strong> <Tex math={TEX.i} /> 决定候选值 <Tex math={TEX.g} /> 写进去多少，<strong>遗忘门</strong>{' '}
        <Tex math={TEX.f} /> 决定旧的细胞状态留下多少，<strong>输出门</strong> <Tex math={TEX.o} /> 决定其中多少作为{' '}
        <Tex math={TEX.ht} /> 输出。实验台上的三张门控热力图显示的就是它们在探测序列上的取值。关键在于加法式的更新：沿这条路径{' '}
        <Tex math={TEX.forgetPath} />，中间既没有权重矩阵，也没有 tanh 之类压缩函数的导数。只要遗忘门保持在 1
        附近，梯度就能几乎不衰减地穿过很多步。正因如此，实验台把遗忘门的偏置初始化为“记忆门偏置”的值（默认为 2，于是一开始{' '}
        <Tex math={TEX.forgetStart} />）：单元一开始默认“记住”，该忘掉什么，留给训练去学。
      </p>
    </section>
  );
}

function Gru() {
  return (
    <section>
      <h2>GRU：两个门，同样的思路</h2>
      <Tex block math={cellTex('gru')} />
      <p>
        <strong>更新门</strong> <Tex math={TEX.z} /> 把旧状态和候选值 <Tex math={TEX.n} /> 按比例混合：当{' '}
        <Tex math={TEX.zOne} /> 时，状态被原样向前复制，<Tex math={TEX.gruPath} />{' '}
        接近单位矩阵——这和 LSTM 的遗忘门提供的是同一条捷径。<strong>重置门</strong> <Tex math={TEX.r} />{' '}
        决定旧状态有多少参与计算候选值。对 GRU 而言，“记忆门偏置”指的是 <Tex math={TEX.zBias} /> 的初始偏置。
      </p>
    </section>
  );
}

function Clipping() {
  return (
    <section>
      <h2>梯度裁剪</h2>
      <p>
        门控对付的是梯度消失；梯度爆炸则用更直接的办法压住。打开梯度裁剪后，一旦整个梯度（所有权重合在一起）的范数超过阈值{' '}
        <Tex math={TEX.theta} />，就在交给优化器之前把它按比例缩小到这个范数：
      </p>
      <Tex block math={TEX.clip} />
      <p>
        方向不变，只是限制了步长。关掉裁剪、再把学习率调大，就能看到某一步坡度太陡、把权重甩得很远时，损失突然跳高，甚至发散。
      </p>
    </section>
  );
}

/** 全部讲解，按阅读顺序。 */
export function ExplanationZh() {
  return (
    <>
      <Recurrence />
      <Tasks />
      <Bptt />
      <Lstm />
      <Gru />
      <Clipping />
    </>
  );
}
