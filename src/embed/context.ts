import { createContext, useContext } from 'react';
import type { PartName, WidgetId } from './widgets';

/** How the page is shown: the full site, or one widget inside a teacher's iframe. */
export interface EmbedInfo {
  embedded: boolean;
  /** The one widget shown when embedded; null on the full site. */
  widget: WidgetId | null;
  /** URL keys whose controls are read-only (`lock=lr,opt`; `all` locks every one). */
  locked: ReadonlySet<string>;
  /** Parts left out: those named in `hide=chart,status`, plus the explanation unless `show=explanation` asks for it. */
  hidden: ReadonlySet<string>;
  /** Opt-in parts the link asks for (`show=explanation`). */
  shown: ReadonlySet<string>;
}

export const NOT_EMBEDDED: EmbedInfo = { embedded: false, widget: null, locked: new Set(), hidden: new Set(), shown: new Set() };

export const EmbedContext = createContext<EmbedInfo>(NOT_EMBEDDED);

export function useEmbed(): EmbedInfo {
  return useContext(EmbedContext);
}

export function isLocked(info: EmbedInfo, key: string | undefined): boolean {
  return key !== undefined && (info.locked.has(key) || info.locked.has('all'));
}

/** Whether a control bound to this URL key may change. */
export function useLocked(key: string | undefined): boolean {
  return isLocked(useEmbed(), key);
}

export function isHidden(info: EmbedInfo, part: PartName): boolean {
  return info.hidden.has(part);
}

/** The widget a component sits in: its id and the controls it has (for the Embed dialog). */
export interface WidgetScope {
  id: WidgetId;
  /** URL keys → their on-screen labels, registered by the controls as they mount. */
  registerControl: (key: string, label: string) => () => void;
  controls: () => { key: string; label: string }[];
}

export const WidgetContext = createContext<WidgetScope | null>(null);

export function useWidget(): WidgetScope | null {
  return useContext(WidgetContext);
}
