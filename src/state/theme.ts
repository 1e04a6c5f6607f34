/**
 * Light and dark themes. The choice is the learner's (kept in localStorage) or
 * the embedding page's (`?theme=`); "system" follows the OS setting. The
 * resolved theme is `data-theme` on <html>, which the CSS variables key on;
 * canvases re-read their colours when it changes.
 */
import { useSyncExternalStore } from 'react';
import { resetThemeColors } from '../components/viz/theme-colors';

export const THEME_PREFS = ['system', 'light', 'dark'] as const;
export type ThemePref = (typeof THEME_PREFS)[number];
export type Theme = 'light' | 'dark';

const KEY = 'dlp-theme';
let version = 0;
const listeners = new Set<() => void>();
let current: ThemePref = 'system';
let mediaHooked = false;

export function isThemePref(v: unknown): v is ThemePref {
  return typeof v === 'string' && (THEME_PREFS as readonly string[]).includes(v);
}

export function storedThemePref(): ThemePref {
  try {
    const v = localStorage.getItem(KEY);
    return isThemePref(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function resolvedTheme(): Theme {
  return current === 'system' ? systemTheme() : current;
}

/** Apply a preference (optionally remembering it) and tell every canvas to redraw. */
export function applyTheme(pref: ThemePref, remember = false): void {
  current = pref;
  if (remember) {
    try {
      localStorage.setItem(KEY, pref);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  if (!mediaHooked) {
    mediaHooked = true;
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if (current === 'system') applyTheme('system');
    });
  }
  const theme = resolvedTheme();
  const root = document.documentElement;
  if (root.dataset.theme !== theme) {
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
    resetThemeColors();
    version++;
    listeners.forEach((l) => l());
  }
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Re-render when the theme changes. */
export function useThemeVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
}

export function useTheme(): Theme {
  useThemeVersion();
  return typeof document === 'undefined' ? 'light' : resolvedTheme();
}
