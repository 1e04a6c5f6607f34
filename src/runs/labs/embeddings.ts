/** How the embeddings (word2vec) lab's settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import { defaultFormat, type SettingFormat } from '../settings-diff';

/** View-only keys: which words the map shows (how many, after skipping the most frequent). */
export const EMB_RUN_IGNORE = ['shown', 'skip', 'lang', 'backend'] as const;

const NAMES: Record<string, string> = {
  vocab: 'V',
  dim: 'D',
  neg: 'K',
  sub: 'subsampling',
  t: 't',
};

export const formatEmbSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  const name = NAMES[key] ?? key;
  if (typeof value === 'number') return `${name} ${fmt(value, 3)}`;
  return defaultFormat(name, value);
};
