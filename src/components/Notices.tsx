import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Small dismissible notes, e.g. about URL values that were clamped or ignored. */
export function Notices({ notices }: { notices: string[] }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<string>('');
  const key = notices.join('\n');
  if (notices.length === 0 || hidden === key) return null;
  return (
    <aside className="notice" aria-label={t('notices.label')}>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setHidden(key)} aria-label={t('notices.dismiss')}>
        ×
      </button>
    </aside>
  );
}
