/**
 * Records a lab's runs from its TrainingSession's events: a run starts when training starts
 * after a (re)build, a reset or a change of settings; its curves come from the lab's histories,
 * its weights from the worker's sparse checkpoints (kept in memory for rewinding, thinned, and
 * written to the store by structured clone, never as JSON). Rewinding puts a checkpoint back in
 * the worker; training from there starts a new run that names its parent and branch step.
 */
import { decimateMinMax } from '../charts/decimate';
import type { SeriesBuffer } from '../charts/series-buffer';
import type { TrainingSession } from '../state/training-session';
import type { EngineEvent, TaskKind } from '../worker/protocol';
import { MAX_CURVE_POINTS, MAX_PINNED, SAVE_INTERVAL_MS } from './bounds';
import { emitRunEvent } from './run-events';
import { newRunId, snapshotBytes, type Curve, type RunMeta, type Settings, type Snapshot } from './run-record';
import type { RunsManager } from './runs-manager';
import { snapshotCap, thinSteps } from './thin';

export interface RecorderState {
  /** The run whose weights are in the model now (the one being recorded, or just paused). */
  liveId: string | null;
  /** Its snapshot steps, ascending. */
  steps: number[];
  /** The step the model was rewound to (until training goes on). */
  rewoundTo: number | null;
  /** One snapshot of this model is over the per-run budget: runs keep curves only. */
  tooBig: boolean;
}

type Listener = () => void;

export class RunRecorder<K extends TaskKind> {
  private live: RunMeta | null = null;
  private snaps: Snapshot[] = [];
  /** The next training starts a new run. */
  private needsNew = true;
  /** The model holds freshly built weights (no run has trained them yet). */
  private fresh = true;
  /** Set by a rewind: the next run branches from this run at this step. */
  private branch: { id: string; step: number } | null = null;
  private settings: Settings = {};
  private spec: unknown = null;
  private cap = Infinity;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSave = 0;
  private state: RecorderState = { liveId: null, steps: [], rewoundTo: null, tooBig: false };
  private readonly listeners = new Set<Listener>();
  /** Rewinds run one at a time; a slider dragged fast asks for the latest step only. */
  private rewinding: Promise<void> | null = null;
  private wantedRewind: number | null = null;
  /** The live run was opened from the list (not trained here since): nothing of it to save. */
  private opened = false;

  constructor(
    private readonly session: TrainingSession<K>,
    private readonly manager: RunsManager,
    private readonly curves: () => Record<string, SeriesBuffer>,
  ) {}

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getState = (): RecorderState => this.state;

  private set(patch: Partial<RecorderState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Start listening (and ask the worker for checkpoints); returns the undo. */
  attach(): () => void {
    void this.session.setCheckpoints(true);
    const off = this.session.subscribeEvents((e) => this.onEvent(e));
    const offRemoved = this.manager.subscribe(() => {
      if (this.live && !this.manager.run(this.live.id) && this.manager.getState().storage !== 'loading') this.forgetLive();
    });
    return () => {
      off();
      offRemoved();
      this.saveNow();
      if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    };
  }

  /** The lab's settings now (its URL values) and the model's configuration. */
  setSettings(s: Settings, spec: unknown): void {
    this.spec = spec;
    if (JSON.stringify(s) === JSON.stringify(this.settings)) return;
    this.settings = s;
    if (!this.live) return;
    if (this.session.getState().phase === 'running') {
      // Changed while it trains: the run carries on, with a note that its settings moved.
      this.live = { ...this.live, settings: s, mixed: true };
    } else {
      this.needsNew = true;
    }
  }

  private onEvent(e: EngineEvent<K>): void {
    switch (e.type) {
      case 'ready':
        this.endRun();
        this.fresh = true;
        this.needsNew = true;
        this.branch = null;
        this.forgetLive();
        break;
      case 'running':
        if (e.running) this.ensureRun(this.session.getState().step);
        else this.endRun();
        break;
      case 'metrics': {
        const b = e.batch;
        this.ensureRun(b.firstStep - 1);
        if (this.live) this.live = { ...this.live, lastStep: b.firstStep + b.losses.length - 1 };
        this.scheduleSave();
        break;
      }
      case 'checkpoint':
        this.ensureRun(e.step);
        this.addSnapshot({ step: e.step, weights: e.weights });
        // The one taken where training stopped comes after the run's last save: write it now,
        // or a reload within the save interval would lose it.
        if (this.session.getState().phase === 'running') this.scheduleSave();
        else this.saveNow();
        break;
      case 'diverged':
        this.endRun();
        break;
      default:
        break;
    }
  }

  private forgetLive(): void {
    this.live = null;
    this.opened = false;
    this.snaps = [];
    this.set({ liveId: null, steps: [], rewoundTo: null });
  }

  private ensureRun(step: number): void {
    if (this.live && !this.needsNew) return;
    const prev = this.live;
    const parent = this.branch ?? (prev && !this.fresh ? { id: prev.id, step } : null);
    if (this.branch) {
      // Training goes on from an earlier step: what the histories hold past it belongs to the old run.
      this.session.branchFrom(this.branch.step);
      for (const b of Object.values(this.curves())) b.truncateAfter(this.branch.step);
    }
    const inherited = parent && prev && parent.id === prev.id ? this.snaps.filter((s) => s.step <= parent.step) : [];
    const now = Date.now();
    this.live = {
      v: 1,
      lab: this.manager.lab,
      kind: this.manager.kind,
      id: newRunId(),
      n: this.manager.nextOrdinal(),
      name: null,
      created: now,
      updated: now,
      settings: this.settings,
      mixed: false,
      curves: {},
      firstStep: Math.max(0, step),
      lastStep: Math.max(0, step),
      snapshotSteps: inherited.map((s) => s.step),
      parent,
      pinned: false,
      imported: false,
      spec: this.spec,
    };
    this.snaps = inherited;
    this.opened = false;
    this.needsNew = false;
    this.fresh = false;
    this.branch = null;
    this.set({ liveId: this.live.id, steps: this.snaps.map((s) => s.step), rewoundTo: null });
    this.saveNow();
    emitRunEvent({ type: 'run-start', lab: this.live.lab, id: this.live.id, name: `#${this.live.n}`, step: this.live.firstStep, parent, loss: null });
  }

  private addSnapshot(s: Snapshot): void {
    if (!this.live) return;
    // Per snapshot, not once: the lab may have built a model of another size since.
    const bytes = snapshotBytes(s.weights);
    this.cap = snapshotCap(bytes);
    if ((this.cap === 0) !== this.state.tooBig) this.set({ tooBig: this.cap === 0 });
    if (this.cap === 0) return;
    const others = this.snaps.filter((x) => x.step !== s.step);
    const all = [...others, s].sort((a, b) => a.step - b.step);
    const keep = new Set(thinSteps(all.map((x) => x.step), this.cap));
    this.snaps = all.filter((x) => keep.has(x.step));
    const steps = this.snaps.map((x) => x.step);
    this.live = { ...this.live, snapshotSteps: steps, snapshotBytes: bytes };
    this.set({ steps });
  }

  private endRun(): void {
    if (!this.live || this.opened) return;
    this.saveNow();
    const last = this.session.loss.last();
    emitRunEvent({
      type: 'run-end',
      lab: this.live.lab,
      id: this.live.id,
      name: this.live.name ?? `#${this.live.n}`,
      step: this.live.lastStep,
      parent: this.live.parent,
      loss: last ? last.y : null,
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) return;
    const wait = Math.max(0, this.lastSave + SAVE_INTERVAL_MS - performance.now());
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveNow();
    }, wait);
  }

  /** Write the live run as it is now (its curves decimated from the lab's histories). */
  saveNow(): void {
    if (!this.live || this.opened) return;
    this.lastSave = performance.now();
    const curves: Record<string, Curve> = {};
    for (const [k, b] of Object.entries(this.curves())) {
      // A lab clears its histories when the model is reset or rebuilt, and the run's last save
      // can come just after that: an emptied history never overwrites the curve already kept.
      const kept = this.live.curves[k];
      if (b.length === 0 && kept && kept.length > 0) {
        curves[k] = kept;
        continue;
      }
      const pts = b.decimated(MAX_CURVE_POINTS);
      curves[k] = decimateMinMax(
        pts.map((p) => p.x),
        pts.map((p) => p.y),
        MAX_CURVE_POINTS,
      ).map((p) => [Math.max(0, Math.round(p.x)), p.y] as [number, number]);
    }
    const stored = this.manager.run(this.live.id);
    // Name and pin are the learner's: keep what the list holds.
    this.live = { ...this.live, curves, updated: Date.now(), name: stored?.name ?? this.live.name, pinned: stored?.pinned ?? this.live.pinned };
    void this.manager.saveRun(this.live, this.snaps).catch(() => undefined);
  }

  /** Put the model back at the i-th snapshot of the live run (pausing it). */
  rewindTo(index: number): Promise<void> {
    this.wantedRewind = index;
    this.rewinding ??= (async () => {
      while (this.wantedRewind !== null) {
        const i = this.wantedRewind;
        this.wantedRewind = null;
        const s = this.snaps[i];
        const live = this.live;
        if (!s || !live) continue;
        const r = await this.session.rewind(s.weights, s.step);
        if (!r.ok) {
          this.manager.say({ kind: 'error', key: 'errRewind', values: { detail: r.detail } });
          continue;
        }
        this.branch = { id: live.id, step: s.step };
        this.needsNew = true;
        this.set({ rewoundTo: s.step });
      }
    })().finally(() => {
      this.rewinding = null;
    });
    return this.rewinding;
  }

  /** Whether a kept run can be opened now: a fresh model (just built or reset), no run in it. */
  canOpen(): boolean {
    return this.live === null && this.session.getState().step === 0 && this.rewinding === null;
  }

  /**
   * Open a kept run (from before a reload, say) in the fresh model: its snapshots become the
   * rewind timeline and the model takes its last one, paused; "Continue from here" branches
   * from it. Refused with the reason when its weights do not fit the lab's network now.
   */
  async open(id: string): Promise<boolean> {
    const meta = this.manager.run(id);
    if (!meta || !this.canOpen()) return false;
    const snaps = await this.manager.snapshots(id);
    const last = snaps.at(-1);
    if (!last) {
      this.manager.say({ kind: 'error', key: 'noWeights' });
      return false;
    }
    const r = await this.session.rewind(last.weights, last.step);
    if (!r.ok) {
      this.manager.say({ kind: 'error', key: 'errOpen', values: { detail: r.detail } });
      return false;
    }
    this.live = meta;
    this.opened = true;
    this.snaps = snaps;
    this.fresh = false;
    this.branch = { id, step: last.step };
    this.needsNew = true;
    this.set({ liveId: id, steps: snaps.map((x) => x.step), rewoundTo: last.step });
    // Its curves on the chart: the lab's own histories start empty in a fresh model.
    if (!meta.pinned && this.manager.getState().runs.filter((x) => x.pinned).length < MAX_PINNED) await this.manager.setPinned(id, true);
    return true;
  }

  /** Train on from the rewound step, as a new run that branches from this one. */
  async continueFromHere(): Promise<void> {
    if (this.rewinding) await this.rewinding;
    await this.session.train();
  }

  /** The final weights of a run: the model's own for the live run, else its last snapshot. */
  async finalWeights(id: string): Promise<Snapshot | null> {
    if (this.live && id === this.live.id && this.state.rewoundTo === null) {
      try {
        return await this.session.exportModel();
      } catch {
        // No model (yet): fall back to what the store holds.
      }
    }
    if (this.live && id === this.live.id) return this.snaps.at(-1) ?? null;
    const snaps = await this.manager.snapshots(id);
    return snaps.at(-1) ?? null;
  }
}
