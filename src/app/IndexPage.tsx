import { useTranslation } from 'react-i18next';
import { LESSONS } from '../lessons/registry';

export function IndexPage() {
  const { t } = useTranslation();
  return (
    <main className="index-page">
      <h1>{t('index.title')}</h1>
      <p className="lede">{t('index.lede')}</p>
      <ol className="lesson-list">
        {LESSONS.map((l, i) => (
          <li key={l.id} className={l.available ? 'lesson-card' : 'lesson-card soon'}>
            <span className="lesson-number">{i + 1}</span>
            <div>
              <h2>
                {l.available ? <a href={`#${l.path}`}>{t(`lessons.${l.id}.title`)}</a> : t(`lessons.${l.id}.title`)}
                {!l.available && <span className="soon-tag">{t('index.soon')}</span>}
              </h2>
              <p>{t(`lessons.${l.id}.summary`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
