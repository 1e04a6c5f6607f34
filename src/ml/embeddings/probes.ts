/**
 * A fixed, stated test of "sensible neighbours" for the benchmark and the lesson: closed word
 * classes whose members share contexts in any English text (weekdays, months, number words).
 * A probe word passes when at least one of its 5 nearest neighbours (cosine) is from its own class.
 */
import { neighboursOf } from './neighbours';

export const PROBE_CLASSES: readonly (readonly string[])[] = [
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
];

/** The Song ci's numeral characters: they fill the same slots in a line (三更, 五月, 十年). */
export const CHINESE_NUMERALS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every corpus's probes: words a corpus lacks are not tested, so one list serves both. */
export const ALL_PROBE_CLASSES: readonly (readonly string[])[] = [...PROBE_CLASSES, CHINESE_NUMERALS];

/** What the benchmark calls "sensible": at least two thirds of the probe words pass. */
export const SENSIBLE_SHARE = 2 / 3;

export interface ProbeScore {
  /** Probe words in the vocabulary. */
  tested: number;
  /** Of those, how many have a class-mate among their 5 nearest neighbours. */
  passed: number;
}

/** Score the probes on unit-length rows; words outside the vocabulary are not tested. */
export function probeNeighbours(
  unit: Float32Array,
  V: number,
  D: number,
  index: ReadonlyMap<string, number>,
  k = 5,
  classes: readonly (readonly string[])[] = PROBE_CLASSES,
): ProbeScore {
  let tested = 0;
  let passed = 0;
  for (const cls of classes) {
    const ids = new Set(cls.map((w) => index.get(w)).filter((i): i is number => i !== undefined));
    for (const id of ids) {
      tested++;
      if (neighboursOf(unit, V, D, id, k).some((s) => ids.has(s.id))) passed++;
    }
  }
  return { tested, passed };
}
