import { RangeControl } from './RangeControl';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Step in value space (linear) or in log10 space (log). */
  step: number;
  /** Move in log10 space: equal slider distances are equal ratios (learning rates). */
  log?: boolean;
  format?: (v: number) => string;
  onChange: (v: number) => void;
  disabled?: boolean;
  hint?: string;
  /** The URL key this control writes: an embedding page can lock it (lock=key). */
  urlKey?: string;
}

/** Round to 3 significant figures so log-slider values read well (0.00316, not 0.0031622776). */
const nice = (v: number) => Number(v.toPrecision(3));

/** A labelled range input that shows and announces its value. */
export function Slider({ label, value, min, max, step, log = false, format = String, onChange, disabled, hint, urlKey }: Props) {
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? nice(10 ** p) : p);
  return (
    <RangeControl
      label={label}
      urlKey={urlKey}
      text={format(value)}
      min={toPos(min)}
      max={toPos(max)}
      step={step}
      position={toPos(value)}
      onPosition={(p) => onChange(Math.min(max, Math.max(min, fromPos(p))))}
      disabled={disabled}
      hint={hint}
    />
  );
}
