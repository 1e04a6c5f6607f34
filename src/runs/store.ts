/**
 * Where run histories live: IndexedDB when the browser allows it, else memory (the page says
 * so). Both hold run records and, beside them, one record per weight snapshot.
 */
import { RunMeta, type Snapshot, type SnapshotRecord } from './run-record';

export interface RunStore {
  readonly kind: 'idb' | 'memory';
  /** The lab's runs that parse as runs (anything else in the store is ignored). */
  list(lab: string): Promise<RunMeta[]>;
  put(meta: RunMeta): Promise<void>;
  putSnapshot(rec: SnapshotRecord): Promise<void>;
  deleteSnapshots(run: string, steps: readonly number[]): Promise<void>;
  /** A run's snapshots in step order. */
  snapshots(run: string): Promise<Snapshot[]>;
  /** A run and its snapshots. */
  remove(run: string): Promise<void>;
}

/** Keep only records that are runs (an older or foreign record is skipped, not trusted). */
export function parseRuns(raw: readonly unknown[], lab: string): RunMeta[] {
  const out: RunMeta[] = [];
  for (const r of raw) {
    const p = RunMeta.safeParse(r);
    if (p.success && p.data.lab === lab) out.push(p.data);
  }
  return out.sort((a, b) => b.created - a.created);
}

export class MemoryRunStore implements RunStore {
  readonly kind = 'memory' as const;
  private readonly runs = new Map<string, RunMeta>();
  private readonly snaps = new Map<string, Map<number, Snapshot>>();

  async list(lab: string): Promise<RunMeta[]> {
    return parseRuns([...this.runs.values()], lab);
  }
  async put(meta: RunMeta): Promise<void> {
    this.runs.set(meta.id, structuredClone(meta));
  }
  async putSnapshot(rec: SnapshotRecord): Promise<void> {
    let m = this.snaps.get(rec.run);
    if (!m) this.snaps.set(rec.run, (m = new Map()));
    m.set(rec.step, { step: rec.step, weights: rec.weights });
  }
  async deleteSnapshots(run: string, steps: readonly number[]): Promise<void> {
    const m = this.snaps.get(run);
    for (const s of steps) m?.delete(s);
  }
  async snapshots(run: string): Promise<Snapshot[]> {
    return [...(this.snaps.get(run)?.values() ?? [])].sort((a, b) => a.step - b.step);
  }
  async remove(run: string): Promise<void> {
    this.runs.delete(run);
    this.snaps.delete(run);
  }
}

/** Why storage failed, for the message the Runs region shows. */
export type StoreFailure = 'quota' | 'unavailable' | 'write';

export function classifyStoreError(err: unknown): StoreFailure {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  const inner = (err as { inner?: { name?: unknown } } | null)?.inner?.name;
  if (inner === 'QuotaExceededError') return 'quota';
  return 'write';
}
