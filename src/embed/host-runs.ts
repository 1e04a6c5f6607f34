/**
 * A course page's runs: `add-run` hands a run file (as the Runs region exports it) to the
 * widget's history, once the widget's lab is on the page; the host hears `run-added` (or,
 * with the reason, `run-refused`). Run start and end are forwarded as they happen.
 */
import { onRunEvent, onRunsManagersChange, runsManagerFor } from '../runs/run-events';
import type { HostCommand, WidgetEvent } from './protocol';
import { MESSAGE_SOURCE } from './constants';

type AddRun = Extract<HostCommand, { type: 'add-run' }>;

/** How long a file waits for its lab to come onto the page (the widget is still loading). */
const WAIT_FOR_LAB_MS = 60_000;

/** The lab a run file says it belongs to, without trusting anything else in it. */
function labOf(text: string): string | null {
  try {
    const raw = JSON.parse(text) as { run?: { lab?: unknown } };
    return typeof raw.run?.lab === 'string' ? raw.run.lab : null;
  } catch {
    return null;
  }
}

export function bridgeRuns(post: (e: WidgetEvent) => void): { add: (c: AddRun) => void; dispose: () => void } {
  const offEvents = onRunEvent((e) => post({ source: MESSAGE_SOURCE, ...e }));
  const waiting: { c: AddRun; lab: string; until: number }[] = [];
  const refuse = (reason: string) => post({ source: MESSAGE_SOURCE, type: 'run-refused', reason });

  const deliver = async (c: AddRun, lab: string): Promise<void> => {
    const m = runsManagerFor(lab)!;
    const name = c.name ?? 'run.json';
    const r = await m.importFile(new TextEncoder().encode(c.file).buffer, name, c.pin ?? false);
    if (r.ok) post({ source: MESSAGE_SOURCE, type: 'run-added', lab, id: r.meta.id, name: r.meta.name ?? `#${r.meta.n}`, already: r.already });
    else refuse(r.code);
  };
  const tryWaiting = () => {
    const now = performance.now();
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      if (runsManagerFor(w.lab)) {
        waiting.splice(i, 1);
        void deliver(w.c, w.lab);
      } else if (now > w.until) {
        waiting.splice(i, 1);
        refuse(`no ${w.lab} lab in this widget`);
      }
    }
  };
  const offManagers = onRunsManagersChange(tryWaiting);
  const timer = setInterval(tryWaiting, 5_000);

  return {
    add(c) {
      const lab = labOf(c.file);
      if (!lab) return refuse('errNotRun');
      if (runsManagerFor(lab)) void deliver(c, lab);
      else if (waiting.length < 8) waiting.push({ c, lab, until: performance.now() + WAIT_FOR_LAB_MS });
      else refuse('too many runs waiting');
    },
    dispose() {
      offEvents();
      offManagers();
      clearInterval(timer);
    },
  };
}
