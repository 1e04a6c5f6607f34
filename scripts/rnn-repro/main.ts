/**
 * Repro harness (issue 17 item 3): runs the RNN task on a chosen tfjs backend in the page and
 * returns its view, so a Playwright script can compare backends. Not part of the app.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { unroll } from '../../src/ml/rnn/cells';
import { RnnTask, type RnnHyper, type RnnSpec } from '../../src/ml/tasks/rnn';
import { toDevice } from '../../src/ml/tasks/rnn-device';
import { namedWeights, taskLoss } from '../../src/ml/tasks/rnn-model';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const hyper: RnnHyper = { learningRate: 0.01, optimizer: 'adam', batchSize: Number(new URLSearchParams(location.search).get('batch') ?? 8), clip: true, clipNorm: 1, temperature: 1 };

async function use(backend: string): Promise<void> {
  const ok = await tf.setBackend(backend);
  await tf.ready();
  if (!ok || tf.getBackend() !== backend) throw new Error(`backend ${backend} not available (got ${tf.getBackend()})`);
}

const arr = (a: ArrayLike<number>) => Array.from(a);

async function runTask(backend: string, s: Partial<RnnSpec>, steps: number) {
  await use(backend);
  const spec: RnnSpec = { kind: 'rnn', task: 'recall', cell: 'lstm', hidden: 8, layers: 1, seqLen: 8, seed: 1, recall: { gap: 5, symbols: 4 }, ...s };
  const task = new RnnTask(spec, hyper);
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const l = task.step();
    losses.push((await l.data())[0]!);
    l.dispose();
  }
  const v = await task.view();
  task.dispose();
  const g = v.probe.gates;
  return {
    backend: tf.getBackend(),
    losses,
    loss: v.loss, accuracy: v.accuracy, evalLoss: v.evalLoss, evalAccuracy: v.evalAccuracy, gradNorm: v.gradNorm, applied: v.appliedGradNorm,
    probeLoss: v.probe.loss,
    hidden: arr(v.probe.hidden),
    gates: g ? Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'kind').map(([k, a]) => [k, arr(a as Float32Array)])) : null,
    gradNorms: arr(v.probe.gradNorms),
    readout: v.recall ? arr(v.recall.probs) : v.series ? arr(v.series.prediction) : null,
    forecast: v.series ? arr(v.series.forecast.prediction) : null,
    sample: v.chars ? v.chars.sample.text : null,
  };
}

/** One training step's loss and gradients (as RnnTask.step computes them, before clipping), by weight name. */
async function stepGrads(backend: string, s: Partial<RnnSpec>) {
  await use(backend);
  const spec: RnnSpec = { kind: 'rnn', task: 'recall', cell: 'lstm', hidden: 8, layers: 1, seqLen: 8, seed: 1, recall: { gap: 5, symbols: 4 }, ...s };
  const task = new RnnTask(spec, hyper);
  const batch = task.data.nextBatch(hyper.batchSize, (task as unknown as { batchRng: Parameters<typeof task.data.nextBatch>[1] }).batchRng);
  const named = namedWeights(task.model);
  const { value, grads } = tf.variableGrads(() => {
    const b = toDevice(batch, task.data.inputSize, task.data.outputSize);
    return taskLoss(task.data.task, task.model, unroll(task.model.layers, b.x).outputs, b.y).loss;
  }, named.map(([, v]) => v));
  const out: Record<string, number[]> = { loss: arr(await value.data()) };
  for (const [name, v] of named) out[name] = arr(await grads[v.name]!.data());
  tf.dispose([value, ...Object.values(grads)]);
  task.dispose();
  return out;
}

/** Evaluates an arbitrary function body with tf in scope (bisecting single ops). */
async function evalOps(backend: string, body: string): Promise<unknown> {
  await use(backend);
  const f = new Function('tf', `return (async () => { ${body} })();`) as (t: typeof tf) => Promise<unknown>;
  return f(tf);
}

(window as unknown as Record<string, unknown>).repro = { runTask, stepGrads, evalOps };
document.title = 'ready';
