import { describe, expect, it } from 'vitest';
import { EvalHistory } from './eval-history';

const at = (step: number, loss = 1 / (step + 1)) => ({ eval: { step, size: 8, loss, tokenAccuracy: 0.5, sequenceAccuracy: 0.1 } });
const steps = (h: EvalHistory) => h.loss.decimated(100).map((p) => p.x);

describe('held-out history', () => {
  it('one point per evaluation; a repeated one adds nothing', () => {
    const h = new EvalHistory();
    expect(h.add(at(0))).toBe(true);
    expect(h.add(at(0))).toBe(false);
    expect(h.add(at(25))).toBe(true);
    expect(steps(h)).toEqual([0, 25]);
  });

  it('a rewound view (an earlier step) keeps the history; a branch cut back by the run recorder goes on from there', () => {
    const h = new EvalHistory();
    for (const s of [0, 25, 50, 75]) h.add(at(s));
    expect(h.add(at(25))).toBe(false);
    expect(steps(h)).toEqual([0, 25, 50, 75]);
    // "Continue from here": the recorder truncates the run's curves after the branch step.
    for (const b of [h.loss, h.tokenAccuracy, h.sequenceAccuracy]) b.truncateAfter(25);
    expect(h.add(at(25))).toBe(false);
    expect(h.add(at(50, 0.25))).toBe(true);
    expect(steps(h)).toEqual([0, 25, 50]);
    expect(h.loss.last()?.y).toBe(0.25);
  });

  it('a model built or loaded at an earlier step starts a new history', () => {
    const h = new EvalHistory();
    for (const s of [0, 25, 50]) h.add(at(s));
    expect(h.add(at(10), true)).toBe(true);
    expect(steps(h)).toEqual([10]);
  });
});
