/**
 * The widgets a teacher can embed: each is one lab of a lesson. `#/embed/<id>`
 * (or `#/<lesson>?embed=1&widget=<id>`) renders it alone, without the site chrome.
 */
import type { LessonEntry } from '../lessons/registry';

/** Parts a teacher may hide with `hide=`; each widget says which it has. */
export const PARTS = ['explanation', 'controls', 'chart', 'status', 'math', 'runs'] as const;
export type PartName = (typeof PARTS)[number];
/** Parts an embedded widget leaves out unless the link asks for them (`show=explanation`): the widget comes first. */
export const OPT_IN_PARTS: readonly PartName[] = ['explanation'];

export interface WidgetEntry {
  lesson: LessonEntry['id'];
  parts: readonly PartName[];
}

export const WIDGETS = {
  regression: { lesson: 'gradient-descent', parts: ['explanation', 'math', 'controls', 'chart', 'status', 'runs'] },
  'optimizer-race': { lesson: 'gradient-descent', parts: ['explanation', 'controls', 'chart', 'status'] },
  'chain-rule': { lesson: 'backprop', parts: ['explanation', 'controls'] },
  mlp: { lesson: 'backprop', parts: ['explanation', 'controls', 'chart', 'status', 'runs'] },
  mnist: { lesson: 'cnn', parts: ['explanation', 'controls', 'chart', 'status', 'runs'] },
  convolution: { lesson: 'cnn', parts: ['explanation', 'controls'] },
  rnn: { lesson: 'rnn', parts: ['explanation', 'controls', 'chart', 'status', 'runs'] },
  'gradient-flow': { lesson: 'rnn', parts: ['explanation', 'controls', 'chart'] },
  transformer: { lesson: 'attention', parts: ['explanation', 'controls', 'chart', 'status', 'runs'] },
  qkv: { lesson: 'attention', parts: ['explanation', 'controls', 'status'] },
  embeddings: { lesson: 'embeddings', parts: ['explanation', 'math', 'controls', 'chart', 'status', 'runs'] },
} as const satisfies Record<string, WidgetEntry>;

export type WidgetId = keyof typeof WIDGETS;

export function isWidgetId(v: unknown): v is WidgetId {
  return typeof v === 'string' && Object.hasOwn(WIDGETS, v);
}

/** The first widget of a lesson: what `?embed=1` without `widget=` shows. */
export function firstWidgetOf(lesson: LessonEntry['id']): WidgetId {
  return (Object.keys(WIDGETS) as WidgetId[]).find((w) => WIDGETS[w].lesson === lesson)!;
}
