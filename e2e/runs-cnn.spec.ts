/**
 * Runs in the CNN lesson's MNIST lab (issue 16): a training run is listed; rewinding to step 0
 * puts the untrained filters back (their data checksum is the one before training) with the
 * status, the test-accuracy readout and the feature maps at step 0; 'Continue from here' trains
 * on as a second run naming its parent; a pinned run's loss is overlaid on the loss chart.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const LAB = 'MNIST lab';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/screenshots';
/** A small custom CNN on a small split, on WASM (forced: a steady pace, no executor measurement). */
const ROUTE = '/cnn?model=custom&blocks=1&filters=8&train=500&test=200&batch=16&backend=wasm';

function runs(page: Page): Locator {
  return page.getByRole('region', { name: LAB, exact: true }).getByRole('region', { name: 'Runs', exact: true });
}
async function attr(page: Page, testId: string, name: string): Promise<string> {
  return (await page.getByTestId(testId).getAttribute(name)) ?? '';
}

async function trainTo(lesson: LessonPage, steps: number): Promise<void> {
  const start = await lesson.step();
  await lesson.button('Train').click();
  await lesson.waitForStep(start + steps);
  await lesson.button('Pause').click();
  await expect(lesson.page.getByRole('status')).toContainText('paused');
}

test.describe('runs in the MNIST lab', () => {
  test('train, rewind to step 0 (the untrained filters come back), continue from there as a second run; pin overlays the loss', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const lesson = new LessonPage(page, LAB);
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await expect(page.getByTestId('filters')).toHaveAttribute('data-checksum', /^[0-9a-f]{8}$/);
    const untrained = await attr(page, 'filters', 'data-checksum');
    await expect(runs(page)).toBeVisible();

    await trainTo(lesson, 60);
    await expect(runs(page).getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => attr(page, 'filters', 'data-checksum')).not.toBe(untrained);
    const trained = await attr(page, 'filters', 'data-checksum');
    const trainedStep = await lesson.step();
    await expect(page.getByTestId('test-accuracy')).not.toHaveAttribute('data-step', '');

    // Rewind: Home is the first snapshot, the network as it was built.
    const slider = runs(page).getByRole('slider', { name: 'Rewind to step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => lesson.step()).toBe(0);
    await expect(runs(page).getByTestId('rewind-step')).toHaveAttribute('data-value', '0');
    // The filters are the untrained ones again, bit for bit (same checksum), and the readouts are step 0's.
    await expect.poll(() => attr(page, 'filters', 'data-checksum')).toBe(untrained);
    await expect(page.getByTestId('filters')).toHaveAttribute('data-step', '0');
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-step', '0');
    const acc0 = Number(await attr(page, 'test-accuracy', 'data-value'));
    expect(acc0).toBeGreaterThanOrEqual(0);
    expect(acc0).toBeLessThan(0.5);
    await expect(runs(page)).toContainText('Showing step 0 of Run 1');

    // Forward again to the last snapshot (checkpoints are sparse: at or before the pause), trained filters.
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Number(await attr(page, 'rewind-step', 'data-value'))).toBeGreaterThan(0);
    const last = Number(await attr(page, 'rewind-step', 'data-value'));
    expect(last).toBeLessThanOrEqual(trainedStep);
    await expect.poll(() => lesson.step()).toBe(last);
    await expect(page.getByTestId('filters')).toHaveAttribute('data-step', String(last));
    await expect.poll(() => attr(page, 'filters', 'data-checksum')).not.toBe(untrained);
    if (last === trainedStep) expect(await attr(page, 'filters', 'data-checksum')).toBe(trained);
    await page.keyboard.press('Home');
    await expect.poll(() => attr(page, 'filters', 'data-checksum')).toBe(untrained);

    // Continue from here: a second run, from Run 1 at step 0.
    await runs(page).getByRole('button', { name: 'Continue from here' }).click();
    await lesson.waitForStep(20);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    await expect(runs(page).getByRole('listitem')).toHaveCount(2);
    await expect(runs(page).getByRole('listitem').first()).toContainText('from Run 1 at step 0');
    await expect.poll(() => attr(page, 'filters', 'data-checksum')).not.toBe(untrained);

    // Pin Run 1: its loss is overlaid (dashed) on the lab's loss chart, named in the legend.
    // Newest first: Run 1 is the last item (Run 2's item names it too, as its parent).
    const run1 = runs(page).getByRole('listitem').last();
    await expect(run1).not.toContainText('from Run');
    await run1.getByRole('checkbox', { name: 'Pin' }).check();
    const chart = page.getByRole('region', { name: LAB, exact: true }).locator('figure.chart').first();
    await expect(chart.locator('path[stroke-dasharray]')).toHaveCount(1);
    await expect(chart.locator('figcaption')).toContainText('Run 1');
    await lesson.expectNoGarbage();
    mkdirSync(SHOTS, { recursive: true });
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/runs-cnn-chart-1280x800.png` });
    await runs(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/runs-cnn-1280x800.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await runs(page).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/runs-cnn-390x844.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
