/**
 * The RNN page's view: every number of one view() comes from ONE packed readback (rnn-probe.ts for
 * the probe and evaluation parts, rnn-generate.ts for the forecast / sample when one is due).
 */
import * as tf from '@tensorflow/tfjs';
import { decode } from '../../datasets/corpus';
import { recallTokenLabel } from '../../datasets/sequences';
import type { CellKind } from '../rnn/cell-params';
import type { RnnData } from './rnn-data';
import type { DeviceBatch } from './rnn-device';
import { forecast, sampleChars } from './rnn-generate';
import type { RnnModel, RnnTaskName } from './rnn-model';
import { evalParts, probeParts, probeView, readPacked, type RnnProbeView } from './rnn-probe';
import type { RnnHyper, RnnSpec } from './rnn-spec';

export type { RnnProbeView } from './rnn-probe';

export interface RnnView {
  task: RnnTaskName;
  cell: CellKind;
  layers: number;
  hidden: number;
  /** Steps per sequence (recall: gap + 2). */
  T: number;
  /** Optimisation steps taken, sequences seen, and passes over the training data (null for recall's endless data). */
  step: number;
  examples: number;
  epoch: number | null;
  /** The last step's batch loss and accuracy (null before the first step; accuracy null for series). */
  loss: number | null;
  accuracy: number | null;
  /** On the fixed evaluation set (see rnn-data.ts), at the current weights. */
  evalLoss: number;
  evalAccuracy: number | null;
  /** A loss to beat: ln K (recall), ln V (chars), MSE of "next = current" (series). */
  baselineLoss: number;
  /** Global gradient norm of the last step before clipping, and the norm actually applied. */
  gradNorm: number | null;
  appliedGradNorm: number | null;
  probe: RnnProbeView;
  series?: {
    /** The probe window's inputs x_t, targets x_{t+1}, and one-step predictions, [T] each. */
    input: Float32Array;
    target: Float32Array;
    prediction: Float32Array;
    /** Free-running forecast of x_{T} … x_{T+N−1} after the window, with the noisy and clean truth. */
    forecast: { prediction: Float32Array; truth: Float32Array; clean: Float32Array; step: number };
    /** The noise variance σ²: the MSE no model can beat. */
    noiseFloor: number;
  };
  recall?: {
    /** The probe's tokens [T], their labels (A, B … targets, digits for distractors, ? the query). */
    tokens: Int32Array;
    labels: string[];
    /** The right answer, the model's K probabilities for it, and chance 1/K. */
    answer: number;
    probs: Float32Array;
    chance: number;
    gap: number;
    symbols: number;
  };
  chars?: {
    vocab: string[];
    probeText: string;
    /** Generated after the prime (the probe text) at `temperature`, with the weights of `step`. */
    sample: { prime: string; text: string; temperature: number; step: number };
  };
  hyper: RnnHyper;
}

/** What a generation produced: forecast values or sampled character ids, and when. */
export interface Generated {
  step: number;
  temperature: number;
  values: Float32Array;
}

export interface GenerationPlan {
  step: number;
  temperature: number;
  /** Pushes the 'generated' part. Inside tf.tidy. */
  build(m: RnnModel, probe: DeviceBatch, parts: [string, tf.Tensor][]): void;
}

/** The plan for this view's generation (null for recall, which has none). */
export function generateViewParts(
  data: RnnData,
  step: number,
  temperature: number,
  o: { forecast: number; sampleLength: number; noise: (n: number) => Float32Array },
): GenerationPlan | null {
  if (data.task === 'series') {
    return { step, temperature, build: (m, probe, parts) => parts.push(['generated', forecast(m, probe.x, o.forecast)]) };
  }
  if (data.task === 'chars' && data.chars && data.probe.x.kind === 'tokens') {
    const V = data.chars.vocab.chars.length;
    const noise = o.noise(o.sampleLength * V);
    const prime = data.probe.x.ids;
    return {
      step,
      temperature,
      build: (m, _probe, parts) => {
        const p = tf.tensor2d(prime, [1, prime.length], 'int32');
        parts.push(['generated', sampleChars(m, p, V, tf.tensor2d(noise, [o.sampleLength, V]), temperature)]);
      },
    };
  }
  return null;
}

export interface ViewInput {
  spec: RnnSpec;
  data: RnnData;
  model: RnnModel;
  probe: DeviceBatch;
  evalSet: DeviceBatch;
  last: { loss: tf.Scalar; acc: tf.Scalar | null; norm: tf.Scalar; applied: tf.Scalar } | null;
  generate: GenerationPlan | null;
  previous: Generated | null;
  step: number;
  examples: number;
  hyper: RnnHyper;
}

export async function makeRnnView(c: ViewInput): Promise<{ view: RnnView; generated: Generated | null }> {
  const { data, spec } = c;
  const rb = await readPacked((parts, kept) => {
    probeParts(data.task, c.model, c.probe, { parts, kept });
    evalParts(data.task, c.model, c.evalSet, parts);
    c.generate?.build(c.model, c.probe, parts);
    if (c.last) {
      parts.push(['loss', c.last.loss], ['norm', c.last.norm], ['applied', c.last.applied]);
      if (c.last.acc) parts.push(['acc', c.last.acc]);
    }
  });
  const gen: Generated | null = c.generate
    ? { step: c.generate.step, temperature: c.generate.temperature, values: rb.get('generated') ?? new Float32Array(0) }
    : c.previous;
  const T = data.T;
  const examples = c.examples;
  const view: RnnView = {
    task: data.task,
    cell: spec.cell,
    layers: spec.layers,
    hidden: spec.hidden,
    T,
    step: c.step,
    examples,
    epoch: data.dataSize === null ? null : (examples * T) / data.dataSize,
    loss: rb.scalar('loss'),
    accuracy: rb.scalar('acc'),
    evalLoss: rb.scalar('evalLoss') ?? NaN,
    evalAccuracy: rb.scalar('evalAcc'),
    baselineLoss: data.baselineLoss,
    gradNorm: rb.scalar('norm'),
    appliedGradNorm: rb.scalar('applied'),
    probe: probeView(rb, T, spec.hidden, spec.cell),
    hyper: c.hyper,
  };
  const readout = rb.get('readout') ?? new Float32Array(0);
  const empty = new Float32Array(0);
  if (data.series && data.probe.x.kind === 'dense' && data.probe.y.kind === 'values') {
    const { data: series, probeStart, noise } = data.series;
    const n = gen?.values.length ?? 0;
    view.series = {
      input: data.probe.x.values,
      target: data.probe.y.values,
      prediction: readout,
      forecast: {
        prediction: gen?.values ?? empty,
        truth: series.values.slice(probeStart + T, probeStart + T + n),
        clean: series.clean.slice(probeStart + T, probeStart + T + n),
        step: gen?.step ?? 0,
      },
      noiseFloor: noise * noise,
    };
  }
  if (data.recall && data.probe.x.kind === 'tokens' && data.probe.y.kind === 'classes') {
    const K = data.recall.symbols;
    const tokens = data.probe.x.ids;
    view.recall = {
      tokens,
      labels: Array.from(tokens, (t) => recallTokenLabel(t, K)),
      answer: data.probe.y.ids[0] ?? 0,
      probs: readout,
      chance: 1 / K,
      gap: data.recall.gap,
      symbols: K,
    };
  }
  if (data.chars && data.probe.x.kind === 'tokens') {
    const vocab = data.chars.vocab;
    const probeText = decode(data.probe.x.ids, vocab);
    view.chars = {
      vocab: vocab.chars,
      probeText,
      sample: {
        prime: probeText,
        text: decode(gen?.values ?? [], vocab),
        temperature: gen?.temperature ?? c.hyper.temperature,
        step: gen?.step ?? 0,
      },
    };
  }
  return { view, generated: gen };
}
