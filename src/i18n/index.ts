/**
 * Languages: i18next holds the current language and the UI strings. Each lesson
 * registers its own namespace when its chunk loads (registerStrings), so the
 * main bundle carries only the shell's strings. Long prose with formulas is
 * written per language as components (formulas shared), chosen by useLang().
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { COMMON } from './common';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_LABELS: Record<Lang, string> = { en: 'English', zh: '中文' };
/** BCP 47 tags for <html lang>, so screen readers and fonts pick the right script. */
const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The browser's preferred language when the link does not say (?lang=). */
export function preferredLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { common: COMMON.en }, zh: { common: COMMON.zh } },
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common'],
  // React escapes text; nothing from i18next is ever rendered as HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** Per-language string tables of one namespace: zh must have every key en has. */
export type Strings<T> = { en: T; zh: { [K in keyof T]: T[K] extends string ? string : T[K] } };

/** Add a lesson's strings (called when its chunk loads). */
export function registerStrings<T extends object>(ns: string, s: Strings<T>): void {
  for (const lang of LANGS) {
    if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, s[lang], true, false);
  }
}

export function setLang(lang: Lang): void {
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[lang];
}

/** The current language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : 'en';
}

/** Translate outside React (schema notices, formatting). */
export const t = i18next.t.bind(i18next);

export { i18next };
