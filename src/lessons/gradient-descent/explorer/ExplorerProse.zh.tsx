import { Tex } from '../../../components/math/Tex';
import * as X from '../tex';

/** 探索器的开场说明（英文版见 ExplorerProse.tsx）。 */
export function ExplorerIntroZh({ surfaceTex }: { surfaceTex: string }) {
  return (
    <p>
      这里的“模型”只是平面上的一个点 <Tex math={X.POINT_XY} />，损失就是曲面 <Tex math={surfaceTex} />{' '}
      在这一点的高度。各个优化器从同一个起点出发（在图上点击或拖动，或聚焦到图上后用方向键，都可以移动起点），每一步都是在后台线程里由
      TensorFlow.js 优化器实际算出来的。
    </p>
  );
}

/** 比赛中值得留意的现象：狭长山谷、学习率、鞍点。 */
export function ExplorerProseZh() {
  return (
    <div className="prose explorer-prose">
      <h3>为什么动量法在狭长山谷里更快</h3>
      <p>
        在碗形曲面 <Tex math={X.BOWL} /> 上，梯度是 <Tex math={X.BOWL_GRAD} />。普通梯度下降每走一步，
        <Tex math="y" /> 乘以 <Tex math={X.STEEP_FACTOR} />，<Tex math="x" /> 乘以 <Tex math={X.FLAT_FACTOR} />
        。要在陡峭方向上不发散，必须 <Tex math={X.STABLE} />；而学习率 <Tex math="\alpha" /> 这么小时，平缓方向每步只缩小到原来的{' '}
        <Tex math={X.FLAT_FACTOR} /> 倍：当 <Tex math={X.KAPPA_50} /> 时，每步最多只前进约 4%，慢得像在爬。动量法把相继的梯度累加起来：横跨山谷的分量正负交替、相互抵消，沿着山谷的分量方向一致、不断累积，于是沿山谷的有效步长增大到约{' '}
        <Tex math={X.MOMENTUM_GAIN} />——取 <Tex math={X.BETA_09} /> 时是原来的十倍。
      </p>
      <h3>鞍点</h3>
      <p>
        在鞍点处梯度为零，但它并不是极小值点：曲面在某些方向上向上弯，在另一些方向上向下弯。普通梯度下降一旦走到鞍点附近就几乎停下，因为步长与几乎为零的梯度成正比；它只能随着那一点点下坡分量的增长慢慢离开，每步增长的倍数是{' '}
        <Tex math={X.SADDLE_GROWTH} />（其中 <Tex math={X.LAMBDA_NEG} />{' '}
        是负曲率）。在损失曲线上，这表现为一段很长的平台。动量法凭借积累的速度冲过平坦区域；RMSProp 和 Adam
        用梯度自身很小的滑动平均幅度去除这个微小的梯度，于是能以正常大小的步子走出去。梯度噪声也有帮助：它会把点从那条脊线上推开。
      </p>
    </div>
  );
}
