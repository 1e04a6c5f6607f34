/** What MnistTask.view() returns, and the options that decide what it computes. */
import type { MnistModelKind } from '../cnn/architecture';
import type { OptimizerName } from '../train/optimizers';
import type { Misclassified } from './mnist-eval';
import type { BatchNormProbe } from './mlp-view';

export type { BatchNormProbe };

/**
 * What view() computes beyond the cheap fields, changeable at any time with
 * setViewOptions (takes effect at the next view()). The view-cost policy:
 * - every view: step, epoch, recent train loss (one scalar readback), hyperparameters;
 *   first-layer filters when the weights changed (k·k·F floats, ≤ 1,600);
 * - feature maps (one forward pass of one image; up to 66k floats for 3 blocks of 64):
 *   recomputed when the weights changed and featureMapsIntervalMs passed since the last
 *   time, or at once when another image is selected; stale ones carry their atStep;
 * - evaluation (test loss/accuracy, train-subset accuracy, confusion matrix,
 *   misclassified digits): a full pass in chunks of ≤ 500, run at a view() only when
 *   weights changed since the last one AND at least max(minEvalIntervalMs, cost·(1−s)/s)
 *   ms passed since it ended, s = evalShare — so evaluation takes at most about a share
 *   s of the wall time on any backend; or at the next view() after requestEvaluation().
 *   Not before the first step (the view says evaluation: null), unless requested.
 */
export interface MnistViewOptions {
  /** Position in the test set (0 … testCount − 1) of the image whose feature maps are shown. */
  testIndex: number;
  featureMaps: boolean;
  /** Feature maps are recomputed at most this often while training (ms). */
  featureMapsIntervalMs: number;
  /** Periodic evaluation on/off (requestEvaluation still works). */
  evaluate: boolean;
  /** Largest fraction of wall time evaluation should take, in (0, 1]. */
  evalShare: number;
  minEvalIntervalMs: number;
}

/** The options the engine passes through: the view options plus a one-shot evaluation request. */
export type MnistOptions = MnistViewOptions & { evaluateNow: boolean };

export const DEFAULT_MNIST_VIEW_OPTIONS: MnistViewOptions = {
  testIndex: 0,
  featureMaps: true,
  featureMapsIntervalMs: 200,
  evaluate: true,
  evalShare: 0.2,
  minEvalIntervalMs: 1000,
};

/**
 * Train accuracy is measured on the first min(this, trainCount, testCount) training digits:
 * a random, fixed subset (the split is shuffled), as large as the test set so both
 * accuracies are about equally precise, and costing at most as much to evaluate.
 */
export const TRAIN_ACCURACY_SUBSET = 500;

export interface MnistEvaluation {
  /** Step count when it ran; the page can show how stale it is. */
  atStep: number;
  testLoss: number;
  testAccuracy: number;
  testCount: number;
  /** Accuracy on the first trainSubset training digits (no dropout). */
  trainAccuracy: number;
  trainSubset: number;
  /** Row = true label, column = predicted: [t·10 + p]. */
  confusion: Int32Array;
  misclassifiedCount: number;
  /** The first ≤ 32 misclassified test digits, in test-set order. */
  misclassified: Misclassified[];
  durationMs: number;
}

export interface FilterView {
  layer: string;
  size: number;
  count: number;
  /** Raw weights, filter-major: filter f's k×k image at [f·k·k, (f+1)·k·k). Normalising is the UI's job. */
  values: Float32Array;
  /** One per filter; empty when batch norm follows the conv (it has no bias then). */
  bias: Float32Array;
}

export interface FeatureMapView {
  layer: string;
  height: number;
  width: number;
  channels: number;
  /** After ReLU, channel-major: map c at [c·h·w, (c+1)·h·w). */
  values: Float32Array;
}

export interface FeatureMapsView {
  /** Step count of the weights they were computed with. */
  atStep: number;
  testIndex: number;
  /** Record in the pack, and its true label. */
  record: number;
  label: number;
  /** The 784 input pixels in [0, 1]. */
  input: Float32Array;
  layers: FeatureMapView[];
}

export interface MnistView {
  model: MnistModelKind;
  /** step() calls since the task was built. */
  step: number;
  /** Completed passes over the training digits. */
  epoch: number;
  optimizer: OptimizerName;
  /** Read back from the optimiser. */
  learningRate: number;
  batchSize: number;
  trainCount: number;
  testCount: number;
  /** Mean batch loss over the steps since the previous view(): a running train loss. Null before step 1. */
  recentTrainLoss: number | null;
  /** From the built variables (equals architecture.ts's describeModel). */
  params: { total: number; layers: { name: string; params: number }[] };
  evaluation: MnistEvaluation | null;
  /** First conv layer (null for the MLP). */
  filters: FilterView | null;
  /** Null for the MLP or when switched off. */
  featureMaps: FeatureMapsView | null;
  /** Batch norm of the custom CNN (null when off): its constants and block 1, channel 1's numbers. */
  batchNorm: CnnBatchNormView | null;
}

/**
 * Block 1's batch norm at the last training step. The probe (null before the first step) holds
 * channel 1's μ_B and σ²_B over the batch's m·H·W values, z, x̂, y at the centre of the batch's
 * first image, γ, β and the running averages, as that step's forward pass used them.
 */
export interface CnnBatchNormView {
  epsilon: number;
  momentum: number;
  /** m, H, W of the last step's statistics (m·H·W values per channel); null before the first step. */
  batch: { m: number; height: number; width: number } | null;
  probe: BatchNormProbe | null;
}
