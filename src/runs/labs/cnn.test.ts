import { describe, expect, it } from 'vitest';
import { CNN_PARAMS, type CnnValues } from '../../lessons/cnn/params';
import { describeDiff } from '../settings-diff';
import { CNN_RUN_IGNORE, cnnRunSettings, formatCnnSetting } from './cnn';

const defaults = Object.fromEntries(Object.entries(CNN_PARAMS).map(([k, p]) => [k, p.default])) as unknown as CnnValues;
const ignore = new Set<string>(CNN_RUN_IGNORE);

describe('the MNIST lab’s run settings', () => {
  it('keep the custom CNN’s keys only for the custom CNN', () => {
    expect(cnnRunSettings({ ...defaults, model: 'cnn' })).not.toHaveProperty('bn');
    expect(cnnRunSettings({ ...defaults, model: 'cnn' })).not.toHaveProperty('filters');
    expect(cnnRunSettings({ ...defaults, model: 'custom', bn: true })).toMatchObject({ bn: true, filters: 16, blocks: 2 });
    // A small-CNN run does not "differ" from another by settings it never used.
    const a = cnnRunSettings({ ...defaults, model: 'cnn', filters: 8 });
    const b = cnnRunSettings({ ...defaults, model: 'cnn', filters: 32 });
    expect(describeDiff(a, b, ignore, formatCnnSetting)).toBe('');
  });

  it('read as a learner would write them; view options never differ', () => {
    const base = cnnRunSettings({ ...defaults, model: 'custom' });
    const other = cnnRunSettings({ ...defaults, model: 'custom', bn: true, lr: 0.01, dropout: 0.25, img: 7, sps: 5, log: false });
    expect(describeDiff(other, base, ignore, formatCnnSetting)).toBe('batch norm, dropout 0.25, α 0.01');
    expect(describeDiff(base, other, ignore, formatCnnSetting)).toBe('no batch norm, no dropout, α 0.001');
  });
});
