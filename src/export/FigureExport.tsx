import { useTranslation } from 'react-i18next';
import { downloadBlob, fileStem } from './download';
import { pngOf, svgOf, type Drawable } from './figure';

interface Props {
  /** The figure's title: names the files. */
  title: string;
  drawable: () => Drawable | null;
  /** When given, a CSV button downloads the data behind the figure. */
  csv?: () => string;
  /** File name stem; defaults to one made from the title. */
  file?: string;
}

/** Download buttons under a figure: CSV of its data, PNG and SVG of the drawing. */
export function FigureExport({ title, drawable, csv, file }: Props) {
  const { t } = useTranslation();
  const stem = file ?? fileStem(title);
  const png = async () => {
    const d = drawable();
    if (d) downloadBlob(await pngOf(d), `${stem}.png`);
  };
  const svg = async () => {
    const d = drawable();
    if (d) downloadBlob(new Blob([await svgOf(d)], { type: 'image/svg+xml' }), `${stem}.svg`);
  };
  return (
    <div className="figure-export" role="group" aria-label={`${t('chart.download')}: ${title}`}>
      <span aria-hidden="true">{t('chart.download')}:</span>
      {csv && (
        <button type="button" title={t('chart.csvTitle')} onClick={() => downloadBlob(new Blob([csv()], { type: 'text/csv' }), `${stem}.csv`)}>
          {t('chart.csv')}
        </button>
      )}
      <button type="button" title={t('chart.pngTitle')} onClick={() => void png()}>
        {t('chart.png')}
      </button>
      <button type="button" title={t('chart.svgTitle')} onClick={() => void svg()}>
        {t('chart.svg')}
      </button>
    </div>
  );
}
