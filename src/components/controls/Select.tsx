import { useId } from 'react';
import { useControlBinding } from './binding';
import { LockMark } from './LockMark';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  disabled?: boolean;
  /** The URL key this control writes: an embedding page can lock it (lock=key). */
  urlKey?: string;
}

export function Select<T extends string>({ label, value, options, onChange, disabled, urlKey }: Props<T>) {
  const id = useId();
  const locked = useControlBinding(urlKey, label);
  return (
    <div className="control select">
      <label htmlFor={id} className="control-label">
        {label}
      </label>
      {locked && <LockMark />}
      <select
        id={id}
        value={value}
        disabled={disabled || locked}
        data-locked={locked || undefined}
        onChange={(e) => {
          if (!locked) onChange(e.target.value as T);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
