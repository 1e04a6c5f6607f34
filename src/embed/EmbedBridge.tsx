import { useEffect } from 'react';
import { bridgeRuns } from './host-runs';
import { embedTarget, onTargetsChange, type EmbedTarget } from './targets';
import { MESSAGE_SOURCE, originAllowed, parseHostCommand, PROTOCOL_VERSION, type HostCommand, type WidgetEvent } from './protocol';

interface Props {
  widget: string;
  /** Origins allowed to send commands (`origin=` in the link); null: whichever page embeds it. */
  allowedOrigin: string | null;
  /** Apply settings like a link's parameters would (the page validates and clamps them). */
  applyParams: (params: Record<string, string>) => void;
}

function run(target: EmbedTarget, c: HostCommand): void {
  if (c.type === 'start') void target.train();
  else if (c.type === 'pause') void target.pause();
  else if (c.type === 'reset') void target.reset();
  else if (c.type === 'step') void target.step(c.steps ?? 1);
}

/** Events to the host: metrics at most this often. */
const METRICS_INTERVAL_MS = 100;

/**
 * The embedded widget's side of the postMessage API: reports its height so the
 * host can size the iframe, streams phase/step/loss, and obeys validated
 * commands from the parent window only. Malformed messages are ignored with a
 * console warning, never applied.
 */
export function EmbedBridge({ widget, allowedOrigin, applyParams }: Props) {
  useEffect(() => {
    const parent = window.parent;
    if (parent === window) return; // opened directly, not in a frame
    const targetOrigin = allowedOrigin && allowedOrigin !== '*' && !allowedOrigin.includes(',') ? allowedOrigin : '*';
    const post = (e: WidgetEvent) => parent.postMessage(e, targetOrigin);

    post({ source: MESSAGE_SOURCE, type: 'ready', version: PROTOCOL_VERSION, widget });
    const runs = bridgeRuns(post);

    let lastHeight = -1;
    const reportHeight = () => {
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== lastHeight) {
        lastHeight = h;
        post({ source: MESSAGE_SOURCE, type: 'resize', height: h });
      }
    };
    const ro = new ResizeObserver(reportHeight);
    ro.observe(document.body);
    reportHeight();

    // Follow the widget's session as it appears, is replaced or goes.
    let target: EmbedTarget | undefined;
    let unsubscribe = () => {};
    let lastPhase = '';
    let lastStep = -1;
    let lastSent = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    // Commands wait while the widget's model is still being built (at most a few).
    const queue: HostCommand[] = [];
    const flush = () => {
      while (target && target.getState().phase !== 'starting' && queue.length > 0) run(target, queue.shift()!);
    };
    const sendState = () => {
      flush();
      if (!target) return;
      const s = target.getState();
      const loss = s.loss !== null && Number.isFinite(s.loss) ? s.loss : null;
      if (s.phase !== lastPhase) {
        lastPhase = s.phase;
        post({ source: MESSAGE_SOURCE, type: 'state', phase: s.phase, step: s.step, loss, backend: s.backend?.label ?? null });
      }
      if (s.step !== lastStep) {
        const now = performance.now();
        if (now - lastSent < METRICS_INTERVAL_MS) {
          pending ??= setTimeout(() => {
            pending = null;
            sendState();
          }, METRICS_INTERVAL_MS);
          return;
        }
        lastSent = now;
        lastStep = s.step;
        post({ source: MESSAGE_SOURCE, type: 'metrics', step: s.step, loss });
      }
    };
    const attach = () => {
      const next = embedTarget(widget);
      if (next === target) return;
      unsubscribe();
      target = next;
      unsubscribe = target ? target.subscribe(sendState) : () => {};
      lastPhase = '';
      sendState();
    };
    const detachTargets = onTargetsChange(attach);
    attach();

    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent) return; // only the embedding page may command the widget
      if (!e.data || typeof e.data !== 'object' || (e.data as { source?: unknown }).source !== MESSAGE_SOURCE) return;
      if (!originAllowed(e.origin, allowedOrigin)) {
        console.warn(`[dl-playground] Ignored a command from ${e.origin}: this widget accepts commands only from ${allowedOrigin}.`);
        return;
      }
      const parsed = parseHostCommand(e.data);
      if (!parsed.ok) {
        console.warn(`[dl-playground] Ignored a malformed command (${parsed.reason}).`);
        return;
      }
      const c = parsed.command;
      if (c.type === 'set') {
        applyParams(Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)])));
      } else if (c.type === 'add-run') {
        runs.add(c);
      } else if (c.type === 'get-state') {
        lastPhase = '';
        lastStep = -1;
        lastSent = 0;
        sendState();
      } else {
        if (queue.length >= 8) queue.shift();
        queue.push(c);
        flush();
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      ro.disconnect();
      runs.dispose();
      detachTargets();
      unsubscribe();
      if (pending) clearTimeout(pending);
    };
  }, [widget, allowedOrigin, applyParams]);
  return null;
}
