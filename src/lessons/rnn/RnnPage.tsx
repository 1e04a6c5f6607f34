import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import { PageOnly, Widget } from '../../embed/Widget';
import { registerStrings } from '../../i18n';
import { useLessonParams } from '../../state/useLessonParams';
import type { LessonPageProps } from '../pages';
import { GAP_KEYS, GapExperiment } from './GapExperiment';
import { PASTE_LOCK_KEY } from './PasteBox';
import { RNN_PARAMS } from './params';
import { RnnLab } from './RnnLab';
import { RNN_STRINGS } from './strings';
import './rnn.css';

registerStrings('rnn', RNN_STRINGS);

/** The URL keys of the lab's controls, and the paste box's lock name. */
const RNN_KEYS = [...Object.keys(RNN_PARAMS), PASTE_LOCK_KEY];

/**
 * The RNN lesson: two embeddable widgets, 'rnn' (the prose beside the lab) and 'gradient-flow'
 * (the accuracy-against-gap experiment). Settings live in the URL (params.ts).
 */
export default function RnnPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('rnn');
  const { values: v, notices, update } = useLessonParams(RNN_PARAMS, params, setParams);

  return (
    <main className="lesson rnn-lesson">
      <PageOnly>
        <h1>{t('page.title')}</h1>
        <p className="lede">{t('page.lede')}</p>
      </PageOnly>
      <Notices notices={[...globalNotices, ...notices]} />
      <Widget id="rnn" keys={RNN_KEYS}>
        <RnnLab v={v} update={update} backend={backend} />
      </Widget>
      <Widget id="gradient-flow" keys={GAP_KEYS}>
        <GapExperiment backend={backend} memoryBias={v.mbias} />
      </Widget>
    </main>
  );
}
