/**
 * The MNIST models of architecture.ts as raw tf.Variables plus a forward function
 * (no tf.layers: its Dropout reuses one fixed seed, so every step would drop the same
 * units, and its initialisers draw from tfjs's own RNG). Weights are initialised from
 * our seeded Rng on the JS side, so a spec + seed gives the same model on every backend:
 *   conv and hidden dense kernels: He normal, N(0, 2 / fan_in)   (they feed a ReLU)
 *   output kernel: Glorot uniform, U(±√(6 / (fan_in + fan_out)))
 *   biases: 0
 * Weights are keyed "<layer>/kernel" and "<layer>/bias" (e.g. "conv1/kernel", HWIO
 * [k, k, c_in, filters]; "dense1/kernel", [inputs, units]) in snapshots.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import type { WeightSnapshot } from '../tasks/task';
import { describeModel, type MnistModelSpec, type ModelDescription } from './architecture';
import { installWasmCnnKernels } from './wasm-kernels';

// Registry entries only: the WASM backend gets the conv filter gradient it lacks (and faster
// matrix products / max-pool gradient), whether or not it is initialised yet.
installWasmCnnKernels();

export interface ForwardOptions {
  /** Dropout is on only when training. */
  training: boolean;
  /** A fresh seed for each dropout layer call (needed when training with dropout > 0). */
  nextSeed?: () => number;
  /** Receives each conv layer's output before its ReLU, [batch, h, w, filters], in order. */
  convOutputs?: tf.Tensor4D[];
}

let nextModelId = 0;

export class MnistModel {
  readonly description: ModelDescription;
  /** "conv1/kernel" → its variable, in layer order. */
  private readonly vars = new Map<string, tf.Variable>();

  constructor(
    readonly spec: MnistModelSpec,
    seed: number,
  ) {
    this.description = describeModel(spec);
    const rng = createRng(seed);
    // Variable names are global in tfjs; a per-model id lets an old and a new model coexist.
    const id = nextModelId++;
    for (const { layer } of this.description.layers) {
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
      this.vars.set(
        `${layer.name}/bias`,
        tf.tidy(() => tf.variable(tf.zeros([units]), true, `mnist${id}/${layer.name}/bias`)),
      );
    }
  }

  /** Every trainable variable, in layer order (kernel, then bias). */
  get trainable(): tf.Variable[] {
    return [...this.vars.values()];
  }

  /** One weight by its snapshot key, e.g. "conv1/kernel". */
  weight(key: string): tf.Variable {
    const v = this.vars.get(key);
    if (!v) throw new Error(`no weight ${key}`);
    return v;
  }

  /**
   * Logits [batch, 10] for images [batch, 28, 28, 1] in [0, 1]. Call inside tf.tidy.
   * ReLU and adding a per-channel bias both commute with max-pooling (max(x + b) = max(x) + b,
   * exactly in float32 too, since rounding is monotone), so a conv followed by a max-pool adds
   * its bias and applies its ReLU after the pool: the same function and the same gradients, on
   * 4× fewer numbers. Before an average pool, or when the conv outputs are asked for, they stay
   * where they are.
   */
  forward(x: tf.Tensor4D, o: ForwardOptions): tf.Tensor2D {
    let h: tf.Tensor = x;
    /** Bias and ReLU of the conv before a max-pool, applied after it. */
    let pending: tf.Tensor | null = null;
    const layers = this.description.layers;
    layers.forEach(({ layer }, i) => {
      switch (layer.type) {
        case 'conv2d': {
          const conv = tf.conv2d(h as tf.Tensor4D, this.weight(`${layer.name}/kernel`) as tf.Tensor4D, layer.stride, layer.padding);
          const bias = this.weight(`${layer.name}/bias`);
          const next = layers[i + 1]?.layer;
          if (next?.type === 'pool' && next.pooling === 'max' && !o.convOutputs) {
            pending = bias;
            h = conv;
            break;
          }
          const pre = tf.add(conv, bias) as tf.Tensor4D;
          o.convOutputs?.push(pre);
          h = next?.type === 'pool' && next.pooling === 'max' ? pre : tf.relu(pre);
          break;
        }
        case 'pool': {
          const x4 = h as tf.Tensor4D;
          h =
            layer.pooling === 'max'
              ? tf.maxPool(x4, layer.size, layer.stride, 'valid')
              : tf.avgPool(x4, layer.size, layer.stride, 'valid');
          if (layer.pooling === 'max' && layers[i - 1]?.layer.type === 'conv2d') {
            h = tf.relu(pending ? tf.add(h, pending) : h);
          }
          pending = null;
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

  async exportWeights(): Promise<WeightSnapshot> {
    const entries = [...this.vars];
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
      const v = this.vars.get(key);
      if (!v) continue;
      if (w.shape.join('x') !== v.shape.join('x') || w.values.length !== v.size) {
        throw new Error(`weight ${key} has shape ${w.shape.join('×')}, the model needs ${v.shape.join('×')}`);
      }
    }
    tf.tidy(() => {
      for (const [key, w] of Object.entries(s)) this.vars.get(key)?.assign(tf.tensor(w.values, w.shape));
    });
  }

  dispose(): void {
    tf.dispose([...this.vars.values()]);
    this.vars.clear();
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
