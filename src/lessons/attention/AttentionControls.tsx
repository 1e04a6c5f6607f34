import { useTranslation } from 'react-i18next';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { SpeedControl } from '../../components/controls/SpeedControl';
import { Toggle } from '../../components/controls/Toggle';
import { TOKEN_TASKS } from '../../datasets/token-tasks';
import { POSITIONAL_ENCODINGS } from '../../ml/attention/positional';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import { fmt } from '../../format';
import { ATTN_PARAMS, HEAD_CHOICES, LAYER_CHOICES, dModelGrid, type AttnValues } from './params';

const LAYER_OPTIONS = LAYER_CHOICES.map((l) => ({ value: String(l), label: String(l) }));
const HEAD_OPTIONS = HEAD_CHOICES.map((h) => ({ value: String(h), label: String(h) }));

interface Props {
  v: AttnValues;
  update: (patch: Partial<AttnValues>) => void;
}

/** The model and data (a change rebuilds the model) and the training settings (applied live). */
export function AttentionControls({ v, update }: Props) {
  const { t } = useTranslation('attn');
  const g = dModelGrid(v.heads);
  const taskOptions = TOKEN_TASKS.map((x) => ({ value: x, label: t(`task.${x}`) }));
  const peOptions = POSITIONAL_ENCODINGS.map((x) => ({ value: x, label: t(`peName.${x}`) }));
  const optOptions = OPTIMIZERS.map((x) => ({ value: x, label: t(`opt.${x}`) }));
  return (
    <div className="attn-controls">
      <fieldset>
        <legend>{t('controls.model')}</legend>
        <div className="controls">
          <Select label={t('controls.task')} value={v.task} options={taskOptions} onChange={(task) => update({ task })} urlKey="task" />
          <Slider
            label={t('controls.len')}
            urlKey="len"
            value={v.len}
            min={ATTN_PARAMS.len.min}
            max={ATTN_PARAMS.len.max}
            step={1}
            format={(T) => `T = ${T}`}
            onChange={(len) => update({ len })}
          />
          <Slider
            label={t('controls.vocab')}
            urlKey="vocab"
            value={v.vocab}
            min={ATTN_PARAMS.vocab.min}
            max={ATTN_PARAMS.vocab.max}
            step={1}
            format={(V) => `V = ${V}`}
            onChange={(vocab) => update({ vocab })}
          />
          {v.task === 'copy' && (
            <Slider
              label={t('controls.offset')}
              urlKey="offset"
              value={v.offset}
              min={0}
              max={v.len - 1}
              step={1}
              format={(k) => `k = ${k}`}
              onChange={(offset) => update({ offset })}
              hint="out_t = in_(t−k) mod T"
            />
          )}
          {v.task === 'masked' && (
            <Slider
              label={t('controls.mrate')}
              urlKey="mrate"
              value={v.mrate}
              min={0}
              max={1}
              step={0.05}
              format={(r) => t('controls.mrateValue', { pct: Math.round(100 * r) })}
              onChange={(mrate) => update({ mrate })}
              hint={t('controls.mrateHint')}
            />
          )}
          <Select
            label={t('controls.layers')}
            value={String(v.layers)}
            options={LAYER_OPTIONS}
            onChange={(l) => update({ layers: Number(l) })}
            urlKey="layers"
          />
          <Select
            label={t('controls.heads')}
            value={String(v.heads)}
            options={HEAD_OPTIONS}
            onChange={(h) => update({ heads: Number(h) })}
            urlKey="heads"
          />
          <Slider
            label={t('controls.d')}
            urlKey="d"
            value={v.d}
            min={g.min}
            max={g.max}
            step={g.step}
            format={(d) => `${d} (dₖ = ${d / v.heads})`}
            onChange={(d) => update({ d })}
          />
          <Select label={t('controls.pe')} value={v.pe} options={peOptions} onChange={(pe) => update({ pe })} urlKey="pe" />
          <Toggle label={t('controls.causal')} checked={v.causal} onChange={(causal) => update({ causal })} urlKey="causal" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('controls.training')}</legend>
        <div className="controls">
          <Slider
            label={t('controls.lr')}
            urlKey="lr"
            value={v.lr}
            min={ATTN_PARAMS.lr.min}
            max={ATTN_PARAMS.lr.max}
            step={0.01}
            log
            format={(x) => `α = ${fmt(x, 3)}`}
            onChange={(lr) => update({ lr })}
          />
          <Slider
            label={t('controls.warmup')}
            urlKey="warmup"
            value={v.warmup}
            min={ATTN_PARAMS.warmup.min}
            max={ATTN_PARAMS.warmup.max}
            step={10}
            format={(n) => (n === 0 ? t('controls.warmupNone') : `${n}`)}
            onChange={(warmup) => update({ warmup })}
          />
          <Slider
            label={t('controls.batch')}
            urlKey="batch"
            value={v.batch}
            min={ATTN_PARAMS.batch.min}
            max={ATTN_PARAMS.batch.max}
            step={1}
            format={(m) => t('controls.batchValue', { count: m })}
            onChange={(batch) => update({ batch })}
          />
          <Slider
            label={t('controls.dropout')}
            urlKey="drop"
            value={v.drop}
            min={ATTN_PARAMS.drop.min}
            max={ATTN_PARAMS.drop.max}
            step={0.05}
            format={(p) => (p === 0 ? t('controls.dropoutOff') : `p = ${fmt(p, 2)}`)}
            onChange={(drop) => update({ drop })}
          />
          <Select label={t('controls.opt')} value={v.opt} options={optOptions} onChange={(opt) => update({ opt })} urlKey="opt" />
          <SpeedControl value={v.sps} onChange={(sps) => update({ sps })} urlKey="sps" />
        </div>
      </fieldset>
    </div>
  );
}
