/**
 * Parts of the RNN view computed on the device (rnn-view.ts packs them into one readback):
 * - the probe sequence (B = 1): the last layer's h_t [T, H], the gates per step, ‖∂L/∂h_t‖ for every
 *   t (bptt-grad.ts: one forward + backward pass), and the model's readout;
 * - loss/accuracy on the fixed evaluation set (forward only).
 */
import * as tf from '@tensorflow/tfjs';
import { hiddenStateGrads } from '../rnn/bptt-grad';
import type { Gates } from '../rnn/cells';
import { unroll } from '../rnn/cells';
import { packTensors, unpack, unpackScalar, type Layout } from './mlp-readback';
import type { DeviceBatch } from './rnn-device';
import { taskLoss, type RnnModel, type RnnTaskName } from './rnn-model';

export interface RnnProbeView {
  T: number;
  H: number;
  /** The last layer's hidden state, row-major [T, H]: row t is h_t. */
  hidden: Float32Array;
  /** Gate activations [T, H] each: LSTM input, forget, output; GRU update, reset; null for SimpleRNN. */
  gates:
    | { kind: 'lstm'; i: Float32Array; f: Float32Array; o: Float32Array }
    | { kind: 'gru'; z: Float32Array; r: Float32Array }
    | null;
  /** ‖∂L/∂h_t‖ for t = 0 … T−1 (index t is time step t + 1 of the 1 … T), L = the probe's loss. */
  gradNorms: Float32Array;
  loss: number;
}

export interface ProbeCapture {
  parts: [string, tf.Tensor][];
  /** Tensors kept across the gradient tape; free them after packing. */
  kept: tf.Tensor[];
}

/**
 * Pushes the probe's tensors onto `parts` (names: probeLoss, hidden, gate_*, gradNorms, and readout:
 * ŷ [T] for series, the K probabilities for recall).
 * Call inside tf.tidy; free `kept` after the packed tensor is made.
 */
export function probeParts(task: RnnTaskName, m: RnnModel, probe: DeviceBatch, cap: ProbeCapture): void {
  const keep = <T extends tf.Tensor>(t: T): T => {
    cap.kept.push(tf.keep(t));
    return t;
  };
  const stackT = (ts: readonly tf.Tensor2D[]) => tf.reshape(tf.stack([...ts]), [ts.length, -1]); // [T, 1, H] → [T, H]
  const g = hiddenStateGrads(
    m.layers,
    probe.x,
    (r) => {
      const out = taskLoss(task, m, r.outputs, probe.y);
      // The chars view shows a sample instead of the probe's next-character probabilities.
      if (task !== 'chars') cap.parts.push(['readout', keep(out.readout())]);
      return out.loss;
    },
    {
      collectGates: true,
      onForward: (r) => {
        const top = r.layers[r.layers.length - 1]!;
        cap.parts.push(['hidden', keep(stackT(top.hs))]);
        for (const [name, ts] of gateSeries(top.gates)) cap.parts.push([`gate_${name}`, keep(stackT(ts))]);
      },
    },
  );
  cap.parts.push(['probeLoss', g.loss], ['gradNorms', g.norms]);
}

/** The plotted gates per step: LSTM i, f, o; GRU z, r. */
function gateSeries(gates: Gates[] | null): [string, tf.Tensor2D[]][] {
  if (!gates || gates.length === 0) return [];
  const pick = (k: string) => gates.map((g) => (g as unknown as Record<string, tf.Tensor2D>)[k]!);
  return gates[0]!.kind === 'lstm' ? ['i', 'f', 'o'].map((k) => [k, pick(k)]) : ['z', 'r'].map((k) => [k, pick(k)]);
}

/** Loss (and accuracy) of the model on a whole batch, forward only. */
export function evalParts(task: RnnTaskName, m: RnnModel, set: DeviceBatch, parts: [string, tf.Tensor][]): void {
  const out = taskLoss(task, m, unroll(m.layers, set.x).outputs, set.y);
  parts.push(['evalLoss', out.loss]);
  if (out.accuracy) parts.push(['evalAcc', out.accuracy]);
}

/** Packs, reads back once, frees everything; returns the data and a reader. */
export async function readPacked(build: (parts: [string, tf.Tensor][], kept: tf.Tensor[]) => void): Promise<Readback> {
  let layout: Layout = new Map();
  const kept: tf.Tensor[] = [];
  const packed = tf.tidy(() => {
    const parts: [string, tf.Tensor][] = [];
    build(parts, kept);
    const r = packTensors(parts);
    layout = r.layout;
    return r.packed;
  });
  tf.dispose(kept);
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return {
    get: (name) => unpack(data, layout, name),
    scalar: (name) => unpackScalar(data, layout, name),
  };
}

export interface Readback {
  get(name: string): Float32Array | null;
  scalar(name: string): number | null;
}

/** The probe view from a readback made with probeParts. */
export function probeView(rb: Readback, T: number, H: number, cell: 'simple' | 'lstm' | 'gru'): RnnProbeView {
  const z = () => new Float32Array(T * H);
  const gate = (k: string) => rb.get(`gate_${k}`) ?? z();
  return {
    T,
    H,
    hidden: rb.get('hidden') ?? z(),
    gates:
      cell === 'lstm'
        ? { kind: 'lstm', i: gate('i'), f: gate('f'), o: gate('o') }
        : cell === 'gru'
          ? { kind: 'gru', z: gate('z'), r: gate('r') }
          : null,
    gradNorms: rb.get('gradNorms') ?? new Float32Array(T),
    loss: rb.scalar('probeLoss') ?? NaN,
  };
}
