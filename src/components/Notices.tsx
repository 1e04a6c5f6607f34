import { useState } from 'react';

/** Small dismissible notes, e.g. about URL values that were clamped or ignored. */
export function Notices({ notices }: { notices: string[] }) {
  const [hidden, setHidden] = useState<string>('');
  const key = notices.join('\n');
  if (notices.length === 0 || hidden === key) return null;
  return (
    <aside className="notice" aria-label="Notices about this link">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setHidden(key)} aria-label="Dismiss notices">
        ×
      </button>
    </aside>
  );
}
