import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import { useEmbed } from '../../embed/context';
import { PageOnly, Widget } from '../../embed/Widget';
import { registerStrings } from '../../i18n';
import { useLessonParams } from '../../state/useLessonParams';
import type { LessonPageProps } from '../pages';
import { EXPLORER_PARAMS } from './explorer/params';
import { SurfaceExplorer } from './explorer/SurfaceExplorer';
import { GD_PARAMS } from './params';
import { RegressionLab } from './RegressionLab';
import { en, zh } from './strings';
import { WbTrack } from './wb-track';
import './gd.css';

registerStrings('gd', { en, zh });

const REGRESSION_KEYS = Object.keys(GD_PARAMS);
const EXPLORER_KEYS = Object.keys(EXPLORER_PARAMS);

/**
 * The gradient-descent lesson: two embeddable widgets, 'regression' (the
 * linear-regression lab and its prose) and 'optimizer-race' (the loss-surface
 * explorer). Each owns its training session; the page owns only the URL state
 * and the regression's (w, b) path (WbTrack), which the explorer draws on the
 * regression surface when the lab is on screen too.
 */
export default function GradientDescentPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('gd');
  const embed = useEmbed();
  const gd = useLessonParams(GD_PARAMS, params, setParams);
  const explorer = useLessonParams(EXPLORER_PARAMS, params, setParams);

  const [wbTrack] = useState(() => new WbTrack());

  // One notice box: embedded, only about the keys of the widget on screen.
  const notices = [
    ...globalNotices,
    ...(embed.widget !== 'optimizer-race' ? gd.notices : []),
    ...(embed.widget !== 'regression' ? explorer.notices : []),
  ];

  return (
    <main className={embed.embedded ? 'lesson gd-lesson gd-embedded' : 'lesson gd-lesson'}>
      <PageOnly>
        <h1>{t('page.title')}</h1>
        <p className="lede">{t('page.lede')}</p>
      </PageOnly>
      <Notices notices={notices} />
      <Widget id="regression" keys={REGRESSION_KEYS}>
        <RegressionLab
          values={gd.values}
          update={gd.update}
          backend={backend}
          track={wbTrack}
        />
      </Widget>
      <Widget id="optimizer-race" keys={EXPLORER_KEYS}>
        <SurfaceExplorer
          values={explorer.values}
          update={explorer.update}
          backend={backend}
          regression={{ noise: gd.values.noise, seed: gd.values.seed }}
          regressionTrack={wbTrack}
        />
      </Widget>
    </main>
  );
}
