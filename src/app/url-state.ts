/**
 * Hash routing with query parameters inside the hash (#/lesson?lr=0.1), so the
 * built site works from any sub-path. Parameters before the hash (?backend=cpu#/…)
 * are read too; the hash's own win.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface Location {
  path: string;
  params: URLSearchParams;
}

function read(): string {
  return `${window.location.search}|${window.location.hash}`;
}

export function parseLocation(search: string, hash: string): Location {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const rawPath = q === -1 ? h : h.slice(0, q);
  const params = new URLSearchParams(search);
  new URLSearchParams(q === -1 ? '' : h.slice(q + 1)).forEach((v, k) => params.set(k, v));
  const path = '/' + rawPath.replace(/^\/+/, '').replace(/\/+$/, '');
  return { path, params };
}

function subscribe(l: () => void): () => void {
  window.addEventListener('hashchange', l);
  window.addEventListener('popstate', l);
  window.addEventListener('urlstate', l);
  return () => {
    window.removeEventListener('hashchange', l);
    window.removeEventListener('popstate', l);
    window.removeEventListener('urlstate', l);
  };
}

export function useLocation(): Location & { setParams: (p: URLSearchParams) => void } {
  const key = useSyncExternalStore(subscribe, read);
  const [search, hash] = splitKey(key);
  const loc = parseLocation(search, hash);
  const setParams = useCallback(
    (p: URLSearchParams) => {
      // Keys before the hash would shadow edits; fold everything into the hash.
      const q = p.toString();
      const url = `${window.location.pathname}#${loc.path}${q ? `?${q}` : ''}`;
      window.history.replaceState(null, '', url);
      window.dispatchEvent(new Event('urlstate'));
    },
    [loc.path],
  );
  return { ...loc, setParams };
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}
