import { useTranslation } from 'react-i18next';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { fmt } from '../../format';
import { WORD_CORPORA } from '../../datasets/word-corpus';
import type { ValuesOf } from '../../state/schema';
import { EMB_PARAMS } from './params';

export type EmbValues = ValuesOf<typeof EMB_PARAMS>;
export type EmbUpdate = (patch: Partial<EmbValues>) => void;

const P = EMB_PARAMS;

/** The settings of the embedding lab; each writes its URL key (and is locked when the embedding page says so). */
export function EmbeddingControls({ v, update, corpusVocab }: { v: EmbValues; update: EmbUpdate; corpusVocab: number | null }) {
  const { t } = useTranslation('emb');
  const corpusOptions = WORD_CORPORA.map((c) => ({ value: c, label: t(`options.${c}`) }));
  return (
    <div className="controls emb-controls">
      <Select label={t('controls.corpus')} urlKey="corpus" value={v.corpus} options={corpusOptions} onChange={(corpus) => update({ corpus })} />
      <Slider
        label={t('controls.vocab')}
        urlKey="vocab"
        value={v.vocab}
        min={P.vocab.min}
        max={P.vocab.max}
        step={500}
        // The model keeps at most what the corpus has (the Song ci have 4,280 characters seen ≥ 5 times).
        format={(n) => t('controls.vocabValue', { n: Math.min(n, corpusVocab ?? n).toLocaleString('en') })}
        onChange={(vocab) => update({ vocab: Math.min(P.vocab.max, vocab) })}
      />
      <Slider label={t('controls.dim')} urlKey="dim" value={v.dim} min={P.dim.min} max={P.dim.max} step={1} format={(d) => `D = ${d}`} onChange={(dim) => update({ dim })} />
      <Slider
        label={t('controls.window')}
        urlKey="window"
        value={v.window}
        min={P.window.min}
        max={P.window.max}
        step={1}
        format={(n) => t('controls.windowValue', { n })}
        onChange={(window) => update({ window })}
      />
      <Slider label={t('controls.neg')} urlKey="neg" value={v.neg} min={P.neg.min} max={P.neg.max} step={1} format={(k) => `K = ${k}`} onChange={(neg) => update({ neg })} />
      <Slider
        label={t('controls.lr')}
        urlKey="lr"
        value={v.lr}
        min={P.lr.min}
        max={P.lr.max}
        step={0.02}
        log
        format={(x) => `α = ${fmt(x, 3)}`}
        onChange={(lr) => update({ lr })}
      />
      <Toggle label={t('controls.sub')} urlKey="sub" checked={v.sub} onChange={(sub) => update({ sub })} />
      <Slider
        label={t('controls.t')}
        urlKey="t"
        value={v.t}
        min={P.t.min}
        max={P.t.max}
        step={0.05}
        log
        disabled={!v.sub}
        format={(x) => `t = ${x.toExponential(1)}`}
        onChange={(tt) => update({ t: tt })}
      />
      <Slider label={t('controls.batch')} urlKey="batch" value={v.batch} min={P.batch.min} max={P.batch.max} step={100} onChange={(batch) => update({ batch })} />
      <Slider label={t('controls.shown')} urlKey="shown" value={v.shown} min={P.shown.min} max={P.shown.max} step={10} onChange={(shown) => update({ shown })} />
      <Slider label={t('controls.skip')} urlKey="skip" value={v.skip} min={P.skip.min} max={P.skip.max} step={10} onChange={(skip) => update({ skip })} />
      <p className="emb-note">{t('controls.rebuild')}</p>
    </div>
  );
}
