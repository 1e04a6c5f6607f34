import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const LAB = 'Transformer lab';
const TRACE = 'Q/K/V step-through';
/** Small enough for WebGPU on SwiftShader: T = 5, V = 6, d = 16, 1 layer, 2 heads, 8 sequences a step. */
const SMALL = '/attention?len=5&vocab=6&d=16&batch=8';

const numbers = (s: string | null) => (s ?? '').split(',').filter((x) => x !== '').map(Number);

async function checksum(page: Page): Promise<string | null> {
  return page.getByTestId('attention-heatmaps').getAttribute('data-checksum');
}

/** Row `query` of head (layer, head)'s heatmap, as drawn (its data attribute). */
async function heatmapRow(page: Page, layer: number, head: number, query: number): Promise<number[]> {
  const fig = page.locator(`[data-testid="attn-heatmap"][data-layer="${layer}"][data-head="${head}"]`);
  const all = numbers(await fig.getAttribute('data-weights'));
  const T = Math.round(Math.sqrt(all.length));
  return all.slice(query * T, (query + 1) * T);
}

async function trace(page: Page) {
  const root = page.getByRole('region', { name: TRACE }).getByTestId('qkv');
  return {
    layer: Number(await root.getAttribute('data-layer')),
    head: Number(await root.getAttribute('data-head')),
    query: Number(await root.getAttribute('data-query')),
    weights: numbers(await page.getByTestId('qkv-weights').getAttribute('data-values')),
    sum: Number(await page.getByTestId('qkv-sum').getAttribute('data-value')),
    sumText: (await page.getByTestId('qkv-sum').textContent())?.trim(),
  };
}

/** The step-through's weights sum to 1 and are exactly the heatmap row they claim to be. */
async function expectTraceConsistent(page: Page) {
  const t = await trace(page);
  expect(t.weights.length).toBeGreaterThan(0);
  expect(Math.abs(t.sum - 1)).toBeLessThan(1e-3);
  expect(Math.abs(t.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-3);
  expect(t.sumText).toBe('1.0000');
  const row = await heatmapRow(page, t.layer, t.head, t.query);
  expect(row).toHaveLength(t.weights.length);
  row.forEach((w, i) => expect(Math.abs(w - t.weights[i]!)).toBeLessThan(1e-5));
  return t;
}

async function trainSteps(lesson: LessonPage, n: number) {
  await lesson.button('Train').click();
  await lesson.waitForStep(n);
  await lesson.button('Pause').click();
  await expect(lesson.status).toContainText('paused');
}

test.describe('attention lesson on WebGPU', () => {
  test('training a few steps updates the heatmaps; one status region, no NaN, no console errors', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, LAB);
    // Forced: the engine's own measurement would pick a CPU-side executor on a software adapter.
    await lesson.open(`${SMALL}&backend=webgpu`);
    await lesson.waitReady();
    await expect(page.getByRole('status')).toHaveCount(1);
    await expect(lesson.status).toContainText('WebGPU');
    await expect(page.getByTestId('attn-heatmap')).toHaveCount(2);
    for (const label of ['Task', 'Sequence length', 'Vocabulary size', 'Layers', 'Heads', 'd_model', 'Positional encoding', 'Learning rate', 'Warm-up steps', 'Batch size', 'Dropout', 'Optimizer']) {
      await expect(lesson.control(label)).toBeVisible();
    }
    const before = await checksum(page);
    expect(before).toMatch(/^\d/);
    await trainSteps(lesson, 5);
    await expect.poll(() => checksum(page), { timeout: 30_000 }).not.toBe(before);
    expect(Number(await page.getByTestId('attention-heatmaps').getAttribute('data-step'))).toBeGreaterThanOrEqual(5);
    expect(Number.isFinite(await lesson.loss())).toBe(true);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the Q/K/V step-through sums to 1, matches the heatmap row, and follows the selection while paused', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`${SMALL}&tq=2`);
    await lesson.waitReady();
    await trainSteps(lesson, 3);
    const first = await expectTraceConsistent(page);
    expect([first.layer, first.head, first.query]).toEqual([0, 0, 2]);

    const region = page.getByRole('region', { name: TRACE });
    const qkv = region.getByTestId('qkv');
    await region.getByRole('combobox', { name: 'Query position', exact: true }).selectOption('4');
    await expect(page).toHaveURL(/tq=4/);
    await expect(qkv).toHaveAttribute('data-query', '4');
    await expectTraceConsistent(page);

    await region.getByRole('combobox', { name: 'Step-through head', exact: true }).selectOption('1');
    await expect(qkv).toHaveAttribute('data-head', '1');
    await expectTraceConsistent(page);

    // Clicking row 1 of head 1's heatmap selects that head and query.
    const fig = page.locator('[data-testid="attn-heatmap"][data-layer="0"][data-head="0"]');
    const [left, top, cell] = await Promise.all(['data-left', 'data-top', 'data-cell'].map(async (a) => Number(await fig.getAttribute(a))));
    await fig.locator('canvas').click({ position: { x: left! + 0.5 * cell!, y: top! + 1.5 * cell! } });
    await expect(page).toHaveURL(/tq=1/);
    await expect(qkv).toHaveAttribute('data-query', '1');
    await expect(qkv).toHaveAttribute('data-head', '0');
    const t = await expectTraceConsistent(page);
    expect([t.layer, t.head, t.query]).toEqual([0, 0, 1]);

    // Another input, still paused: the output table, the heatmaps and the step-through follow.
    const probe = page.getByTestId('probe-output');
    const before = await probe.textContent();
    const sum = await checksum(page);
    await page.getByRole('button', { name: 'Another input' }).click();
    await expect(page).toHaveURL(/probe=2/);
    await expect(probe).not.toHaveText(before ?? '');
    await expect.poll(() => checksum(page)).not.toBe(sum);
    await expectTraceConsistent(page);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the positional-encoding toggle changes the URL and rebuilds the model, and switches back', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`${SMALL}&pe=learned`);
    await lesson.waitReady();
    await trainSteps(lesson, 3);
    const toggle = page.getByRole('checkbox', { name: 'Remove positional encoding' });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(page).toHaveURL(/pe=none/);
    await expect(lesson.control('Positional encoding')).toHaveValue('none');
    // A new model: the step count starts again from 0 and it trains.
    await expect.poll(() => lesson.step(), { timeout: 60_000 }).toBe(0);
    await lesson.waitReady();
    await expect(page.getByTestId('attention-heatmaps')).toHaveAttribute('data-step', '0');
    await expect(page.getByRole('region', { name: LAB })).toContainText('no position-blind model can get more than');
    await trainSteps(lesson, 2);
    await toggle.uncheck();
    await expect(page).toHaveURL(/pe=learned/);
    await expect(lesson.control('Positional encoding')).toHaveValue('learned');
    await expect.poll(() => lesson.step(), { timeout: 60_000 }).toBe(0);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('bad or inconsistent URL values are fixed with a notice', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/attention?heads=3&d=32&len=99&pe=<b>x</b>&offset=50&task=copy&tl=1');
    await lesson.waitReady();
    const notes = page.getByLabel('Notices about this link');
    await expect(notes).toContainText('len=99 is out of range; using 12');
    await expect(notes).toContainText('Ignored the value of pe');
    await expect(notes).toContainText('d=32: d_model moves in steps of 12 with 3 heads; using 36');
    await expect(notes).toContainText('tl=1 is beyond the 1 layer; using 0');
    await expect(lesson.control('d_model')).toHaveAttribute('aria-valuetext', '36 (dₖ = 12)');
    await lesson.expectNoGarbage();
  });

  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`screenshot at ${w}×${h}: nothing overflows horizontally`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: w, height: h });
      const lesson = new LessonPage(page, LAB);
      await lesson.open(`${SMALL}&heads=4&layers=2`);
      await lesson.waitReady();
      await trainSteps(lesson, 3);
      await expect(page.getByTestId('attn-heatmap')).toHaveCount(8);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `e2e/screenshots/attention-${w}x${h}.png`, fullPage: true });
      await page.getByRole('region', { name: TRACE }).screenshot({ path: `e2e/screenshots/attention-trace-${w}.png` });
      await lesson.expectNoGarbage();
      expect(lesson.consoleErrors).toEqual([]);
    });
  }
});
