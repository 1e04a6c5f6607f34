import { useTranslation } from 'react-i18next';
import type { LessonEntry } from '../lessons/registry';
import { SHELL_KEYS, siteBase } from '../embed/embed-url';
import type { WidgetId } from '../embed/widgets';

/** The one line of chrome an embedded widget keeps: its name and a way to the full lesson. */
export function EmbedBar({ lesson, widget, params }: { lesson: LessonEntry; widget: WidgetId; params: URLSearchParams }) {
  const { t } = useTranslation();
  const p = new URLSearchParams();
  params.forEach((v, k) => {
    if (!SHELL_KEYS.includes(k)) p.set(k, v);
  });
  const q = p.toString();
  return (
    <aside className="embed-bar" aria-label={t('embed.poweredBy')}>
      <h1 className="embed-title">{t(`widgets.${widget}`)}</h1>
      <a href={`${siteBase()}#${lesson.path}${q ? `?${q}` : ''}`} target="_blank" rel="noopener">
        {t('embed.openFull')} <span aria-hidden="true">↗</span>
      </a>
    </aside>
  );
}
