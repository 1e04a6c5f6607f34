/**
 * The MNIST models of architecture.ts as raw tf.Variables plus a forward function
 * (no tf.layers: its Dropout reuses one fixed seed, so every step would drop the same
 * units, and its initialisers draw from tfjs's own RNG). Weights are initialised from
 * our seeded Rng on the JS side, so a spec + seed gives the same model on every backend:
 *   conv and hidden dense kernels: He normal, N(0, 2 / fan_in)   (they feed a ReLU)
 *   output kernel: Glorot uniform, U(±√(6 / (fan_in + fan_out)))
 *   biases: 0
 * Weights are keyed "<layer>/kernel" and "<layer>/bias" (e.g. "conv1/kernel", HWIO
 * [k, k, c_in, filters]; "dense1/kernel", [inputs, units]) in snapshots. With batch norm a
 * conv has no bias and its batch-norm layer adds "bn1/gamma", "bn1/beta" (trained) and
 * "bn1/mean", "bn1/variance" (running averages, not trained), [filters] each (see batchnorm.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import type { WeightSnapshot } from '../tasks/task';
import { describeModel, type MnistModelSpec, type ModelDescription } from './architecture';
import { convBatchNorm, probeChannel0, updateRunningStats, type BatchStats, type ChannelBatchNorm } from './batchnorm';
import { installWasmCnnKernels } from './wasm-kernels';

// Registry entries only: the WASM backend gets the conv filter gradient it lacks (and faster
// matrix products / max-pool gradient), whether or not it is initialised yet.
installWasmCnnKernels();

export interface ForwardOptions {
  /** Dropout is on only when training. */
  training: boolean;
  /** A fresh seed for each dropout layer call (needed when training with dropout > 0). */
  nextSeed?: () => number;
  /**
   * Receives each conv layer's output before its ReLU, [batch, h, w, filters], in order
   * (with batch norm: the batch norm's output y, what the ReLU gets).
   */
  convOutputs?: tf.Tensor4D[];
  /**
   * Training with batch norm: receives each batch-norm layer's batch mean and variance, in order;
   * they outlive tidy, so the receiver disposes them (MnistModel.updateRunningStats does).
   */
  bnStats?: BatchStats[];
  /** Training with batch norm: receives the first batch-norm layer's 9 probe numbers (batchnorm.ts probeChannel0). */
  bnProbe?: { value?: tf.Tensor1D };
}

let nextModelId = 0;

export class MnistModel {
  readonly description: ModelDescription;
  /** "conv1/kernel" → its variable, in layer order. */
  private readonly vars = new Map<string, tf.Variable>();

  /** "bn1/mean", "bn1/variance" → the running averages (not trained), in layer order. */
  private readonly stats = new Map<string, tf.Variable>();
  /** The batch-norm layers' variables, in layer order. */
  private readonly batchNorms: ChannelBatchNorm[] = [];

  constructor(
    readonly spec: MnistModelSpec,
    seed: number,
  ) {
    this.description = describeModel(spec);
    const rng = createRng(seed);
    // Variable names are global in tfjs; a per-model id lets an old and a new model coexist.
    const id = nextModelId++;
    for (const { layer } of this.description.layers) {
      if (layer.type === 'batchnorm') {
        const make = (what: string, init: tf.Tensor, trainable: boolean) =>
          tf.tidy(() => tf.variable(init, trainable, `mnist${id}/${layer.name}/${what}`));
        const bn: ChannelBatchNorm = {
          gamma: make('gamma', tf.ones([layer.channels]), true),
          beta: make('beta', tf.zeros([layer.channels]), true),
          mean: make('mean', tf.zeros([layer.channels]), false),
          variance: make('variance', tf.ones([layer.channels]), false),
        };
        this.vars.set(`${layer.name}/gamma`, bn.gamma);
        this.vars.set(`${layer.name}/beta`, bn.beta);
        this.stats.set(`${layer.name}/mean`, bn.mean);
        this.stats.set(`${layer.name}/variance`, bn.variance);
        this.batchNorms.push(bn);
        continue;
      }
      let shape: number[];
      let fanIn: number;
      let fanOut: number;
      if (layer.type === 'conv2d') {
        shape = [layer.kernel, layer.kernel, layer.inChannels, layer.filters];
        fanIn = layer.kernel * layer.kernel * layer.inChannels;
        fanOut = layer.kernel * layer.kernel * layer.filters;
      } else if (layer.type === 'dense') {
        shape = [layer.inputs, layer.units];
        fanIn = layer.inputs;
        fanOut = layer.units;
      } else {
        continue;
      }
      const init = layer.type === 'dense' && layer.activation === 'softmax' ? glorotUniform : heNormal;
      const kernel = init(rng, shape.reduce((a, b) => a * b, 1), fanIn, fanOut);
      const units = shape[shape.length - 1]!;
      // Inside tidy: a variable shares its initial tensor's data, and the initial tensor itself must go.
      this.vars.set(
        `${layer.name}/kernel`,
        tf.tidy(() => tf.variable(tf.tensor(kernel, shape), true, `mnist${id}/${layer.name}/kernel`)),
      );
      if (layer.type === 'conv2d' && !layer.bias) continue;
      this.vars.set(
        `${layer.name}/bias`,
        tf.tidy(() => tf.variable(tf.zeros([units]), true, `mnist${id}/${layer.name}/bias`)),
      );
    }
  }

  /** Every trainable variable, in layer order (kernel, then bias; γ, then β). */
  get trainable(): tf.Variable[] {
    return [...this.vars.values()];
  }

  /** True when the model has batch-norm layers. */
  get hasBatchNorm(): boolean {
    return this.batchNorms.length > 0;
  }

  /** One weight by its snapshot key, e.g. "conv1/kernel" or "bn1/mean". */
  weight(key: string): tf.Variable {
    const v = this.vars.get(key) ?? this.stats.get(key);
    if (!v) throw new Error(`no weight ${key}`);
    return v;
  }

  hasWeight(key: string): boolean {
    return this.vars.has(key) || this.stats.has(key);
  }

  /** After a training step: moves the running averages towards that step's batch statistics (and disposes them). */
  updateRunningStats(stats: readonly BatchStats[]): void {
    updateRunningStats(this.batchNorms, stats);
  }

  /**
   * Logits [batch, 10] for images [batch, 28, 28, 1] in [0, 1]. Call inside tf.tidy.
   * ReLU and adding a per-channel bias both commute with max-pooling (max(x + b) = max(x) + b,
   * exactly in float32 too, since rounding is monotone), so a conv followed by a max-pool adds
   * its bias and applies its ReLU after the pool: the same function and the same gradients, on
   * 4× fewer numbers. Before an average pool, or when the conv outputs are asked for, they stay
   * where they are. Batch norm (γ may be negative, so it does not commute with max) is applied
   * to the conv's output, before the pool; only its ReLU moves after a max-pool.
   */
  forward(x: tf.Tensor4D, o: ForwardOptions): tf.Tensor2D {
    let h: tf.Tensor = x;
    /** Bias of the conv before a max-pool, added after it. */
    let pending: tf.Tensor | null = null;
    /** A ReLU that waits for the max-pool after its conv. */
    let reluAfterPool = false;
    let bnIndex = 0;
    const layers = this.description.layers;
    layers.forEach(({ layer }, i) => {
      switch (layer.type) {
        case 'conv2d': {
          const conv = tf.conv2d(h as tf.Tensor4D, this.weight(`${layer.name}/kernel`) as tf.Tensor4D, layer.stride, layer.padding);
          const bnLayer = layers[i + 1]?.layer;
          const next = bnLayer?.type === 'batchnorm' ? layers[i + 2]?.layer : bnLayer;
          const maxPoolNext = next?.type === 'pool' && next.pooling === 'max';
          let pre: tf.Tensor4D;
          if (bnLayer?.type === 'batchnorm') {
            pre = this.batchNorm(conv, bnIndex++, o);
          } else {
            const bias = this.weight(`${layer.name}/bias`);
            if (maxPoolNext && !o.convOutputs) {
              pending = bias;
              h = conv;
              reluAfterPool = true;
              break;
            }
            pre = tf.add(conv, bias) as tf.Tensor4D;
          }
          o.convOutputs?.push(pre);
          reluAfterPool = maxPoolNext;
          h = maxPoolNext ? pre : tf.relu(pre);
          break;
        }
        case 'batchnorm':
          // Applied with its conv, above.
          break;
        case 'pool': {
          const x4 = h as tf.Tensor4D;
          h =
            layer.pooling === 'max'
              ? tf.maxPool(x4, layer.size, layer.stride, 'valid')
              : tf.avgPool(x4, layer.size, layer.stride, 'valid');
          if (reluAfterPool) h = tf.relu(pending ? tf.add(h, pending) : h);
          pending = null;
          reluAfterPool = false;
          break;
        }
        case 'flatten':
          h = tf.reshape(h, [h.shape[0]!, -1]);
          break;
        case 'dropout':
          if (o.training && layer.rate > 0) {
            if (!o.nextSeed) throw new Error('training with dropout needs nextSeed');
            h = tf.dropout(h, layer.rate, undefined, o.nextSeed());
          }
          break;
        case 'dense':
          h = tf.add(tf.matMul(h as tf.Tensor2D, this.weight(`${layer.name}/kernel`) as tf.Tensor2D), this.weight(`${layer.name}/bias`));
          if (layer.activation === 'relu') h = tf.relu(h);
          break;
      }
    });
    return h as tf.Tensor2D;
  }

  /** Batch norm number `k` of a conv output, in train or eval mode; hands out its statistics and probe. */
  private batchNorm(z: tf.Tensor4D, k: number, o: ForwardOptions): tf.Tensor4D {
    const bn = this.batchNorms[k]!;
    const r = convBatchNorm(z, bn, o.training);
    if (r.stats) {
      if (k === 0 && o.bnProbe) o.bnProbe.value = probeChannel0(z, r.y, r.stats, bn);
      // The statistics outlive tidy (batchnorm.ts): handed out, or freed now.
      if (o.bnStats) o.bnStats.push(r.stats);
      else tf.dispose([r.stats.mean, r.stats.variance]);
    }
    return r.y;
  }

  /** Class probabilities [batch, 10]. Call inside tf.tidy. */
  probabilities(x: tf.Tensor4D): tf.Tensor2D {
    return tf.softmax(this.forward(x, { training: false }));
  }

  /** Parameters per layer (from the variables' shapes) and in total. */
  paramCounts(): { total: number; layers: { name: string; params: number }[] } {
    const byLayer = new Map<string, number>();
    for (const [key, v] of this.vars) {
      const layer = key.slice(0, key.indexOf('/'));
      byLayer.set(layer, (byLayer.get(layer) ?? 0) + v.size);
    }
    const layers = [...byLayer].map(([name, params]) => ({ name, params }));
    return { total: layers.reduce((s, l) => s + l.params, 0), layers };
  }

  /** Every variable by its snapshot key: the trainable ones, then the running averages. */
  private allVars(): [string, tf.Variable][] {
    return [...this.vars, ...this.stats];
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const entries = this.allVars();
    const values = await Promise.all(entries.map(([, v]) => v.data()));
    const out: WeightSnapshot = {};
    entries.forEach(([key, v], i) => {
      out[key] = { shape: v.shape.slice(), values: Float32Array.from(values[i]!) };
    });
    return out;
  }

  /** Assigns every weight present in the snapshot; throws when a shape differs (another model). */
  importWeights(s: WeightSnapshot): void {
    for (const [key, w] of Object.entries(s)) {
      if (!this.hasWeight(key)) continue;
      const v = this.weight(key);
      if (w.shape.join('x') !== v.shape.join('x') || w.values.length !== v.size) {
        throw new Error(`weight ${key} has shape ${w.shape.join('×')}, the model needs ${v.shape.join('×')}`);
      }
    }
    tf.tidy(() => {
      for (const [key, w] of Object.entries(s)) if (this.hasWeight(key)) this.weight(key).assign(tf.tensor(w.values, w.shape));
    });
  }

  dispose(): void {
    tf.dispose([...this.vars.values(), ...this.stats.values()]);
    this.vars.clear();
    this.stats.clear();
    this.batchNorms.length = 0;
  }
}

function heNormal(rng: Rng, n: number, fanIn: number): Float32Array {
  const std = Math.sqrt(2 / fanIn);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
}

function glorotUniform(rng: Rng, n: number, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * limit;
  return out;
}
