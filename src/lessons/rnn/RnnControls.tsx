import { useTranslation } from 'react-i18next';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { SpeedControl } from '../../components/controls/SpeedControl';
import { Toggle } from '../../components/controls/Toggle';
import { fmt } from '../../format';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { ValuesOf } from '../../state/schema';
import { RNN_CELLS, RNN_INITS, RNN_PARAMS, RNN_TASKS } from './params';

export type RnnValues = ValuesOf<typeof RNN_PARAMS>;
export type RnnUpdate = (patch: Partial<RnnValues>) => void;

const CELL_LABELS: Record<(typeof RNN_CELLS)[number], string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };
const CELL_OPTIONS = RNN_CELLS.map((c) => ({ value: c, label: CELL_LABELS[c] }));

/** The settings of the RNN lab; each writes its URL key (and is locked when the embedding page says so). */
export function RnnControls({ v, update }: { v: RnnValues; update: RnnUpdate }) {
  const { t } = useTranslation('rnn');
  const taskOptions = RNN_TASKS.map((o) => ({ value: o, label: t(`options.${o}`) }));
  const optOptions = OPTIMIZERS.map((o) => ({ value: o, label: t(`options.${o}`) }));
  const initOptions = RNN_INITS.map((o) => ({ value: o, label: t(`options.${o}`) }));
  return (
    <div className="controls rnn-controls">
      <Select label={t('controls.task')} urlKey="task" value={v.task} options={taskOptions} onChange={(task) => update({ task })} />
      <Select label={t('controls.cell')} urlKey="cell" value={v.cell} options={CELL_OPTIONS} onChange={(cell) => update({ cell })} />
      <Slider label={t('controls.hidden')} urlKey="hidden" value={v.hidden} min={4} max={64} step={1} onChange={(hidden) => update({ hidden })} />
      <Slider label={t('controls.layers')} urlKey="layers" value={v.layers} min={1} max={2} step={1} onChange={(layers) => update({ layers })} />
      {v.task === 'recall' ? (
        <>
          <Slider
            label={t('controls.gap')}
            urlKey="gap"
            value={v.gap}
            min={0}
            max={100}
            step={1}
            onChange={(gap) => update({ gap })}
            hint={t('controls.gapHint', { n: v.gap + 2 })}
          />
          <Slider
            label={t('controls.symbols')}
            urlKey="symbols"
            value={v.symbols}
            min={2}
            max={8}
            step={1}
            onChange={(symbols) => update({ symbols })}
          />
        </>
      ) : (
        <Slider
          label={t('controls.seqlen')}
          urlKey="seqlen"
          value={v.seqlen}
          min={4}
          max={100}
          step={1}
          onChange={(seqlen) => update({ seqlen })}
        />
      )}
      {v.task === 'series' && (
        <>
          <Slider
            label={t('controls.period')}
            urlKey="periods"
            value={v.periods}
            min={4}
            max={60}
            step={1}
            format={(p) => t('controls.periodValue', { p, q: Math.max(2, Math.round(p * 0.37)) })}
            onChange={(periods) => update({ periods })}
          />
          <Slider
            label={t('controls.noise')}
            urlKey="snoise"
            value={v.snoise}
            min={0}
            max={1}
            step={0.01}
            format={(s) => `σ = ${fmt(s, 2)}`}
            onChange={(snoise) => update({ snoise })}
          />
        </>
      )}
      <Slider
        label={t('controls.lr')}
        urlKey="lr"
        value={v.lr}
        min={RNN_PARAMS.lr.min}
        max={RNN_PARAMS.lr.max}
        step={0.01}
        log
        format={(x) => `α = ${fmt(x, 3)}`}
        onChange={(lr) => update({ lr })}
      />
      <Select label={t('controls.opt')} urlKey="opt" value={v.opt} options={optOptions} onChange={(opt) => update({ opt })} />
      <Slider label={t('controls.batch')} urlKey="batch" value={v.batch} min={1} max={256} step={1} onChange={(batch) => update({ batch })} />
      <SpeedControl value={v.sps} onChange={(sps) => update({ sps })} urlKey="sps" />
      <Toggle label={t('controls.clip')} urlKey="clip" checked={v.clip} onChange={(clip) => update({ clip })} />
      <Slider
        label={t('controls.clipnorm')}
        urlKey="clipnorm"
        value={v.clipnorm}
        min={RNN_PARAMS.clipnorm.min}
        max={RNN_PARAMS.clipnorm.max}
        step={0.05}
        log
        disabled={!v.clip}
        format={(x) => `θ = ${fmt(x, 3)}`}
        onChange={(clipnorm) => update({ clipnorm })}
      />
      {v.task === 'chars' && (
        <Slider
          label={t('controls.temp')}
          urlKey="temp"
          value={v.temp}
          min={RNN_PARAMS.temp.min}
          max={RNN_PARAMS.temp.max}
          step={0.02}
          log
          format={(x) => `τ = ${fmt(x, 3)}`}
          onChange={(temp) => update({ temp })}
        />
      )}
      <Slider
        label={t('controls.mbias')}
        urlKey="mbias"
        value={v.mbias}
        min={-5}
        max={5}
        step={0.5}
        disabled={v.cell === 'simple'}
        onChange={(mbias) => update({ mbias })}
        hint={v.cell === 'simple' ? t('controls.mbiasSimple') : v.cell === 'lstm' ? t('controls.mbiasLstm') : t('controls.mbiasGru')}
      />
      <Select label={t('controls.init')} urlKey="init" value={v.init} options={initOptions} onChange={(init) => update({ init })} />
    </div>
  );
}
