/**
 * Colours of the backprop lesson's canvases, from the theme's CSS variables: the
 * colour-blind-safe series palette for classes (orange, blue, green) and the card background as
 * the "undecided" colour. Read once, and again when the theme changes (the system colour scheme,
 * or `data-theme` / `class` / `style` on <html>); useLessonColors re-renders on such a change so
 * the canvases repaint in the new theme.
 */
import { useSyncExternalStore } from 'react';
import { hexToRgb, type PredictionColors } from '../../viz/decision-map';

export interface LessonColors extends PredictionColors {
  /** CSS colours of the classes (orange, blue, green). */
  classCss: string[];
  /** The six series colours, for per-layer chart lines. */
  series: string[];
  card: string;
  border: string;
  fg: string;
  muted: string;
  grid: string;
}

let cached: LessonColors | null = null;
const listeners = new Set<() => void>();
let watching = false;

function read(): LessonColors {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const card = v('--card', '#ffffff');
  const series = [
    v('--series-1', '#d55e00'),
    v('--series-2', '#0072b2'),
    v('--series-3', '#009e73'),
    v('--series-4', '#cc79a7'),
    v('--series-5', '#e69f00'),
    v('--series-6', '#56b4e9'),
  ];
  const classCss = series.slice(0, 3);
  return {
    classes: classCss.map(hexToRgb),
    neutral: hexToRgb(card),
    classCss,
    series,
    card,
    border: v('--border', '#dcd8cf'),
    fg: v('--fg', '#1d232b'),
    muted: v('--muted', '#5b6675'),
    grid: v('--grid', '#e7e3da'),
  };
}

function changed(): void {
  cached = null;
  listeners.forEach((l) => l());
}

function watch(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', changed);
  if (typeof MutationObserver !== 'undefined') {
    new MutationObserver(changed).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  }
}

export function lessonColors(): LessonColors {
  watch();
  cached ??= read();
  return cached;
}

function subscribe(l: () => void): () => void {
  watch();
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The lesson's colours, re-rendering the caller when the theme changes. */
export function useLessonColors(): LessonColors {
  return useSyncExternalStore(subscribe, lessonColors);
}
