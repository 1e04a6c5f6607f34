/**
 * One recorded run of a lab: what it was trained with (the lab's URL values), its curves
 * (decimated), which steps have weight snapshots, and where it branched from. The snapshots'
 * weights live beside it in the store (one record per snapshot), so saving a run's progress
 * never copies the weights again.
 */
import { z } from 'zod';
import type { WeightSnapshot } from '../ml/tasks/task';
import { MAX_CURVE_POINTS, MAX_SNAPSHOTS } from './bounds';

export const SettingValue = z.union([z.number(), z.string().max(400), z.boolean(), z.array(z.string().max(40)).max(32)]);
export type SettingValue = z.infer<typeof SettingValue>;
export const Settings = z.record(z.string().max(40), SettingValue);
export type Settings = z.infer<typeof Settings>;

/** A curve: [step, value] pairs in step order. */
export const Curve = z.array(z.tuple([z.number().int().min(0), z.number()])).max(MAX_CURVE_POINTS);
export type Curve = z.infer<typeof Curve>;

export const RunMeta = z.object({
  v: z.literal(1),
  /** Which lab recorded it (e.g. "mlp"): runs of one lab never show in another. */
  lab: z.string().min(1).max(40),
  /** The task kind whose weights the snapshots hold (a model file's kind). */
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(64),
  /** Ordinal in its lab (Run 1, Run 2, …), for the default name. */
  n: z.number().int().min(1),
  /** The learner's name for it; null: the default name. */
  name: z.string().max(80).nullable(),
  created: z.number(),
  updated: z.number(),
  settings: Settings,
  /** Settings were changed while it trained: `settings` are the last ones. */
  mixed: z.boolean(),
  curves: z.record(z.string().max(40), Curve),
  firstStep: z.number().int().min(0),
  lastStep: z.number().int().min(0),
  /** Steps that have a weight snapshot in the store. */
  snapshotSteps: z.array(z.number().int().min(0)).max(MAX_SNAPSHOTS),
  /** Bytes of one snapshot's weights (for the lab's storage budget). */
  snapshotBytes: z.number().int().min(0).optional(),
  /** The run it continued from, and the step it branched at. */
  parent: z.object({ id: z.string().min(1).max(64), step: z.number().int().min(0) }).nullable(),
  pinned: z.boolean(),
  /** Came from a file (or a course page), not trained here. */
  imported: z.boolean(),
  /** For an imported run: its id where it was exported, so the same file is not added twice. */
  source: z.string().min(1).max(64).optional(),
  /** The model's configuration, for a reader of an exported file. */
  spec: z.unknown().optional(),
});
export type RunMeta = z.infer<typeof RunMeta>;

export interface Snapshot {
  step: number;
  weights: WeightSnapshot;
}

/** What the store keeps per snapshot. */
export interface SnapshotRecord extends Snapshot {
  run: string;
}

/** Bytes of weights in one snapshot. */
export function snapshotBytes(w: WeightSnapshot): number {
  let n = 0;
  for (const k in w) n += w[k]!.values.byteLength;
  return n;
}

export function newRunId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A lab's URL values as run settings (values of other types are left out). */
export function toSettings(values: object): Settings {
  const out: Settings = {};
  for (const [k, v] of Object.entries(values)) {
    const p = SettingValue.safeParse(v);
    if (p.success) out[k] = p.data;
  }
  return out;
}
