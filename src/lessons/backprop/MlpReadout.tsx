import { useTranslation } from 'react-i18next';
import { fmt, fmtInt } from '../../format';
import type { MlpView } from '../../ml/tasks/mlp-view';
import type { LessonColors } from './colors';

/** The MLP's live numbers: losses, accuracies, the penalty, the epoch. */
export function MlpReadout({ view, regression, penalty }: { view: MlpView | null; regression: boolean; penalty: boolean }) {
  const { t } = useTranslation('bp');
  return (
    <dl className="readout bp-readout">
      <div>
        <dt>{t('mlp.trainLoss')}</dt>
        <dd data-testid="train-loss" data-value={view?.trainLoss ?? ''}>
          {fmt(view?.trainLoss)}
        </dd>
      </div>
      <div>
        <dt>{t('mlp.testLoss')}</dt>
        <dd data-testid="test-loss" data-value={view?.testLoss ?? ''}>
          {fmt(view?.testLoss)}
        </dd>
      </div>
      {!regression && (
        <>
          <div>
            <dt>{t('mlp.trainAcc')}</dt>
            <dd data-testid="train-acc" data-value={view?.trainAccuracy ?? ''}>
              {view?.trainAccuracy == null ? '—' : `${fmt(view.trainAccuracy * 100, 3)} %`}
            </dd>
          </div>
          <div>
            <dt>{t('mlp.testAcc')}</dt>
            <dd data-testid="test-acc" data-value={view?.testAccuracy ?? ''}>
              {view?.testAccuracy == null ? '—' : `${fmt(view.testAccuracy * 100, 3)} %`}
            </dd>
          </div>
        </>
      )}
      {penalty && (
        <div>
          <dt>{t('mlp.penalty')}</dt>
          <dd data-testid="penalty" data-value={view?.penalty ?? ''}>
            {fmt(view?.penalty)}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('mlp.epoch')}</dt>
        <dd>{fmtInt(view?.epoch ?? 0)}</dd>
      </div>
    </dl>
  );
}

/** What the colours and marks of the data plot mean. */
export function PlotLegend({ regression, classes, colors }: { regression: boolean; classes: number; colors: LessonColors }) {
  const { t } = useTranslation('bp');
  return (
    <p className="legend bp-legend">
      {regression ? (
        <>
          <span>
            <i style={{ background: colors.classCss[0] }} /> {t('mlp.negative')}
          </span>
          <span>
            <i style={{ background: colors.classCss[1] }} /> {t('mlp.positive')}
          </span>
        </>
      ) : (
        Array.from({ length: classes }, (_, c) => (
          <span key={c}>
            <i style={{ background: colors.classCss[c] }} /> {t('mlp.classN', { c })}
          </span>
        ))
      )}
      <span>{t('mlp.legendTrain')}</span>
      <span>{t('mlp.legendTest')}</span>
      <span>{t('mlp.legendAdded')}</span>
    </p>
  );
}
