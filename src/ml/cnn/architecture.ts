/**
 * Pure descriptions of the MNIST models: which layers, their output shapes and their
 * parameter counts, computed from the spec alone (no tfjs), so the page can print
 * "CNN: N params vs MLP: M params" and the padding/stride explainer can use the same
 * arithmetic as the model. src/ml/cnn/model.ts builds exactly these layers.
 *
 * Shapes are per example, channels last: a feature map is [height, width, channels],
 * a vector is [units]. The input is one 28×28 grey image, [28, 28, 1].
 */

export type Padding = 'valid' | 'same';
export type Pooling = 'max' | 'avg';

/**
 * The configurable CNN: `blocks` × (conv k×k → ReLU → 2×2 pool), then dense 128 ReLU → 10.
 * With batchNorm each block is conv k×k (no bias) → batch norm → ReLU → 2×2 pool.
 */
export interface CustomCnnSpec {
  kind: 'custom-cnn';
  /** 1 to 3 conv blocks. */
  blocks: number;
  /** Filters per conv layer, 4–64: one number for every block, or one per block. */
  filters: number | readonly number[];
  kernel: 3 | 5;
  pooling: Pooling;
  /** Dropout rate in [0, 0.5], applied after flatten and after the hidden dense layer. */
  dropout: number;
  /** Conv padding. Default 'same', so that three 5×5 blocks still fit in 28×28. */
  padding?: Padding;
  /**
   * Batch normalisation after each conv, before its ReLU: per channel, with statistics over
   * batch × height × width (the conv then has no bias: β shifts instead). Absent: off.
   */
  batchNorm?: boolean;
}

export type MnistModelSpec = { kind: 'seed-cnn' } | { kind: 'seed-mlp' } | CustomCnnSpec;
export type MnistModelKind = MnistModelSpec['kind'];

export const MNIST_INPUT_SHAPE: readonly [number, number, number] = [28, 28, 1];
export const NUM_CLASSES = 10;
export const HIDDEN_UNITS = 128;
export const POOL_SIZE = 2;
export const FILTER_RANGE = { min: 4, max: 64 } as const;
export const MAX_DROPOUT = 0.5;

export type LayerSpec =
  | {
      type: 'conv2d';
      name: string;
      kernel: number;
      filters: number;
      inChannels: number;
      padding: Padding;
      stride: number;
      activation: 'relu';
      /** False when batch norm follows (its β is the shift). */
      bias: boolean;
    }
  | {
      /**
       * Batch norm of the previous conv's output, per channel: γ and β (trainable, 2 per
       * channel) plus a running mean and variance (not trained, not counted as parameters).
       */
      type: 'batchnorm';
      name: string;
      channels: number;
    }
  | { type: 'pool'; name: string; pooling: Pooling; size: number; stride: number }
  | { type: 'flatten'; name: string }
  | { type: 'dropout'; name: string; rate: number }
  | {
      type: 'dense';
      name: string;
      inputs: number;
      units: number;
      /** 'softmax' for the output layer: the model returns its logits, softmax is applied by the loss / predict. */
      activation: 'relu' | 'softmax';
    };

export interface LayerInfo {
  layer: LayerSpec;
  inputShape: number[];
  outputShape: number[];
  /** Kernel entries: k·k·c_in·c_out for a conv layer, inputs·units for a dense one; γ of a batch norm. */
  weights: number;
  /** One per filter or unit (none for a conv followed by batch norm); β of a batch norm. */
  biases: number;
  /** weights + biases. */
  params: number;
}

export interface ModelDescription {
  inputShape: number[];
  layers: LayerInfo[];
  totalParams: number;
}

/**
 * Output length along one axis of a conv or pool window sweep (TensorFlow's rule):
 * 'valid': ⌊(n − k) / s⌋ + 1 (0 when k > n) — the window stays inside the input;
 * 'same':  ⌈n / s⌉ — zero padding added so that with s = 1 the size is kept.
 */
export function outputSize(input: number, kernel: number, padding: Padding, stride: number): number {
  for (const [name, v] of [['input', input], ['kernel', kernel], ['stride', stride]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (padding === 'same') return Math.ceil(input / stride);
  return input < kernel ? 0 : Math.floor((input - kernel) / stride) + 1;
}

/**
 * Zeros added before and after the input along one axis for 'same' padding (TensorFlow's
 * rule: the total is what the output size needs, the extra one, if odd, goes after).
 * 'valid' adds none.
 */
export function paddingAmounts(
  input: number,
  kernel: number,
  padding: Padding,
  stride: number,
): { before: number; after: number } {
  if (padding === 'valid') return { before: 0, after: 0 };
  const out = outputSize(input, kernel, padding, stride);
  const total = Math.max((out - 1) * stride + kernel - input, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/** Filters of each conv block of a custom CNN. */
export function blockFilters(spec: CustomCnnSpec): number[] {
  return typeof spec.filters === 'number'
    ? new Array<number>(spec.blocks).fill(spec.filters)
    : [...spec.filters];
}

/** Throws a RangeError naming the first field of the spec that is out of range. */
export function validateModelSpec(spec: MnistModelSpec): void {
  if (spec.kind !== 'custom-cnn') return;
  if (!(Number.isInteger(spec.blocks) && spec.blocks >= 1 && spec.blocks <= 3)) {
    throw new RangeError(`blocks must be 1, 2 or 3, got ${spec.blocks}`);
  }
  if (typeof spec.filters !== 'number' && spec.filters.length !== spec.blocks) {
    throw new RangeError(`filters lists ${spec.filters.length} values for ${spec.blocks} blocks`);
  }
  for (const f of blockFilters(spec)) {
    if (!(Number.isInteger(f) && f >= FILTER_RANGE.min && f <= FILTER_RANGE.max)) {
      throw new RangeError(`filters must be integers in ${FILTER_RANGE.min}–${FILTER_RANGE.max}, got ${f}`);
    }
  }
  if (spec.kernel !== 3 && spec.kernel !== 5) throw new RangeError(`kernel must be 3 or 5, got ${spec.kernel}`);
  if (spec.pooling !== 'max' && spec.pooling !== 'avg') {
    throw new RangeError(`pooling must be 'max' or 'avg', got ${String(spec.pooling)}`);
  }
  if (!(spec.dropout >= 0 && spec.dropout <= MAX_DROPOUT)) {
    throw new RangeError(`dropout must be in [0, ${MAX_DROPOUT}], got ${spec.dropout}`);
  }
  const padding = spec.padding ?? 'same';
  if (padding !== 'valid' && padding !== 'same') throw new RangeError(`padding must be 'valid' or 'same'`);
  if (spec.batchNorm !== undefined && typeof spec.batchNorm !== 'boolean') throw new RangeError('batchNorm must be a boolean');
}

/** The layers of a model, in order (no shapes yet). */
function layerSpecs(spec: MnistModelSpec): LayerSpec[] {
  const [, , channels] = MNIST_INPUT_SHAPE;
  const conv = (i: number, kernel: number, filters: number, inChannels: number, padding: Padding, bias = true): LayerSpec => ({
    type: 'conv2d',
    name: `conv${i}`,
    kernel,
    filters,
    inChannels,
    padding,
    stride: 1,
    activation: 'relu',
    bias,
  });
  const pool = (i: number, pooling: Pooling): LayerSpec => ({
    type: 'pool',
    name: `pool${i}`,
    pooling,
    size: POOL_SIZE,
    stride: POOL_SIZE,
  });
  // `inputs` of the dense layers is filled in by describeModel from the running shape.
  const dense = (name: string, units: number, activation: 'relu' | 'softmax'): LayerSpec => ({
    type: 'dense',
    name,
    inputs: 0,
    units,
    activation,
  });
  const flatten: LayerSpec = { type: 'flatten', name: 'flatten' };
  const head = [dense('dense1', HIDDEN_UNITS, 'relu'), dense('output', NUM_CLASSES, 'softmax')];
  switch (spec.kind) {
    case 'seed-mlp':
      return [flatten, ...head];
    case 'seed-cnn':
      return [conv(1, 3, 32, channels, 'valid'), pool(1, 'max'), flatten, ...head];
    case 'custom-cnn': {
      const out: LayerSpec[] = [];
      let inCh = channels;
      const bn = spec.batchNorm === true;
      blockFilters(spec).forEach((f, b) => {
        out.push(conv(b + 1, spec.kernel, f, inCh, spec.padding ?? 'same', !bn));
        if (bn) out.push({ type: 'batchnorm', name: `bn${b + 1}`, channels: f });
        out.push(pool(b + 1, spec.pooling));
        inCh = f;
      });
      out.push(flatten);
      if (spec.dropout > 0) out.push({ type: 'dropout', name: 'dropout1', rate: spec.dropout });
      out.push(head[0]!);
      if (spec.dropout > 0) out.push({ type: 'dropout', name: 'dropout2', rate: spec.dropout });
      out.push(head[1]!);
      return out;
    }
  }
}

/**
 * Every layer with its output shape and parameter count. Throws a RangeError for an
 * invalid spec, including one whose feature maps would shrink to nothing.
 */
export function describeModel(spec: MnistModelSpec): ModelDescription {
  validateModelSpec(spec);
  let shape: number[] = [...MNIST_INPUT_SHAPE];
  const layers: LayerInfo[] = [];
  for (const layer of layerSpecs(spec)) {
    const inputShape = shape;
    let weights = 0;
    let biases = 0;
    switch (layer.type) {
      case 'conv2d': {
        const [h, w] = inputShape as [number, number, number];
        shape = [
          outputSize(h, layer.kernel, layer.padding, layer.stride),
          outputSize(w, layer.kernel, layer.padding, layer.stride),
          layer.filters,
        ];
        weights = layer.kernel * layer.kernel * layer.inChannels * layer.filters;
        biases = layer.bias ? layer.filters : 0;
        break;
      }
      case 'batchnorm':
        weights = layer.channels;
        biases = layer.channels;
        break;
      case 'pool': {
        const [h, w, c] = inputShape as [number, number, number];
        shape = [outputSize(h, layer.size, 'valid', layer.stride), outputSize(w, layer.size, 'valid', layer.stride), c];
        break;
      }
      case 'flatten':
        shape = [inputShape.reduce((a, b) => a * b, 1)];
        break;
      case 'dropout':
        break;
      case 'dense':
        layer.inputs = inputShape[0]!;
        shape = [layer.units];
        weights = layer.inputs * layer.units;
        biases = layer.units;
        break;
    }
    if (shape.some((d) => d < 1)) {
      throw new RangeError(`${layer.name} would output ${shape.join('×')}: too many blocks for this kernel and padding`);
    }
    layers.push({ layer, inputShape, outputShape: shape, weights, biases, params: weights + biases });
  }
  return { inputShape: [...MNIST_INPUT_SHAPE], layers, totalParams: layers.reduce((s, l) => s + l.params, 0) };
}

/** Total trainable parameters (weights + biases) of a model. */
export function countParams(spec: MnistModelSpec): number {
  return describeModel(spec).totalParams;
}

/** The conv layers of a model, in order. */
export function convLayers(desc: ModelDescription): (LayerInfo & { layer: Extract<LayerSpec, { type: 'conv2d' }> })[] {
  return desc.layers.filter(
    (l): l is LayerInfo & { layer: Extract<LayerSpec, { type: 'conv2d' }> } => l.layer.type === 'conv2d',
  );
}
