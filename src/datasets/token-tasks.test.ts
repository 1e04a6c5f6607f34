import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { generateTokenBatch, targetsFor, tokenName, tokenVocab, type TokenTaskSpec } from './token-tasks';
import { positionBlindCeiling } from './token-tasks-chance';

const rows = (a: Int32Array | Float32Array, T: number) => Array.from({ length: a.length / T }, (_, i) => [...a.slice(i * T, (i + 1) * T)]);

describe('token tasks', () => {
  it('reverse, sort and copy-with-offset produce the documented targets, all positions scored', () => {
    const cases: [TokenTaskSpec, (x: number[]) => number[]][] = [
      [{ task: 'reverse', seqLen: 6, vocab: 8 }, (x) => [...x].reverse()],
      [{ task: 'sort', seqLen: 7, vocab: 5 }, (x) => [...x].sort((a, b) => a - b)],
      [{ task: 'copy', seqLen: 5, vocab: 9, offset: 2 }, (x) => x.map((_, t) => x[(t - 2 + 5) % 5]!)],
      [{ task: 'copy', seqLen: 4, vocab: 6 }, (x) => [x[3]!, x[0]!, x[1]!, x[2]!]],
    ];
    for (const [spec, f] of cases) {
      const b = generateTokenBatch(spec, 50, createRng(1));
      expect(b.inputs).toHaveLength(50 * spec.seqLen);
      const xs = rows(b.inputs, spec.seqLen);
      const ys = rows(b.targets, spec.seqLen);
      xs.forEach((x, i) => {
        expect(ys[i]).toEqual(f(x));
        expect([...targetsFor(spec, Int32Array.from(x))]).toEqual(f(x));
        for (const t of x) expect(t >= 0 && t < spec.vocab).toBe(true);
      });
      expect([...b.weights].every((w) => w === 1)).toBe(true);
    }
  });

  it('masked: palindromes with ≥ 1 hidden token, never both of a mirror pair; only hidden positions scored', () => {
    const spec: TokenTaskSpec = { task: 'masked', seqLen: 7, vocab: 6, maskRate: 0.4 };
    const v = tokenVocab(spec);
    expect(v).toEqual({ content: 6, inputVocab: 7, outputVocab: 6, maskToken: 6 });
    const b = generateTokenBatch(spec, 300, createRng(4));
    const xs = rows(b.inputs, 7);
    const ys = rows(b.targets, 7);
    const ws = rows(b.weights, 7);
    let hidden = 0;
    xs.forEach((x, i) => {
      const y = ys[i]!;
      expect(y).toEqual([...y].reverse());
      expect(x[3]).not.toBe(6); // the middle is never hidden
      let n = 0;
      for (let t = 0; t < 7; t++) {
        const isMask = x[t] === 6;
        expect(ws[i]![t]).toBe(isMask ? 1 : 0);
        if (isMask) {
          n += 1;
          expect(x[6 - t]).toBe(y[t]); // recoverable from the mirror
        } else expect(x[t]).toBe(y[t]);
      }
      expect(n).toBeGreaterThanOrEqual(1);
      hidden += n;
      const target = targetsFor(spec, Int32Array.from(x));
      for (let t = 0; t < 7; t++) expect(target[t]).toBe(x[t] === 6 ? y[t] : -1);
    });
    // 3 pairs, each hidden with p = 0.4 (at least one forced): E ≈ 1.2 + 0.216 ≈ 1.4 per sequence.
    expect(hidden / 300).toBeGreaterThan(1.2);
    expect(hidden / 300).toBeLessThan(1.6);
    expect(tokenName(spec, 6)).toBe('[MASK]');
    expect(tokenName(spec, 3)).toBe('3');
    expect(tokenName({ ...spec, vocab: 12 }, 11)).toBe('B');
  });

  it('is reproducible from the seed, and validates its controls', () => {
    const spec: TokenTaskSpec = { task: 'reverse', seqLen: 5, vocab: 6 };
    expect(generateTokenBatch(spec, 10, createRng(3))).toEqual(generateTokenBatch(spec, 10, createRng(3)));
    expect(generateTokenBatch(spec, 10, createRng(3)).inputs).not.toEqual(generateTokenBatch(spec, 10, createRng(4)).inputs);
    expect(() => generateTokenBatch({ ...spec, seqLen: 13 }, 1, createRng(1))).toThrow(/seqLen/);
    expect(() => generateTokenBatch({ ...spec, vocab: 4 }, 1, createRng(1))).toThrow(/vocab/);
    expect(() => generateTokenBatch({ ...spec, task: 'copy', offset: 5 }, 1, createRng(1))).toThrow(/offset/);
  });

  it('position-blind ceiling: identity is perfect, reverse is far above guessing but far below 1', () => {
    const r = positionBlindCeiling({ task: 'reverse', seqLen: 5, vocab: 6 })!;
    // Same numbers from an independent brute-force script: token 0.42824, sequence 0.11111
    // (guessing: 1/6 and 1/7776). Odd T: the middle token maps to itself, which helps a little.
    expect(r.token).toBeCloseTo(0.4282, 3);
    expect(r.sequence).toBeCloseTo(0.1111, 3);
    expect(r.guessSequence).toBeCloseTo(1 / 7776, 9);
    // Copy with offset 0 is the identity: g(a) = a is position-blind and always right.
    expect(positionBlindCeiling({ task: 'copy', seqLen: 4, vocab: 5, offset: 0 })).toMatchObject({ token: 1, sequence: 1 });
    expect(positionBlindCeiling({ task: 'masked', seqLen: 4, vocab: 5 })).toBeNull();
    expect(positionBlindCeiling({ task: 'reverse', seqLen: 12, vocab: 20 })).toBeNull();
  });
});
