import { useState } from 'react';

interface Props {
  text: () => string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
  title?: string;
}

/** Copies text to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ text, label, copiedLabel, failedLabel, title }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };
  return (
    <span className="copy-button">
      <button type="button" onClick={() => void onClick()} title={title}>
        {label}
      </button>
      <span aria-live="polite" className="copy-state">
        {state === 'copied' ? copiedLabel : state === 'failed' ? failedLabel : ''}
      </span>
    </span>
  );
}
