/**
 * What the MLP playground draws, computed on the device and read back in one `await data()`:
 * full-set losses and accuracies, the prediction heatmap, per-neuron heatmaps, the weights, and
 * the last step's per-layer gradient norms.
 */
import * as tf from '@tensorflow/tfjs';
import { POINTS2D_RANGE } from '../../datasets/points2d';
import {
  accuracy,
  BN_EPSILON,
  BN_MOMENTUM,
  dataLoss,
  mlpForward,
  outputValues,
  type DeviceSet,
  type MlpActivation,
  type MlpLayer,
  type MlpOutput,
} from './mlp-model';
import { packTensors, unpack, unpackScalar, type Layout } from './mlp-readback';
import type { MlpHyper } from './mlp';

export interface MlpView {
  /** Steps taken, and epochs begun (passes over the training set). */
  step: number;
  epoch: number;
  output: MlpOutput;
  /** 2 or 3 for classification, 0 for regression. */
  classes: number;
  /** Data loss (no penalty, no dropout) on the whole training / test set; test is null when empty. */
  trainLoss: number;
  testLoss: number | null;
  /** Fraction classified correctly (classification only; null for regression or an empty set). */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** l1·Σ|W| + l2·ΣW² at the current weights; the optimiser minimises data loss + penalty. */
  penalty: number;
  /** The last step's batch data loss (as step() returned it), or null before the first step. */
  batchLoss: number | null;
  /**
   * ‖∂(L + penalty)/∂W_l‖ (Frobenius) of each weight matrix at the last step, from the input
   * layer (index 0) to the output layer (last); null before the first step.
   */
  gradNorms: Float32Array | null;
  /**
   * Predictions on the size × size lattice over [−range, range]² (datasets/points2d-grid.ts:
   * row-major, row 0 at the top). channels = 1: p(class 1) (binary) or ŷ (regression);
   * channels = C: the class probabilities of each point in turn, values[i·C + k].
   */
  grid: { size: number; range: number; channels: number; values: Float32Array };
  /**
   * Each hidden unit's activation on a coarser lattice (same layout), for TF-Playground-style
   * small heatmaps: values holds, layer by layer and unit by unit, size² numbers each;
   * widths[l] units in hidden layer l. Null when turned off or with no hidden layer.
   */
  neurons: { size: number; range: number; widths: number[]; values: Float32Array } | null;
  /**
   * Batch norm (null when off or with no hidden layer): its constants and one unit's numbers
   * at the last training step (probe null before the first step).
   */
  batchNorm: { epsilon: number; momentum: number; probe: BatchNormProbe | null } | null;
  /**
   * Every layer's weights W [fanIn × fanOut, row-major] and biases b [fanOut], for edge
   * thickness. With batch norm, b of a hidden layer is empty: those layers have no bias.
   */
  layers: { shape: [number, number]; W: Float32Array; b: Float32Array }[];
  /** The hyperparameters in force (the learning rate read back from the optimiser). */
  hyper: MlpHyper;
}

/**
 * Hidden layer 1, unit 1 at the last training step, as its forward pass used them: the batch's
 * mean and (biased) variance of the unit's pre-activation z, the batch's first row's z, x̂ and
 * y = γ x̂ + β, γ and β, and the running averages eval mode uses; evalXhat and evalY are what
 * eval mode gives for the same z: (z − running mean) / √(running var + ε), then γ · that + β.
 */
export interface BatchNormProbe {
  batchMean: number;
  batchVar: number;
  z: number;
  xhat: number;
  y: number;
  gamma: number;
  beta: number;
  runningMean: number;
  runningVar: number;
  evalXhat: number;
  evalY: number;
}

/** A probe from the 9 numbers [μ_B, σ²_B, z, x̂, y, γ, β, running mean, running var]. */
export function batchNormProbe(p: ArrayLike<number>): BatchNormProbe {
  const [batchMean, batchVar, z, xhat, y, gamma, beta, runningMean, runningVar] = Array.from(p);
  const evalXhat = Math.fround((z! - runningMean!) / Math.sqrt(runningVar! + BN_EPSILON));
  return {
    batchMean: batchMean!,
    batchVar: batchVar!,
    z: z!,
    xhat: xhat!,
    y: y!,
    gamma: gamma!,
    beta: beta!,
    runningMean: runningMean!,
    runningVar: runningVar!,
    evalXhat,
    evalY: Math.fround(gamma! * evalXhat + beta!),
  };
}

export function batchNormView(on: boolean, probe: ArrayLike<number> | null): MlpView['batchNorm'] {
  return on ? { epsilon: BN_EPSILON, momentum: BN_MOMENTUM, probe: probe ? batchNormProbe(probe) : null } : null;
}

export interface ViewContext {
  /** Batch norm on (and at least one hidden layer). */
  batchNorm: boolean;
  lastBnProbe: tf.Tensor | null;
  layers: readonly MlpLayer[];
  activation: MlpActivation;
  output: MlpOutput;
  classes: number;
  trainSet: DeviceSet;
  testSet: DeviceSet;
  gridX: tf.Tensor2D;
  gridSize: number;
  neuronX: tf.Tensor2D | null;
  neuronGridSize: number;
  lastNorms: tf.Tensor | null;
  lastLoss: tf.Tensor | null;
  penalty: () => tf.Scalar | null;
  step: number;
  epoch: number;
  hyper: MlpHyper;
}

export async function collectView(c: ViewContext): Promise<MlpView> {
  let layout: Layout = new Map();
  const packed = tf.tidy(() => {
    const parts: [string, tf.Tensor][] = [];
    const evaluate = (name: string, s: DeviceSet) => {
      if (s.n === 0) return;
      const raw = mlpForward(c.layers, s.x, c.activation);
      parts.push([`${name}Loss`, dataLoss(c.output, raw, s.y)]);
      if (s.labels) parts.push([`${name}Acc`, accuracy(c.output, raw, s.labels)]);
    };
    evaluate('train', c.trainSet);
    evaluate('test', c.testSet);
    parts.push(['penalty', c.penalty() ?? tf.scalar(0)]);
    parts.push(['grid', outputValues(c.output, mlpForward(c.layers, c.gridX, c.activation))]);
    if (c.neuronX) {
      const acts: tf.Tensor2D[] = [];
      mlpForward(c.layers, c.neuronX, c.activation, { collect: acts });
      // [points, units] → [units, points]: each unit's heatmap contiguous.
      parts.push(['neurons', tf.concat(acts.map((a) => tf.reshape(tf.transpose(a), [-1])))]);
    }
    c.layers.forEach((l, i) => parts.push([`W${i}`, l.W], ...(l.b ? [[`b${i}`, l.b] as [string, tf.Tensor]] : [])));
    if (c.lastBnProbe) parts.push(['bnProbe', c.lastBnProbe]);
    if (c.lastNorms) parts.push(['norms', c.lastNorms]);
    if (c.lastLoss) parts.push(['batchLoss', c.lastLoss]);
    const r = packTensors(parts);
    layout = r.layout;
    return r.packed;
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();

  const hidden = c.layers.slice(0, -1).map((l) => l.W.shape[1] ?? 0);
  return {
    step: c.step,
    epoch: c.epoch,
    output: c.output,
    classes: c.classes,
    trainLoss: unpackScalar(data, layout, 'trainLoss') ?? NaN,
    testLoss: unpackScalar(data, layout, 'testLoss'),
    trainAccuracy: unpackScalar(data, layout, 'trainAcc'),
    testAccuracy: unpackScalar(data, layout, 'testAcc'),
    penalty: unpackScalar(data, layout, 'penalty') ?? 0,
    batchLoss: unpackScalar(data, layout, 'batchLoss'),
    gradNorms: unpack(data, layout, 'norms'),
    grid: {
      size: c.gridSize,
      range: POINTS2D_RANGE,
      channels: c.output === 'multiclass' ? c.classes : 1,
      values: unpack(data, layout, 'grid') ?? new Float32Array(0),
    },
    neurons: c.neuronX
      ? {
          size: c.neuronGridSize,
          range: POINTS2D_RANGE,
          widths: hidden,
          values: unpack(data, layout, 'neurons') ?? new Float32Array(0),
        }
      : null,
    layers: c.layers.map((l, i) => ({
      shape: [l.W.shape[0] ?? 0, l.W.shape[1] ?? 0],
      W: unpack(data, layout, `W${i}`) ?? new Float32Array(0),
      b: unpack(data, layout, `b${i}`) ?? new Float32Array(0),
    })),
    batchNorm: batchNormView(c.batchNorm, unpack(data, layout, 'bnProbe')),
    hyper: c.hyper,
  };
}
