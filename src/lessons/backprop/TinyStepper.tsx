import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { useScrollCue } from '../../components/math/scroll-cue';
import { Tex } from '../../components/math/Tex';
import { WrapTex } from '../../components/math/WrapTex';
import { fmt } from '../../format';
import type { BackendChoice } from '../../ml/backend-names';
import {
  TINY_NODE_INFO,
  TINY_PARAMS,
  finiteDifference,
  forward,
  tinyLoss,
  update as sgdUpdate,
  type TinyActivation,
  type TinyNodeId,
  type TinyParamName,
  type TinyParams,
} from '../../ml/backprop/tiny-net';
import { backward, revealedAt, tinySteps } from '../../ml/backprop/tiny-net-backward';
import { chainRuleTex } from '../../ml/backprop/tiny-net-tex';
import type { TinyNetSpec } from '../../ml/tasks/tiny-net-task';
import { isLocked, useEmbed } from '../../embed/context';
import { Part } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import type { ValuesOf } from '../../state/schema';
import { NumberField } from './NumberField';
import { TINY_URL_PARAMS } from './params';
import { Prose } from './Prose';
import { TEX } from './tex';
import { TinyGraph } from './TinyGraph';
import { NODE_TEXT, forwardTex, stepTitle, updateTex } from './tiny-step-text';
import { useTinyNet, type WorkerUpdate } from './useTinyNet';
import { WidgetHeading } from '../../embed/WidgetHeading';

type Values = ValuesOf<typeof TINY_URL_PARAMS>;

interface Props {
  values: Values;
  update: (patch: Partial<Values>) => void;
  backend: BackendChoice;
  /** Prose shown beside the gradient table. */
  children?: React.ReactNode;
}

const KEY_OF: Record<TinyParamName, keyof Values> = {
  w11: 'tw11',
  w12: 'tw12',
  b1: 'tb1',
  w21: 'tw21',
  w22: 'tw22',
  b2: 'tb2',
  v1: 'tv1',
  v2: 'tv2',
  c: 'tc',
};
const STEPS = tinySteps();
const LOSS_STEP = STEPS.findIndex((s) => s.phase === 'loss');
const LAST_BACKWARD = STEPS.map((s) => s.phase).lastIndexOf('backward');
const WEIGHT = TINY_URL_PARAMS.tw11;

/** Float32 autodiff vs float64 hand: agree to ~1e-7 relative; 1e-4 leaves room, 1e-6 covers zeros. */
const agreeF32 = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
/** Central differences in float64 are good to ~1e-9 here. */
const agreeFd = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-8;
/** Weights written back after an update: 8 significant digits keep the link short and exact. */
const tidy = (v: number) => Number(v.toPrecision(8));

interface UpdateRecord {
  before: number;
  after: number;
  worker: WorkerUpdate | null;
  pending: boolean;
}

/** Part 1: the tiny network, stepped through one forward and backward pass and one update. */
export function TinyStepper({ values: v, update, backend, children }: Props) {
  const { t } = useTranslation('bp');
  const graphCue = useScrollCue<HTMLDivElement>();
  const tableCue = useScrollCue<HTMLDivElement>();
  const embed = useEmbed();
  // An update writes all nine weights: not possible when the embedding page locks any of them.
  const updateLocked = TINY_PARAMS.some((p) => isLocked(embed, KEY_OF[p]));
  const actOptions = [
    { value: 'sigmoid' as const, label: t('act.sigmoidSigma') },
    { value: 'tanh' as const, label: t('act.tanh') },
  ];
  const params: TinyParams = useMemo(
    () => ({ w11: v.tw11, w12: v.tw12, b1: v.tb1, w21: v.tw21, w22: v.tw22, b2: v.tb2, v1: v.tv1, v2: v.tv2, c: v.tc }),
    [v.tw11, v.tw12, v.tb1, v.tw21, v.tw22, v.tb2, v.tv1, v.tv2, v.tc],
  );
  const input = useMemo(() => ({ x1: v.tx1, x2: v.tx2 }), [v.tx1, v.tx2]);
  const act: TinyActivation = v.tact;
  const fwd = useMemo(() => forward(params, input, v.tt, act), [params, input, v.tt, act]);
  const bw = useMemo(() => backward(fwd), [fwd]);
  const fd = useMemo(() => finiteDifference(params, input, v.tt, act), [params, input, v.tt, act]);
  const spec: TinyNetSpec = useMemo(() => ({ kind: 'tiny-net', params, input, target: v.tt, activation: act }), [params, input, v.tt, act]);
  const tiny = useTinyNet(spec, v.tlr, backend);

  const [k, setK] = useState(-1);
  const [last, setLast] = useState<UpdateRecord | null>(null);
  const revealed = useMemo(() => revealedAt(STEPS, k), [k]);
  const step = k >= 0 ? STEPS[k] : undefined;
  const current: TinyNodeId | null = step && step.phase !== 'update' ? step.node : null;
  const activeEdges = useMemo(() => {
    const s = new Set<string>();
    if (!step || step.phase === 'update') return s;
    if (step.phase === 'backward') for (const t of bw.local[step.node]) s.add(`${step.node}>${t.child}`);
    else for (const e of fwd.edges) if (e.to === step.node) s.add(`${e.from}>${e.to}`);
    return s;
  }, [step, bw, fwd]);
  const next = useMemo(() => sgdUpdate(params, bw.params, v.tlr), [params, bw, v.tlr]);

  const edit = (patch: Partial<Values>) => {
    setLast(null);
    update(patch);
  };

  const applyUpdate = () => {
    if (updateLocked) return;
    const before = fwd.values.L;
    const tidied = {} as TinyParams;
    for (const p of TINY_PARAMS) tidied[p] = Math.min(WEIGHT.max, Math.max(WEIGHT.min, tidy(next[p])));
    const after = tinyLoss(tidied, input, v.tt, act);
    setLast({ before, after, worker: null, pending: true });
    void tiny.applyUpdate().then((worker) => {
      setLast((r) => (r && r.before === before ? { ...r, worker, pending: false } : r));
      const patch: Partial<Values> = {};
      for (const p of TINY_PARAMS) (patch as Record<string, number>)[KEY_OF[p]] = tidied[p];
      update(patch);
      setK(-1);
    });
  };

  return (
    <section className="bp-part tiny" aria-labelledby="tiny-heading">
      <div className="bp-widget-head">
        <WidgetHeading id="tiny-heading">{t('tiny.heading')}</WidgetHeading>
        <WidgetTools />
      </div>
      <Part name="explanation">
        <Prose name="TinyIntro" />
      </Part>
      <div className="tiny-layout">
        <figure className="tiny-figure">
          <div className="tiny-graph-wrap scroll-cue" ref={graphCue}>
            <TinyGraph fwd={fwd} grads={bw.grads} revealed={revealed} current={current} activeEdges={activeEdges} />
          </div>
          <figcaption className="legend">
            <span>{t('tiny.legendNode')}</span>
            <span className="tg-legend-grad">{t('tiny.legendGrad')}</span>
            <span>{t('tiny.legendEdge')}</span>
          </figcaption>
        </figure>
        <div className="tiny-panel">
          <div className="tiny-buttons" role="group" aria-label={t('tiny.stepGroup')}>
            <button type="button" onClick={() => setK((i) => Math.max(-1, i - 1))} disabled={k < 0}>
              {t('tiny.previous')}
            </button>
            <button type="button" className="primary" onClick={() => setK((i) => Math.min(STEPS.length - 1, i + 1))} disabled={k >= STEPS.length - 1}>
              {t('tiny.next')}
            </button>
            <button type="button" onClick={() => setK(LOSS_STEP)}>
              {t('tiny.forwardPass')}
            </button>
            <button type="button" onClick={() => setK(LAST_BACKWARD)}>
              {t('tiny.backwardPass')}
            </button>
            <button type="button" onClick={() => setK(-1)} disabled={k < 0}>
              {t('tiny.startOver')}
            </button>
          </div>
          <p className="tiny-progress" data-testid="tiny-step" data-value={k + 1} data-phase={step?.phase ?? 'start'}>
            {t('tiny.progress', { k: k + 1, n: STEPS.length })}
            <b>{stepTitle(step)}</b>
          </p>
          <div className="tiny-explain" aria-live="polite">
            <StepExplanation k={k} fwd={fwd} bw={bw} act={act} lr={v.tlr} params={params} next={next} />
          </div>
          {step?.phase === 'update' && (
            <button
              type="button"
              className="primary"
              onClick={applyUpdate}
              disabled={last?.pending === true || updateLocked}
              title={updateLocked ? t('control.locked', { ns: 'common' }) : undefined}
            >
              {t('tiny.applyUpdate')}
            </button>
          )}
          {last && <UpdateResult record={last} lr={v.tlr} />}
        </div>
      </div>
      <Part name="controls">
        <div className="tiny-inputs">
          <NumberField label={t('tiny.x1')} urlKey="tx1" value={v.tx1} min={TINY_URL_PARAMS.tx1.min} max={TINY_URL_PARAMS.tx1.max} step={0.05} onChange={(tx1) => edit({ tx1 })}>
            x₁
          </NumberField>
          <NumberField label={t('tiny.x2')} urlKey="tx2" value={v.tx2} min={TINY_URL_PARAMS.tx2.min} max={TINY_URL_PARAMS.tx2.max} step={0.05} onChange={(tx2) => edit({ tx2 })}>
            x₂
          </NumberField>
          <NumberField label={t('tiny.target')} urlKey="tt" value={v.tt} min={TINY_URL_PARAMS.tt.min} max={TINY_URL_PARAMS.tt.max} step={0.05} onChange={(tt) => edit({ tt })}>
            {t('tiny.targetShown')}
          </NumberField>
          <Select label={t('tiny.activation')} urlKey="tact" value={act} options={actOptions} onChange={(tact) => edit({ tact })} />
          <Slider
            label={t('tiny.learningRate')}
            urlKey="tlr"
            value={v.tlr}
            min={TINY_URL_PARAMS.tlr.min}
            max={TINY_URL_PARAMS.tlr.max}
            step={0.01}
            log
            format={(a) => `α = ${fmt(a, 3)}`}
            onChange={(tlr) => edit({ tlr })}
          />
        </div>
      </Part>
      {tiny.error && (
        <div className="alert" role="alert">
          {t('tiny.workerError', { error: tiny.error })}{' '}
          <button type="button" onClick={tiny.retry}>
            {t('tiny.retry')}
          </button>
        </div>
      )}
      <div className="tiny-bottom">
        <div className="tiny-table">
          <Part name="explanation">
            <Prose name="GradTableNote" />
          </Part>
          <div className="table-wrap scroll-cue" ref={tableCue}>
            <table className="grad-table" aria-busy={tiny.view ? undefined : true}>
              <caption className="visually-hidden">{t('tiny.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">θ</th>
                  <th scope="col">{t('tiny.colValue')}</th>
                  <th scope="col">{t('tiny.colHand')}</th>
                  <th scope="col">{t('tiny.colAuto')}</th>
                  <th scope="col">{t('tiny.colFd')}</th>
                  <th scope="col">{t('tiny.colAgree')}</th>
                </tr>
              </thead>
              <tbody>
                {TINY_PARAMS.map((p) => {
                  const key = KEY_OF[p];
                  const hand = revealed.grads.has(p) ? bw.params[p] : null;
                  const auto = tiny.view ? tiny.view.grads[p] : null;
                  const ok = hand !== null && auto !== null ? agreeF32(hand, auto) && agreeFd(hand, fd[p]) : null;
                  return (
                    <tr key={p} className={current === p ? 'current' : undefined}>
                      <th scope="row">
                        {/* θ itself (its value is the next column; the gradient columns are ∂L/∂θ). */}
                        <Tex math={TINY_NODE_INFO[p].label} />
                      </th>
                      <td>
                        <NumberField label={p} urlKey={key} value={params[p]} min={WEIGHT.min} max={WEIGHT.max} step={0.05} onChange={(x) => edit({ [key]: x } as Partial<Values>)}>
                          <span className="visually-hidden">{NODE_TEXT[p]}</span>
                        </NumberField>
                      </td>
                      <td data-testid={`hand-${p}`} data-value={hand ?? ''}>
                        {hand === null ? <span className="bp-muted">{t('tiny.notYet')}</span> : fmt(hand, 5)}
                      </td>
                      <td data-testid={`auto-${p}`} data-value={auto ?? ''}>
                        {auto === null ? <span className="bp-muted">{t('tiny.computing')}</span> : fmt(auto, 5)}
                      </td>
                      <td data-testid={`fd-${p}`} data-value={fd[p]}>
                        {fmt(fd[p], 5)}
                      </td>
                      <td data-testid={`agree-${p}`}>{ok === null ? '' : ok ? t('tiny.agree') : t('tiny.differ')}</td>
                    </tr>
                  );
                })}
                <tr className="loss-row">
                  <th scope="row">
                    <Tex math="L" />
                  </th>
                  <td colSpan={2} data-testid="hand-loss" data-value={fwd.values.L}>
                    {revealed.values.has('L') ? fmt(fwd.values.L, 5) : <span className="bp-muted">{t('tiny.notYet')}</span>}
                  </td>
                  <td data-testid="auto-loss" data-value={tiny.view?.loss ?? ''}>
                    {tiny.view ? fmt(tiny.view.loss, 5) : <span className="bp-muted">{t('tiny.computing')}</span>}
                  </td>
                  <td colSpan={2} />
                </tr>
              </tbody>
            </table>
          </div>
        </div>
        <Part name="explanation">
          <div className="tiny-prose">{children}</div>
        </Part>
      </div>
    </section>
  );
}

function StepExplanation({
  k,
  fwd,
  bw,
  act,
  lr,
  params,
  next,
}: {
  k: number;
  fwd: ReturnType<typeof forward>;
  bw: ReturnType<typeof backward>;
  act: TinyActivation;
  lr: number;
  params: TinyParams;
  next: TinyParams;
}) {
  const { t } = useTranslation('bp');
  const step = k >= 0 ? STEPS[k] : undefined;
  if (!step) {
    return (
      <p>
        <Trans t={t} i18nKey="tiny.explainStart" components={{ b: <b /> }} />
      </p>
    );
  }
  if (step.phase === 'forward') {
    return (
      <>
        <p>
          {step.node.startsWith('z')
            ? t('tiny.explainZ')
            : step.node.startsWith('h')
              ? t('tiny.explainH', { phi: act === 'sigmoid' ? 'σ' : 'tanh' })
              : t('tiny.explainYhat')}
        </p>
        <WrapTex math={forwardTex(step.node, fwd.values, act)} />
      </>
    );
  }
  if (step.phase === 'loss') {
    return (
      <>
        <p>{t('tiny.explainLoss')}</p>
        <WrapTex math={forwardTex('L', fwd.values, act)} />
      </>
    );
  }
  if (step.phase === 'backward') {
    const node = step.node;
    const local = chainRuleTex(bw, node, { form: 'local' });
    const path = chainRuleTex(bw, node);
    const many = bw.paths[node].length > 1;
    return (
      <>
        <p>{t(many ? 'tiny.explainBackMany' : 'tiny.explainBackOne', { node: NODE_TEXT[node] })}</p>
        <WrapTex math={local} />
        {path !== local && (
          <>
            <p>{t(many ? 'tiny.explainPathMany' : 'tiny.explainPathOne')}</p>
            <WrapTex math={path} />
          </>
        )}
      </>
    );
  }
  return (
    <>
      <p>
        <Trans t={t} i18nKey="tiny.explainUpdate" components={{ b: <b />, tex: <Tex math={TEX.alpha(fmt(lr, 3))} /> }} />
      </p>
      <Tex block math={updateTex(params, bw.params, lr, next)} />
    </>
  );
}

function UpdateResult({ record, lr }: { record: UpdateRecord; lr: number }) {
  const { t } = useTranslation('bp');
  const w = record.worker;
  return (
    <div className="tiny-update" data-testid="tiny-update">
      <p>
        <Trans
          t={t}
          i18nKey="tiny.updateResult"
          values={{ lr: fmt(lr, 3), before: fmt(record.before, 5), after: fmt(record.after, 5) }}
          components={{
            before: <b data-testid="loss-before" data-value={record.before} />,
            after: <b data-testid="loss-after" data-value={record.after} />,
          }}
        />
      </p>
      <p className="bp-muted">
        {record.pending
          ? t('tiny.workerPending')
          : w
            ? t('tiny.workerDone', { before: fmt(w.before, 5), after: fmt(w.after, 5) })
            : t('tiny.workerMissing')}
      </p>
    </div>
  );
}
