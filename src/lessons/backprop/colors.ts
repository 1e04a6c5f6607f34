/**
 * Colours of the backprop lesson's canvases, from the theme's CSS variables: the
 * colour-blind-safe series palette for classes (orange, blue, green) and the card background as
 * the "undecided" colour. Read once, and again when the colour scheme changes.
 */
import { themeColors } from '../../components/viz/theme-colors';
import { hexToRgb, type PredictionColors } from '../../viz/decision-map';

export interface LessonColors extends PredictionColors {
  /** CSS colours of the classes (orange, blue, green). */
  classCss: string[];
  card: string;
  border: string;
  fg: string;
  muted: string;
  grid: string;
}

let cached: LessonColors | null = null;

export function lessonColors(): LessonColors {
  if (cached) return cached;
  const t = themeColors();
  const cs = getComputedStyle(document.documentElement);
  const card = cs.getPropertyValue('--card').trim() || '#ffffff';
  const border = cs.getPropertyValue('--border').trim() || '#dcd8cf';
  const classCss = [t.series[0] ?? '#d55e00', t.series[1] ?? '#0072b2', t.series[2] ?? '#009e73'];
  cached = {
    classes: classCss.map(hexToRgb),
    neutral: hexToRgb(card),
    classCss,
    card,
    border,
    fg: t.fg,
    muted: t.muted,
    grid: t.grid,
  };
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    cached = null;
  });
  return cached;
}

export const CLASS_NAMES = ['orange', 'blue', 'green'] as const;
