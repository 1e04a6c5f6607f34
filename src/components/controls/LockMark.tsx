import { useTranslation } from 'react-i18next';

/** Shown beside a control an embedding page has locked (a drawn padlock: no emoji font needed). */
export function LockMark() {
  const { t } = useTranslation();
  return (
    <span className="lock-mark" title={t('control.locked')}>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
        <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      </svg>
      <span className="visually-hidden">{t('control.locked')}</span>
    </span>
  );
}
