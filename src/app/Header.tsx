import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/CopyButton';
import { LANG_LABELS, LANGS, type Lang } from '../i18n';
import { BACKENDS, BACKEND_LABELS, type BackendChoice } from '../ml/backend-names';
import { clearBackendStatus, useBackendStatus } from '../state/backend-status';
import { LESSONS } from '../lessons/registry';
import { applyTheme, useTheme } from '../state/theme';
import { ExecutorBadge } from './ExecutorBadge';
import { OfflineStatus } from './OfflineStatus';

interface Props {
  path: string;
  backendChoice: BackendChoice;
  onBackendChange: (b: BackendChoice) => void;
  lang: Lang;
  onLangChange: (l: Lang) => void;
}

export function Header({ path, backendChoice, onBackendChange, lang, onLangChange }: Props) {
  const { t } = useTranslation();
  const { info, all } = useBackendStatus();
  // A new page brings its own labs: forget the last page's executors.
  useEffect(() => clearBackendStatus(), [path]);
  const theme = useTheme();
  const onLesson = path !== '/';
  return (
    <header className="site-header">
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark">
          ∇
        </span>{' '}
        {t('brand')}
      </a>
      <nav aria-label={t('nav.label')} className="lesson-nav">
        {LESSONS.map((l) => (
          <a key={l.id} href={`#${l.path}`} aria-current={path === l.path ? 'page' : undefined}>
            {t(`lessons.${l.id}.short`)}
          </a>
        ))}
      </nav>
      <div className="header-tools">
        <OfflineStatus />
        {onLesson && <ExecutorBadge info={info} all={all} startingLabel={t('settings.starting')} />}
        <label className="header-select">
          <span>{t('settings.backend')}</span>
          <select value={backendChoice} onChange={(e) => onBackendChange(e.target.value as BackendChoice)}>
            <option value="auto">{t('settings.auto')}</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {BACKEND_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        <label className="header-select">
          <span>{t('settings.language')}</span>
          <select value={lang} onChange={(e) => onLangChange(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l === 'zh' ? 'zh-Hans' : 'en'}>
                {LANG_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="theme-toggle"
          aria-label={theme === 'dark' ? t('theme.toLight') : t('theme.toDark')}
          title={theme === 'dark' ? t('theme.toLight') : t('theme.toDark')}
          onClick={() => applyTheme(theme === 'dark' ? 'light' : 'dark', true)}
        >
          <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
        </button>
        {onLesson && (
          <CopyButton
            text={() => window.location.href}
            label={t('settings.share')}
            title={t('settings.shareTitle')}
            copiedLabel={t('settings.copied')}
            failedLabel={t('settings.copyFailed')}
          />
        )}
      </div>
    </header>
  );
}
