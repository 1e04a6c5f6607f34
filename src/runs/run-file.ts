/**
 * A run as one file to share: its settings and curves, and its final weights in the
 * playground's model format (model.json + the weights' bytes, base64) inside. Reading one
 * back checks every part and refuses a corrupted or foreign file with the reason.
 */
import { z } from 'zod';
import { decodeModel, encodeModel, MAX_WEIGHTS_BYTES, type DecodeError } from '../export/model-format';
import type { WeightSnapshot } from '../ml/tasks/task';
import { RunMeta } from './run-record';

export const RUN_FORMAT = 'dl-playground/run';
export const RUN_FILE_VERSION = 1;
/** A run file holds one model's weights as base64 (4/3 of the bytes) and small curves. */
export const MAX_RUN_FILE_BYTES = Math.ceil((MAX_WEIGHTS_BYTES * 4) / 3) + 4 * 1024 * 1024;

const RunFileJson = z.object({
  format: z.literal(RUN_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  run: RunMeta,
  model: z.unknown(),
  weightsFile: z.string().min(1).max(300),
  weights: z.string().max(MAX_RUN_FILE_BYTES),
});

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): ArrayBuffer | null {
  try {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  } catch {
    return null;
  }
}

/** The file's text: the run (as exported: not pinned, marked imported on the other side) and its final weights. */
export function encodeRunFile(meta: RunMeta, weights: WeightSnapshot, step: number): string {
  const stem = 'run';
  const model = encodeModel(weights, { kind: meta.kind, step, spec: meta.spec ?? null }, stem);
  const file = {
    format: RUN_FORMAT,
    version: RUN_FILE_VERSION,
    run: { ...meta, pinned: false, snapshotSteps: [] },
    model: JSON.parse(model.json) as unknown,
    weightsFile: model.binName,
    weights: toBase64(model.bin),
  };
  return JSON.stringify(file);
}

export type RunFileError =
  | { code: 'errTooBig'; size: number; max: number }
  | { code: 'errNotJson' }
  | { code: 'errNotRun' }
  | { code: 'errOtherLab'; other: string }
  | { code: 'errWeights'; detail: DecodeError };

export type DecodedRun = { ok: true; meta: RunMeta; weights: WeightSnapshot; step: number } | { ok: false; error: RunFileError };

/** Read a run file for `lab` (whose models are of `kind`). Nothing is stored here. */
export function decodeRunFile(bytes: ArrayBuffer, lab: string, kind: string): DecodedRun {
  if (bytes.byteLength > MAX_RUN_FILE_BYTES) return { ok: false, error: { code: 'errTooBig', size: bytes.byteLength, max: MAX_RUN_FILE_BYTES } };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: { code: 'errNotJson' } };
  }
  const p = RunFileJson.safeParse(raw);
  if (!p.success) return { ok: false, error: { code: 'errNotRun' } };
  const f = p.data;
  if (f.run.lab !== lab) return { ok: false, error: { code: 'errOtherLab', other: f.run.lab } };
  const bin = fromBase64(f.weights);
  if (!bin) return { ok: false, error: { code: 'errNotRun' } };
  const json = new TextEncoder().encode(JSON.stringify(f.model)).buffer;
  const model = decodeModel(
    [
      { name: 'model.json', bytes: json },
      { name: f.weightsFile.split('/').pop()!, bytes: bin },
    ],
    kind,
  );
  if (!model.ok) return { ok: false, error: { code: 'errWeights', detail: model.error } };
  return { ok: true, meta: { ...f.run, pinned: false, imported: true, snapshotSteps: [] }, weights: model.weights, step: model.step };
}
