/**
 * What differs between runs' settings, in words a learner reads: "α 0.3 vs 0.03".
 */
import type { Settings, SettingValue } from './run-record';

/** How a lab writes one setting (e.g. lr 0.3 → "α 0.3"); the default is "key value". */
export type SettingFormat = (key: string, value: SettingValue) => string;

export const defaultFormat: SettingFormat = (key, value) => `${key} ${Array.isArray(value) ? value.join('+') : String(value)}`;

const same = (a: SettingValue | undefined, b: SettingValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Keys (in a stable order) whose values are not the same in all of these settings, except `ignore`. */
export function differingKeys(all: readonly Settings[], ignore: ReadonlySet<string>): string[] {
  const keys = new Set<string>();
  for (const s of all) for (const k of Object.keys(s)) if (!ignore.has(k)) keys.add(k);
  return [...keys].sort().filter((k) => all.some((s) => !same(s[k], all[0]![k])));
}

/** The settings of `s` that differ from `base`, written out ("α 0.3, batch 10"); '' when none. */
export function describeDiff(s: Settings, base: Settings, ignore: ReadonlySet<string>, format: SettingFormat = defaultFormat): string {
  return differingKeys([s, base], ignore)
    .filter((k) => s[k] !== undefined)
    .map((k) => format(k, s[k]!))
    .join(', ');
}

/** One phrase per differing key across runs: "α 0.3 vs 0.03; batch 10 vs 30". */
export function compareLegend(all: readonly Settings[], ignore: ReadonlySet<string>, format: SettingFormat = defaultFormat): string {
  return differingKeys(all, ignore)
    .map((k) => {
      const values: string[] = [];
      for (const s of all) {
        if (s[k] === undefined) continue;
        const text = format(k, s[k]!);
        if (!values.includes(text)) values.push(text);
      }
      // "α 0.3 vs α 0.03" reads better as "α 0.3 vs 0.03": drop the repeated name.
      const first = format(k, all.find((s) => s[k] !== undefined)![k]!);
      const head = first.split(' ')[0]!;
      return values.map((v, i) => (i > 0 && v.startsWith(`${head} `) ? v.slice(head.length + 1) : v)).join(' vs ');
    })
    .join('; ');
}
