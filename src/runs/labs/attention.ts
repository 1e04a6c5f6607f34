/** How the attention lab's (transformer's) settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import { defaultFormat, type SettingFormat } from '../settings-diff';

/**
 * View-only keys: the probe sequence, the traced layer / head / query, the ideal-pattern overlay,
 * the log scale and the speed limit change what is shown, never what is trained.
 */
export const ATTN_RUN_IGNORE = ['probe', 'tl', 'th', 'tq', 'ideal', 'llog', 'sps', 'lang', 'backend'] as const;

const NAMES: Record<string, string> = {
  len: 'T',
  vocab: 'V',
  d: 'd_model',
  pe: 'positions',
  drop: 'dropout',
  mrate: 'mask',
};

export const formatAttnSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  const name = NAMES[key] ?? key;
  if (typeof value === 'number') return `${name} ${fmt(value, 3)}`;
  return defaultFormat(name, value);
};
