import { describe, expect, it } from 'vitest';
import { ATTN_PARAMS } from '../lessons/attention/params';
import { MLP_PARAMS } from '../lessons/backprop/params';
import { CNN_PARAMS } from '../lessons/cnn/params';
import { EXPLORER_PARAMS } from '../lessons/gradient-descent/explorer/params';
import { GD_PARAMS } from '../lessons/gradient-descent/params';
import { RNN_PARAMS } from '../lessons/rnn/params';
import { parseParams, serializeParams, type SchemaTable } from './schema';
import { SPEED_LADDER, SPEED_MAX, SPEED_MIN, speedFromPosition, speedPosition, stepsPerSecCap } from './speed';

/** Every lab with a Train loop, its speed key and the default it starts at. */
const LABS: { name: string; table: SchemaTable; key: string; default: number }[] = [
  { name: 'linear regression', table: GD_PARAMS, key: 'lsps', default: 60 },
  { name: 'MLP playground', table: MLP_PARAMS, key: 'sps', default: SPEED_MAX },
  { name: 'MNIST lab', table: CNN_PARAMS, key: 'sps', default: SPEED_MAX },
  { name: 'RNN lab', table: RNN_PARAMS, key: 'sps', default: SPEED_MAX },
  { name: 'Transformer lab', table: ATTN_PARAMS, key: 'sps', default: SPEED_MAX },
];

describe('the steps-per-second key of each lab', () => {
  for (const lab of LABS) {
    describe(lab.name, () => {
      const q = (s: string) => parseParams(lab.table, new URLSearchParams(s));
      it(`is ${lab.key}, log-scale 1 … 1000, default ${lab.default}`, () => {
        expect(lab.table[lab.key]).toEqual({ kind: 'number', min: SPEED_MIN, max: SPEED_MAX, default: lab.default, log: true });
        expect((q('').values as Record<string, unknown>)[lab.key]).toBe(lab.default);
      });
      it('reads a slow setting from the link and writes it back', () => {
        const p = q(`${lab.key}=2`);
        expect((p.values as Record<string, unknown>)[lab.key]).toBe(2);
        expect(p.notices).toEqual([]);
        expect(serializeParams(lab.table, p.values).get(lab.key)).toBe('2');
      });
      it('leaves the default out of links', () => {
        expect(serializeParams(lab.table, q('').values).has(lab.key)).toBe(false);
      });
      it('clamps out-of-range values with a notice and ignores text', () => {
        const low = q(`${lab.key}=0`);
        expect((low.values as Record<string, unknown>)[lab.key]).toBe(SPEED_MIN);
        expect(low.notices.join(' ')).toContain(lab.key);
        const high = q(`${lab.key}=1e6`);
        expect((high.values as Record<string, unknown>)[lab.key]).toBe(SPEED_MAX);
        expect(high.notices).toHaveLength(1);
        const bad = q(`${lab.key}=fast`);
        expect((bad.values as Record<string, unknown>)[lab.key]).toBe(lab.default);
        expect(bad.notices).toHaveLength(1);
      });
    });
  }

  it('the regression key does not collide with the optimizer race on the same page', () => {
    expect(Object.keys(EXPLORER_PARAMS)).toContain('sps');
    expect(Object.keys(EXPLORER_PARAMS)).not.toContain('lsps');
    expect(Object.keys(GD_PARAMS)).not.toContain('sps');
  });
});

describe('speed values', () => {
  it('the top of the range means no cap; anything below caps the engine at that rate', () => {
    expect(stepsPerSecCap(SPEED_MAX)).toBe(Infinity);
    expect(stepsPerSecCap(2)).toBe(2);
    expect(stepsPerSecCap(999)).toBe(999);
    expect(stepsPerSecCap(0)).toBe(SPEED_MIN);
  });

  it('the slider stops round-trip and rise monotonically from 1 to max', () => {
    SPEED_LADDER.forEach((s, i) => {
      expect(speedPosition(s)).toBe(i);
      expect(speedFromPosition(i)).toBe(s);
      if (i > 0) expect(s).toBeGreaterThan(SPEED_LADDER[i - 1]!);
    });
    expect(SPEED_LADDER[0]).toBe(SPEED_MIN);
    expect(SPEED_LADDER.at(-1)).toBe(SPEED_MAX);
  });

  it('a value between stops sits at the nearest stop in log terms; positions outside the slider clamp', () => {
    expect(speedPosition(4)).toBe(SPEED_LADDER.indexOf(5));
    expect(speedPosition(2.4)).toBe(SPEED_LADDER.indexOf(2));
    expect(speedPosition(700)).toBe(SPEED_LADDER.indexOf(500));
    expect(speedPosition(800)).toBe(SPEED_LADDER.length - 1);
    expect(speedPosition(0)).toBe(0);
    expect(speedFromPosition(-3)).toBe(SPEED_MIN);
    expect(speedFromPosition(99)).toBe(SPEED_MAX);
  });
});
