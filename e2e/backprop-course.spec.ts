import { expect, test, type Download, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { LessonPage } from './fixtures/lesson';

/**
 * Course material for the backprop lesson: Chinese, its two embeddable widgets
 * ('chain-rule', 'mlp'), locks and hidden parts, and the MLP's model file (export,
 * then import predicts identically). Nothing here trains for long.
 */

const TINY = '1. Backprop, one number at a time';
const LAB = 'MLP playground';

/** Keys of the lesson's string table ('bp'): none may reach the screen as raw text. */
const RAW_KEY = /\b(tiny|mlp|ds|act|opt|classes|edits|tryThis)\.[a-zA-Z]+/;

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const digestOf = (page: Page) => page.getByTestId('mlp-prediction-digest').getAttribute('data-value');

test.describe('backprop course material', () => {
  test('?lang=zh shows the lesson, its prose and its controls in Chinese', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/backprop?lang=zh');
    await expect(page.getByRole('heading', { level: 1, name: '反向传播' })).toBeVisible();
    const tiny = page.getByRole('region', { name: '1. 反向传播：一个数一个数地算' });
    await expect(tiny).toBeVisible();
    await expect(tiny.getByText('这是一个有两个输入、两个隐藏单元和一个输出的网络')).toBeVisible();
    await expect(tiny.getByRole('heading', { name: '刚才的演示做了什么：计算图上的链式法则' })).toBeVisible();
    await expect(tiny.getByRole('combobox', { name: '激活函数 φ（小网络）' })).toBeVisible();
    await tiny.getByRole('button', { name: '下一步', exact: true }).click();
    await expect(page.getByTestId('tiny-step')).toContainText('前向：z₁');
    await expect(tiny.getByText('预激活值：输入的加权和再加上偏置。')).toBeVisible();

    const lab = page.getByRole('region', { name: 'MLP 演练场' });
    await expect(lab.getByRole('slider', { name: '学习率', exact: true })).toBeVisible();
    await expect(lab.getByRole('slider', { name: '批大小' })).toBeVisible();
    await expect(lab.getByRole('combobox', { name: '优化器' })).toHaveValue('adam');
    await expect(lab.getByRole('option', { name: '动量法' })).toHaveCount(1);
    await expect(lab.getByRole('combobox', { name: '数据集' })).toHaveValue('circle');
    await expect(lab.getByRole('option', { name: '圆形' })).toHaveCount(1);
    await expect(lab.getByRole('group', { name: '输入特征' })).toBeVisible();
    await expect(lab.getByRole('button', { name: '训练', exact: true })).toBeEnabled({ timeout: 90_000 });
    await expect(lab.getByText('训练准确率')).toBeVisible();
    await expect(page.getByRole('heading', { name: '动手试试' })).toBeVisible();
    await expect(page.getByRole('button', { name: '很深的 sigmoid 网络：梯度消失' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '为什么很深的 sigmoid 网络学不动' })).toBeVisible();
    await expect(page.getByText('梯度就是简单的“预测值减真实值”')).toBeVisible();

    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(RAW_KEY);
    for (const english of ['Backpropagation', 'Learning rate', 'Batch size', 'Try this', 'train loss', 'Forward pass', 'Dataset', 'the chain rule']) {
      expect(text).not.toContain(english);
    }
    expect(errors).toEqual([]);
  });

  test('#/embed/chain-rule shows the stepper alone, without the site chrome or the MLP', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/embed/chain-rule');
    const tiny = page.getByRole('region', { name: TINY });
    await expect(tiny).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Backpropagation' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: LAB })).toHaveCount(0);
    await expect(page.getByTestId('data-plot')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Try this' })).toHaveCount(0);
    // It works on its own: autodiff in the worker agrees with the hand-computed gradient.
    await tiny.getByRole('button', { name: 'Backward pass' }).click();
    await expect(page.getByTestId('agree-w11')).toHaveText('✓ agree', { timeout: 90_000 });
    expect(errors).toEqual([]);
  });

  test('#/embed/mlp shows the playground alone, with its prose when asked (show=explanation), and trains', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/embed/mlp?show=explanation');
    const lab = page.getByRole('region', { name: LAB, exact: true });
    await expect(lab).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Backpropagation' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: TINY })).toHaveCount(0);
    await expect(page.getByTestId('tiny-step')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Try this' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why deep sigmoid networks stop learning' })).toBeVisible();
    await lab.getByRole('button', { name: 'Step', exact: true }).click({ timeout: 90_000 });
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', '1');
    expect(errors).toEqual([]);
  });

  test('lock= disables a control (and the data points) while the others still work; hide=explanation removes the prose', async ({ page }) => {
    await page.goto('./#/embed/mlp?lock=lr,pts&hide=explanation');
    const lab = page.getByRole('region', { name: LAB, exact: true });
    await expect(lab).toBeVisible();
    await expect(lab.getByRole('slider', { name: 'Learning rate', exact: true })).toBeDisabled();
    await expect(lab.getByText('Locked by the page that embeds this widget')).toHaveCount(1);
    const batch = lab.getByRole('slider', { name: 'Batch size' });
    await expect(batch).toBeEnabled();
    await batch.focus();
    await page.keyboard.press('End');
    await expect(page).toHaveURL(/batch=100/);
    await expect(lab.getByRole('combobox', { name: 'Optimizer' })).toBeEnabled();
    // Locked points: a click on the data adds nothing, and says why.
    const plot = page.getByTestId('data-plot');
    await expect(plot).toHaveAttribute('data-locked', 'true');
    const box = (await plot.boundingBox())!;
    await plot.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(lab.getByText('The page that embeds this widget has locked the data points.')).toBeVisible();
    await expect(page.getByTestId('added-count')).toHaveAttribute('data-value', '0');
    expect(page.url()).not.toMatch(/[?&]pts=/);
    // No prose: neither the introduction nor the sections nor "Try this".
    await expect(page.getByText('Pick a data set, design a network')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Try this' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Why deep sigmoid networks stop learning' })).toHaveCount(0);
    await expect(lab.getByRole('heading', { name: 'Train and test loss' })).toBeVisible();

    // The stepper's own number fields honour locks too; an update, which writes every weight, is off.
    await page.goto('./#/embed/chain-rule?lock=tw11&hide=explanation');
    const tiny = page.getByRole('region', { name: TINY });
    await expect(page.getByLabel('w11', { exact: true })).toBeDisabled();
    await expect(page.getByLabel('w12', { exact: true })).toBeEnabled();
    await page.getByLabel('x1', { exact: true }).fill('0.5');
    await expect(page).toHaveURL(/tx1=0\.5/);
    await tiny.getByRole('button', { name: 'Backward pass' }).click();
    await tiny.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(tiny.getByRole('button', { name: 'Apply update' })).toBeDisabled();
    await expect(tiny.getByRole('heading', { name: 'What the stepper just did: the chain rule on a graph' })).toHaveCount(0);
  });

  test('a model exported, then imported after a reset, predicts identically; non-model files get a clear error', async ({ page }, testInfo) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/embed/mlp');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: LAB, exact: true });
    await lesson.button('Train').click();
    await lesson.waitForStep(30);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    const step = await lesson.step();
    const digest = await digestOf(page);
    expect(digest).toMatch(/^[0-9a-f]{8}$/);
    const loss = await lesson.readout('train-loss');
    expect(loss).toBeGreaterThan(0);

    // Export: two downloads in TensorFlow.js format.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await lab.getByRole('button', { name: 'Export model' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual(['mlp.json', 'mlp.weights.bin']);
    const paths: string[] = [];
    for (const d of downloads) {
      const path = testInfo.outputPath(d.suggestedFilename());
      await d.saveAs(path);
      paths.push(path);
    }
    const json = JSON.parse(readFileSync(testInfo.outputPath('mlp.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
    expect(json.weightsManifest[0]!.paths).toEqual(['mlp.weights.bin']);

    // Reset: new initial weights, other predictions.
    await lesson.button('Reset').click();
    await expect.poll(() => digestOf(page)).not.toBe(digest);
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', '0');

    // Import both files: the same predictions, the same loss, the same step.
    const importInput = lab.getByLabel('Import model');
    await importInput.setInputFiles(paths);
    await expect.poll(() => digestOf(page)).toBe(digest);
    await expect(lab.getByTestId('model-message')).toContainText('mlp.json');
    await expect(lab.getByRole('alert')).toHaveCount(0);
    expect(Math.abs((await lesson.readout('train-loss')) - loss)).toBeLessThanOrEqual(1e-6 * Math.max(1, loss));
    expect(await lesson.step()).toBe(step);
    // Training goes on from there.
    await lesson.button('Step').click();
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', String(step + 1));
    const trained = await digestOf(page);

    // Files that are not a model: a clear error, nothing changes, nothing breaks.
    const textFile = testInfo.outputPath('notes.json');
    await writeFile(textFile, 'These are my notes, not a model.\n');
    await importInput.setInputFiles(textFile);
    await expect(lab.getByRole('alert')).toContainText('notes.json');
    const png = testInfo.outputPath('picture.png');
    await writeFile(
      png,
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    );
    await importInput.setInputFiles(png);
    await expect(lab.getByRole('alert')).toBeVisible();
    await expect(lab.getByRole('alert')).not.toBeEmpty();
    // The model file without its weights.
    await importInput.setInputFiles(testInfo.outputPath('mlp.json'));
    await expect(lab.getByRole('alert')).toContainText('mlp.weights.bin');
    expect(await digestOf(page)).toBe(trained);
    await lesson.button('Step').click();
    await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', String(step + 2));
    expect(lesson.consoleErrors).toEqual([]);
  });
});
