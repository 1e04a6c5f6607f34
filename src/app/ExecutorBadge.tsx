/**
 * The header's executor badge: names the executor the lesson trains on and, as a keyboard-
 * reachable popover, lists every candidate with its measured speed and why it lost.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendInfo, CandidateReport } from '../ml/backend-names';

function speed(c: CandidateReport): string {
  if (c.stepsPerSec === null) return '—';
  return c.stepsPerSec >= 100 ? Math.round(c.stepsPerSec).toLocaleString('en-US') : String(c.stepsPerSec);
}

function firstStep(c: CandidateReport): string {
  if (c.firstStepMs === null) return '—';
  return c.firstStepMs >= 1000 ? `${(c.firstStepMs / 1000).toFixed(1)} s` : `${Math.round(c.firstStepMs)} ms`;
}

export function ExecutorBadge({ info, all, startingLabel }: { info: BackendInfo | null; all: BackendInfo[]; startingLabel: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ left: number; top: number; width: number } | null>(null);
  const panelId = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  if (!info) {
    return (
      <span className="backend-badge" data-testid="backend-badge">
        {startingLabel}
      </span>
    );
  }
  return (
    <span className="executor-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="backend-badge"
        data-testid="backend-badge"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('executor.button', { label: info.label })}
        onClick={() => {
          // Fixed under the badge, kept inside the window whichever side of the header it sits on.
          const r = button.current?.getBoundingClientRect();
          if (r) {
            const width = Math.min(544, window.innerWidth - 24);
            setPos({ left: Math.max(12, Math.min(r.left, window.innerWidth - width - 12)), top: r.bottom + 6, width });
          }
          setOpen((o) => !o);
        }}
      >
        {info.label}
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label={t('executor.title')}
          className="executor-popover"
          style={pos ? { left: pos.left, top: pos.top, width: pos.width } : undefined}
        >
          {(all.length > 0 ? all : [info]).map((i) => (
            <ExecutorReport key={i.model ?? 'model'} info={i} titled={all.length > 1} />
          ))}
          <button type="button" onClick={() => setOpen(false)}>
            {t('executor.close')}
          </button>
        </div>
      )}
    </span>
  );
}

/** The worker's reasons are English sentences of a few known shapes: show them in the page's language. */
function useReason(): (reason: string) => string {
  const { t } = useTranslation();
  return (r) => {
    let m: RegExpMatchArray | null;
    if (r.startsWith('software GPU adapter')) return t('executor.reason.software');
    if ((m = r.match(/^([\d.]+)× slower than (.+)$/))) return t('executor.reason.slower', { ratio: m[1], winner: m[2] });
    if ((m = r.match(/^not measured: the ([\d.]+) s for measuring were spent$/))) return t('executor.reason.budget', { seconds: m[1] });
    if ((m = r.match(/^first step not done after ([\d.]+) s/))) return t('executor.reason.compiling', { seconds: m[1] });
    if ((m = r.match(/^wrong numbers: (.*)$/))) return t('executor.reason.wrong', { detail: m[1] });
    if (r === 'this model has no fused kernels') return t('executor.reason.noFused');
    if (r === 'a software GPU adapter loses a tie') return t('executor.reason.tie');
    return r;
  };
}

/** One lab's choice: how it was made, and every candidate's measurement. */
function ExecutorReport({ info, titled }: { info: BackendInfo; titled: boolean }) {
  const { t } = useTranslation();
  const reason = useReason();
  const candidates = info.candidates ?? [];
  const how = info.requested !== 'auto' ? t('executor.forced') : info.cached ? t('executor.cached') : t('executor.measured');
  return (
    <section className="executor-report" aria-label={titled && info.model ? t(`executor.models.${info.model}`, { defaultValue: info.model }) : undefined}>
      {titled && info.model && (
        <h2 className="executor-model">
          {t(`executor.models.${info.model}`, { defaultValue: info.model })}: {info.label}
        </h2>
      )}
      <p className="executor-how">{how}</p>
      {candidates.length > 0 && (
        <table className="executor-table">
          <thead>
            <tr>
              <th scope="col">{t('executor.candidate')}</th>
              <th scope="col">{t('executor.speed')}</th>
              <th scope="col">{t('executor.firstStep')}</th>
              <th scope="col">{t('executor.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.name} data-outcome={c.outcome}>
                <th scope="row">{c.label}</th>
                <td className="num">{speed(c)}</td>
                <td className="num">{firstStep(c)}</td>
                <td>
                  <strong>{t(`executor.${c.outcome}`)}</strong>
                  {c.reason ? <span className="executor-reason">: {reason(c.reason)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {info.skipped.length > 0 && (
        <ul className="executor-skipped">
          {info.skipped.map((s) => (
            <li key={s.name}>
              {s.name}: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
