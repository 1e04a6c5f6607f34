/**
 * The postMessage API of an embedded widget, validated with zod. A host page
 * sends commands; the widget answers with events. Every message carries
 * `source: 'dl-playground'` so it cannot be confused with other traffic.
 * Documented in the README ("Embedding").
 */
import { z } from 'zod';
import { MAX_RUN_FILE_BYTES } from '../runs/run-file';
import type { RunEvent } from '../runs/run-events';
import { MESSAGE_SOURCE } from './constants';

export { MESSAGE_SOURCE, PROTOCOL_VERSION } from './constants';

/** A URL-style setting: key as in the widget's links, value as text, number or boolean. */
const paramKey = z.string().regex(/^[a-z][a-z0-9_]{0,23}$/);
const paramValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

export const HostCommand = z.discriminatedUnion('type', [
  z.strictObject({ source: z.literal(MESSAGE_SOURCE), type: z.literal('start') }),
  z.strictObject({ source: z.literal(MESSAGE_SOURCE), type: z.literal('pause') }),
  z.strictObject({ source: z.literal(MESSAGE_SOURCE), type: z.literal('reset') }),
  z.strictObject({ source: z.literal(MESSAGE_SOURCE), type: z.literal('step'), steps: z.number().int().min(1).max(1000).optional() }),
  z.strictObject({
    source: z.literal(MESSAGE_SOURCE),
    type: z.literal('set'),
    /** e.g. { lr: 0.01, opt: 'adam' }: applied like a link's parameters (clamped, with a notice). */
    params: z.record(paramKey, paramValue).refine((r) => Object.keys(r).length <= 32, 'at most 32 settings'),
  }),
  z.strictObject({ source: z.literal(MESSAGE_SOURCE), type: z.literal('get-state') }),
  z.strictObject({
    source: z.literal(MESSAGE_SOURCE),
    type: z.literal('add-run'),
    /** A run file's text, as the Runs region's Export writes it: the run joins the widget's list. */
    file: z.string().min(2).max(MAX_RUN_FILE_BYTES),
    /** How messages name it (e.g. "week2-lr0.3.json"). */
    name: z.string().min(1).max(120).optional(),
    /** Pin it, so its curves are overlaid at once (as far as the 4 pins allow). */
    pin: z.boolean().optional(),
  }),
]);
export type HostCommand = z.infer<typeof HostCommand>;

export type WidgetEvent =
  | { source: typeof MESSAGE_SOURCE; type: 'ready'; version: number; widget: string }
  | { source: typeof MESSAGE_SOURCE; type: 'resize'; height: number }
  | { source: typeof MESSAGE_SOURCE; type: 'state'; phase: string; step: number; loss: number | null; backend: string | null }
  | { source: typeof MESSAGE_SOURCE; type: 'metrics'; step: number; loss: number | null }
  | { source: typeof MESSAGE_SOURCE; type: 'params'; params: Record<string, string> }
  | ({ source: typeof MESSAGE_SOURCE } & RunEvent)
  | { source: typeof MESSAGE_SOURCE; type: 'run-added'; lab: string; id: string; name: string; already: boolean }
  | { source: typeof MESSAGE_SOURCE; type: 'run-refused'; reason: string };

/**
 * Parse a message from the host. Returns null (and says why) for anything that
 * is not exactly a command: it is then ignored, never half-applied.
 */
export function parseHostCommand(data: unknown): { ok: true; command: HostCommand } | { ok: false; reason: string } {
  const r = HostCommand.safeParse(data);
  if (r.success) return { ok: true, command: r.data };
  return { ok: false, reason: r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ').slice(0, 300) };
}

/** Whether a message from `origin` may command this widget (`origin=` in the link restricts it). */
export function originAllowed(origin: string, allowed: string | null): boolean {
  if (!allowed || allowed === '*') return true;
  return allowed.split(/[\s,]+/).some((a) => a === origin);
}
