import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamingChart, type ChartSeries } from '../../components/charts/StreamingChart';
import { Toggle } from '../../components/controls/Toggle';
import type { LessonColors } from './colors';
import type { MlpHistory } from './mlp-history';

interface Props {
  history: MlpHistory;
  /** Weight matrices: hidden layers + 1. */
  layerCount: number;
  logScale: boolean;
  onLogScale: (on: boolean) => void;
  colors: LessonColors;
  /** More loss curves (pinned runs), drawn after the live ones. */
  extra?: readonly ChartSeries[];
}

/** Train and test loss, and the gradient norm of every weight matrix, against the step. */
export function MlpCharts({ history, layerCount, logScale, onLogScale, colors, extra }: Props) {
  const { t } = useTranslation('bp');
  const lossSeries: ChartSeries[] = useMemo(
    () => [
      { label: t('mlp.trainLoss'), buffer: history.trainLoss, color: colors.classCss[1] },
      { label: t('mlp.testLoss'), buffer: history.testLoss, color: colors.classCss[0] },
      ...(extra ?? []),
    ],
    [history, colors, t, extra],
  );
  const normSeries: ChartSeries[] = useMemo(
    () =>
      Array.from({ length: layerCount }, (_, l) => ({
        label: l === layerCount - 1 ? t('mlp.normToOutput', { l: l + 1 }) : t('mlp.normToLayer', { l: l + 1, k: l + 1 }),
        buffer: history.gradNorms[l]!,
        color: colors.series[l] ?? colors.fg,
      })),
    [history, layerCount, colors, t],
  );
  return (
    <div className="bp-charts">
      <div>
        <div className="chart-head">
          <h3>{t('mlp.lossChart')}</h3>
          <Toggle label={t('mlp.logScale')} urlKey="llog" checked={logScale} onChange={onLogScale} />
        </div>
        <StreamingChart series={lossSeries} version={history.version} logScale={logScale} title={t('mlp.lossChartTitle')} />
      </div>
      <div>
        <div className="chart-head">
          <h3>{t('mlp.normChart')}</h3>
        </div>
        <StreamingChart series={normSeries} version={history.version} logScale title={t('mlp.normChartTitle')} />
      </div>
    </div>
  );
}
