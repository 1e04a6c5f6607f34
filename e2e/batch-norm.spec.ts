/**
 * Batch norm in the MLP playground (issue 15): the "Batch norm" checkbox is bound to the URL
 * (bn=1) and survives a reload; the deep sigmoid network that stalls without it trains with it;
 * the live panel shows μ_B, σ²_B, γ, β of one unit as finite numbers in KaTeX, in en and zh.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { hashParam, value } from './fixtures/page-values';

const LAB = 'MLP playground';
/** Where the screenshots go (E2E_SHOTS_DIR, else next to the other lessons' screenshots). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/screenshots';

/** μ_B, σ²_B, γ, β in the panel are finite numbers, σ²_B ≥ 0, and the panel holds typeset maths. */
async function expectLiveBatchNorm(page: Page): Promise<void> {
  const panel = page.getByTestId('bn-panel');
  await expect(panel).toBeVisible();
  await expect.poll(() => value(page, 'bn-mu'), { timeout: 60_000 }).not.toBeNaN();
  for (const id of ['bn-mu', 'bn-var', 'bn-gamma', 'bn-beta']) expect(Number.isFinite(await value(page, id)), id).toBe(true);
  expect(await value(page, 'bn-var')).toBeGreaterThanOrEqual(0);
  await expect(panel.locator('.katex').first()).toBeVisible();
  // No raw TeX leaks into the visible text (KaTeX failures show their source in red).
  await expect(panel.locator('.katex-error')).toHaveCount(0);
}

test.describe('MLP playground: batch norm', () => {
  test('tick "Batch norm": bn=1 in the URL, the deep sigmoid network trains, the live formula has finite numbers, a reload keeps it', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The "Deep sigmoid network" experiment's settings (TryThis.tsx): 6 × 8 sigmoid, SGD α = 0.03.
    await lesson.open('/backprop?ds=circle&layers=6&h1=8&h2=8&h3=8&h4=8&h5=8&h6=8&act=sigmoid&opt=sgd&lr=0.03&test=0.5');
    const lab = page.getByRole('region', { name: LAB, exact: true });
    const box = lab.getByRole('checkbox', { name: 'Batch norm', exact: true });
    await expect(box).not.toBeChecked();
    await expect(page.getByTestId('bn-panel')).toHaveCount(0);
    await box.check();
    await expect.poll(() => hashParam(page, 'bn')).toBe('1');
    await expect(page.getByTestId('network-diagram')).toHaveAttribute('aria-label', /batch norm/);
    await lesson.waitReady();
    await expect(lab.getByTestId('status-backend')).toHaveText('Fused JS');
    await lesson.button('Train').click();
    // Seeded: the unit test measured train loss 0.107 at step 2000 (0.693 without batch norm).
    await expect.poll(() => value(page, 'train-loss'), { timeout: 150_000, intervals: [500] }).toBeLessThan(0.3);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    await expectLiveBatchNorm(page);
    expect(await value(page, 'train-acc')).toBeGreaterThan(0.9);
    await lesson.expectNoGarbage();
    mkdirSync(SHOTS, { recursive: true });
    await page.getByRole('region', { name: LAB, exact: true }).screenshot({ path: `${SHOTS}/batch-norm-lab-1280.png` });
    await page.getByTestId('bn-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/batch-norm-1280x800.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('bn-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/batch-norm-390x844.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // A reload keeps batch norm on, and a new run shows it again.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await lesson.waitReady();
    await expect(lab.getByRole('checkbox', { name: 'Batch norm', exact: true })).toBeChecked();
    expect(hashParam(page, 'bn')).toBe('1');
    await lesson.button('Step').click();
    await expectLiveBatchNorm(page);
    // Unticking removes the bars and the panel.
    await lab.getByRole('checkbox', { name: 'Batch norm', exact: true }).uncheck();
    await expect.poll(() => hashParam(page, 'bn')).toBeNull();
    await expect(page.getByTestId('bn-panel')).toHaveCount(0);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the "Try this" experiment turns batch norm on; in Chinese the panel and the checkbox are translated', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await page.setViewportSize({ width: 1280, height: 800 });
    await lesson.open('/backprop');
    await page.getByRole('button', { name: 'The deep sigmoid network with batch norm' }).click();
    await expect.poll(() => hashParam(page, 'bn')).toBe('1');
    expect(hashParam(page, 'act')).toBe('sigmoid');
    await expect(page.getByRole('region', { name: LAB, exact: true }).getByRole('checkbox', { name: 'Batch norm', exact: true })).toBeChecked();

    await lesson.open('/backprop?lang=zh&bn=1&layers=3&h1=8&h2=8&h3=8&act=sigmoid');
    const zhLab = page.getByRole('region', { name: 'MLP 游乐场' }).or(page.locator('section.bp-lab'));
    await expect(zhLab.getByRole('checkbox', { name: '批归一化', exact: true })).toBeChecked();
    await expect(page.getByTestId('bn-panel')).toContainText('批归一化实况');
    await expect(zhLab.getByRole('button', { name: '训练' }).first()).toBeEnabled({ timeout: 90_000 });
    await zhLab.getByRole('button', { name: '训练' }).first().click();
    await expect.poll(() => value(page, 'status-step' as string).catch(() => NaN), { timeout: 5_000 }).not.toBeNull();
    await expect.poll(async () => Number(await page.getByTestId('status-step').getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(200);
    await expectLiveBatchNorm(page);
    await expect(page.getByTestId('bn-panel')).toContainText('训练模式');
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('bn-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/batch-norm-zh-1280x800.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('bn-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/batch-norm-zh-390x844.png` });
    await page.getByRole('heading', { name: '批归一化（Batch normalization）' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/batch-norm-zh-prose-390x844.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
