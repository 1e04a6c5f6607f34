/**
 * Which page the location asks for: the index, a lesson, or one widget embedded
 * (`#/embed/<widget>` or `#/<lesson>?embed=1&widget=<id>`), with its locks and
 * hidden parts. Pure, so it is unit-tested.
 */
import { LESSONS, type LessonEntry } from '../lessons/registry';
import { t } from '../i18n';
import { NOT_EMBEDDED, type EmbedInfo } from './context';
import { firstWidgetOf, isWidgetId, OPT_IN_PARTS, WIDGETS, type WidgetId } from './widgets';

export type Route =
  | { kind: 'index' }
  | { kind: 'lesson'; lesson: LessonEntry; embed: EmbedInfo }
  | { kind: 'not-found'; notice: string | null };

/** At most this many names, each at most 24 characters of [a-z0-9_-]: anything else is dropped. */
function nameList(raw: string | null): Set<string> {
  if (!raw) return new Set();
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /^[a-z0-9_-]{1,24}$/.test(s));
  return new Set(names.slice(0, 64));
}

/** Friendly names a teacher may write instead of the URL keys. */
const LOCK_ALIASES = new Map([
  ['optimizer', 'opt'],
  ['learningrate', 'lr'],
  ['learning-rate', 'lr'],
  ['speed', 'sps'],
  ['steps-per-second', 'sps'],
]);

/** Where a widget's key differs from the lesson-wide name (the regression lab's speed is `lsps`: `sps` is the race's). */
const WIDGET_LOCK_ALIASES: Partial<Record<WidgetId, ReadonlyMap<string, string>>> = {
  regression: new Map([['sps', 'lsps']]),
};

export function resolveRoute(path: string, params: URLSearchParams): Route {
  if (path === '/') return { kind: 'index' };
  const m = /^\/embed\/([^/]+)$/.exec(path);
  const embedFlag = params.get('embed');
  if (m) {
    const id = decodeURIComponent(m[1]!);
    if (!isWidgetId(id)) return { kind: 'not-found', notice: t('notice.widget', { name: id.slice(0, 40) }) };
    const lesson = LESSONS.find((l) => l.id === WIDGETS[id].lesson)!;
    return { kind: 'lesson', lesson, embed: embedInfo(id, params) };
  }
  const lesson = LESSONS.find((l) => l.path === path);
  if (!lesson) return { kind: 'not-found', notice: null };
  if (embedFlag === '1' || embedFlag === 'true') {
    const w = params.get('widget');
    const id = isWidgetId(w) && WIDGETS[w].lesson === lesson.id ? w : firstWidgetOf(lesson.id);
    return { kind: 'lesson', lesson, embed: embedInfo(id, params) };
  }
  return { kind: 'lesson', lesson, embed: { ...NOT_EMBEDDED, locked: lockSet(params) } };
}

function lockSet(params: URLSearchParams, widget: WidgetId | null = null): Set<string> {
  // Maps, not objects: `lock=__proto__` must stay a plain name (found by the property test).
  const local = widget ? WIDGET_LOCK_ALIASES[widget] : undefined;
  return new Set(
    [...nameList(params.get('lock'))].map((n) => {
      const key = LOCK_ALIASES.get(n) ?? n;
      return local?.get(key) ?? key;
    }),
  );
}

function embedInfo(widget: EmbedInfo['widget'], params: URLSearchParams): EmbedInfo {
  const hidden = nameList(params.get('hide'));
  const shown = nameList(params.get('show'));
  // The widget comes first: its explanation is opt-in (`show=explanation`), so a small frame shows the lab itself.
  for (const p of OPT_IN_PARTS) if (!shown.has(p)) hidden.add(p);
  return { embedded: true, widget, locked: lockSet(params, widget), hidden, shown };
}

/** Names in hide= or show= that this widget does not have (for a notice). */
export function unknownParts(info: EmbedInfo): string[] {
  if (!info.widget) return [];
  const parts: readonly string[] = WIDGETS[info.widget].parts;
  return [...new Set([...info.hidden, ...info.shown])].filter((h) => !parts.includes(h));
}
