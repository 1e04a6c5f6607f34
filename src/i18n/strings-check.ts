/**
 * Checks the lessons' string tables share in their unit tests: every key of one
 * language in the other, the same {{placeholders}}, and no English words left in
 * the Chinese apart from names that stay as they are.
 */
type Tree = { [k: string]: string | Tree };

/** Every string of a nested table as [dotted key, text]. */
export function stringLeaves(o: object, prefix = ''): [string, string][] {
  return Object.entries(o as Tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : stringLeaves(v, `${prefix}${k}.`),
  );
}

export function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

/** Latin words of three letters or more left once placeholders and the `keep` names are taken out. */
export function englishWords(s: string, keep: RegExp): string[] {
  return s.replace(/\{\{\w+\}\}/g, '').replace(keep, '').match(/[A-Za-z]{3,}/g) ?? [];
}
