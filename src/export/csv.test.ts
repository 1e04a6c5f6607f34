import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from '../charts/series-buffer';
import { float32Text, toCsv } from './csv';

describe('toCsv', () => {
  it('writes one row per recorded step, with a header', () => {
    const b = new SeriesBuffer();
    for (let s = 1; s <= 250; s++) b.push(s, 1 / s);
    const lines = toCsv([{ label: 'batch loss', points: b.points() }]).trim().split('\n');
    expect(lines[0]).toBe('step,batch loss');
    expect(lines).toHaveLength(251);
    expect(lines[1]).toBe('1,1');
    expect(lines[250]).toBe(`250,${float32Text(Math.fround(1 / 250))}`);
  });

  it('joins series on their steps and leaves gaps empty', () => {
    const csv = toCsv([
      { label: 'a', points: [{ x: 1, y: 0.5 }, { x: 2, y: 0.25 }] },
      { label: 'b, "quoted"', points: [{ x: 2, y: 3 }] },
    ]);
    expect(csv).toBe('step,a,"b, ""quoted"""\n1,0.5,\n2,0.25,3\n');
  });

  it('prints float32 values exactly and briefly', () => {
    for (const v of [0.1, 0.27, 1e-7, 123456.789, -3.5]) {
      const f = Math.fround(v);
      const s = float32Text(f);
      expect(Math.fround(Number(s))).toBe(f);
      expect(s.replace(/^-/, '').replace('.', '').replace(/e.*$/, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
    expect(float32Text(Math.fround(0.27))).toBe('0.27');
  });
});
