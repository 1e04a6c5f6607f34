/**
 * Model files in the TensorFlow.js format: a model.json whose weightsManifest
 * lists every weight (name, shape, float32) and a binary file with their values
 * concatenated in that order, little-endian — what tf.io.encodeWeights writes and
 * tf.io.loadWeights / decodeWeights read. Our networks are built from raw
 * variables, not tf.layers, so there is no layers topology: the lesson and model
 * configuration travel in userDefinedMetadata instead.
 */
import { z } from 'zod';
import type { WeightSnapshot } from '../ml/tasks/task';

export const MODEL_FORMAT = 'dl-playground/weights';
/** Generous bound on a model file of any lesson (the MNIST CNNs are well under 10 MB). */
export const MAX_WEIGHTS_BYTES = 64 * 1024 * 1024;
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

const WeightSpec = z.object({
  name: z.string().min(1).max(200),
  shape: z.array(z.number().int().min(0).max(1e7)).max(8),
  dtype: z.string(),
});

export const ModelJson = z.object({
  format: z.string().optional(),
  generatedBy: z.string().optional(),
  modelTopology: z.unknown().optional(),
  weightsManifest: z.array(z.object({ paths: z.array(z.string().max(300)).min(1), weights: z.array(WeightSpec) })).min(1),
  userDefinedMetadata: z
    .object({ lesson: z.string().max(40).optional(), kind: z.string().max(40).optional(), step: z.number().int().min(0).optional() })
    .passthrough()
    .optional(),
});
export type ModelJson = z.infer<typeof ModelJson>;

export interface ModelMeta {
  /** Task kind (linreg, mlp, mnist, …): a file only loads into the same kind of model. */
  kind: string;
  step: number;
  /** The model's configuration, for a reader of the file. */
  spec: unknown;
}

export function encodeModel(weights: WeightSnapshot, meta: ModelMeta, stem: string): { json: string; bin: ArrayBuffer; binName: string } {
  const names = Object.keys(weights);
  const total = names.reduce((n, k) => n + weights[k]!.values.length, 0);
  const bin = new Float32Array(total);
  let off = 0;
  for (const k of names) {
    bin.set(weights[k]!.values, off);
    off += weights[k]!.values.length;
  }
  const binName = `${stem}.weights.bin`;
  const json: ModelJson & { convertedBy: null } = {
    format: MODEL_FORMAT,
    generatedBy: 'TensorFlow.js 4.22.0 (deep-learning playground)',
    convertedBy: null,
    modelTopology: null,
    weightsManifest: [{ paths: [binName], weights: names.map((name) => ({ name, shape: weights[name]!.shape, dtype: 'float32' })) }],
    userDefinedMetadata: { kind: meta.kind, step: meta.step, spec: meta.spec },
  };
  // Float32Array is little-endian on every platform browsers run on (checked in tests).
  return { json: JSON.stringify(json, null, 1), bin: bin.buffer, binName };
}

export type DecodeError =
  | { code: 'errNoJson' }
  | { code: 'errNotJson'; file: string }
  | { code: 'errNotModel'; file: string }
  | { code: 'errOtherLesson'; other: string }
  | { code: 'errMissingBin'; file: string }
  | { code: 'errSize'; got: number; want: number }
  | { code: 'errTooBig'; file: string; size: number; max: number }
  | { code: 'errDtype'; name: string; dtype: string };

export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * Read a model.json and its weight file(s) back into weights. Every check a
 * wrong file can fail gives its own error code; nothing is applied here.
 */
export function decodeModel(
  files: NamedBytes[],
  expectedKind: string,
): { ok: true; weights: WeightSnapshot; step: number; file: string } | { ok: false; error: DecodeError } {
  const jsonFile = files.find((f) => /\.json$/i.test(f.name));
  if (!jsonFile) return { ok: false, error: { code: 'errNoJson' } };
  if (jsonFile.bytes.byteLength > MAX_JSON_BYTES)
    return { ok: false, error: { code: 'errTooBig', file: jsonFile.name, size: jsonFile.bytes.byteLength, max: MAX_JSON_BYTES } };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jsonFile.bytes));
  } catch {
    return { ok: false, error: { code: 'errNotJson', file: jsonFile.name } };
  }
  const parsed = ModelJson.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'errNotModel', file: jsonFile.name } };
  const m = parsed.data;
  const kind = m.userDefinedMetadata?.kind;
  if (kind !== undefined && kind !== expectedKind) return { ok: false, error: { code: 'errOtherLesson', other: kind } };

  const weights: WeightSnapshot = {};
  for (const group of m.weightsManifest) {
    const parts: ArrayBuffer[] = [];
    for (const path of group.paths) {
      const base = path.split('/').pop()!;
      const f = files.find((x) => x.name === base);
      if (!f) return { ok: false, error: { code: 'errMissingBin', file: base } };
      if (f.bytes.byteLength > MAX_WEIGHTS_BYTES)
        return { ok: false, error: { code: 'errTooBig', file: f.name, size: f.bytes.byteLength, max: MAX_WEIGHTS_BYTES } };
      parts.push(f.bytes);
    }
    const size = parts.reduce((n, p) => n + p.byteLength, 0);
    const buf = new Uint8Array(size);
    let o = 0;
    for (const p of parts) {
      buf.set(new Uint8Array(p), o);
      o += p.byteLength;
    }
    let want = 0;
    for (const w of group.weights) {
      if (w.dtype !== 'float32') return { ok: false, error: { code: 'errDtype', name: w.name, dtype: w.dtype } };
      want += 4 * w.shape.reduce((n, d) => n * d, 1);
    }
    if (want !== size) return { ok: false, error: { code: 'errSize', got: size, want } };
    let off = 0;
    for (const w of group.weights) {
      const n = w.shape.reduce((a, d) => a * d, 1);
      weights[w.name] = { shape: w.shape, values: new Float32Array(buf.buffer.slice(off, off + 4 * n)) };
      off += 4 * n;
    }
  }
  return { ok: true, weights, step: m.userDefinedMetadata?.step ?? 0, file: jsonFile.name };
}
