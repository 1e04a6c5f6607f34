/**
 * The palette canvases draw with, read from CSS custom properties once (and
 * again when the colour scheme changes) — reading computed style on every
 * frame forces a style recalculation and costs a long task.
 */
export interface ThemeColors {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  point: string;
  truth: string;
  series: string[];
}

let cached: ThemeColors | null = null;

function read(): ThemeColors {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1d232b'),
    muted: v('--muted', '#5b6675'),
    grid: v('--grid', '#e7e3da'),
    accent: v('--accent', '#c2410c'),
    point: v('--point', '#64748b'),
    truth: v('--truth', '#0f766e'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--series-${i}`, '#000')),
  };
}

export function themeColors(): ThemeColors {
  cached ??= read();
  return cached;
}

/** The theme changed (src/state/theme.ts): read the colours again at the next draw. */
export function resetThemeColors(): void {
  cached = null;
}
