import { lazy, Suspense, useCallback, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmbedContext } from '../embed/context';
import { resolveRoute } from '../embed/route';
import { setLang } from '../i18n';
import { LESSON_PAGES } from '../lessons/pages';
import type { LessonEntry } from '../lessons/registry';
import { applyTheme } from '../state/theme';
import { EmbedBar } from './EmbedBar';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { IndexPage } from './IndexPage';
import { readShellParams } from './shell-params';
import { useLocation } from './url-state';

// Only an embedded page talks to a host page: the bridge (and zod) load with it.
const EmbedBridge = lazy(() => import('../embed/EmbedBridge').then((m) => ({ default: m.EmbedBridge })));

export function App() {
  const loc = useLocation();
  const { t } = useTranslation();
  const shell = readShellParams(loc.params);
  const { setParams, params } = loc;
  useLayoutEffect(() => setLang(shell.lang), [shell.lang]);
  useLayoutEffect(() => applyTheme(shell.theme), [shell.theme]);

  const setParam = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value === null) p.delete(key);
    else p.set(key, value);
    setParams(p);
  };
  // postMessage 'set': applied like a link's own parameters (the page validates them).
  const applyParams = useCallback(
    (patch: Record<string, string>) => {
      const p = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
      for (const [k, v] of Object.entries(patch)) p.set(k, v);
      setParams(p);
    },
    [setParams],
  );

  const route = resolveRoute(loc.path, params);
  const lessonPage = (lesson: LessonEntry) => {
    const Page = LESSON_PAGES[lesson.id];
    return (
      <Suspense fallback={<main className="lesson" aria-busy="true" />}>
        <Page params={params} setParams={setParams} backend={shell.backend} globalNotices={shell.notices} />
      </Suspense>
    );
  };

  if (route.kind === 'lesson' && route.embed.embedded) {
    return (
      <EmbedContext value={route.embed}>
        <div className="embed-shell">
          <EmbedBar lesson={route.lesson} widget={route.embed.widget!} params={params} />
          <ErrorBoundary resetKey={loc.path}>{lessonPage(route.lesson)}</ErrorBoundary>
        </div>
        <Suspense fallback={null}>
          <EmbedBridge widget={route.embed.widget!} allowedOrigin={params.get('origin')} applyParams={applyParams} />
        </Suspense>
      </EmbedContext>
    );
  }

  let page;
  if (route.kind === 'index') page = <IndexPage />;
  else if (route.kind === 'lesson') page = <EmbedContext value={route.embed}>{lessonPage(route.lesson)}</EmbedContext>;
  else
    page = (
      <main className="lesson">
        <h1>{t('notFound.title')}</h1>
        {route.notice && <p role="note">{route.notice}</p>}
        <p>
          {t('notFound.before')} <a href="#/">{t('notFound.link')}</a>.
        </p>
      </main>
    );
  return (
    <>
      <Header
        path={loc.path}
        backendChoice={shell.backend}
        onBackendChange={(b) => setParam('backend', b === 'auto' ? null : b)}
        lang={shell.lang}
        onLangChange={(l) => setParam('lang', l)}
      />
      <ErrorBoundary resetKey={loc.path}>{page}</ErrorBoundary>
    </>
  );
}
