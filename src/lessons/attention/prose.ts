/**
 * The prose of the current language: the same sections, written separately for English and
 * Chinese readers (formulas shared through tex.ts).
 */
import type { Lang } from '../../i18n';
import * as en from './Explanation';
import * as zh from './Explanation.zh';

export const PROSE: Record<Lang, typeof en> = { en, zh };
