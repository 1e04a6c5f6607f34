import { useId, useState } from 'react';
import { useControlBinding } from '../../components/controls/binding';
import { LockMark } from '../../components/controls/LockMark';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  /** Shown label (defaults to `label`, which is always the accessible name). */
  children?: React.ReactNode;
  /** The URL key this field writes: an embedding page can lock it (lock=key). */
  urlKey?: string;
}

/** Shortest text for a value (6 significant digits). */
const show = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');

/**
 * A labelled number input that commits every valid keystroke (clamped to [min, max]) and keeps
 * the learner's half-typed text ("-", "0.") while focused. Arrow keys step it. Read-only with a
 * lock mark when an embedding page locks its URL key.
 */
export function NumberField({ label, value, min, max, step, onChange, children, urlKey }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const locked = useControlBinding(urlKey, label);
  return (
    <div className="number-field">
      <label htmlFor={id}>{children ?? label}</label>
      {locked && <LockMark />}
      <input
        id={id}
        type="number"
        inputMode="decimal"
        aria-label={children ? label : undefined}
        min={min}
        max={max}
        step={step}
        disabled={locked}
        data-locked={locked || undefined}
        value={draft ?? show(value)}
        onChange={(e) => {
          if (locked) return;
          const text = e.target.value;
          setDraft(text);
          const v = text.trim() === '' ? NaN : Number(text);
          if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
        }}
        onBlur={() => setDraft(null)}
      />
    </div>
  );
}
