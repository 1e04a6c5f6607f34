import { describe, expect, it } from 'vitest';
import { formatMlpSetting } from './labs/mlp';
import { compareLegend, describeDiff, differingKeys } from './settings-diff';

const none = new Set<string>();

describe('settings diff', () => {
  it('names what differs: "α 0.3 vs 0.03"', () => {
    expect(compareLegend([{ lr: 0.3, batch: 10 }, { lr: 0.03, batch: 10 }], none, formatMlpSetting)).toBe('α 0.3 vs 0.03');
  });
  it('describes a run against the settings now, ignoring view options', () => {
    expect(describeDiff({ lr: 0.3, llog: true, act: 'relu' }, { lr: 0.03, llog: false, act: 'relu' }, new Set(['llog']), formatMlpSetting)).toBe('α 0.3');
    expect(describeDiff({ lr: 0.3 }, { lr: 0.3 }, none)).toBe('');
  });
  it('compares arrays by value', () => {
    expect(differingKeys([{ feat: ['x1', 'x2'] }, { feat: ['x1', 'x2'] }], none)).toEqual([]);
    expect(differingKeys([{ feat: ['x1'] }, { feat: ['x1', 'x2'] }], none)).toEqual(['feat']);
  });
});
