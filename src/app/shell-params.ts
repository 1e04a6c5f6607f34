/**
 * Query keys every page understands, outside any lesson's schema: the compute
 * backend, the language and the theme. Invalid values are ignored with a notice.
 */
import { BACKENDS, type BackendChoice } from '../ml/backend-names';
import { isLang, preferredLang, t, type Lang } from '../i18n';
import { isThemePref, storedThemePref, type ThemePref } from '../state/theme';

export interface ShellParams {
  backend: BackendChoice;
  lang: Lang;
  /** From the link (an embedding page's choice) or the learner's stored preference. */
  theme: ThemePref;
  notices: string[];
}

export function readShellParams(params: URLSearchParams, languages?: readonly string[]): ShellParams {
  const notices: string[] = [];
  const rawBackend = params.get('backend');
  let backend: BackendChoice = 'auto';
  if (rawBackend !== null && rawBackend !== 'auto') {
    if ((BACKENDS as readonly string[]).includes(rawBackend)) backend = rawBackend as BackendChoice;
    else notices.push(t('notice.backend'));
  }
  const rawLang = params.get('lang');
  const lang = isLang(rawLang) ? rawLang : preferredLang(languages);
  if (rawLang !== null && !isLang(rawLang)) notices.push(t('notice.lang', { lng: lang }));
  const rawTheme = params.get('theme');
  const theme = isThemePref(rawTheme) && rawTheme !== 'system' ? rawTheme : storedThemePref();
  if (rawTheme !== null && !(isThemePref(rawTheme) && rawTheme !== 'system')) notices.push(t('notice.theme', { lng: lang }));
  return { backend, lang, theme, notices };
}
