import { useId } from 'react';
import { useControlBinding } from './binding';
import { LockMark } from './LockMark';

interface Props {
  label: string;
  /** The URL key this control writes: an embedding page can lock it (lock=key). */
  urlKey?: string;
  /** Extra class beside `control slider`. */
  className?: string;
  /** The value as shown beside the label, and (unless ariaText) as announced. */
  text: string;
  ariaText?: string;
  /** The range input works in positions; the caller maps them to values. */
  min: number;
  max: number;
  step: number;
  position: number;
  onPosition: (p: number) => void;
  disabled?: boolean;
  hint?: string;
}

/** A labelled, lockable range input that shows and announces its value: what Slider and SpeedControl draw. */
export function RangeControl({ label, urlKey, className, text, ariaText, min, max, step, position, onPosition, disabled, hint }: Props) {
  const id = useId();
  const locked = useControlBinding(urlKey, label);
  return (
    <div className={className ? `control slider ${className}` : 'control slider'}>
      <div className="control-head">
        <label htmlFor={id} className="control-label">
          {label}
        </label>
        {locked && <LockMark />}
        <span className="control-value" aria-hidden="true">
          {text}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={position}
        aria-valuetext={ariaText ?? text}
        disabled={disabled || locked}
        data-locked={locked || undefined}
        onChange={(e) => {
          if (locked) return;
          const p = Number(e.target.value);
          if (Number.isFinite(p)) onPosition(p);
        }}
      />
      {hint && <small className="control-hint">{hint}</small>}
    </div>
  );
}
