import { Tex } from '../../components/math/Tex';
import type { LinRegView } from '../../ml/tasks/linear-regression';
import { liveTex, restoredTex } from './tex';

/** 模型刚走的那一步，用引擎自己算出的数值写出来（英文版见 LiveMath.tsx）。 */
export function LiveMathZh({ view, restored = false }: { view: LinRegView | null; restored?: boolean }) {
  if (view && restored) {
    const r = restoredTex(view);
    return (
      <div className="live-math" aria-live="off" data-testid="live-restored">
        <p>
          训练已暂停：损失在失控上升。权重已恢复为 <Tex math={r.params} />，此时在全部数据点上的损失为{' '}
          <Tex math={r.loss} />，对应的直线是
        </p>
        <Tex block math={r.line} />
        <p>
          点击<b>单步</b>或<b>训练</b>（先把 <Tex math="\alpha" /> 调小），下一步的具体数值就会显示在这里。
        </p>
      </div>
    );
  }
  if (!view || view.batchLoss === null) {
    return (
      <p className="live-empty">
        点击<b>单步</b>或<b>训练</b>，每一步的具体数值就会显示在这里。
      </p>
    );
  }
  const x = liveTex({ ...view, batchLoss: view.batchLoss });
  return (
    <div className="live-math" aria-live="off">
      <p>
        上一步模型用了一批 <Tex math={x.m} /> 个点，在这批点上的损失为 <Tex math={x.loss} />。这个损失的梯度是：
      </p>
      <Tex block math={x.gradient} />
      {view.optimizer === 'sgd' ? (
        <>
          <p>
            普通梯度下降让每个参数沿自身梯度的反方向移动，移动量再乘以学习率 <Tex math={x.alpha} />：
          </p>
          <Tex block math={x.sgdUpdate} />
        </>
      ) : (
        <>
          <p>
            {view.optimizer === 'momentum' ? '动量法' : 'Adam'}
            并不直接沿当前梯度走（它的更新规则见上文），下面是它实际走的一步，旁边是同样的 <Tex math={x.alpha} />{' '}
            下普通梯度下降会走的一步：
          </p>
          <Tex block math={x.comparison} />
        </>
      )}
    </div>
  );
}
