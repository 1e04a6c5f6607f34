import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const LESSONS = ['/gradient-descent', '/backprop', '/cnn', '/rnn', '/attention'];

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('accessibility', () => {
  for (const route of ['/', ...LESSONS]) {
    test(`axe finds no serious or critical violations on #${route}`, async ({ page }) => {
      await page.goto(`./#${route}?backend=cpu`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (route !== '/') await expect(page.getByRole('status').first()).toContainText(/ready|paused/, { timeout: 60_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the dark theme and the Chinese pages pass too', async ({ page }) => {
    await page.goto('./#/gradient-descent?backend=cpu&theme=dark&lang=zh');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('status').first()).toContainText(/就绪|已暂停/, { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('?lang=zh shows the shell in Chinese, and the switch changes it back', async ({ page }) => {
  await page.goto('./#/?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('动手训练真实模型，学懂深度学习');
  await expect(page.getByRole('navigation', { name: '课程' })).toContainText('反向传播');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn deep learning by training real models');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(page.url()).toContain('lang=en');
});

test('the theme toggle switches and remembers light and dark', async ({ page }) => {
  await page.goto('./#/');
  const start = await page.locator('html').getAttribute('data-theme');
  const other = start === 'dark' ? 'light' : 'dark';
  await page.getByRole('button', { name: `Switch to the ${other} theme` }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', other);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', other);
});

test('a shared link restores every setting of a widget', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LessonPage(page, 'Linear regression lab');
  await lab.open('/gradient-descent?backend=cpu');
  await lab.control('Optimizer').selectOption('adam');
  const batch = lab.control('Batch size');
  await batch.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  const lr = lab.control('Learning rate');
  await lr.focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('checkbox', { name: 'Log scale' }).first().uncheck();
  const before = {
    opt: await lab.control('Optimizer').inputValue(),
    batch: await batch.getAttribute('aria-valuetext'),
    lr: await lr.getAttribute('aria-valuetext'),
  };
  await page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#/gradient-descent?');

  const other = await context.newPage();
  await other.goto(link);
  const again = new LessonPage(other, 'Linear regression lab');
  await expect(again.control('Optimizer')).toHaveValue(before.opt);
  await expect(again.control('Batch size')).toHaveAttribute('aria-valuetext', before.batch!);
  await expect(again.control('Learning rate')).toHaveAttribute('aria-valuetext', before.lr!);
  await expect(other.getByRole('checkbox', { name: 'Log scale' }).first()).not.toBeChecked();
});

test('the loss history downloads as CSV with one row per recorded step', async ({ page }) => {
  const lab = new LessonPage(page, 'Linear regression lab');
  await lab.open('/gradient-descent?backend=cpu');
  await expect(lab.status).toContainText('ready', { timeout: 60_000 });
  for (let i = 0; i < 3; i++) await lab.button('Step').click();
  await lab.button('Train').click();
  await expect.poll(() => lab.step(), { timeout: 60_000 }).toBeGreaterThan(150);
  await lab.button('Pause').click();
  await expect(lab.status).toContainText('paused');
  const steps = await lab.step();
  const region = page.getByRole('region', { name: 'Linear regression lab' });
  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'CSV' }).first().click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('step,batch loss');
  const rows = csv.slice(1).map((l) => l.split(',').map(Number));
  expect(rows).toHaveLength(steps);
  rows.forEach(([step, loss], i) => {
    expect(step).toBe(i + 1);
    expect(Number.isFinite(loss)).toBe(true);
  });
  // PNG and SVG of the same chart.
  const [png] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'PNG' }).first().click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  const [svg] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'SVG' }).first().click()]);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>$/);

  // The loss-surface map: its heatmap is a raster inside the SVG, its paths and marks are vectors.
  const explorer = page.getByRole('region', { name: 'Loss-surface explorer' });
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.getByTestId('surface-plot')).toBeVisible();
  const [map] = await Promise.all([page.waitForEvent('download'), explorer.getByRole('button', { name: 'SVG' }).first().click()]);
  expect(map.suggestedFilename()).toBe('loss-surface.svg');
  const mapText = readFileSync((await map.path())!, 'utf8');
  expect(mapText).toMatch(/<image[^>]+href="data:image\/png;base64,/);
  expect(mapText).toMatch(/<path/);
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const route of LESSONS) {
    for (const lang of ['en', 'zh']) {
      test(`#${route} fits 390 px (${lang})`, async ({ page }) => {
        await page.goto(`./#${route}?backend=cpu&lang=${lang}`);
        await expect(page.getByRole('status').first()).toContainText(/ready|paused|就绪|已暂停/, { timeout: 60_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }
});
