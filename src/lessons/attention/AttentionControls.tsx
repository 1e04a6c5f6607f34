import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { TOKEN_TASK_LABELS, TOKEN_TASKS } from '../../datasets/token-tasks';
import { POSITIONAL_ENCODINGS, POSITIONAL_LABELS } from '../../ml/attention/positional';
import { OPTIMIZERS, OPTIMIZER_LABELS } from '../../ml/train/optimizer-names';
import { fmt } from '../../format';
import { ATTN_PARAMS, HEAD_CHOICES, LAYER_CHOICES, dModelGrid, type AttnValues } from './params';

const TASK_OPTIONS = TOKEN_TASKS.map((t) => ({ value: t, label: TOKEN_TASK_LABELS[t] }));
const PE_OPTIONS = POSITIONAL_ENCODINGS.map((p) => ({ value: p, label: POSITIONAL_LABELS[p] }));
const OPT_OPTIONS = OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }));
const LAYER_OPTIONS = LAYER_CHOICES.map((l) => ({ value: String(l), label: String(l) }));
const HEAD_OPTIONS = HEAD_CHOICES.map((h) => ({ value: String(h), label: String(h) }));

interface Props {
  v: AttnValues;
  update: (patch: Partial<AttnValues>) => void;
}

/** The model and data (a change rebuilds the model) and the training settings (applied live). */
export function AttentionControls({ v, update }: Props) {
  const g = dModelGrid(v.heads);
  return (
    <div className="attn-controls">
      <fieldset>
        <legend>Task and model (a change starts a new model)</legend>
        <div className="controls">
          <Select label="Task" value={v.task} options={TASK_OPTIONS} onChange={(task) => update({ task })} />
          <Slider
            label="Sequence length"
            value={v.len}
            min={ATTN_PARAMS.len.min}
            max={ATTN_PARAMS.len.max}
            step={1}
            format={(T) => `T = ${T}`}
            onChange={(len) => update({ len })}
          />
          <Slider
            label="Vocabulary size"
            value={v.vocab}
            min={ATTN_PARAMS.vocab.min}
            max={ATTN_PARAMS.vocab.max}
            step={1}
            format={(V) => `V = ${V}`}
            onChange={(vocab) => update({ vocab })}
          />
          {v.task === 'copy' && (
            <Slider
              label="Offset"
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
              label="Mask rate"
              value={v.mrate}
              min={0}
              max={1}
              step={0.05}
              format={(r) => `${Math.round(100 * r)} % of pairs`}
              onChange={(mrate) => update({ mrate })}
              hint="At least one token is hidden per sequence"
            />
          )}
          <Select label="Layers" value={String(v.layers)} options={LAYER_OPTIONS} onChange={(l) => update({ layers: Number(l) })} />
          <Select label="Heads" value={String(v.heads)} options={HEAD_OPTIONS} onChange={(h) => update({ heads: Number(h) })} />
          <Slider
            label="d_model"
            value={v.d}
            min={g.min}
            max={g.max}
            step={g.step}
            format={(d) => `${d} (d_k = ${d / v.heads})`}
            onChange={(d) => update({ d })}
          />
          <Select label="Positional encoding" value={v.pe} options={PE_OPTIONS} onChange={(pe) => update({ pe })} />
          <Toggle label="Causal mask (decoder-style)" checked={v.causal} onChange={(causal) => update({ causal })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Training (applied at the next step)</legend>
        <div className="controls">
          <Slider
            label="Learning rate"
            value={v.lr}
            min={ATTN_PARAMS.lr.min}
            max={ATTN_PARAMS.lr.max}
            step={0.01}
            log
            format={(x) => `α = ${fmt(x, 3)}`}
            onChange={(lr) => update({ lr })}
          />
          <Slider
            label="Warm-up steps"
            value={v.warmup}
            min={ATTN_PARAMS.warmup.min}
            max={ATTN_PARAMS.warmup.max}
            step={10}
            format={(n) => (n === 0 ? 'none' : `${n}`)}
            onChange={(warmup) => update({ warmup })}
          />
          <Slider
            label="Batch size"
            value={v.batch}
            min={ATTN_PARAMS.batch.min}
            max={ATTN_PARAMS.batch.max}
            step={1}
            format={(m) => `${m} sequences`}
            onChange={(batch) => update({ batch })}
          />
          <Slider
            label="Dropout"
            value={v.drop}
            min={ATTN_PARAMS.drop.min}
            max={ATTN_PARAMS.drop.max}
            step={0.05}
            format={(p) => (p === 0 ? 'off' : `p = ${fmt(p, 2)}`)}
            onChange={(drop) => update({ drop })}
          />
          <Select label="Optimizer" value={v.opt} options={OPT_OPTIONS} onChange={(opt) => update({ opt })} />
        </div>
      </fieldset>
    </div>
  );
}
