import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notices } from '../components/Notices';
import { useEmbed, WidgetContext, type WidgetScope } from './context';
import { unknownParts } from './route';
import type { PartName, WidgetId } from './widgets';
import './embed.css';

interface Props {
  id: WidgetId;
  /** The URL keys this widget's controls write (for lock= notices). */
  keys: readonly string[];
  children: ReactNode;
}

/**
 * One embeddable lab. On the full site it just provides its scope; embedded,
 * only the requested widget renders, with notices for lock/hide names it lacks.
 */
export function Widget({ id, keys, children }: Props) {
  const embed = useEmbed();
  const { t } = useTranslation();
  const controls = useRef(new Map<string, string>());
  const scope = useMemo<WidgetScope>(
    () => ({
      id,
      registerControl: (key, label) => {
        controls.current.set(key, label);
        return () => {
          if (controls.current.get(key) === label) controls.current.delete(key);
        };
      },
      controls: () => [...controls.current].map(([key, label]) => ({ key, label })),
    }),
    [id],
  );
  if (embed.widget !== null && embed.widget !== id) return null;
  const notices: string[] = [];
  if (embed.widget === id) {
    const badLocks = [...embed.locked].filter((k) => k !== 'all' && !keys.includes(k));
    if (badLocks.length) notices.push(t('notice.lock', { names: badLocks.join(', ') }));
    const badParts = unknownParts(embed);
    if (badParts.length) notices.push(t('notice.hide', { names: badParts.join(', ') }));
  }
  return (
    <WidgetContext value={scope}>
      {notices.length > 0 && <Notices notices={notices} />}
      {children}
    </WidgetContext>
  );
}

/** A part of a widget a teacher may hide with `hide=<name>`. */
export function Part({ name, children }: { name: PartName; children: ReactNode }) {
  const embed = useEmbed();
  return embed.hidden.has(name) ? null : <>{children}</>;
}

/** Site content outside any widget (titles, introductions): left out when embedded. */
export function PageOnly({ children }: { children: ReactNode }) {
  return useEmbed().embedded ? null : <>{children}</>;
}
