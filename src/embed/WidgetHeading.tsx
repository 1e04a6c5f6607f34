import type { ReactNode } from 'react';
import { useEmbed } from './context';

/**
 * A widget's own heading. Embedded, the frame's bar already names the widget, so the heading
 * stays for screen readers only and the lab itself starts at the top of a small frame.
 */
export function WidgetHeading({ id, children }: { id?: string; children: ReactNode }) {
  const embedded = useEmbed().embedded;
  return (
    <h2 id={id} className={embedded ? 'visually-hidden' : undefined}>
      {children}
    </h2>
  );
}
