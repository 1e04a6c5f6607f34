/**
 * Run start/end news and the labs' run histories, for the embed bridge: it tells a course page
 * when a run starts and ends, and hands a teacher's run files to the widget's history.
 */
import type { RunsManager } from './runs-manager';

export interface RunEvent {
  type: 'run-start' | 'run-end';
  lab: string;
  id: string;
  /** The run's name as the list shows it (the learner's, or "Run n"). */
  name: string;
  step: number;
  /** The run it branched from, and where. */
  parent: { id: string; step: number } | null;
  /** For run-end: the last batch loss recorded, if any. */
  loss: number | null;
}

const listeners = new Set<(e: RunEvent) => void>();
const managers = new Set<RunsManager>();
const managerListeners = new Set<() => void>();

export function onRunEvent(l: (e: RunEvent) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function emitRunEvent(e: RunEvent): void {
  listeners.forEach((l) => l(e));
}

/** A lab's history is on the page (while its lab is mounted). */
export function registerRunsManager(m: RunsManager): () => void {
  managers.add(m);
  managerListeners.forEach((l) => l());
  return () => {
    managers.delete(m);
    managerListeners.forEach((l) => l());
  };
}

/** Hear when a lab's history comes onto the page or leaves it. */
export function onRunsManagersChange(l: () => void): () => void {
  managerListeners.add(l);
  return () => managerListeners.delete(l);
}

/** The history of the lab a run file belongs to, if that lab is on the page. */
export function runsManagerFor(lab: string): RunsManager | undefined {
  return [...managers].find((m) => m.lab === lab);
}
