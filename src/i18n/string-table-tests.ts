/**
 * The checks every lesson's string table gets (call inside a describe in its strings.test.ts):
 * Chinese has exactly the English keys, keeps each string's placeholders, and leaves no
 * English prose but the names in `keep`.
 */
import { expect, it } from 'vitest';
import { englishWords, placeholders, stringLeaves } from './strings-check';

export function stringTableTests(en: object, zh: object, keep: RegExp): void {
  const enLeaves = stringLeaves(en);
  const zhLeaves = new Map(stringLeaves(zh));

  it('Chinese has every English key, and no other', () => {
    expect([...zhLeaves.keys()].sort()).toEqual(enLeaves.map(([k]) => k).sort());
  });

  it('keeps the interpolation placeholders of each string', () => {
    for (const [k, v] of enLeaves) expect(placeholders(zhLeaves.get(k)!), k).toEqual(placeholders(v));
  });

  it('leaves no English prose in the Chinese strings', () => {
    for (const [k, v] of zhLeaves) expect(englishWords(v, keep), k).toEqual([]);
  });
}
