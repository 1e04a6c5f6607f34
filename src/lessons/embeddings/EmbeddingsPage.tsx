import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import { PageOnly, Widget } from '../../embed/Widget';
import { registerStrings } from '../../i18n';
import { useLessonParams } from '../../state/useLessonParams';
import type { LessonPageProps } from '../pages';
import { EmbeddingLab } from './EmbeddingLab';
import { EMB_PARAMS } from './params';
import { EMB_STRINGS } from './strings';
import './embeddings.css';

registerStrings('emb', EMB_STRINGS);

const EMB_KEYS = Object.keys(EMB_PARAMS);

/**
 * The word-embeddings lesson: one embeddable widget, 'embeddings' (the prose beside the lab).
 * Settings live in the URL (params.ts); the corpus is fetched only when this page trains.
 */
export default function EmbeddingsPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('emb');
  const { values: v, notices, update } = useLessonParams(EMB_PARAMS, params, setParams);
  return (
    <main className="lesson emb-lesson">
      <PageOnly>
        <h1>{t('page.title')}</h1>
        <p className="lede">{t('page.lede')}</p>
      </PageOnly>
      <Notices notices={[...globalNotices, ...notices]} />
      <Widget id="embeddings" keys={EMB_KEYS}>
        <EmbeddingLab v={v} update={update} backend={backend} />
      </Widget>
    </main>
  );
}
