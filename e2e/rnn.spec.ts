import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const LAB = 'RNN lab';
/** Small models: WebGPU on SwiftShader is slow. */
const SMALL = 'hidden=8&batch=8';

async function trainSteps(lesson: LessonPage, n: number): Promise<void> {
  await lesson.button('Train').click();
  await lesson.waitForStep(n);
  await lesson.button('Pause').click();
  await expect(lesson.status).toContainText('paused');
}

test.describe('RNN lesson', () => {
  for (const [task, extra] of [
    ['series', 'seqlen=12'],
    ['recall', 'gap=5'],
    ['chars', 'seqlen=12'],
  ] as const) {
    test(`${task}: trains a few steps and the loss chart updates`, async ({ page }) => {
      test.setTimeout(180_000);
      const lesson = new LessonPage(page, LAB);
      await lesson.open(`/rnn?task=${task}&${SMALL}&${extra}`);
      await lesson.waitReady();
      await expect(lesson.control('Task')).toHaveValue(task);
      await trainSteps(lesson, 3);
      expect(await lesson.step()).toBeGreaterThanOrEqual(3);
      expect(await lesson.loss()).toBeGreaterThan(0);
      const lab = page.getByRole('region', { name: LAB });
      await expect.poll(async () => Number(await lab.locator('figure.chart').first().getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect(lab.getByRole('img', { name: /Hidden state/ })).toBeVisible();
      await expect(lab.getByRole('img', { name: /Gradient norm/ })).toBeVisible();
      if (task === 'series') await expect(lab.getByRole('img', { name: /free-running forecast/ })).toBeVisible();
      if (task === 'recall') await expect(lab.getByRole('list', { name: 'Answer probabilities' }).getByRole('listitem')).toHaveCount(4);
      if (task === 'chars') {
        const pre = lab.getByLabel('Generated text');
        await expect(pre).toBeVisible();
        await expect.poll(async () => ((await pre.textContent()) ?? '').length, { timeout: 30_000 }).toBeGreaterThan(20);
      }
      await lesson.expectNoGarbage();
      expect(lesson.consoleErrors).toEqual([]);
    });
  }

  test('chars: pasting text beyond the limit shows a clear message and keeps training', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`/rnn?task=chars&${SMALL}&seqlen=12`);
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: LAB });
    await lab.getByLabel('Paste your own text').fill('the quick brown fox jumps over the lazy dog. '.repeat(556).slice(0, 25_000));
    await lab.getByRole('button', { name: 'Use this text' }).click();
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText('too long');
    await expect(alert).toContainText('25,000');
    await expect(alert).toContainText('20,000');
    // The page still trains on the built-in text.
    await trainSteps(lesson, 2);
    await expect(lab.getByLabel('Generated text')).not.toBeEmpty();
    // A valid paste is accepted and rebuilds the model.
    await lab.getByLabel('Paste your own text').fill('abc def ghi. '.repeat(40));
    await lab.getByRole('button', { name: 'Use this text' }).click();
    await expect(lab.getByText(/Training on your text/)).toBeVisible();
    await lesson.waitReady();
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('gap experiment: starts in the worker, reports progress and can be cancelled', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`/rnn?task=recall&${SMALL}&gap=5`);
    await lesson.waitReady();
    const gap = page.getByRole('region', { name: 'Gap experiment' });
    await expect(gap).toContainText('150 steps');
    await gap.getByRole('button', { name: 'Run the gap experiment' }).click();
    await expect(gap.getByTestId('gap-progress')).toContainText('Training SimpleRNN at gap 5 (1 of 12)');
    await gap.getByRole('button', { name: 'Cancel the experiment' }).click();
    await expect(gap.getByTestId('gap-progress')).toContainText('Cancelled', { timeout: 120_000 });
    await expect(gap.getByRole('button', { name: 'Run the gap experiment' })).toBeVisible();
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`screenshot at ${w}×${h}: nothing overflows horizontally`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: w, height: h });
      const lesson = new LessonPage(page, LAB);
      await lesson.open(`/rnn?task=series&cell=lstm&${SMALL}&seqlen=12`);
      await lesson.waitReady();
      await trainSteps(lesson, 3);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `e2e/screenshots/rnn-${w}x${h}.png`, fullPage: true });
      await page.getByRole('region', { name: LAB }).screenshot({ path: `e2e/screenshots/rnn-lab-${w}.png` });
      await lesson.expectNoGarbage();
      expect(lesson.consoleErrors).toEqual([]);
    });
  }
});
