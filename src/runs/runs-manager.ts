/**
 * A lab's run history on the main thread: the list React shows, and every change to it
 * written through to the store in order. When the store fails (quota, blocked, absent) the
 * history moves to memory, the Runs region says so, and nothing else stops.
 */
import type { WeightSnapshot } from '../ml/tasks/task';
import { LAB_SNAPSHOT_BYTES, MAX_PINNED, MAX_RUNS } from './bounds';
import { decodeRunFile, encodeRunFile, type RunFileError } from './run-file';
import { newRunId, snapshotBytes, type RunMeta, type Snapshot } from './run-record';
import { classifyStoreError, MemoryRunStore, type RunStore } from './store';
import { labThinning } from './thin';

/** A line for the Runs region: a key of the 'runs' strings and its values. */
export interface RunsMessage {
  kind: 'ok' | 'error';
  key: string;
  values?: Record<string, string | number>;
}

export interface RunsState {
  /** Newest first. */
  runs: RunMeta[];
  storage: 'loading' | 'idb' | 'memory';
  /** Why runs are kept in memory only, if they are. */
  storageMessage: RunsMessage | null;
  /** The outcome of the last action (import, export, pin …). */
  message: RunsMessage | null;
  /** Writes still under way (a reload now would lose them). */
  saving: boolean;
}

export class RunsManager {
  private state: RunsState = { runs: [], storage: 'loading', storageMessage: null, message: null, saving: false };
  private writes = 0;
  private readonly listeners = new Set<() => void>();
  private store: RunStore = new MemoryRunStore();
  /** Store operations run one after another, in the order asked. */
  private queue: Promise<void> = Promise.resolve();
  /** Per run, the snapshot steps the current store holds. */
  private stored = new Map<string, Set<number>>();
  readonly ready: Promise<void>;

  constructor(
    readonly lab: string,
    readonly kind: string,
    open: () => Promise<RunStore>,
    /** The lab's budget for snapshot weights (tests use a small one). */
    private readonly labBytes = LAB_SNAPSHOT_BYTES,
  ) {
    this.ready = this.enqueue(async () => {
      try {
        this.store = await open();
      } catch (err) {
        this.store = new MemoryRunStore();
        this.set({ storage: 'memory', storageMessage: { kind: 'error', key: 'errUnavailable', values: { detail: errText(err) } } });
        return;
      }
      const runs = await this.store.list(lab);
      this.set({ runs, storage: this.store.kind });
    });
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getState = (): RunsState => this.state;

  private set(patch: Partial<RunsState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Say something in the Runs region (e.g. a refused file). */
  say(message: RunsMessage | null): void {
    this.set({ message });
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Run a write; if the store fails, move everything known to memory and say why. */
  private write(fn: (store: RunStore) => Promise<void>): Promise<void> {
    if (this.writes++ === 0) this.set({ saving: true });
    const done = () => {
      if (--this.writes === 0) this.set({ saving: false });
    };
    return this.enqueueWrite(fn).finally(done);
  }

  private enqueueWrite(fn: (store: RunStore) => Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      try {
        await fn(this.store);
      } catch (err) {
        if (this.store.kind === 'memory') throw err;
        const failure = classifyStoreError(err);
        this.store = new MemoryRunStore();
        this.stored = new Map();
        for (const r of this.state.runs) await this.store.put(r);
        this.set({
          storage: 'memory',
          storageMessage: { kind: 'error', key: failure === 'quota' ? 'errQuota' : 'errWrite', values: { detail: errText(err) } },
        });
        await fn(this.store);
      }
    });
  }

  run(id: string): RunMeta | undefined {
    return this.state.runs.find((r) => r.id === id);
  }

  nextOrdinal(): number {
    return this.state.runs.reduce((n, r) => Math.max(n, r.n), 0) + 1;
  }

  /**
   * Write a run and exactly these snapshots (new ones added, thinned-away ones deleted). A new
   * run past the lab's cap drops the oldest unpinned run other than `keep`.
   */
  saveRun(meta: RunMeta, snapshots: readonly Snapshot[]): Promise<void> {
    const isNew = !this.run(meta.id);
    const all = isNew ? [meta, ...this.state.runs] : this.state.runs.map((r) => (r.id === meta.id ? meta : r));
    const dropped = isNew ? overCap(all, meta.id) : [];
    const kept = all.filter((r) => !dropped.includes(r.id));
    // The lab's weights stay within LAB_SNAPSHOT_BYTES: older runs give up snapshots first.
    const thinned = labThinning(
      kept.map((r) => ({ id: r.id, updated: r.updated, steps: r.snapshotSteps, bytes: r.snapshotBytes ?? 0 })),
      meta.id,
      this.labBytes,
    );
    const before = new Map(kept.map((r) => [r.id, r.snapshotSteps]));
    const runs = kept.map((r) => (thinned.has(r.id) ? { ...r, snapshotSteps: thinned.get(r.id)! } : r));
    this.set({ runs });
    return this.write(async (store) => {
      for (const [id, steps] of thinned) {
        const gone = (before.get(id) ?? []).filter((s) => !steps.includes(s));
        if (gone.length > 0) await store.deleteSnapshots(id, gone);
        const have = this.stored.get(id);
        for (const s of gone) have?.delete(s);
        const r = runs.find((x) => x.id === id);
        if (r) await store.put(r);
      }
      const have = this.stored.get(meta.id) ?? new Set<number>();
      this.stored.set(meta.id, have);
      const want = new Set(snapshots.map((s) => s.step));
      for (const s of snapshots) {
        if (have.has(s.step)) continue;
        await store.putSnapshot({ run: meta.id, step: s.step, weights: s.weights });
        have.add(s.step);
      }
      const gone = [...have].filter((s) => !want.has(s));
      if (gone.length > 0) await store.deleteSnapshots(meta.id, gone);
      for (const s of gone) have.delete(s);
      await store.put(meta);
      for (const id of dropped) {
        await store.remove(id);
        this.stored.delete(id);
      }
    });
  }

  snapshots(id: string): Promise<Snapshot[]> {
    let out: Snapshot[] = [];
    return this.enqueue(async () => {
      out = await this.store.snapshots(id);
    }).then(() => out);
  }

  private patch(id: string, p: Partial<RunMeta>): Promise<void> {
    const r = this.run(id);
    if (!r) return Promise.resolve();
    const next = { ...r, ...p };
    this.set({ runs: this.state.runs.map((x) => (x.id === id ? next : x)) });
    return this.write((store) => store.put(next));
  }

  rename(id: string, name: string): Promise<void> {
    const n = name.trim().slice(0, 80);
    return this.patch(id, { name: n === '' ? null : n });
  }

  /** Pin or unpin; a fifth pin is refused with a message. */
  setPinned(id: string, on: boolean): Promise<void> {
    if (on && this.state.runs.filter((r) => r.pinned).length >= MAX_PINNED) {
      this.say({ kind: 'error', key: 'errPinLimit', values: { max: MAX_PINNED } });
      return Promise.resolve();
    }
    return this.patch(id, { pinned: on });
  }

  remove(id: string): Promise<void> {
    this.set({ runs: this.state.runs.filter((r) => r.id !== id) });
    this.stored.delete(id);
    return this.write((store) => store.remove(id));
  }

  clear(): Promise<void> {
    const ids = this.state.runs.map((r) => r.id);
    this.set({ runs: [], message: null });
    this.stored = new Map();
    return this.write(async (store) => {
      for (const id of ids) await store.remove(id);
    });
  }

  /** The file text for a run, with these final weights. */
  exportText(meta: RunMeta, weights: WeightSnapshot, step: number): string {
    return encodeRunFile({ ...meta, lastStep: Math.max(meta.lastStep, step) }, weights, step);
  }

  /**
   * Read a run file into the list (as a new run), or say why it was refused. A file already
   * imported (the same exported run) is not added again: it is pinned if asked, and said so.
   */
  async importFile(bytes: ArrayBuffer, fileName: string, pin = false): Promise<ImportResult> {
    const d = decodeRunFile(bytes, this.lab, this.kind);
    if (!d.ok) {
      this.say({ kind: 'error', ...fileError(d.error, fileName) });
      return { ok: false, code: d.error.code };
    }
    await this.ready;
    const room = () => this.state.runs.filter((r) => r.pinned).length < MAX_PINNED;
    const same = this.state.runs.find((r) => r.source === d.meta.id);
    if (same) {
      if (pin && !same.pinned && room()) await this.setPinned(same.id, true);
      this.say({ kind: 'ok', key: 'importedAlready', values: { file: fileName, name: same.name ?? `#${same.n}` } });
      return { ok: true, meta: this.run(same.id) ?? same, already: true };
    }
    const meta: RunMeta = {
      ...d.meta,
      id: newRunId(),
      source: d.meta.id,
      n: this.nextOrdinal(),
      name: d.meta.name ?? `#${d.meta.n}`,
      parent: null,
      pinned: pin && room(),
      snapshotSteps: [d.step],
      snapshotBytes: snapshotBytes(d.weights),
      lastStep: d.step,
    };
    await this.saveRun(meta, [{ step: d.step, weights: d.weights }]);
    this.say({ kind: 'ok', key: 'importedOk', values: { file: fileName } });
    return { ok: true, meta, already: false };
  }
}

export type ImportResult = { ok: true; meta: RunMeta; already: boolean } | { ok: false; code: RunFileError['code'] };

/** Runs to drop so that at most MAX_RUNS remain: the oldest unpinned ones, never `keep`. */
export function overCap(runs: readonly RunMeta[], keep: string): string[] {
  const extra = runs.length - MAX_RUNS;
  if (extra <= 0) return [];
  return [...runs]
    .filter((r) => !r.pinned && r.id !== keep)
    .sort((a, b) => a.created - b.created)
    .slice(0, extra)
    .map((r) => r.id);
}

function errText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 200);
}

function fileError(e: RunFileError, file: string): { key: string; values: Record<string, string | number> } {
  switch (e.code) {
    case 'errTooBig':
      return { key: 'errFileTooBig', values: { file, mb: Math.round(e.max / 1024 / 1024) } };
    case 'errNotJson':
      return { key: 'errFileNotJson', values: { file } };
    case 'errNotRun':
      return { key: 'errFileNotRun', values: { file } };
    case 'errOtherLab':
      return { key: 'errFileOtherLab', values: { file, other: e.other } };
    case 'errWeights':
      return { key: 'errFileWeights', values: { file, detail: e.detail.code } };
  }
}
