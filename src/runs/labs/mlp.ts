/** How the MLP playground's settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import type { SettingFormat } from '../settings-diff';
import { defaultFormat } from '../settings-diff';

/** View and click options: they change nothing that is trained. */
export const MLP_RUN_IGNORE = ['llog', 'showtest', 'disc', 'click', 'cls', 'val', 'sps', 'lang', 'backend'] as const;

const NAMES: Record<string, string> = {
  batch: 'batch',
  opt: 'opt',
  reg: 'reg',
  rrate: 'λ',
  drop: 'dropout',
  ds: 'data',
  n: 'n',
  noise: 'noise',
  test: 'test',
  seed: 'seed',
  layers: 'layers',
  act: 'act',
  feat: 'features',
};

export const formatMlpSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  if (/^h\d$/.test(key)) return `${key} ${String(value)}`;
  const name = NAMES[key];
  if (name && typeof value === 'number') return `${name} ${fmt(value, 3)}`;
  return name ? defaultFormat(name, value) : defaultFormat(key, value);
};
