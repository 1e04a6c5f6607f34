import { BACKENDS, type BackendChoice } from '../ml/backend-names';
import { Suspense } from 'react';
import { LESSON_PAGES } from '../lessons/pages';
import { LESSONS } from '../lessons/registry';
import { ComingSoon } from './ComingSoon';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { IndexPage } from './IndexPage';
import { useLocation } from './url-state';

function readBackend(params: URLSearchParams): { choice: BackendChoice; notice: string | null } {
  const raw = params.get('backend');
  if (raw === null || raw === 'auto') return { choice: 'auto', notice: null };
  if ((BACKENDS as readonly string[]).includes(raw)) return { choice: raw as BackendChoice, notice: null };
  return { choice: 'auto', notice: 'Ignored the value of backend: expected webgpu, webgl, wasm or cpu.' };
}

export function App() {
  const loc = useLocation();
  const backend = readBackend(loc.params);
  const setBackend = (b: BackendChoice) => {
    const p = new URLSearchParams(loc.params);
    if (b === 'auto') p.delete('backend');
    else p.set('backend', b);
    loc.setParams(p);
  };
  const lesson = LESSONS.find((l) => l.path === loc.path);
  const Page = lesson ? LESSON_PAGES[lesson.id] : undefined;
  let page;
  if (loc.path === '/') page = <IndexPage />;
  else if (lesson && Page)
    page = (
      <Suspense fallback={<main className="lesson" aria-busy="true" />}>
        <Page
          params={loc.params}
          setParams={loc.setParams}
          backend={backend.choice}
          globalNotices={backend.notice ? [backend.notice] : []}
        />
      </Suspense>
    );
  else if (lesson) page = <ComingSoon lesson={lesson} />;
  else
    page = (
      <main className="lesson">
        <h1>Page not found</h1>
        <p>
          There is no page here. Go to the <a href="#/">list of lessons</a>.
        </p>
      </main>
    );
  return (
    <>
      <Header path={loc.path} backendChoice={backend.choice} onBackendChange={setBackend} />
      <ErrorBoundary resetKey={loc.path}>{page}</ErrorBoundary>
    </>
  );
}
