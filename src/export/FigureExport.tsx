import { useTranslation } from 'react-i18next';
import { downloadBlob, fileStem } from './download';
import { pngOf, svgOf, type Drawable } from './figure';
import { pngOfSvg, svgMarkup } from './svg-figure';

interface Props {
  /** The figure's title: names the files. */
  title: string;
  /** A canvas figure: its draw function, run again for the files. */
  drawable?: () => Drawable | null;
  /** An SVG figure (a recharts chart): the element on screen, copied for the files. */
  svg?: () => SVGSVGElement | null;
  /** When given, a CSV button downloads the data behind the figure. */
  csv?: () => string;
  /** File name stem; defaults to one made from the title. */
  file?: string;
}

/** Download buttons under a figure: CSV of its data, PNG and SVG of the drawing. */
export function FigureExport({ title, drawable, svg: svgElement, csv, file }: Props) {
  const { t } = useTranslation();
  const stem = file ?? fileStem(title);
  const png = async () => {
    const el = svgElement?.();
    const d = drawable?.();
    if (el) downloadBlob(await pngOfSvg(el), `${stem}.png`);
    else if (d) downloadBlob(await pngOf(d), `${stem}.png`);
  };
  const svg = async () => {
    const el = svgElement?.();
    const d = drawable?.();
    const text = el ? svgMarkup(el) : d ? await svgOf(d) : null;
    if (text !== null) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${stem}.svg`);
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
