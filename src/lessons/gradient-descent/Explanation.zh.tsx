import { Tex } from '../../components/math/Tex';
import { LINEAR_TRUTH } from '../../datasets/linear';
import * as X from './tex';

/** 本课讲解的中文版（英文版见 Explanation.tsx；公式共用 tex.ts）。依赖页面数据的数值通过 props 传入。 */

export function ModelSection({ noise, n }: { noise: number; n: number }) {
  return (
    <section>
      <h2>穿过一堆带噪声的点，画一条直线</h2>
      <p>
        实验区里的 {n} 个点是按规则 <Tex math={X.DATA_RULE} /> 生成的：每个 <Tex math="x" /> 都是在 {LINEAR_TRUTH.xMin} 到{' '}
        {LINEAR_TRUTH.xMax} 之间均匀随机抽取的，随机误差 <Tex math="\varepsilon" /> 服从正态分布，标准差为{' '}
        <Tex math={X.sigmaIs(noise)} />（由“噪声”滑块控制）。模型并不知道这条规则，它只有两个可以调整的数：斜率{' '}
        <Tex math="w" /> 和截距 <Tex math="b" />，用它们给出预测
      </p>
      <Tex block math={X.MODEL} />
      <p>
        所谓训练，就是找到一组 <Tex math="w" /> 和 <Tex math="b" />，让预测值尽可能贴近数据。这个模型没有隐藏层，只是一个线性单元——最小的神经网络。
      </p>
    </section>
  );
}

export function LossSection() {
  return (
    <section>
      <h2>怎样才算“贴近”：损失函数</h2>
      <p>
        对一批 <Tex math="m" /> 个点，均方误差把每个预测值与目标值之差的平方加起来再取平均：
      </p>
      <Tex block math={X.MSE} />
      <p>
        把它看成 <Tex math="(w, b)" /> 的函数，它的图像是一只“碗”：一个二次函数，只有一个最低点，对应最小二乘直线。由于有噪声，这条最优直线接近{' '}
        <Tex math={X.TRUE_PARAMS} />，但不会恰好相等；图中的虚线就是生成数据所用的那条规则。
      </p>
    </section>
  );
}

export function GradientSection() {
  return (
    <section>
      <h2>哪边是下坡：梯度</h2>
      <p>
        梯度由损失函数对各个参数的偏导数组成，每个偏导数表示某个参数增大一点时损失上升得有多快。记{' '}
        <Tex math={X.ERROR_I} /> 为第 <Tex math="i" /> 个点上的误差，由链式法则得到：
      </p>
      <Tex block math={X.GRADIENT} />
      <p>
        如果直线整体偏低，误差大多为负，<Tex math={X.DL_DB} /> 就是负的，这时增大 <Tex math="b" />{' '}
        会让损失下降。梯度指向上坡方向，所以我们朝它的反方向走。
      </p>
    </section>
  );
}

export function UpdateSection() {
  return (
    <section>
      <h2>梯度下降走一步</h2>
      <p>
        把参数合写成 <Tex math={X.THETA} />。每一步都让它沿梯度的反方向挪动一小段：
      </p>
      <Tex block math={X.UPDATE} />
      <p>
        学习率 <Tex math="\alpha" /> 决定步子的大小。动量法和 Adam 则利用过去梯度的历史来调整每一步的方向和长度。下面是计算引擎（TensorFlow.js）实际使用的公式，其中{' '}
        <Tex math={X.G_T} />：
      </p>
      <Tex block math={X.MOMENTUM_RULE_ZH} />
      <Tex block math={X.ADAM_RULE_ZH} />
      <p>
        动量法累积历次梯度：方向一致的步子越走越快，正负来回的步子相互抵消。Adam 把每个参数的步长除以它自身梯度的滑动平均幅度，所以不论梯度的量级如何，每一步的长度都大约是{' '}
        <Tex math="\alpha" />。
      </p>
    </section>
  );
}

export function BatchSection({ n }: { n: number }) {
  return (
    <section>
      <h2>批量、小批量与随机</h2>
      <p>
        每一步都只用 {n} 个点中的 <Tex math="m" /> 个（一个批次）来估计梯度：
      </p>
      <ul>
        <li>
          <b>批量梯度下降</b>用全部数据，<Tex math={X.mIs(n)} />：得到的是完整损失的精确梯度，每遍历一次数据只走一步。
        </li>
        <li>
          <b>随机梯度下降</b>每次只用一个点，<Tex math={X.mIs(1)} />：计算最省，但估计最不稳定。
        </li>
        <li>
          <b>小批量梯度下降</b>每次用一小部分，<Tex math={X.miniBatchRange(n)} />：实践中说的“SGD”通常指的就是它。
        </li>
      </ul>
      <p>
        把全部数据过一遍（称为一个轮次）需要 <Tex math={X.stepsPerEpoch(n)} />{' '}
        步。批越小，每一步越便宜，梯度的噪声却越大：把批大小调小，看看损失曲线怎样变得参差不齐。
      </p>
    </section>
  );
}

export function LearningRateSection({ lambdaMax, lambdaMin }: { lambdaMax: number; lambdaMin: number }) {
  return (
    <section>
      <h2>学习率：太小、合适、太大</h2>
      <p>
        这个损失函数是二次函数，它的曲率（海森矩阵）处处相同。对本页的数据，最大和最小曲率分别是{' '}
        <Tex math={X.lambdaMaxIs(lambdaMax)} /> 和 <Tex math={X.lambdaMinIs(lambdaMin)} />
        。于是全批量梯度下降的表现是：
      </p>
      <ul>
        <li>
          <Tex math="\alpha" /> 非常小：每一步都很短，训练慢得像在爬。
        </li>
        <li>
          <Tex math={X.smoothRange(lambdaMax)} />：损失平稳下降。
        </li>
        <li>
          <Tex math={X.zigzagRange(lambdaMax)} />：沿陡峭方向每一步都冲过头，来回折返，但仍会收敛。
        </li>
        <li>
          <Tex math={X.divergeRange(lambdaMax)} />：每次冲过头都比上一次更远，损失越来越大——训练发散，页面会自动暂停。
        </li>
      </ul>
      <p>
        平缓方向的收敛速度由 <Tex math={X.SLOW_RATE} /> 决定，因此比值{' '}
        <Tex math={X.conditionIs(lambdaMax, lambdaMin)} />
        （条件数）限制了普通梯度下降的速度。这种又长又窄的山谷，正是动量法能派上用场的地方。
      </p>
    </section>
  );
}
