/** How the RNN lab's settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import { defaultFormat, type SettingFormat } from '../settings-diff';

/**
 * Settings that change nothing that is trained: the speed limit, and the sampling temperature
 * (it shapes the generated text only, never a gradient).
 */
export const RNN_RUN_IGNORE = ['sps', 'temp', 'lang', 'backend'] as const;

const NAMES: Record<string, string> = {
  clipnorm: 'clip',
  snoise: 'σ',
  mbias: 'gate bias',
  seqlen: 'T',
  periods: 'period',
  opt: 'opt',
};

export const formatRnnSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  const name = NAMES[key] ?? key;
  if (typeof value === 'number') return `${name} ${fmt(value, 3)}`;
  return defaultFormat(name, value);
};
