import { fmt } from '../format';

/** "mean μ_B" as text with a real subscript (no stray underscore on screen). */
export function withSubscript(label: string) {
  const m = /^(.*?)_([A-Za-z])(.*)$/.exec(label);
  return m ? (
    <>
      {m[1]}
      <sub>{m[2]}</sub>
      {m[3]}
    </>
  ) : (
    label
  );
}

/** One readout of a <dl className="readout">: a label that may carry a subscript, and the live value. */
export function SubscriptReadout({ label, testId, value }: { label: string; testId: string; value: number | undefined }) {
  return (
    <div>
      <dt>{withSubscript(label)}</dt>
      <dd data-testid={testId} data-value={value ?? ''}>
        {fmt(value)}
      </dd>
    </div>
  );
}
