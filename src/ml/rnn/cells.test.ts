import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import {
  CELL_KINDS,
  gateCount,
  initLayerArrays,
  initStackArrays,
  orthogonal,
  paramsFromArrays,
  variablesFromArrays,
  disposeParams,
  type CellKind,
  type LayerArrays,
} from './cell-params';
import { refStep, refUnroll, refZeroState } from './cell-reference';
import { cellTex, CELL_TEX_LINES } from './cell-tex';
import { step, unroll, zeroState } from './cells';

beforeAll(useCpuBackend);

/** Hand-specified tiny parameters: I = 2, H = 2, values chosen to give gates away from 0 and 1. */
function handParams(kind: CellKind): LayerArrays {
  const gates = Array.from({ length: gateCount(kind) }, (_, k) => ({
    W: Float64Array.from({ length: 4 }, (_, i) => 0.3 * Math.sin(1.7 * (4 * k + i) + 0.4)),
    U: Float64Array.from({ length: 4 }, (_, i) => 0.5 * Math.cos(1.3 * (4 * k + i) + 0.2)),
    b: Float64Array.from({ length: 2 }, (_, i) => 0.1 * (2 * k + i - 2)),
  }));
  const p: LayerArrays = { kind, inputSize: 2, hidden: 2, gates };
  if (kind === 'gru') p.bhn = Float64Array.from([0.25, -0.15]);
  return p;
}

const X = [
  [1, -0.5],
  [0.2, 0.8],
  [-1, 0.3],
];

async function values(t: tf.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

describe('cells match the float64 JS reference', () => {
  for (const kind of CELL_KINDS) {
    it(`${kind}: one step on a batch of two from a non-zero state`, async () => {
      const a = handParams(kind);
      const h0 = [
        [0.1, -0.2],
        [-0.3, 0.4],
      ];
      const c0 = [
        [0.5, -0.1],
        [0.2, 0.3],
      ];
      const p = paramsFromArrays(a);
      const state = { h: tf.tensor2d(h0), ...(kind === 'lstm' ? { c: tf.tensor2d(c0) } : {}) };
      const r = step(p, tf.tensor2d([X[0]!, X[1]!]), state, true);
      const got = await values(r.h);
      for (let bi = 0; bi < 2; bi++) {
        const ref = refStep(a, X[bi]!, { h: Float64Array.from(h0[bi]!), c: Float64Array.from(c0[bi]!) });
        for (let j = 0; j < 2; j++) expect(got[bi * 2 + j]).toBeCloseTo(ref.state.h[j]!, 5);
        if (kind === 'lstm') {
          const c = await values(r.state.c!);
          for (let j = 0; j < 2; j++) expect(c[bi * 2 + j]).toBeCloseTo(ref.state.c![j]!, 5);
        }
        if (r.gates) {
          for (const [name, t] of Object.entries(r.gates)) {
            if (name === 'kind') continue;
            const g = await values(t as tf.Tensor);
            for (let j = 0; j < 2; j++) expect(g[bi * 2 + j]).toBeCloseTo(ref.gates[name]![j]!, 5);
          }
        }
      }
      expect(r.gates === null).toBe(kind === 'simple');
      tf.dispose([r.h, r.state.c, state.h, state.c].filter((t) => t !== undefined));
      disposeParams([p]);
    });

    it(`${kind}: two stacked layers unrolled over 3 steps`, async () => {
      const arrays = initStackArrays(kind, 2, 3, 2, 7);
      const ps = arrays.map(paramsFromArrays);
      const xs = tf.tensor3d([X]);
      const r = unroll(ps, xs, undefined, { collectGates: true });
      const ref = refUnroll(arrays, X);
      for (let t = 0; t < 3; t++) {
        const h = await values(r.outputs[t]!);
        for (let j = 0; j < 3; j++) expect(h[j]).toBeCloseTo(ref.hs[t]![j]!, 5);
      }
      if (kind !== 'simple') {
        const first = kind === 'lstm' ? 'f' : 'z';
        const g = r.layers[1]!.gates![2]! as unknown as Record<string, tf.Tensor>;
        const got = await values(g[first]!);
        for (let j = 0; j < 3; j++) expect(got[j]).toBeCloseTo(ref.gates[1]![2]![first]![j]!, 5);
      } else {
        expect(r.layers[0]!.gates).toBeNull();
      }
      tf.dispose([xs, ...r.layers.flatMap((l) => l.hs)]);
      disposeParams(ps);
    });
  }

  it('the GRU keeps its state when z → 1 and takes the candidate when z → 0', () => {
    const a = handParams('gru');
    const h = Float64Array.from([0.7, -0.4]);
    for (const [bias, expectKeep] of [
      [40, true],
      [-40, false],
    ] as const) {
      const z = { ...a.gates[1]!, b: Float64Array.from([bias, bias]) };
      const p = { ...a, gates: [a.gates[0]!, z, a.gates[2]!] };
      const r = refStep(p, X[0]!, { h });
      const target = expectKeep ? h : r.gates.n!;
      for (let j = 0; j < 2; j++) expect(r.state.h[j]).toBeCloseTo(target[j]!, 8);
    }
  });

  it('the zero state has c only for the LSTM', () => {
    const lstm = zeroState(paramsFromArrays(handParams('lstm')), 3);
    expect(lstm.c?.shape).toEqual([3, 2]);
    expect(zeroState(paramsFromArrays(handParams('gru')), 3).c).toBeUndefined();
    expect(refZeroState(handParams('lstm')).c).toHaveLength(2);
  });
});

describe('initialisation', () => {
  it('is seeded, orthogonal in each recurrent matrix, Glorot-bounded, forget bias 1', () => {
    const a = initLayerArrays('lstm', 5, 4, createRng(3), { recurrent: 'orthogonal' });
    const again = initLayerArrays('lstm', 5, 4, createRng(3), { recurrent: 'orthogonal' });
    expect(Array.from(a.gates[2]!.W)).toEqual(Array.from(again.gates[2]!.W));
    const limit = Math.sqrt(6 / (5 + 4));
    for (const g of a.gates) expect(Math.max(...Array.from(g.W, Math.abs))).toBeLessThanOrEqual(limit);
    expect(a.gates.map((g) => Array.from(g.b))).toEqual([[0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0], [0, 0, 0, 0]]);
    // Each U_k is orthogonal: U_kᵀ U_k = I.
    for (const { U } of a.gates) {
      for (let p = 0; p < 4; p++) {
        for (let q = 0; q < 4; q++) {
          let dot = 0;
          for (let r = 0; r < 4; r++) dot += U[r * 4 + p]! * U[r * 4 + q]!;
          expect(dot).toBeCloseTo(p === q ? 1 : 0, 5);
        }
      }
    }
    const Q = orthogonal(6, createRng(1));
    let rowDot = 0;
    for (let c = 0; c < 6; c++) rowDot += Q[c]! * Q[6 + c]!;
    expect(rowDot).toBeCloseTo(0, 10);
    expect(initLayerArrays('gru', 2, 3, createRng(1)).bhn).toHaveLength(3);
  });

  it('uniform recurrent weights by default, within ±1/√H; the memory bias sets b_f or b_z', () => {
    const a = initLayerArrays('simple', 3, 16, createRng(2));
    const U = Array.from(a.gates[0]!.U);
    expect(Math.max(...U.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...U.map(Math.abs))).toBeGreaterThan(0.2);
    expect(Array.from(initLayerArrays('lstm', 2, 2, createRng(1), { memoryBias: 2 }).gates[1]!.b)).toEqual([2, 2]);
    const gru = initLayerArrays('gru', 2, 2, createRng(1), { memoryBias: 1.5 });
    expect(gru.gates.map((g) => Array.from(g.b))).toEqual([[0, 0], [1.5, 1.5], [0, 0]]);
    expect(initLayerArrays('gru', 2, 2, createRng(1)).gates[1]!.b[0]).toBe(0);
  });

  it('variables are named, trainable, and their initial tensors freed', () => {
    const before = tf.memory().numTensors;
    const v = variablesFromArrays(initLayerArrays('gru', 2, 3, createRng(1)), 'celltest_gru');
    expect(tf.memory().numTensors - before).toBe(3 * 3 + 1);
    expect((v.gates[1]!.W as tf.Variable).name).toBe('celltest_gru_W_z');
    expect((v.bhn as tf.Variable).trainable).toBe(true);
    disposeParams([v]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('KaTeX strings', () => {
  it('state the conventions used in the code', () => {
    expect(CELL_TEX_LINES.gru.at(-1)).toBe('h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}');
    expect(CELL_TEX_LINES.lstm).toContain('c_t = f_t \\odot c_{t-1} + i_t \\odot g_t');
    expect(cellTex('lstm')).toMatch(/^\\begin\{aligned\}i_t &= .*\\end\{aligned\}$/);
  });
});
