import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

test.describe('loss-surface explorer', () => {
  test('Rosenbrock: click a start point, race SGD and Adam; both paths and series are drawn and Adam ends lower', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('/gradient-descent?racers=sgd,adam&sps=1000');
    const explorer = page.getByRole('region', { name: 'Loss-surface explorer' });
    // Its engine starts when the learner scrolls down to it.
    await explorer.scrollIntoViewIfNeeded();
    await explorer.getByRole('combobox', { name: 'Surface' }).selectOption('rosenbrock');
    await expect(page).toHaveURL(/surf=rosenbrock/);
    // Click on the map: the start point moves there (and into the URL).
    const plot = explorer.getByTestId('surface-plot');
    const box = (await plot.boundingBox())!;
    // High on the valley's wall: steep enough that plain SGD (α = 0.001) travels a visible way.
    await plot.click({ position: { x: box.width * 0.25, y: box.height * 0.2 } });
    await expect(page).toHaveURL(/sx=/);
    const url = new URLSearchParams(page.url().split('?')[1]);
    // 25% across [-2, 2] and 20% down [3, -1], give or take the plot's margins.
    expect(Number(url.get('sx'))).toBeGreaterThan(-1.4);
    expect(Number(url.get('sx'))).toBeLessThan(-0.7);
    expect(Number(url.get('sy'))).toBeGreaterThan(1.8);
    expect(Number(url.get('sy'))).toBeLessThan(2.6);
    const train = explorer.getByRole('button', { name: 'Train', exact: true });
    await expect(train).toBeEnabled({ timeout: 90_000 });
    await train.click();
    const step = explorer.getByTestId('race-step');
    await expect.poll(async () => Number(await step.getAttribute('data-value')), { timeout: 120_000 }).toBeGreaterThanOrEqual(1000);
    await explorer.getByRole('button', { name: 'Pause', exact: true }).click();
    // Both racers have moved from the start and report their loss.
    const sgd = Number(await explorer.getByTestId('racer-sgd').getAttribute('data-loss'));
    const adam = Number(await explorer.getByTestId('racer-adam').getAttribute('data-loss'));
    expect(Number.isFinite(sgd) && Number.isFinite(adam)).toBe(true);
    expect(adam).toBeLessThan(sgd);
    // The chart has both series, each with points.
    const chart = explorer.locator('figure.chart');
    await expect(chart.locator('figcaption')).toContainText('SGD');
    await expect(chart.locator('figcaption')).toContainText('Adam');
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(100);
    // Both paths are drawn: pixels of both racers' colours on the map.
    const colours = await plot.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const css = getComputedStyle(document.documentElement);
      const hex = (n: string) => css.getPropertyValue(n).trim();
      const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
      const count = (h: string) => {
        const [r, g, b] = rgb(h);
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - r!) < 8 && Math.abs(d[i + 1]! - g!) < 8 && Math.abs(d[i + 2]! - b!) < 8) n++;
        return n;
      };
      return { sgd: count(hex('--series-1')), adam: count(hex('--series-5')) };
    });
    await explorer.screenshot({ path: 'e2e/screenshots/race-rosenbrock.png' });
    expect(colours.sgd).toBeGreaterThan(50);
    expect(colours.adam).toBeGreaterThan(50);
    await lesson.expectNoGarbage();
  });

  test('a learning rate of 1 on the bowl diverges: the message appears and no NaN is shown', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('/gradient-descent?surf=bowl&racers=sgd&slr=1&sps=1000');
    const explorer = page.getByRole('region', { name: 'Loss-surface explorer' });
    // Its engine starts when the learner scrolls down to it.
    await explorer.scrollIntoViewIfNeeded();
    const train = explorer.getByRole('button', { name: 'Train', exact: true });
    await expect(train).toBeEnabled({ timeout: 90_000 });
    await train.click();
    await expect(explorer.getByRole('alert')).toContainText('diverged', { timeout: 120_000 });
    await expect(explorer.locator('.status-phase')).toHaveText('diverged');
    await lesson.expectNoGarbage();
  });

  test('"Try this" sets the controls in one click, and the URL restores them', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('/gradient-descent');
    const explorer = page.getByRole('region', { name: 'Loss-surface explorer' });
    // Its engine starts when the learner scrolls down to it.
    await explorer.scrollIntoViewIfNeeded();
    await explorer.getByRole('button', { name: 'A narrow valley: SGD vs Momentum' }).click();
    await expect(page).toHaveURL(/kappa=50/);
    await expect(explorer.getByRole('slider', { name: 'Condition number κ' })).toHaveAttribute('aria-valuetext', '50');
    await page.reload();
    await expect(explorer.getByRole('slider', { name: 'Condition number κ' })).toHaveAttribute('aria-valuetext', '50');
    await expect(explorer.getByRole('checkbox', { name: 'Momentum' })).toBeChecked();
    await expect(explorer.getByRole('checkbox', { name: 'Adam' })).not.toBeChecked();
  });
});
