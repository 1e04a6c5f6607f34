import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import {
  DEFAULT_RACE_SETTINGS,
  RACE_EPSILON,
  RACE_OPTIMIZERS,
  type RaceOptimizerName,
  type RaceOptimizerSettings,
} from '../train/optimizers';
import { SurfaceRaceTask, type SurfaceRaceHyper, type SurfaceRaceSpec } from './surface-race';

beforeAll(useCpuBackend);

const KAPPA = 10;
const START = { x: -4, y: 2 };
const bowlSpec = (racers: readonly RaceOptimizerName[], seed = 1): SurfaceRaceSpec => ({
  kind: 'surface-race',
  surface: 'bowl',
  surfaceParams: { condition: KAPPA },
  racers,
  start: START,
  seed,
});
const hyper = (h: Partial<SurfaceRaceHyper> = {}): SurfaceRaceHyper => ({
  ...DEFAULT_RACE_SETTINGS,
  learningRate: 0.05,
  noise: 0,
  ...h,
});

type Vec = [number, number];
/** ∇f of the bowl f = ½(x² + κy²). */
const bowlGrad = ([x, y]: Vec): Vec => [x, KAPPA * y];

/**
 * The optimisers' update rules written out by hand in float64, exactly as tfjs 4.22
 * implements them (tfjs-core/dist/optimizers/*_optimizer.js), per coordinate:
 *   SGD       θ ← θ − αg
 *   Momentum  v ← βv + g;  θ ← θ − αv
 *   Nesterov  v ← βv + g;  θ ← θ − α(g + βv)
 *   RMSProp   s ← ρs + (1 − ρ)g²;  θ ← θ − αg/√(s + ε)
 *   Adam      m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  θ ← θ − α·m̂/(√v̂ + ε),
 *             m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
 * `settingsAt(t)` gives the settings in force at step t (1-based), for live changes.
 */
function handPath(
  name: RaceOptimizerName,
  steps: number,
  settingsAt: (t: number) => RaceOptimizerSettings,
  grad: (p: Vec) => Vec = bowlGrad,
  start: Vec = [START.x, START.y],
): Vec[] {
  const th: Vec = [...start];
  const a: Vec = [0, 0]; // v (Momentum/Nesterov), s (RMSProp), m (Adam)
  const b: Vec = [0, 0]; // v (Adam)
  let p1 = 1; // Π β₁ over steps so far
  let p2 = 1;
  const path: Vec[] = [];
  for (let t = 1; t <= steps; t++) {
    const { learningRate: lr, momentum: beta, rmsDecay: rho, beta1, beta2 } = settingsAt(t);
    p1 *= beta1;
    p2 *= beta2;
    const g = grad(th);
    for (const i of [0, 1] as const) {
      switch (name) {
        case 'sgd':
          th[i] -= lr * g[i];
          break;
        case 'momentum':
          a[i] = beta * a[i] + g[i];
          th[i] -= lr * a[i];
          break;
        case 'nesterov':
          a[i] = beta * a[i] + g[i];
          th[i] -= lr * (g[i] + beta * a[i]);
          break;
        case 'rmsprop':
          a[i] = rho * a[i] + (1 - rho) * g[i] ** 2;
          th[i] -= (lr * g[i]) / Math.sqrt(a[i] + RACE_EPSILON);
          break;
        case 'adam': {
          a[i] = beta1 * a[i] + (1 - beta1) * g[i];
          b[i] = beta2 * b[i] + (1 - beta2) * g[i] ** 2;
          const mHat = a[i] / (1 - p1);
          const vHat = b[i] / (1 - p2);
          th[i] -= (lr * mHat) / (Math.sqrt(vHat) + RACE_EPSILON);
          break;
        }
      }
    }
    path.push([...th]);
  }
  return path;
}

async function positions(task: SurfaceRaceTask): Promise<Map<RaceOptimizerName, Vec>> {
  const v = await task.view();
  return new Map(v.racers.map((r) => [r.id, [r.x, r.y] as Vec]));
}

function expectPoint(got: Vec | undefined, want: Vec, tol = 1e-5): void {
  expect(got).toBeDefined();
  expect(Math.abs(got![0] - want[0])).toBeLessThanOrEqual(tol);
  expect(Math.abs(got![1] - want[1])).toBeLessThanOrEqual(tol);
}

describe('surface race: each optimiser is the real tfjs one, step for step', () => {
  it.each(RACE_OPTIMIZERS.map((n) => [n]))('%s matches the hand-written recurrence for three steps', async (name) => {
    const task = new SurfaceRaceTask(bowlSpec([name]), hyper());
    const want = handPath(name, 3, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 }));
    for (let t = 0; t < 3; t++) {
      task.step().dispose();
      expectPoint((await positions(task)).get(name), want[t]!);
    }
    // The paths really differ between optimisers (so matching them means something).
    const sgd = handPath('sgd', 3, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 }));
    if (name !== 'sgd') expect(Math.abs(want[2]![0] - sgd[2]![0]) + Math.abs(want[2]![1] - sgd[2]![1])).toBeGreaterThan(1e-3);
    task.dispose();
  });

  it.each([['rmsprop'], ['adam']] as const)(
    '%s: where ε sits, checked with gradients so small that g² is near ε',
    async (name) => {
      // g = (2e-4, −1e-4): for RMSProp √(s + ε) vs √s + ε differ tenfold here, and for
      // Adam ε after bias correction vs on the raw √v differ by ~3% of the step.
      const start: Vec = [2e-4, -1e-5];
      const task = new SurfaceRaceTask({ ...bowlSpec([name]), start: { x: start[0], y: start[1] } }, hyper());
      const want = handPath(name, 3, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 }), bowlGrad, start);
      for (let t = 0; t < 3; t++) {
        task.step().dispose();
        expectPoint((await positions(task)).get(name), want[t]!, 1e-6);
      }
      task.dispose();
    },
  );

  it('all five race together, each on its own path, and step() returns the leader’s pre-step loss', async () => {
    const task = new SurfaceRaceTask(bowlSpec(RACE_OPTIMIZERS), hyper());
    const f0 = 0.5 * (16 + KAPPA * 4);
    const l1 = task.step();
    expect((await l1.data())[0]).toBeCloseTo(f0, 4); // everyone starts at the same point
    l1.dispose();
    task.step().dispose();
    const pos = await positions(task);
    const s = () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 });
    for (const name of RACE_OPTIMIZERS) expectPoint(pos.get(name), handPath(name, 2, s)[1]!);
    // Step 3 reports the lowest loss among racers at their step-2 positions.
    const f = ([x, y]: Vec): number => 0.5 * (x * x + KAPPA * y * y);
    const best = Math.min(...RACE_OPTIMIZERS.map((n) => f(handPath(n, 2, s)[1]!)));
    const l3 = task.step();
    expect((await l3.data())[0]).toBeCloseTo(best, 4);
    l3.dispose();
    const v = await task.view();
    expect(v.step).toBe(3);
    expect(v.racers.map((r) => r.id)).toEqual([...RACE_OPTIMIZERS]);
    for (const r of v.racers) expect(r.loss).toBeCloseTo(f([r.x, r.y]), 4);
    task.dispose();
  });
});

describe('surface race: what the lesson shows', () => {
  /** The surface's suggested rates: `gradient` for SGD/Momentum/Nesterov, `adaptive` for RMSProp/Adam. */
  const suggested = (spec: SurfaceRaceSpec): SurfaceRaceHyper => {
    const probe = new SurfaceRaceTask(spec, hyper());
    const { gradient, adaptive } = probe.surface.suggestedLearningRate;
    probe.dispose();
    return hyper({ learningRate: gradient, learningRates: { rmsprop: adaptive, adam: adaptive } });
  };
  const race = (surface: SurfaceRaceSpec['surface']): SurfaceRaceSpec => ({
    kind: 'surface-race',
    surface,
    racers: RACE_OPTIMIZERS,
    seed: 1,
  });

  it('saddle: after 50 steps plain GD still sits near the saddle (f ≈ ¼) while Adam has reached a minimum', async () => {
    const spec = race('saddle');
    const task = new SurfaceRaceTask(spec, suggested(spec));
    for (let i = 0; i < 50; i++) task.step().dispose();
    const v = await task.view();
    const sgd = v.racers.find((r) => r.id === 'sgd')!;
    const adam = v.racers.find((r) => r.id === 'adam')!;
    expect(Math.hypot(sgd.x, sgd.y)).toBeLessThan(0.2);
    expect(sgd.loss).toBeGreaterThan(0.2);
    expect(adam.loss).toBeLessThan(0.01);
    for (let i = 0; i < 150; i++) task.step().dispose();
    // Given time, GD does leave, towards the minimum at (1, 0).
    const later = (await task.view()).racers.find((r) => r.id === 'sgd')!;
    expect(later.x).toBeCloseTo(1, 3);
    task.dispose();
  });

  it('himmelblau: from the default start Momentum ends in another minimum than SGD', async () => {
    const spec = race('himmelblau');
    const task = new SurfaceRaceTask(spec, suggested(spec));
    for (let i = 0; i < 300; i++) task.step().dispose();
    const v = await task.view();
    const at = (id: RaceOptimizerName): Vec => {
      const r = v.racers.find((q) => q.id === id)!;
      return [r.x, r.y];
    };
    expectPoint(at('sgd'), [3, 2], 1e-3);
    expectPoint(at('momentum'), [3.58442834, -1.848126527], 1e-3);
    task.dispose();
  });
});

describe('surface race: live hyperparameters', () => {
  it('a new learning rate applies at the next step for every optimiser', async () => {
    for (const name of RACE_OPTIMIZERS) {
      const task = new SurfaceRaceTask(bowlSpec([name]), hyper({ learningRate: 0.05 }));
      task.step().dispose();
      task.setHyper({ learningRate: 0.01 });
      expect((await task.view()).racers[0]!.learningRate).toBe(0.01);
      task.step().dispose();
      task.step().dispose();
      const want = handPath(name, 3, (t) => ({ ...DEFAULT_RACE_SETTINGS, learningRate: t === 1 ? 0.05 : 0.01 }));
      expectPoint((await positions(task)).get(name), want[2]!);
      task.dispose();
    }
  });

  it('per-racer learning rates override the shared one', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd', 'adam']), hyper({ learningRate: 0.05, learningRates: { adam: 0.3 } }));
    task.step().dispose();
    const pos = await positions(task);
    expectPoint(pos.get('sgd'), handPath('sgd', 1, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 }))[0]!);
    expectPoint(pos.get('adam'), handPath('adam', 1, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.3 }))[0]!);
    task.setHyper({ learningRates: {} }); // back to the shared rate
    expect((await task.view()).racers.map((r) => r.learningRate)).toEqual([0.05, 0.05]);
    task.dispose();
  });

  it('β of Momentum and Nesterov changes live (tfjs’s own setMomentum would not)', async () => {
    for (const name of ['momentum', 'nesterov'] as const) {
      const task = new SurfaceRaceTask(bowlSpec([name]), hyper({ momentum: 0.9 }));
      task.step().dispose();
      task.step().dispose();
      task.setHyper({ momentum: 0.5 });
      task.step().dispose();
      const want = handPath(name, 3, (t) => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05, momentum: t <= 2 ? 0.9 : 0.5 }));
      expectPoint((await positions(task)).get(name), want[2]!);
      task.dispose();
    }
  });

  it('ρ of RMSProp changes live', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['rmsprop']), hyper({ rmsDecay: 0.9 }));
    task.step().dispose();
    task.setHyper({ rmsDecay: 0.5 });
    task.step().dispose();
    task.step().dispose();
    const want = handPath('rmsprop', 3, (t) => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05, rmsDecay: t === 1 ? 0.9 : 0.5 }));
    expectPoint((await positions(task)).get('rmsprop'), want[2]!);
    task.dispose();
  });

  it('Adam’s β₁, β₂ change live with the bias correction kept exact (1 − Π βₛ)', async () => {
    // Changed before the first step: identical to an Adam built with the new betas.
    const a = new SurfaceRaceTask(bowlSpec(['adam']), hyper());
    a.setHyper({ beta1: 0.5, beta2: 0.9 });
    a.step().dispose();
    const fresh = handPath('adam', 1, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05, beta1: 0.5, beta2: 0.9 }));
    expectPoint((await positions(a)).get('adam'), fresh[0]!);
    a.dispose();
    // Changed mid-run.
    const b = new SurfaceRaceTask(bowlSpec(['adam']), hyper());
    b.step().dispose();
    b.step().dispose();
    b.setHyper({ beta1: 0.7, beta2: 0.95 });
    b.step().dispose();
    b.step().dispose();
    const want = handPath('adam', 4, (t) => ({
      ...DEFAULT_RACE_SETTINGS,
      learningRate: 0.05,
      ...(t > 2 ? { beta1: 0.7, beta2: 0.95 } : {}),
    }));
    expectPoint((await positions(b)).get('adam'), want[3]!);
    b.dispose();
  });

  it('rejects settings out of range and races that are empty or repeat an optimiser', () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd']), hyper());
    expect(() => task.setHyper({ learningRate: -1 })).toThrow(RangeError);
    expect(() => task.setHyper({ momentum: 1 })).toThrow(RangeError);
    expect(() => task.setHyper({ noise: Number.NaN })).toThrow(RangeError);
    expect(() => task.setHyper({ learningRates: { adam: 0 } })).toThrow(RangeError);
    task.setHyper({ learningRate: undefined }); // undefined keys leave settings alone
    expect(task.learningRateOf('sgd')).toBe(0.05);
    task.dispose();
    expect(() => new SurfaceRaceTask(bowlSpec([]), hyper())).toThrow(RangeError);
    expect(() => new SurfaceRaceTask(bowlSpec(['adam', 'adam']), hyper())).toThrow(RangeError);
  });
});

describe('surface race: divergence is per racer', () => {
  // On the bowl, GD multiplies y by (1 − ακ) each step: stable iff α < 2/κ = 0.2.
  it('plain GD with α just below 2/λmax converges', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd']), hyper({ learningRate: 0.19 }));
    for (let i = 0; i < 300; i++) task.step().dispose();
    const r = (await task.view()).racers[0]!;
    expect(r.diverged).toBe(false);
    expect(Math.hypot(r.x, r.y)).toBeLessThan(1e-6);
    task.dispose();
  });

  it('plain GD with α just above 2/λmax diverges: flagged, frozen, finite, never NaN', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd', 'adam']), hyper({ learningRate: 0.21 }));
    const losses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const l = task.step();
      losses.push((await l.data())[0]!);
      l.dispose();
    }
    const v = await task.view();
    const sgd = v.racers.find((r) => r.id === 'sgd')!;
    const adam = v.racers.find((r) => r.id === 'adam')!;
    expect(sgd.diverged).toBe(true);
    for (const n of [sgd.x, sgd.y, sgd.loss]) expect(Number.isFinite(n)).toBe(true);
    // |y| grows by 1.1 per step: it stopped at the last point within the bound.
    expect(Math.abs(sgd.y)).toBeGreaterThan(1e5);
    expect(Math.abs(sgd.y)).toBeLessThanOrEqual(1e6);
    // Adam, in the same race with the same α, is fine, so the race goes on: every loss finite.
    expect(adam.diverged).toBe(false);
    expect(adam.loss).toBeLessThan(0.1);
    expect(losses.every(Number.isFinite)).toBe(true);
    // A diverged racer stays put.
    task.step().dispose();
    const again = (await task.view()).racers.find((r) => r.id === 'sgd')!;
    expect([again.x, again.y]).toEqual([sgd.x, sgd.y]);
    task.dispose();
  });

  it('a racer thrown past the bound in one step stays at its last finite point; when all have diverged step() is non-finite', async () => {
    const task = new SurfaceRaceTask(
      { ...bowlSpec(['sgd', 'momentum']), surface: 'rosenbrock', start: { x: -1.2, y: 1 } },
      hyper({ learningRate: 1e6 }),
    );
    const l1 = task.step(); // both thrown to ~1e8 on step 1: neither moves
    expect(Number.isFinite((await l1.data())[0])).toBe(false);
    l1.dispose();
    const v = await task.view();
    for (const r of v.racers) {
      expect(r.diverged).toBe(true);
      expect([r.x, r.y]).toEqual([Math.fround(-1.2), 1]);
      expect(r.loss).toBeCloseTo(24.2, 3); // f(−1.2, 1), finite
    }
    // Once seen, diverged racers are skipped; step() keeps saying the race is over.
    const before = tf.memory().numTensors;
    const l2 = task.step();
    expect((await l2.data())[0]).toBe(Infinity);
    l2.dispose();
    // The step's trail row is held until the next view; after it, nothing is left over.
    expect((await task.view()).trail.steps).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    task.dispose();
  });

  it('snapshots round-trip positions and flags; importing restarts the optimisers', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd', 'momentum']), hyper({ learningRate: 0.05 }));
    for (let i = 0; i < 5; i++) task.step().dispose();
    const snap = await task.exportWeights();
    expect(Object.keys(snap).sort()).toEqual(['alive/momentum', 'alive/sgd', 'position/momentum', 'position/sgd']);
    const at5 = await positions(task);
    for (let i = 0; i < 5; i++) task.step().dispose();
    task.importWeights(snap);
    expect(await positions(task)).toEqual(at5);
    // Momentum restarts with v = 0: its next step is the plain-gradient step from there.
    task.step().dispose();
    const m5 = at5.get('momentum')!;
    expectPoint((await positions(task)).get('momentum'), handPath('momentum', 1, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 }), bowlGrad, m5)[0]!);
    // A diverged flag in a snapshot freezes the racer.
    task.importWeights({ ...snap, 'alive/sgd': { shape: [], values: Float32Array.of(0) } });
    task.step().dispose();
    const v = await task.view();
    expect(v.racers.find((r) => r.id === 'sgd')!.diverged).toBe(true);
    expectPoint((await positions(task)).get('sgd'), at5.get('sgd')!, 0);
    task.dispose();
  });

  it('predict evaluates the surface at interleaved (x, y) pairs', async () => {
    const task = new SurfaceRaceTask({ ...bowlSpec(['sgd']), surface: 'himmelblau' }, hyper());
    const out = await task.predict(Float32Array.of(3, 2, 0, 0, 1, -1));
    expect(out[0]).toBeCloseTo(0, 5);
    expect(out[1]).toBeCloseTo(170, 4); // 121 + 49
    expect(out[2]).toBeCloseTo(task.surface.evaluate(1, -1), 4);
    await expect(task.predict(Float32Array.of(1))).rejects.toThrow(RangeError);
    task.dispose();
  });
});

describe('surface race: gradient noise', () => {
  const pathOf = async (spec: SurfaceRaceSpec, h: SurfaceRaceHyper, steps: number): Promise<Map<RaceOptimizerName, Vec>> => {
    const task = new SurfaceRaceTask(spec, h);
    for (let i = 0; i < steps; i++) task.step().dispose();
    const p = await positions(task);
    task.dispose();
    return p;
  };

  it('is reproducible from the seed, differs with another seed, and σ = 0 is the exact path', async () => {
    const noisy = hyper({ noise: 2 });
    const a = await pathOf(bowlSpec(RACE_OPTIMIZERS, 7), noisy, 20);
    const b = await pathOf(bowlSpec(RACE_OPTIMIZERS, 7), noisy, 20);
    const c = await pathOf(bowlSpec(RACE_OPTIMIZERS, 8), noisy, 20);
    const exact = await pathOf(bowlSpec(RACE_OPTIMIZERS, 7), hyper({ noise: 0 }), 20);
    for (const n of RACE_OPTIMIZERS) {
      expect(a.get(n)).toEqual(b.get(n));
      expect(a.get(n)).not.toEqual(c.get(n));
      expect(a.get(n)).not.toEqual(exact.get(n));
      expectPoint(exact.get(n), handPath(n, 20, () => ({ ...DEFAULT_RACE_SETTINGS, learningRate: 0.05 })).at(-1)!, 1e-4);
    }
  });

  it('a racer’s noise does not depend on who else races', async () => {
    const alone = await pathOf(bowlSpec(['adam'], 3), hyper({ noise: 1 }), 15);
    const crowd = await pathOf(bowlSpec(['sgd', 'nesterov', 'adam'], 3), hyper({ noise: 1 }), 15);
    expect(crowd.get('adam')).toEqual(alone.get('adam'));
  });

  it('has variance σ² per component: with α = 1 on the κ = 1 bowl, θ ← θ − (θ + σn) = −σn', async () => {
    const sigma = 0.5;
    const task = new SurfaceRaceTask(
      { ...bowlSpec(['sgd'], 11), surfaceParams: { condition: 1 } },
      hyper({ learningRate: 1, noise: sigma }),
    );
    const samples: number[] = [];
    for (let i = 0; i < 1000; i++) {
      task.step().dispose();
      const r = (await task.view()).racers[0]!;
      samples.push(r.x, r.y);
    }
    task.dispose();
    const n = samples.length;
    const mean = samples.reduce((s, v) => s + v, 0) / n;
    const variance = samples.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan((4 * sigma) / Math.sqrt(n));
    // The sample variance of 2000 normals is within ±10% of σ² with overwhelming probability.
    expect(variance / sigma ** 2).toBeGreaterThan(0.9);
    expect(variance / sigma ** 2).toBeLessThan(1.1);
  });
});

describe('surface race: tensor discipline', () => {
  it('keeps the tensor count flat over 100 steps (with noise and views) and frees everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const task = new SurfaceRaceTask(bowlSpec(RACE_OPTIMIZERS), hyper({ noise: 0.1 }));
    task.step().dispose(); // optimisers create their slot variables on the first step
    await task.view(); // unviewed steps' trail rows are held until a view: count after one
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 99; i++) {
      task.step().dispose();
      if (i % 10 === 0) await task.view();
    }
    await task.exportWeights();
    await task.view();
    expect(tf.memory().numTensors).toBe(afterFirst);
    task.setHyper({ learningRate: 0.02, momentum: 0.8, beta1: 0.8, beta2: 0.99, rmsDecay: 0.8 });
    task.step().dispose();
    await task.view();
    expect(tf.memory().numTensors).toBe(afterFirst);
    task.importWeights(await task.exportWeights());
    task.step().dispose();
    await task.view();
    expect(tf.memory().numTensors).toBe(afterFirst);
    task.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('race trail', () => {
  it('reports every step since the last view: positions after, loss before each step', async () => {
    const task = new SurfaceRaceTask(bowlSpec(['sgd', 'adam']), hyper({ learningRate: 0.05 }));
    for (let i = 0; i < 5; i++) {
      const before = (await task.view()).racers.map((r) => r.loss);
      task.step().dispose();
      const v1 = await task.view();
      expect(v1.trail.steps).toBe(1);
      expect(v1.trail.firstStep).toBe(i + 1);
      v1.racers.forEach((r, k) => {
        expect(v1.trail.data[k * 3]).toBeCloseTo(r.x, 6);
        expect(v1.trail.data[k * 3 + 1]).toBeCloseTo(r.y, 6);
        expect(v1.trail.data[k * 3 + 2]).toBeCloseTo(before[k]!, 5);
      });
    }
    // Now 7 steps without a view: the next view carries all 7.
    for (let i = 0; i < 7; i++) task.step().dispose();
    const v = await task.view();
    expect(v.trail.steps).toBe(7);
    expect(v.trail.firstStep).toBe(6);
    expect(v.trail.racers).toBe(2);
    const last = v.trail.data.subarray(6 * 2 * 3);
    expect(last[0]).toBeCloseTo(v.racers[0]!.x, 6);
    expect(last[4]).toBeCloseTo(v.racers[1]!.y, 6);
    expect((await task.view()).trail.steps).toBe(0);
    task.dispose();
  });
});
