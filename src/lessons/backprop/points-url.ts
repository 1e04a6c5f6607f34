/**
 * Learner-added and removed points in the URL, compactly:
 *   pts=x1,x2,y;x1,x2,y   added points (y: class index, or target value for regression)
 *   rm=4,17,90            indices of generated points the learner removed
 * Coordinates keep two decimals. Both lists have a size limit so a link stays a link; parsing
 * never throws: malformed entries are skipped and every skip or cut is reported in words
 * (strings: 'bp' namespace, edits.*).
 */
import type { LearnerPoint } from '../../datasets/points2d-split';
import { t } from '../../i18n';

export const MAX_ADDED_POINTS = 100;
export const MAX_REMOVED_POINTS = 300;

/** Two decimals; -0 becomes 0 so a link round-trips. */
const round2 = (v: number) => Math.round(v * 100) / 100 + 0;
/** Shortest decimal text: 1.5 not 1.50, 0 not -0. */
const num = (v: number) => String(round2(v));

export function encodeAddedPoints(points: readonly LearnerPoint[]): string {
  return points.map((p) => `${num(p.x1)},${num(p.x2)},${num(p.y)}`).join(';');
}

export function encodeRemoved(indices: readonly number[]): string {
  return indices.join(',');
}

export interface ParsedEdits {
  added: LearnerPoint[];
  removed: number[];
  notices: string[];
}

const MAX_RAW = 8000;

/** Added and removed points from the URL, checked against the current set (n generated points). */
export function parseEdits(params: URLSearchParams, n: number): ParsedEdits {
  const notices: string[] = [];
  const added: LearnerPoint[] = [];
  const rawPts = (params.get('pts') ?? '').slice(0, MAX_RAW);
  let bad = 0;
  for (const entry of rawPts.split(';')) {
    if (entry.trim() === '') continue;
    // Rounded first: 1e308 is finite, but not after × 100.
    const parts = entry.split(',').map((s) => (s.trim() === '' ? NaN : round2(Number(s))));
    const [x1, x2, y] = parts;
    if (parts.length !== 3 || !Number.isFinite(x1) || !Number.isFinite(x2) || !Number.isFinite(y)) {
      bad++;
      continue;
    }
    if (added.length === MAX_ADDED_POINTS) {
      notices.push(t('bp:edits.maxAdded', { n: MAX_ADDED_POINTS }));
      break;
    }
    added.push({ x1: x1!, x2: x2!, y: y! });
  }
  if (bad > 0) notices.push(t('bp:edits.badPts', { count: bad }));

  const removed: number[] = [];
  const rawRm = (params.get('rm') ?? '').slice(0, MAX_RAW);
  let badRm = 0;
  const seen = new Set<number>();
  for (const s of rawRm.split(',')) {
    if (s.trim() === '') continue;
    const i = Number(s) + 0;
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      badRm++;
      continue;
    }
    if (seen.has(i)) continue;
    if (removed.length === MAX_REMOVED_POINTS) {
      notices.push(t('bp:edits.maxRemoved', { n: MAX_REMOVED_POINTS }));
      break;
    }
    seen.add(i);
    removed.push(i);
  }
  if (badRm > 0) notices.push(t('bp:edits.badRm', { count: badRm, last: n - 1 }));
  return { added, removed, notices };
}
