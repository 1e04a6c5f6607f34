import { parseLocation } from '../app/url-state';
import { isLocked, useEmbed } from '../embed/context';
import { parseParams, serializeParams, type SchemaTable, type ValuesOf } from './schema';

/**
 * A lesson's settings from the URL, and the one way to change them: every
 * control writes the URL and the page re-reads it, so a link always restores
 * what is on screen. Keys locked by an embedding page are never written.
 */
export function useLessonParams<T extends SchemaTable>(
  table: T,
  params: URLSearchParams,
  setParams: (p: URLSearchParams) => void,
) {
  const parsed = parseParams(table, params);
  const embed = useEmbed();
  const update = (patch: Partial<ValuesOf<T>>, also?: (p: URLSearchParams) => void) => {
    const allowed = Object.fromEntries(Object.entries(patch).filter(([k]) => !isLocked(embed, k)));
    // Start from the address as it is now, so two updates in one event both land.
    const p = parseLocation(window.location.search, window.location.hash).params;
    const now = parseParams(table, p).values;
    for (const k of Object.keys(table)) p.delete(k);
    serializeParams(table, { ...now, ...allowed }).forEach((v, k) => p.set(k, v));
    also?.(p);
    setParams(p);
  };
  return { values: parsed.values, notices: parsed.notices, update };
}
