/**
 * The CNN lesson as course material: Chinese (?lang=zh), its two widgets embedded alone
 * (#/embed/mnist, #/embed/convolution), and a teacher's lock= and hide=. Short: a CNN step on
 * SwiftShader WebGPU is slow, so nothing here trains.
 */
import { expect, test, type Page } from '@playwright/test';

/** A small split and batch, as in cnn.spec.ts. */
const SMALL = 'train=500&test=200&batch=16';

/** Top-level keys of the 'cnn' namespace: a raw key on screen (an i18n miss) would read like "lab.model". */
const RAW_KEY = /\b(data|lab|models|modelHints|opt|panels|filters|maps|confusion|wrong|draw|conv|pool|params|notice)\.[a-zA-Z]+/;

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Latin words in the lesson's text once formulas, canvases and code-like names are set aside. */
async function englishWords(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.katex, .tex, canvas, svg, [data-testid="status-backend"]').forEach((e) => e.remove());
    const allowed = new Set([
      'MNIST', 'CNN', 'MLP', 'SGD', 'Adam', 'ReLU', 'WebGPU', 'WASM', 'CPU', 'GPU', 'SwiftShader', 'TensorFlow',
      'LeCun', 'Cortes', 'Burges', 'He', 'Dropout', 'softmax', 'logits', 'logit', 'same', 'valid', 'CSV', 'PNG', 'SVG',
      'js', 'img', 'Shift',
      // Layer names of the model (conv1, conv2), as in an exported model.json.
      'conv',
    ]);
    const words: string[] = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(...(n.textContent?.match(/[A-Za-z]{2,}/g) ?? []));
    return [...new Set(words.filter((w) => !allowed.has(w)))];
  });
}

test.describe('CNN lesson as course material', () => {
  test('?lang=zh: Chinese heading, prose, controls and notices; no raw keys, no English left', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto(`./#/cnn?lang=zh&${SMALL}&img=5000`);
    await expect(page.getByRole('heading', { level: 1, name: '卷积神经网络' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '数据：MNIST 手写数字' })).toBeVisible();
    await expect(page.getByText('这些是来自 MNIST 数据集')).toBeVisible();
    await expect(page.getByLabel('关于此链接的提示')).toContainText('img 超出了 200 个测试数字的范围');
    const lab = page.getByRole('region', { name: 'MNIST 实验' });
    await expect(lab.getByRole('combobox', { name: '模型', exact: true })).toHaveValue('cnn');
    await expect(lab.getByRole('option', { name: '小型 CNN' })).toHaveCount(1);
    await expect(lab.getByRole('combobox', { name: '优化器' })).toHaveValue('adam');
    await expect(lab.getByRole('option', { name: '动量法' })).toHaveCount(1);
    await expect(lab.getByRole('slider', { name: '学习率' })).toBeVisible();
    await expect(lab.getByRole('button', { name: '立即评估' })).toBeVisible();
    await expect(lab.getByRole('heading', { name: '手写一个数字' })).toBeVisible();
    await expect(lab.getByRole('button', { name: '识别', exact: true })).toBeVisible();
    const conv = page.getByRole('region', { name: '卷积演示' });
    await conv.scrollIntoViewIfNeeded();
    await expect(page.getByRole('heading', { name: '卷积在计算什么' })).toBeVisible();
    await expect(conv.getByRole('combobox', { name: '卷积核', exact: true })).toBeVisible();
    await expect(conv.getByRole('option', { name: '竖直边缘' })).toHaveCount(1);
    await conv.getByRole('button', { name: '下一个窗口' }).click();
    await expect(conv.getByText('第 2 个窗口，共 16 个')).toBeVisible();
    await expect(page.getByRole('region', { name: '池化演示' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '两个网络' })).toBeVisible();
    await expect(page.getByRole('table', { name: '小型 CNN' })).toBeVisible();
    await expect(page.getByText('权重共享让卷积层小了')).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(RAW_KEY);
    for (const english of ['Learning rate', 'Optimizer', 'Evaluate now', 'What a convolution computes', 'Draw a digit', 'test accuracy']) {
      expect(text).not.toContain(english);
    }
    expect(await englishWords(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('#/embed/mnist shows the data and the lab alone; the pen also draws with the keyboard', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = pageErrors(page);
    await page.goto(`./#/embed/mnist?${SMALL}`);
    const lab = page.getByRole('region', { name: 'MNIST lab' });
    await expect(lab).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The data: MNIST digits' })).toBeVisible();
    await expect(page.getByTestId('sample-digits').locator('canvas')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Convolutional networks' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Convolution explainer' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'The two networks' })).toHaveCount(0);

    // Keyboard drawing: pen down, a vertical stroke, pen up; the model classifies it.
    await expect(lab.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 90_000 });
    const pad = page.getByRole('application', { name: /Drawing area/ });
    await pad.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('digit-probs')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('digit-prediction')).toHaveText(/^[0-9]$/);
    expect(errors).toEqual([]);
  });

  test('#/embed/convolution shows the explainers alone, without the MNIST data or a training engine', async ({ page }) => {
    const errors = pageErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('./#/embed/convolution?xk=hedge&show=explanation');
    const conv = page.getByRole('region', { name: 'Convolution explainer' });
    await expect(conv).toBeVisible();
    await expect(page.getByRole('region', { name: 'Pooling explainer' })).toBeVisible();
    await expect(page.getByText('A convolutional layer slides a small grid of weights')).toBeVisible();
    await expect(conv.getByRole('combobox', { name: 'Kernel', exact: true })).toHaveValue('hedge');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'MNIST lab' })).toHaveCount(0);
    await expect(page.getByTestId('sample-digits')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveCount(0);
    await conv.getByRole('button', { name: 'Next window' }).click();
    await expect(conv).toContainText('window 2 of 16');
    await page.waitForTimeout(1500);
    expect(requests.filter((u) => u.includes('mnist'))).toEqual([]);
    expect(workers).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('lock= disables a control while the others still work; hide=explanation removes the prose', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./#/embed/convolution?lock=xk&hide=explanation');
    const conv = page.getByRole('region', { name: 'Convolution explainer' });
    await expect(conv.getByRole('combobox', { name: 'Kernel', exact: true })).toBeDisabled();
    await expect(conv.getByText('Locked by the page that embeds this widget')).toHaveCount(1);
    const padding = conv.getByRole('combobox', { name: 'Padding', exact: true });
    await expect(padding).toBeEnabled();
    await padding.selectOption('same');
    await expect(page).toHaveURL(/xpad=same/);
    await expect(conv.getByRole('img', { name: /^Output 6×6;/ })).toBeVisible();
    await expect(page.getByText('A convolutional layer slides a small grid of weights')).toHaveCount(0);
    await expect(page.getByText('A 2×2 max-pool with stride 2 keeps the largest value')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Pooling explainer' })).toBeVisible();

    // The lab: the optimiser and the test image are locked, the learning rate is not.
    await page.goto(`./#/embed/mnist?${SMALL}&lock=opt,img&hide=explanation`);
    const lab = page.getByRole('region', { name: 'MNIST lab' });
    await expect(lab.getByRole('combobox', { name: 'Optimizer' })).toBeDisabled();
    await expect(lab.getByRole('slider', { name: 'Test image' })).toBeDisabled();
    await expect(lab.getByRole('button', { name: 'Next image' })).toBeDisabled();
    const lr = lab.getByRole('slider', { name: 'Learning rate' });
    await expect(lr).toBeEnabled();
    await lr.focus();
    await page.keyboard.press('End');
    await expect(page).toHaveURL(/lr=1(&|$)/);
    await expect(lab.getByRole('combobox', { name: 'Model', exact: true })).toBeEnabled();
    await expect(page.getByText('These are real handwritten digits from MNIST')).toHaveCount(0);
    await expect(page.getByText('Your drawing is preprocessed the way MNIST was')).toHaveCount(0);
    await expect(lab.getByRole('heading', { name: 'Draw a digit' })).toBeVisible();
  });
});
