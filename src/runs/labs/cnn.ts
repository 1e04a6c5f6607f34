/** How the MNIST lab's settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import type { CnnValues } from '../../lessons/cnn/params';
import { toSettings, type Settings } from '../run-record';
import { defaultFormat, type SettingFormat } from '../settings-diff';

/** View options: they change nothing that is trained (the test image shown, the chart scale, the speed). */
export const CNN_RUN_IGNORE = ['img', 'log', 'sps', 'lang', 'backend'] as const;

/** The custom CNN's own settings: they say nothing about the small CNN or the MLP. */
const CUSTOM_KEYS = ['blocks', 'filters', 'kernel', 'pool', 'dropout', 'pad', 'bn'] as const;

/** A run's settings: the lab's URL values, without the custom CNN's when another model trains. */
export function cnnRunSettings(v: CnnValues): Settings {
  const s = toSettings(v);
  if (v.model !== 'custom') for (const k of CUSTOM_KEYS) delete s[k];
  return s;
}

const NAMES: Record<string, string> = {
  blocks: 'blocks',
  filters: 'filters',
  kernel: 'kernel',
  pool: 'pool',
  pad: 'padding',
  opt: 'opt',
  batch: 'batch',
  train: 'train',
  test: 'test',
  seed: 'seed',
  model: 'model',
};

export const formatCnnSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  if (key === 'bn') return value === true ? 'batch norm' : 'no batch norm';
  if (key === 'dropout' && typeof value === 'number') return value === 0 ? 'no dropout' : `dropout ${fmt(value, 2)}`;
  const name = NAMES[key] ?? key;
  if (typeof value === 'number') return `${name} ${fmt(value, 3)}`;
  return defaultFormat(name, value);
};
