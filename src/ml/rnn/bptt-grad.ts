/**
 * ‖∂L/∂h_t‖ for every time step t of an unrolled network: how much the loss would change if the
 * hidden state at step t moved, counting every path from h_t to L (through h_{t+1}, …, and through
 * the outputs read at t and later). Plotted against t it shows gradients vanishing (or exploding)
 * as they travel back in time.
 *
 * The probe trick: h_t is an intermediate tensor, and tf.grads only differentiates with respect to
 * inputs. So the unroll adds a zero "probe" ε_t [B, H] to each h_t of the last layer, h_t' = h_t + ε_t,
 * and uses h_t' everywhere downstream (the next step and the readout). Then L is a function of the
 * ε_t too, and because h_t' depends on ε_t with identity Jacobian,
 *     ∂L/∂ε_t |_{ε=0} = ∂L/∂h_t' = ∂L/∂h_t   (total derivative, all later paths included).
 * One backward pass gives all T gradients at once; with ε = 0 the forward values are unchanged.
 *
 * For a batch the norm is taken over batch and units together (Frobenius), so with B = 1 it is
 * the plain vector norm ‖∂L/∂h_t‖. Only the last layer is probed (what the readout sees).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from './cell-params';
import { unroll, type CellState, type UnrollOptions, type UnrollResult } from './cells';

export interface HiddenGradResult {
  /** The loss at ε = 0 (the ordinary loss). */
  loss: tf.Scalar;
  /** ∂L/∂h_t [B, H] for t = 0 … T−1. */
  grads: tf.Tensor2D[];
  /** ‖∂L/∂h_t‖ (Frobenius over batch and units), [T]. */
  norms: tf.Tensor1D;
}

export interface HiddenGradOptions extends Omit<UnrollOptions, 'probes'> {
  init?: readonly (CellState | undefined)[];
  /**
   * Called with the forward pass (inside the gradient tape). Tensors made in it are freed when the
   * tape ends: tf.keep what you want to read afterwards (hidden states, gates), and dispose it later.
   */
  onForward?: (r: UnrollResult) => void;
}

/**
 * Runs the unrolled net on xs [B, T, I], computes L = lossOf(forward), and returns L, ∂L/∂h_t for
 * every t and their norms. Frees its intermediates; the caller owns the results (and what onForward kept).
 */
export function hiddenStateGrads(
  layers: readonly LayerParams[],
  xs: tf.Tensor3D,
  lossOf: (r: UnrollResult) => tf.Scalar,
  opts: HiddenGradOptions = {},
): HiddenGradResult {
  const [B, T] = xs.shape;
  const H = layers[layers.length - 1]?.hidden ?? 0;
  return tf.tidy(() => {
    const probes = Array.from({ length: T }, () => tf.zeros([B, H]) as tf.Tensor2D);
    const f = (...eps: tf.Tensor[]): tf.Scalar => {
      const r = unroll(layers, xs, opts.init, { collectGates: opts.collectGates, probes: eps as tf.Tensor2D[] });
      opts.onForward?.(r);
      return lossOf(r);
    };
    const { value, grads } = tf.valueAndGrads(f)(probes);
    const g = grads as tf.Tensor2D[];
    const norms = tf.stack(g.map((x) => tf.norm(x))) as tf.Tensor1D;
    return { loss: value, grads: g, norms };
  });
}
