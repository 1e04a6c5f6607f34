import { describe, expect, it } from 'vitest';
import { demoConv, outputSizeTex, pool2x2, windowTex } from './conv-demo';
import { clampTestIndex, modelSpecOf, CNN_PARAMS } from './params';
import { defaults } from '../../state/schema';
import { hashFloats } from './hash';

describe('convolution explainer numbers', () => {
  it('the vertical-edge kernel lights up the edge column band, valid padding, stride 1', () => {
    const c = demoConv('vedge', 'valid', 1);
    expect([c.outHeight, c.outWidth]).toEqual([4, 4]);
    expect(c.output).toEqual([0, 1, 1, 0, 0, 2, 2, 0, 0, 3, 3, 0, 0, 3, 3, 0]);
  });

  it('the horizontal-edge kernel finds the horizontal edge', () => {
    expect(demoConv('hedge', 'valid', 1).output).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('same padding keeps 6×6 at stride 1 and gives 3×3 at stride 2 with the extra zero after', () => {
    const a = demoConv('blur', 'same', 1);
    expect([a.outHeight, a.before, a.after]).toEqual([6, 1, 1]);
    const b = demoConv('blur', 'same', 2);
    expect([b.outHeight, b.before, b.after]).toEqual([3, 0, 1]);
    expect(demoConv('blur', 'valid', 2).outHeight).toBe(2);
  });

  it('writes the window sum with its real numbers and the output-size formula evaluated', () => {
    const c = demoConv('vedge', 'valid', 1);
    const t = windowTex(c, 2, 1);
    expect(t).toContain('y_{2,1}');
    expect(t).toMatch(/=\\; 3 \\end\{aligned\}$/);
    expect(outputSizeTex(6, 3, 1, 1, 1)).toMatch(/= 6 \\end\{aligned\}$/);
    expect(outputSizeTex(6, 3, 0, 1, 2)).toMatch(/\{2\} \\right\\rfloor \+ 1 = 3 \\end\{aligned\}$/);
    // Padding terms read as grey zeros.
    expect(windowTex(demoConv('sharpen', 'same', 1), 0, 0)).toContain('\\textcolor{gray}{0}');
  });

  it('pools 2×2 with stride 2, dropping a leftover row and column', () => {
    const p = pool2x2([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 3);
    expect(p).toEqual({ outHeight: 1, outWidth: 1, max: [5], avg: [3] });
    const q = pool2x2([0, 1, 1, 0, 0, 2, 2, 0, 0, 3, 3, 0, 0, 3, 3, 0], 4, 4);
    expect(q.max).toEqual([2, 2, 3, 3]);
    expect(q.avg).toEqual([0.75, 0.75, 1.5, 1.5]);
  });
});

describe('lesson URL state', () => {
  it('maps model kinds to specs and shrinks an impossible custom CNN with a notice', () => {
    const v = defaults(CNN_PARAMS);
    expect(modelSpecOf(v).spec).toEqual({ kind: 'seed-cnn' });
    expect(modelSpecOf({ ...v, model: 'mlp' }).spec).toEqual({ kind: 'seed-mlp' });
    const ok = modelSpecOf({ ...v, model: 'custom', blocks: 3, kernel: '3', pad: 'valid' });
    expect(ok.notices).toEqual([]);
    const shrunk = modelSpecOf({ ...v, model: 'custom', blocks: 3, kernel: '5', pad: 'valid' });
    expect(shrunk.spec).toMatchObject({ kind: 'custom-cnn', blocks: 2, kernel: 5 });
    expect(shrunk.notices[0]).toContain('using 2');
  });

  it('clamps the test image to the test set', () => {
    expect(clampTestIndex(5, 200)).toEqual({ img: 5, notice: null });
    expect(clampTestIndex(500, 200).img).toBe(199);
  });

  it('hashes float bit patterns', () => {
    expect(hashFloats([1, 2, 3])).toBe(hashFloats(new Float32Array([1, 2, 3])));
    expect(hashFloats([1, 2, 3])).not.toBe(hashFloats([1, 2, 3.0001]));
    expect(hashFloats([])).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('numbers the prose states', () => {
  it('seed CNN: 320 conv parameters, 692,352 in the dense layer, 693,962 in all; MLP 101,770', async () => {
    const { describeModel } = await import('../../ml/cnn/architecture');
    const cnn = describeModel({ kind: 'seed-cnn' });
    expect(cnn.layers.map((l) => l.params)).toEqual([320, 0, 0, 692_352, 1_290]);
    expect(cnn.totalParams).toBe(693_962);
    expect(describeModel({ kind: 'seed-mlp' }).totalParams).toBe(101_770);
  });
});
