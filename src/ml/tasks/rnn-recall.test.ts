/**
 * The lesson's key claim, at fixed seeds: across a long gap a plain RNN stays at chance while an
 * LSTM learns to remember. Kept cheap (about 250 training steps in all); the full "accuracy vs gap"
 * curves are gapExperiment's job (the page and the benchmark).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { gapExperiment } from './rnn-experiment';

beforeAll(useCpuBackend);

const base = { gaps: [20], symbols: 4, hidden: 16, seed: 1 } as const;

describe('recall the first symbol across a gap of 20 (K = 4, chance 0.25)', () => {
  it('LSTM beats SimpleRNN after the same 100 steps (standard init: forget bias 1)', async () => {
    const [simple, lstm] = await gapExperiment({ ...base, cells: ['simple', 'lstm'], steps: 100 });
    // Measured after 100 steps, seeds 1–4 (Adam 0.01, batch 32, clip 1):
    //   SimpleRNN 0.23 0.24 0.27 0.28 — chance: the answer's gradient vanishes over 20 steps;
    //   LSTM      0.55 0.52 0.52 0.78 — on its way (it reaches 0.74–0.78 by step 200).
    // Seed 1 is asserted with half the measured margin of 0.32.
    expect(simple!.cell).toBe('simple');
    expect(simple!.accuracy).toBeLessThan(0.35);
    expect(lstm!.accuracy - simple!.accuracy).toBeGreaterThan(0.16);
  });

  it('with the forget-gate bias at 2, the LSTM solves it within 50 steps', async () => {
    const [lstm] = await gapExperiment({ ...base, cells: ['lstm'], steps: 50, memoryBias: 2 });
    // Measured after 50 steps, seeds 1–4: 0.92 1.00 1.00 1.00 (1.00 for all by step 75).
    expect(lstm!.accuracy).toBeGreaterThan(0.85);
  });

  it('gapExperiment reports every (cell, gap) pair as it goes', async () => {
    const seen: string[] = [];
    const onResult = (x: { cell: string; gap: number }) => seen.push(`${x.cell}@${x.gap}`);
    const r = await gapExperiment({ cells: ['simple', 'gru'], gaps: [1, 3], steps: 2, onResult });
    expect(seen).toEqual(['simple@1', 'gru@1', 'simple@3', 'gru@3']);
    expect(r.every((x) => x.chance === 0.25 && x.steps === 2 && x.accuracy >= 0 && x.stepsPerSec > 0)).toBe(true);
    let n = 0;
    expect(await gapExperiment({ cells: ['simple'], gaps: [1, 2], steps: 1, shouldStop: () => n++ > 0 })).toHaveLength(1);
  });
});
