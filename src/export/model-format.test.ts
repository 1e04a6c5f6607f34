import { describe, expect, it } from 'vitest';
import { weightMismatch } from '../worker/weight-check';
import { decodeModel, encodeModel, MODEL_FORMAT } from './model-format';

const enc = new TextEncoder();
const weights = {
  'dense/kernel': { shape: [2, 3], values: new Float32Array([1, 2, 3, 4, 5, 6.5]) },
  'dense/bias': { shape: [3], values: new Float32Array([-1, 0, 1e-8]) },
};

function files(json: string, bin: ArrayBuffer, binName = 'mlp.weights.bin') {
  return [
    { name: 'mlp.json', bytes: enc.encode(json).buffer as ArrayBuffer },
    { name: binName, bytes: bin },
  ];
}

describe('model files (TensorFlow.js weights format)', () => {
  it('round-trips weights, step and kind', () => {
    const f = encodeModel(weights, { kind: 'mlp', step: 42, spec: { kind: 'mlp' } }, 'mlp');
    const parsed = JSON.parse(f.json);
    expect(parsed.format).toBe(MODEL_FORMAT);
    expect(parsed.weightsManifest[0].paths).toEqual(['mlp.weights.bin']);
    expect(parsed.weightsManifest[0].weights[0]).toEqual({ name: 'dense/kernel', shape: [2, 3], dtype: 'float32' });
    expect(f.bin.byteLength).toBe(36);
    // Little-endian float32, as tf.io writes it.
    expect(new DataView(f.bin).getFloat32(0, true)).toBe(1);
    const d = decodeModel(files(f.json, f.bin), 'mlp');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.step).toBe(42);
    expect([...d.weights['dense/kernel']!.values]).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect([...d.weights['dense/bias']!.values]).toEqual([...weights['dense/bias'].values]);
    expect(weightMismatch(weights, d.weights)).toBeNull();
  });

  it('gives a specific error for each kind of wrong file', () => {
    const f = encodeModel(weights, { kind: 'mlp', step: 1, spec: null }, 'mlp');
    const code = (r: ReturnType<typeof decodeModel>) => (r.ok ? 'ok' : r.error.code);
    expect(code(decodeModel([{ name: 'mlp.weights.bin', bytes: f.bin }], 'mlp'))).toBe('errNoJson');
    expect(code(decodeModel(files('not json {', f.bin), 'mlp'))).toBe('errNotJson');
    expect(code(decodeModel([{ name: 'x.json', bytes: new Uint8Array([0xff, 0xfe, 0x00]).buffer }], 'mlp'))).toBe('errNotJson');
    expect(code(decodeModel(files('{"hello": 1}', f.bin), 'mlp'))).toBe('errNotModel');
    expect(code(decodeModel(files(f.json, f.bin), 'mnist'))).toBe('errOtherLesson');
    expect(code(decodeModel(files(f.json, f.bin, 'other.bin'), 'mlp'))).toBe('errMissingBin');
    expect(code(decodeModel(files(f.json, f.bin.slice(0, 20)), 'mlp'))).toBe('errSize');
    const int = f.json.replace('"float32"', '"int32"');
    expect(code(decodeModel(files(int, f.bin), 'mlp'))).toBe('errDtype');
  });

  it('describes weights that do not fit the current network', () => {
    const other = { ...weights, 'dense/kernel': { shape: [2, 4], values: new Float32Array(8) } };
    expect(weightMismatch(weights, other)).toMatch(/dense\/kernel is \[2, 4\] in the file, \[2, 3\] here/);
    expect(weightMismatch(weights, { 'dense/bias': weights['dense/bias'] })).toMatch(/missing dense\/kernel/);
    const nan = { ...weights, 'dense/bias': { shape: [3], values: new Float32Array([NaN, 0, 0]) } };
    expect(weightMismatch(weights, nan)).toMatch(/not finite/);
  });
});
