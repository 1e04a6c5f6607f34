import { useControlBinding } from './binding';
import { LockMark } from './LockMark';

interface Props {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  /** The URL key this control writes: an embedding page can lock it (lock=key). */
  urlKey?: string;
}

export function Toggle({ label, checked, onChange, urlKey }: Props) {
  const locked = useControlBinding(urlKey, label);
  return (
    <label className="control toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={locked}
        data-locked={locked || undefined}
        onChange={(e) => {
          if (!locked) onChange(e.target.checked);
        }}
      />
      <span>{label}</span>
      {locked && <LockMark />}
    </label>
  );
}
