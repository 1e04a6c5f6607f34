import { describe, expect, it } from 'vitest';
import { parseParams, sanitize, serializeParams, type SchemaTable } from './schema';

const table = {
  lr: { kind: 'number', min: 1e-4, max: 1, default: 0.1, log: true },
  batch: { kind: 'int', min: 1, max: 200, default: 32 },
  opt: { kind: 'enum', options: ['sgd', 'adam'] as const, default: 'sgd' },
  log: { kind: 'bool', default: true },
  racers: { kind: 'set', options: ['sgd', 'momentum', 'adam'] as const, default: ['sgd', 'adam'], min: 1 },
} satisfies SchemaTable;

describe('URL schema', () => {
  it('reads valid values', () => {
    const { values, notices } = parseParams(table, new URLSearchParams('lr=0.01&batch=10&opt=adam&log=0'));
    expect(values).toEqual({ lr: 0.01, batch: 10, opt: 'adam', log: false, racers: ['sgd', 'adam'] });
    expect(notices).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const { values, notices } = parseParams(table, new URLSearchParams('lr=50&batch=-3'));
    expect(values.lr).toBe(1);
    expect(values.batch).toBe(1);
    expect(notices).toHaveLength(2);
  });

  it('falls back to defaults for NaN, Infinity, garbage and markup, and ignores unknown keys', () => {
    const q = 'lr=NaN&batch=Infinity&opt=<script>alert(1)</script>&log=maybe&evil=1';
    const { values, notices } = parseParams(table, new URLSearchParams(q));
    expect(values).toEqual({ lr: 0.1, batch: 32, opt: 'sgd', log: true, racers: ['sgd', 'adam'] });
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).not.toContain('evil');
  });

  it('rounds integers and treats empty strings as missing numbers', () => {
    const { values } = parseParams(table, new URLSearchParams('batch=7.6&lr='));
    expect(values.batch).toBe(8);
    expect(values.lr).toBe(0.1);
  });

  it('round-trips through serialize, writing only non-defaults', () => {
    const v = { lr: 0.003, batch: 32, opt: 'adam' as const, log: false, racers: ['adam', 'momentum'] as const };
    const s = serializeParams(table, v);
    expect(s.toString()).toBe('lr=0.003&opt=adam&log=0&racers=momentum%2Cadam');
    expect(parseParams(table, s).values).toEqual({ ...v, racers: ['momentum', 'adam'] });
  });

  it('sanitize clamps control input with the same rules', () => {
    expect(sanitize(table, 'lr', 7)).toBe(1);
    expect(sanitize(table, 'batch', Number.NaN)).toBe(32);
    expect(sanitize(table, 'opt', 'rmsprop')).toBe('sgd');
  });
});

describe('set parameters', () => {
  it('keep known options in canonical order, ignore unknown ones, and enforce the minimum', () => {
    const a = parseParams(table, new URLSearchParams('racers=adam,bogus,sgd'));
    expect(a.values.racers).toEqual(['sgd', 'adam']);
    expect(a.notices).toHaveLength(1);
    const b = parseParams(table, new URLSearchParams('racers=nope'));
    expect(b.values.racers).toEqual(['sgd', 'adam']);
    expect(b.notices.length).toBeGreaterThanOrEqual(1);
  });
});
