import { useLang } from '../../i18n';
import { PROSE_EN } from './Explanation';
import { PROSE_ZH } from './Explanation.zh';

export type ProseName = keyof typeof PROSE_EN;

/** One section of the lesson's prose in the current language (the formulas are shared: tex.ts). */
export function Prose({ name }: { name: ProseName }) {
  const lang = useLang();
  const Section = (lang === 'zh' ? PROSE_ZH : PROSE_EN)[name];
  return <Section />;
}
