/**
 * Batch norm in the configurable CNN (issue 15): the "Batch norm" checkbox of the custom CNN is
 * bound to the URL (bn=1) and survives a reload; the model trains; the live panel shows block 1,
 * channel 1's μ_B, σ²_B, γ, β and running averages as finite numbers in KaTeX; the parameter table
 * shows the batch-norm layers; zh labels. Screenshots at 1280×800 and 390×844, en and zh.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { hashParam, value } from './fixtures/page-values';

const LAB = 'MNIST lab';
/** Where the screenshots go (E2E_SHOTS_DIR, else next to the other lessons' screenshots). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/screenshots';
/** The custom CNN on a small split, on WASM (forced: no executor measurement, a steady pace). */
const CUSTOM = '/cnn?model=custom&train=500&test=200&batch=16&backend=wasm';

const IDS = ['cnn-bn-mu', 'cnn-bn-var', 'cnn-bn-gamma', 'cnn-bn-beta', 'cnn-bn-running-mean', 'cnn-bn-running-var'];

/** The panel's numbers are finite, σ²_B and the running variance positive, and the maths typeset. */
async function expectLiveBatchNorm(page: Page): Promise<void> {
  const panel = page.getByTestId('cnn-bn-panel');
  await expect(panel).toBeVisible();
  await expect.poll(() => value(page, 'cnn-bn-mu'), { timeout: 90_000 }).not.toBeNaN();
  for (const id of IDS) expect(Number.isFinite(await value(page, id)), id).toBe(true);
  expect(await value(page, 'cnn-bn-var')).toBeGreaterThan(0);
  expect(await value(page, 'cnn-bn-running-var')).toBeGreaterThan(0);
  await expect(panel.locator('.katex').first()).toBeVisible();
  expect(await panel.locator('.katex').count()).toBeGreaterThanOrEqual(4);
  await expect(panel.locator('.katex-error')).toHaveCount(0);
}

async function shoot(page: Page, name: string, target: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId(target).scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${w}×${h}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('CNN lesson: batch norm in the custom CNN', () => {
  test('tick "Batch norm": bn=1 in the URL, the model trains, the live formula has finite numbers, a reload keeps it', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const lesson = new LessonPage(page, LAB);
    await lesson.open(CUSTOM);
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: LAB, exact: true });
    const box = lab.getByRole('checkbox', { name: 'Batch norm', exact: true });
    await expect(box).not.toBeChecked();
    await expect(page.getByTestId('cnn-bn-panel')).toHaveCount(0);
    const plainParams = Number(await page.getByTestId('params-custom').getAttribute('data-value'));
    await box.check();
    await expect.poll(() => hashParam(page, 'bn')).toBe('1');
    // The block slider and the parameter table show the batch norm: conv (no bias) → BN → ReLU → pool.
    await expect(lab.getByText('2 × (conv → BN → ReLU → pool)')).toBeVisible();
    await expect(lab.getByText('conv blocks (conv → batch norm → ReLU → pool), then dense 128, ReLU → 10')).toBeVisible();
    const table = page.locator('table.cnn-params').filter({ has: page.getByTestId('params-custom') });
    await expect(table.getByText('batch norm (γ, β per channel), ReLU')).toHaveCount(2);
    // Two blocks of 16 filters: 16 + 16 conv biases gone, 2·16 + 2·16 γ and β added.
    await expect(page.getByTestId('params-custom')).toHaveAttribute('data-value', String(plainParams + 32));
    // The panel appears with the rebuilt model, waiting for a step.
    await expect(page.getByTestId('cnn-bn-panel')).toContainText('Take a training step');
    await lesson.waitReady();
    await expect(page.getByTestId('param-count')).toHaveAttribute('data-value', String(plainParams + 32));

    await lesson.button('Train').click();
    await lesson.waitForStep(5, 120_000);
    await expect.poll(() => lesson.loss(), { timeout: 60_000 }).toBeLessThan(10);
    // Evaluation (eval mode, running averages) gives a real accuracy.
    await expect
      .poll(async () => (await page.getByTestId('test-accuracy').getAttribute('data-value')) ?? '', { timeout: 120_000 })
      .toMatch(/^(0|1|0\.\d+)(e-\d+)?$/);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    await expectLiveBatchNorm(page);
    // After some steps γ has moved off 1 (Adam's first steps move every weight by about α).
    expect(await value(page, 'cnn-bn-gamma')).not.toBe(1);
    await expect(page.getByTestId('cnn-bn-panel')).toContainText('m·H·W = 16·28·28 = 12,544');
    await lesson.expectNoGarbage();
    // The checkbox, the panel (a labelled region with its readouts) and the runs: no serious axe findings.
    const axe = await new AxeBuilder({ page }).include('section.cnn-lab').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await shoot(page, 'cnn-batch-norm', 'cnn-bn-panel');
    const heading = page.getByRole('heading', { name: 'Batch normalisation in a convolutional network' });
    await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/cnn-batch-norm-prose-1280x800.png` });
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Batch normalisation in a convolutional network' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/cnn-batch-norm-prose-390x844.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // A reload keeps batch norm on, and a step shows the numbers again.
    await page.reload();
    await lesson.waitReady();
    await expect(lab.getByRole('checkbox', { name: 'Batch norm', exact: true })).toBeChecked();
    expect(hashParam(page, 'bn')).toBe('1');
    await lesson.button('Step').click();
    await expectLiveBatchNorm(page);
    // Unticking removes the panel and the key.
    await lab.getByRole('checkbox', { name: 'Batch norm', exact: true }).uncheck();
    await expect.poll(() => hashParam(page, 'bn')).toBeNull();
    await expect(page.getByTestId('cnn-bn-panel')).toHaveCount(0);
    await expect(page.getByTestId('params-custom')).toHaveAttribute('data-value', String(plainParams));
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('in Chinese the checkbox and the panel are translated, and the panel fills in', async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const lesson = new LessonPage(page);
    await lesson.open(`${CUSTOM}&bn=1&lang=zh`);
    const box = page.getByRole('checkbox', { name: '批归一化', exact: true });
    await expect(box).toBeChecked();
    await expect(page.getByTestId('cnn-bn-panel')).toContainText('批归一化实况');
    const train = page.getByRole('button', { name: '训练', exact: true });
    await expect(train).toBeEnabled({ timeout: 90_000 });
    await train.click();
    await expect.poll(async () => Number(await page.getByTestId('status-step').getAttribute('data-value')), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    await expectLiveBatchNorm(page);
    await expect(page.getByTestId('cnn-bn-panel')).toContainText('训练模式');
    await expect(page.getByTestId('cnn-bn-panel')).toContainText('评估模式');
    await shoot(page, 'cnn-batch-norm-zh', 'cnn-bn-panel');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: '卷积网络里的批归一化' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/cnn-batch-norm-zh-prose-390x844.png` });
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('an exported model carries γ, β and the running averages and imports back identically; a model without batch norm refuses it', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`${CUSTOM}&bn=1`);
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: LAB, exact: true });
    await lesson.button('Train').click();
    await lesson.waitForStep(30, 120_000);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    const step = await lesson.step();
    await lab.getByRole('button', { name: 'Evaluate now' }).click();
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-step', String(step), { timeout: 60_000 });
    const acc = await page.getByTestId('test-accuracy').getAttribute('data-value');
    const loss = await page.getByTestId('test-loss').getAttribute('data-value');
    const filters = await page.getByTestId('filters').getAttribute('data-checksum');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await lab.getByRole('button', { name: 'Export model' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const paths: string[] = [];
    for (const d of downloads) {
      const path = testInfo.outputPath(d.suggestedFilename());
      await d.saveAs(path);
      paths.push(path);
    }
    const jsonPath = paths.find((p) => p.endsWith('.json'))!;
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] };
    const names = json.weightsManifest[0]!.weights.map((w) => w.name);
    for (const k of ['bn1/gamma', 'bn1/beta', 'bn1/mean', 'bn1/variance', 'bn2/variance']) expect(names).toContain(k);
    expect(names).not.toContain('conv1/bias');

    // Reset (fresh weights, other readouts), then import: the same filters, step and evaluation.
    await lesson.button('Reset').click();
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', '0');
    await expect.poll(() => page.getByTestId('filters').getAttribute('data-checksum')).not.toBe(filters);
    await lab.getByLabel('Import model').setInputFiles(paths);
    await expect(lab.getByTestId('model-message')).toContainText('.json');
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', String(step));
    await expect.poll(() => page.getByTestId('filters').getAttribute('data-checksum')).toBe(filters);
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-step', String(step), { timeout: 60_000 });
    expect(await page.getByTestId('test-accuracy').getAttribute('data-value')).toBe(acc);
    expect(await page.getByTestId('test-loss').getAttribute('data-value')).toBe(loss);

    // The same network without batch norm has conv biases and no γ, β: the file is refused, with the reason.
    await lab.getByRole('checkbox', { name: 'Batch norm', exact: true }).uncheck();
    // The panel goes with the first view of the rebuilt model.
    await expect(page.getByTestId('cnn-bn-panel')).toHaveCount(0);
    await lesson.waitReady();
    await lab.getByLabel('Import model').setInputFiles(paths);
    await expect(lab.getByRole('alert')).toContainText(/conv1\/bias|bn1/);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
