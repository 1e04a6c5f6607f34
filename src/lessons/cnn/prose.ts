import { useLang, type Lang } from '../../i18n';
import * as EN from './Explanation';
import * as ZH from './Explanation.zh';

type Prose = Omit<typeof EN, never>;
const PROSE: Record<Lang, Prose> = { en: EN, zh: ZH };

/** The lesson's prose sections in the current language (same components, same props). */
export function useProse(): Prose {
  return PROSE[useLang()];
}
