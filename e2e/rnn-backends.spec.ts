import { expect, test, type Browser, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * The RNN lab's views (hidden states, gate maps, ‖∂L/∂h_t‖) are the same numbers on WebGPU as on
 * WASM for the same seed: before and after two training steps. (Issue 17: on SwiftShader WebGPU the
 * one-hot inputs came out as an i32 buffer under a float32 label, a Transpose failed to compile and
 * took its batch of kernels with it: a blank state heatmap, flat gates, ‖∂L/∂h_t‖ ≈ 1e-44, and the
 * recall task never learned. src/ml/rnn/one-hot.ts.)
 *
 * The numbers are read where the page receives them: an init script listens on every MessagePort
 * (the engine's events arrive on one) and keeps the last RNN view per step, the object the lab draws.
 */

const LAB = 'RNN lab';
const ROUTE = '/rnn?task=recall&cell=lstm&hidden=8&batch=8&gap=5&seed=7';
/** SwiftShader and WASM both compute in float32 but sum in different orders. */
const TOL = 2e-4;

interface ProbeView {
  hidden: number[];
  gates: Record<string, number[]>;
  gradNorms: number[];
  loss: number;
}

/** Records the last RNN view per step on window.__rnnViews (runs before the app's scripts). */
function recordViews(): void {
  const views = new Map<number, unknown>();
  (window as unknown as { __rnnViews: Map<number, unknown> }).__rnnViews = views;
  const find = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 8) return;
    const o = v as { probe?: { gradNorms?: unknown; hidden?: unknown }; step?: unknown };
    if (o.probe && o.probe.gradNorms instanceof Float32Array && o.probe.hidden instanceof Float32Array && typeof o.step === 'number') {
      views.set(o.step, o);
      return;
    }
    if (ArrayBuffer.isView(v)) return;
    for (const x of Array.isArray(v) ? v : Object.values(v)) find(x, depth + 1);
  };
  const seen = new WeakSet<MessagePort>();
  const add = MessagePort.prototype.addEventListener;
  MessagePort.prototype.addEventListener = function (this: MessagePort, ...args: Parameters<MessagePort['addEventListener']>) {
    if (!seen.has(this)) {
      seen.add(this);
      add.call(this, 'message', (e: Event) => find((e as MessageEvent).data, 0));
    }
    return add.apply(this, args);
  } as MessagePort['addEventListener'];
}

/** The recorded view at `step`, as plain arrays (null until it arrives). */
function probeAt(page: Page, step: number): Promise<ProbeView | null> {
  return page.evaluate((s) => {
    const v = (window as unknown as { __rnnViews: Map<number, { probe: Record<string, unknown> }> }).__rnnViews.get(s);
    if (!v) return null;
    const p = v.probe;
    const gates = (p.gates ?? {}) as Record<string, unknown>;
    return {
      hidden: Array.from(p.hidden as Float32Array),
      gates: Object.fromEntries(Object.entries(gates).filter(([k]) => k !== 'kind').map(([k, a]) => [k, Array.from(a as Float32Array)])),
      gradNorms: Array.from(p.gradNorms as Float32Array),
      loss: p.loss as number,
    };
  }, step);
}

/** Counts distinct colours in the middle of the hidden-state heatmap (a blank map has one). */
function heatmapColours(page: Page): Promise<number> {
  return page
    .getByRole('region', { name: LAB })
    .getByRole('img', { name: /Hidden state/ })
    .evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(Math.floor(c.width * 0.3), Math.floor(c.height * 0.1), Math.floor(c.width * 0.6), Math.floor(c.height * 0.6));
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return colours.size;
    });
}

/** Opens the lab on one backend, reads the view at step 0, takes two steps and reads it again. */
async function runOn(browser: Browser, backend: 'wasm' | 'webgpu', label: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(recordViews);
  const lesson = new LessonPage(page, LAB);
  await lesson.open(`${ROUTE}&backend=${backend}`);
  await lesson.waitReady();
  await expect(page.getByTestId('status-backend')).toHaveText(label);
  await expect.poll(() => probeAt(page, 0).then((p) => p !== null), { timeout: 30_000 }).toBe(true);
  const before = (await probeAt(page, 0))!;
  for (let s = 1; s <= 2; s++) {
    await lesson.button('Step').click();
    await expect.poll(() => probeAt(page, s).then((p) => p !== null), { timeout: 30_000 }).toBe(true);
  }
  const after = (await probeAt(page, 2))!;
  // What the learner sees: the heatmap is drawn in many colours, not blank.
  await expect.poll(() => heatmapColours(page), { timeout: 10_000 }).toBeGreaterThan(8);
  expect(lesson.consoleErrors).toEqual([]);
  await context.close();
  return { before, after };
}

function expectClose(name: string, a: readonly number[], b: readonly number[]): void {
  expect(a.length, `${name}: length`).toBe(b.length);
  const worst = Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
  expect(worst, `${name}: max |webgpu − wasm|`).toBeLessThan(TOL);
}

/** Not degenerate: finite, not all (near) zero, not one constant value. */
function expectAlive(name: string, a: readonly number[], minAbs: number): void {
  expect(a.length, `${name}: empty`).toBeGreaterThan(0);
  expect(a.every(Number.isFinite), `${name}: finite`).toBe(true);
  expect(Math.max(...a.map(Math.abs)), `${name}: max |value|`).toBeGreaterThan(minAbs);
  expect(Math.max(...a) - Math.min(...a), `${name}: spread`).toBeGreaterThan(minAbs);
}

test('RNN views agree on WebGPU and WASM (same seed, before and after two steps)', async ({ browser }) => {
  test.setTimeout(150_000);
  const wasm = await runOn(browser, 'wasm', /WASM/i);
  const gpu = await runOn(browser, 'webgpu', /WebGPU/i);
  for (const [when, w, g] of [
    ['step 0', wasm.before, gpu.before],
    ['step 2', wasm.after, gpu.after],
  ] as const) {
    // h_t ∈ (−1, 1); gates ∈ (0, 1); a blank map or 1e-44 norms fail these.
    expectAlive(`${when} wasm hidden`, w.hidden, 1e-2);
    expectAlive(`${when} webgpu hidden`, g.hidden, 1e-2);
    expectClose(`${when} hidden`, g.hidden, w.hidden);
    expect(Object.keys(g.gates).sort()).toEqual(['f', 'i', 'o']);
    for (const k of ['i', 'f', 'o']) {
      expectAlive(`${when} webgpu gate ${k}`, g.gates[k]!, 1e-2);
      expectClose(`${when} gate ${k}`, g.gates[k]!, w.gates[k]!);
    }
    expectAlive(`${when} webgpu ‖∂L/∂h_t‖`, g.gradNorms, 1e-6);
    expect(Math.min(...g.gradNorms), `${when} smallest webgpu ‖∂L/∂h_t‖`).toBeGreaterThan(1e-12);
    expectClose(`${when} ‖∂L/∂h_t‖`, g.gradNorms, w.gradNorms);
    expect(Math.abs(g.loss - w.loss), `${when} probe loss`).toBeLessThan(TOL);
  }
  // Training moved the weights on both (the recall loss used to stay at ln 4 on WebGPU).
  expect(Math.max(...gpu.after.hidden.map((x, i) => Math.abs(x - gpu.before.hidden[i]!)))).toBeGreaterThan(1e-4);
});
