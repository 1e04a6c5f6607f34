import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/** The MLP playground on XOR: small, fast (fused engine), and its decision map is in the digest. */
const ROUTE = '/backprop?ds=xor&layers=1&h1=6&act=tanh&opt=sgd&lr=0.3&batch=10&sps=400';

function lab(page: Page): Locator {
  return page.getByRole('region', { name: 'MLP playground', exact: true });
}
function runs(page: Page): Locator {
  return lab(page).getByRole('region', { name: 'Runs', exact: true });
}
async function digest(page: Page): Promise<string> {
  return (await page.getByTestId('mlp-prediction-digest').getAttribute('data-value')) ?? '';
}

async function trainTo(lesson: LessonPage, steps: number, region: Locator = runs(lesson.page)): Promise<void> {
  const start = await lesson.step();
  await lesson.button('Train').click();
  await lesson.waitForStep(start + steps);
  await lesson.button('Pause').click();
  await expect(lesson.page.getByRole('status')).toContainText('paused');
  // The checkpoint where it paused has arrived, and the run's last writes have reached the store.
  const pausedAt = String(await lesson.step());
  await expect(region.getByTestId('rewind-step')).toHaveAttribute('data-value', pausedAt);
  await expect(region).not.toHaveAttribute('data-saving', /.*/);
}

test.describe('runs: keep, compare, rewind', () => {
  test('two runs with different learning rates survive a reload; pinned, both curves are overlaid with a legend naming α', async ({ page }) => {
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await trainTo(lesson, 300);
    await expect(runs(page).getByRole('listitem')).toHaveCount(1);

    // A second run from fresh weights with a smaller learning rate.
    await lesson.button('Reset').click();
    const lr = lesson.control('Learning rate');
    await lr.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).hash).not.toContain('lr=0.3&');
    await trainTo(lesson, 300);
    await expect(runs(page).getByRole('listitem')).toHaveCount(2);
    // The first run's item says how it differs from the settings now.
    await expect(runs(page).getByRole('listitem').nth(1)).toContainText('α 0.3');

    await page.reload();
    await lesson.waitReady();
    const items = runs(page).getByRole('listitem');
    await expect(items).toHaveCount(2);
    for (const item of await items.all()) await item.getByRole('checkbox', { name: 'Pin' }).check();

    // Two dashed curves on the loss chart, and a legend naming what differs.
    const chart = lab(page).locator('figure.chart').first();
    await expect(chart.locator('path[stroke-dasharray]')).toHaveCount(2);
    await expect(chart.locator('figcaption')).toContainText('Run 1');
    await expect(chart.locator('figcaption')).toContainText('Run 2');
    await expect(runs(page).getByTestId('runs-compare')).toHaveText(/^Compared: α 0\.3 vs 0\.\d+$/);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('rewind the MLP to an early step: status and decision map show that step; continue from there as a branch', async ({ page }) => {
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await trainTo(lesson, 600);
    const trained = await digest(page);
    const slider = runs(page).getByRole('slider', { name: 'Rewind to step' });
    await expect(slider).toBeVisible();

    // Keyboard: Home goes to the first snapshot (the untrained network), then one step right.
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const rewound = Number(await runs(page).getByTestId('rewind-step').getAttribute('data-value'));
    expect(rewound).toBeGreaterThan(0);
    // Snapshots come at report boundaries (about every 20 steps at 400 steps/s): an early one.
    expect(rewound).toBeLessThan(100);
    await expect.poll(() => lesson.step()).toBe(rewound);
    await expect.poll(() => digest(page)).not.toBe(trained);
    await expect(runs(page)).toContainText(`Showing step ${rewound} of Run 1`);

    // Continue from here: training goes on from that step as a new run naming its parent.
    await runs(page).getByRole('button', { name: 'Continue from here' }).click();
    await lesson.waitForStep(rewound + 50);
    await lesson.button('Pause').click();
    await expect(runs(page).getByRole('listitem')).toHaveCount(2);
    await expect(runs(page).getByRole('listitem').first()).toContainText(`from Run 1 at step ${rewound}`);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the step training was paused at is kept: rewinding to the start and back to the end gives that exact network', async ({ page }) => {
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await trainTo(lesson, 500);
    const pausedAt = await lesson.step();
    const trained = await digest(page);
    const slider = runs(page).getByRole('slider', { name: 'Rewind to step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => lesson.step()).toBe(0);
    await expect.poll(() => digest(page)).not.toBe(trained);
    await page.keyboard.press('End');
    await expect.poll(() => lesson.step()).toBe(pausedAt);
    await expect.poll(() => digest(page)).toBe(trained);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('after a reload, a kept run opens in the fresh model: the network it was paused with, its timeline, and a branch from it', async ({ page }) => {
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await trainTo(lesson, 400);
    const pausedAt = await lesson.step();
    const trained = await digest(page);

    await page.reload();
    await lesson.waitReady();
    const item = runs(page).getByRole('listitem').first();
    await expect(runs(page).getByRole('slider', { name: 'Rewind to step' })).toHaveCount(0);
    await expect.poll(() => digest(page)).not.toBe(trained);
    await item.getByRole('button', { name: /^Open Run 1/ }).click();
    await expect.poll(() => lesson.step()).toBe(pausedAt);
    await expect.poll(() => digest(page)).toBe(trained);
    await expect(item.getByRole('checkbox', { name: 'Pin' })).toBeChecked();
    const slider = runs(page).getByRole('slider', { name: 'Rewind to step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => lesson.step()).toBe(0);
    await runs(page).getByRole('button', { name: 'Continue from here' }).click();
    await lesson.waitForStep(50);
    await lesson.button('Pause').click();
    await expect(runs(page).getByRole('listitem')).toHaveCount(2);
    await expect(runs(page).getByRole('listitem').first()).toContainText('from Run 1 at step 0');
    // A model that has trained cannot take another run until it is reset.
    await expect(runs(page).getByRole('listitem').nth(1).getByRole('button', { name: /^Open Run 1/ })).toBeDisabled();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('a full quota: the Runs region says so and training goes on', async ({ page }) => {
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('Simulated: the quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(ROUTE);
    await lesson.waitReady();
    await lesson.button('Train').click();
    await expect(runs(page).getByRole('alert')).toContainText('Browser storage is full', { timeout: 30_000 });
    const at = await lesson.step();
    await lesson.waitForStep(at + 200);
    await lesson.button('Pause').click();
    await expect(runs(page).getByRole('listitem')).toHaveCount(1);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('regression lab: rewinding to the first snapshot puts the line back at w = 0, b = 0; continuing trains on', async ({ page }) => {
    const lesson = new LessonPage(page, 'Linear regression lab');
    await lesson.open('/gradient-descent?lr=0.05&lsps=200');
    await lesson.waitReady();
    const regression = page.getByRole('region', { name: 'Linear regression lab', exact: true });
    const runsRegion = regression.getByRole('region', { name: 'Runs', exact: true });
    await trainTo(lesson, 150, runsRegion);
    await expect(runsRegion.getByRole('listitem')).toHaveCount(1);
    expect(await lesson.readout('param-w')).not.toBe(0);
    const slider = runsRegion.getByRole('slider', { name: 'Rewind to step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => lesson.step()).toBe(0);
    await expect.poll(() => lesson.readout('param-w')).toBe(0);
    expect(await lesson.readout('param-b')).toBe(0);
    await runsRegion.getByRole('button', { name: 'Continue from here' }).click();
    await lesson.waitForStep(20);
    await lesson.button('Pause').click();
    expect(await lesson.readout('param-w')).not.toBe(0);
    await expect(runsRegion.getByRole('listitem')).toHaveCount(2);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
