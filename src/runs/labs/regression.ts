/** How the regression lab's settings read in the Runs region and the chart legend. */
import { fmt } from '../../format';
import { defaultFormat, type SettingFormat } from '../settings-diff';

export const formatGdSetting: SettingFormat = (key, value) => {
  if (key === 'lr' && typeof value === 'number') return `α ${fmt(value, 3)}`;
  if (key === 'noise' && typeof value === 'number') return `σ ${fmt(value, 2)}`;
  return defaultFormat(key, value);
};
