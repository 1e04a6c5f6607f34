import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * Every chart of every lab, after some training: each axis has at least two
 * tick labels and no two alike (the RNN recall loss sits near ln 4 ≈ 1.3863 for
 * a long time; its log axis once read "1.4" five times), and hovering a
 * streaming chart reads out recorded values.
 */

const AXES = ['xAxis', 'yAxis'] as const;

async function tickLabels(chart: Locator, axis: (typeof AXES)[number]): Promise<string[]> {
  return chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();
}

/** Every recharts chart inside `scope` has distinct, non-empty tick labels on both axes. */
async function expectDistinctTicks(scope: Locator, minCharts: number): Promise<void> {
  const charts = scope.locator('.recharts-wrapper');
  await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(minCharts);
  const n = await charts.count();
  for (let i = 0; i < n; i++) {
    for (const axis of AXES) {
      const labels = await tickLabels(charts.nth(i), axis);
      const where = `chart ${i + 1} of ${n}, ${axis}: ${labels.join(' | ')}`;
      expect(labels.length, where).toBeGreaterThanOrEqual(2);
      expect(labels.every((l) => l.trim() !== ''), where).toBe(true);
      expect(new Set(labels).size, where).toBe(labels.length);
    }
  }
}

async function train(page: Page, lab: string, route: string, steps: number): Promise<LessonPage> {
  const lesson = new LessonPage(page, lab);
  await lesson.open(route);
  await lesson.waitReady();
  await lesson.button('Train').click();
  await lesson.waitForStep(steps, 150_000);
  await lesson.button('Pause').click();
  await expect(lesson.status).toContainText('paused');
  return lesson;
}

/** Streaming charts redraw at most ten times a second: give the last frame time to land. */
const settle = (page: Page) => page.waitForTimeout(400);

test.describe('chart axes read distinctly after training', () => {
  test('gradient descent: the loss chart, linear and log, and the optimizer race', async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = await train(page, 'Linear regression lab', '/gradient-descent?backend=cpu&log=0', 200);
    const lab = page.getByRole('region', { name: 'Linear regression lab' });
    await settle(page);
    await expectDistinctTicks(lab, 1);
    await lab.getByRole('checkbox', { name: 'Log scale' }).check();
    await settle(page);
    await expectDistinctTicks(lab, 1);

    // Hover: the readout names the step and gives the recorded loss there.
    const chart = lab.locator('figure.chart [role="img"]');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    await expect(lab.getByTestId('chart-hover')).toContainText(/step [\d,]+: .*batch loss \d/);
    await lesson.expectNoGarbage();

    const explorer = page.getByRole('region', { name: 'Loss-surface explorer' });
    await explorer.scrollIntoViewIfNeeded();
    const go = explorer.getByRole('button', { name: 'Train', exact: true });
    await expect(go).toBeEnabled({ timeout: 90_000 });
    await go.click();
    await expect.poll(async () => Number(await explorer.getByTestId('race-step').getAttribute('data-value')), { timeout: 120_000 }).toBeGreaterThanOrEqual(100);
    await explorer.getByRole('button', { name: 'Pause', exact: true }).click();
    await settle(page);
    await expectDistinctTicks(explorer, 1);
  });

  test('backprop: loss and gradient-norm charts', async ({ page }) => {
    test.setTimeout(180_000);
    await train(page, 'MLP playground', '/backprop?backend=wasm&ds=xor&layers=1&h1=8&act=tanh&opt=adam&lr=0.03&batch=32&test=0.2', 100);
    await settle(page);
    await expectDistinctTicks(page.getByRole('region', { name: 'MLP playground' }), 2);
  });

  test('RNN: the recall loss near ln 4 on its log axis, accuracy, gradient through time, and the gap chart', async ({ page }) => {
    test.setTimeout(240_000);
    await train(page, 'RNN lab', '/rnn?backend=wasm&task=recall&cell=simple&gap=20&hidden=8&batch=8', 30);
    await settle(page);
    // Loss and accuracy (streaming) and the gradient-norm bars.
    await expectDistinctTicks(page.getByRole('region', { name: 'RNN lab' }), 3);
    await expectDistinctTicks(page.getByRole('region', { name: 'Gap experiment' }), 1);
  });

  test('attention: loss and accuracy charts', async ({ page }) => {
    test.setTimeout(240_000);
    await train(page, 'Transformer lab', '/attention?backend=wasm&len=5&vocab=6&d=16&batch=8', 30);
    await settle(page);
    await expectDistinctTicks(page.getByRole('region', { name: 'Transformer lab' }), 2);
  });

  test('CNN: loss and accuracy charts', async ({ page }) => {
    test.setTimeout(300_000);
    await train(page, 'MNIST lab', '/cnn?backend=wasm&train=500&test=200&batch=16', 20);
    await settle(page);
    await expectDistinctTicks(page.getByRole('region', { name: 'MNIST lab' }), 2);
  });
});
