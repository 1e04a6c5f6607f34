/**
 * What both MLP engines (tfjs's MlpTask and the fused FusedMlpTask) build from a spec before
 * any weights exist: the train/test split, the output kind and layer widths, the prediction
 * lattices, and the seeded generators for batches and dropout. One place, so the two engines
 * cannot drift apart: the same seed gives the same data, batches and initial weights on both.
 */
import { EpochSampler } from '../../datasets/epoch-sampler';
import { latticePoints } from '../../datasets/points2d-grid';
import { POINTS2D_RANGE, type Points2D } from '../../datasets/points2d';
import { buildPoints2D } from '../../datasets/points2d-split';
import { createRng, type Rng } from '../../datasets/rng';
import { layerWidths, outputKind, type MlpOutput } from './mlp-model';
import type { MlpHyper, MlpSpec } from './mlp';

export interface MlpSetup {
  train: Points2D;
  test: Points2D;
  output: MlpOutput;
  /** From the input features to the outputs, e.g. [2, 4, 2, 1]. */
  widths: number[];
  gridSize: number;
  neuronGridSize: number;
  /** Interleaved (x1, x2) of the prediction lattice over [−6, 6]². */
  gridPoints: Float32Array;
  /** The per-neuron heatmaps' coarser lattice, or null when they are off (or there is no hidden layer). */
  neuronPoints: Float32Array | null;
  /** Mini-batches: a fresh seeded shuffle each epoch. */
  sampler: EpochSampler;
  /** Dropout masks (the tfjs engine draws a seed from it per step; the fused one draws the mask). */
  dropRng: Rng;
  hyper: MlpHyper;
}

export function mlpSetup(spec: MlpSpec, hyper: MlpHyper): MlpSetup {
  const { train, test } = buildPoints2D(spec.data);
  if (train.ys.length === 0) throw new RangeError('the training set is empty');
  const output = outputKind(train.kind, train.classes);
  const gridSize = spec.gridSize ?? 48;
  const neuronGridSize = spec.neuronGridSize ?? 16;
  const showNeurons = neuronGridSize > 0 && spec.hidden.length > 0;
  return {
    train,
    test,
    output,
    widths: layerWidths(spec.features.length, spec.hidden, output === 'multiclass' ? train.classes : 1),
    gridSize,
    neuronGridSize,
    gridPoints: latticePoints(gridSize, POINTS2D_RANGE),
    neuronPoints: showNeurons ? latticePoints(neuronGridSize) : null,
    sampler: new EpochSampler(train.ys.length, createRng((spec.seed ^ 0x9e3779b9) >>> 0)),
    dropRng: createRng((spec.seed ^ 0x85ebca6b) >>> 0),
    hyper: sanitizeMlpHyper({ ...hyper }, train.ys.length),
  };
}

/** Clamps hyperparameters into range: batch 1 … n, l1, l2 ≥ 0, dropout in [0, 0.9]. */
export function sanitizeMlpHyper(h: MlpHyper, n: number): MlpHyper {
  const nonNeg = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  return {
    ...h,
    batchSize: Math.max(1, Math.min(n, Math.round(h.batchSize))),
    l1: nonNeg(h.l1),
    l2: nonNeg(h.l2),
    dropout: Math.min(0.9, nonNeg(h.dropout)),
  };
}
