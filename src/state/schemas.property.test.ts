import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTN_PARAMS } from '../lessons/attention/params';
import { CNN_PARAMS, EXPLAINER_PARAMS } from '../lessons/cnn/params';
import { EXPLORER_PARAMS } from '../lessons/gradient-descent/explorer/params';
import { GD_PARAMS } from '../lessons/gradient-descent/params';
import { MLP_PARAMS, TINY_URL_PARAMS } from '../lessons/backprop/params';
import { RNN_PARAMS } from '../lessons/rnn/params';
import { parseParams, serializeParams, type ParamSpec, type SchemaTable } from './schema';

/** Every lesson's URL schema. A new lesson adds its table here. */
const SCHEMAS: Record<string, SchemaTable> = {
  'gradient-descent': GD_PARAMS,
  'gradient-descent explorer': EXPLORER_PARAMS,
  'backprop tiny network': TINY_URL_PARAMS,
  'backprop MLP playground': MLP_PARAMS,
  attention: ATTN_PARAMS,
  rnn: RNN_PARAMS,
  'cnn MNIST lab': CNN_PARAMS,
  'cnn convolution explainer': EXPLAINER_PARAMS,
};

function valid(p: ParamSpec, v: unknown): boolean {
  switch (p.kind) {
    case 'bool':
      return typeof v === 'boolean';
    case 'enum':
      return (p.options as readonly unknown[]).includes(v);
    case 'set':
      return (
        Array.isArray(v) &&
        v.length >= (p.min ?? 0) &&
        v.every((x) => (p.options as readonly unknown[]).includes(x)) &&
        new Set(v).size === v.length
      );
    case 'optional-number':
      return v === null || (typeof v === 'number' && Number.isFinite(v) && v >= p.min && v <= p.max);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= p.min && v <= p.max;
    case 'int':
      return Number.isInteger(v) && (v as number) >= p.min && (v as number) <= p.max;
  }
}

/** Hostile values: numbers of every size, non-finite words, markup, junk, and the table's own options. */
function hostileValue(p: ParamSpec): fc.Arbitrary<string> {
  const own = 'options' in p ? fc.constantFrom(...(p.options as readonly string[])) : fc.constant('1');
  return fc.oneof(
    fc.string(),
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-0', '', ' ', '0x10', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'undefined', 'null', ',,,', 'a'.repeat(10_000)),
    own,
    fc.array(own, { maxLength: 6 }).map((a) => a.join(',')),
  );
}

describe.each(Object.entries(SCHEMAS))('URL schema of %s', (_name, table) => {
  const keys = Object.keys(table);
  const arbParams = fc
    .tuple(
      fc.dictionary(fc.string(), fc.string()),
      fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue(table[k]!)])), { requiredKeys: [] }),
    )
    .map(([junk, known]) => new URLSearchParams({ ...junk, ...(known as Record<string, string>) }));

  it('parses any string map into a valid configuration', () => {
    fc.assert(
      fc.property(arbParams, (params) => {
        const { values, notices } = parseParams(table, params);
        for (const k of keys) expect(valid(table[k]!, (values as Record<string, unknown>)[k])).toBe(true);
        for (const n of notices) expect(n.length).toBeLessThan(300);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every configuration it produces through the URL', () => {
    fc.assert(
      fc.property(arbParams, (params) => {
        const { values } = parseParams(table, params);
        const again = parseParams(table, serializeParams(table, values));
        expect(again.notices).toEqual([]);
        expect(again.values).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});
