/**
 * The RNN lesson as course material: Chinese text (?lang=zh), its two widgets embedded alone
 * (#/embed/rnn, #/embed/gradient-flow), and a teacher's lock= and hide=. Short: no long training.
 */
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/** Small models: WebGPU on SwiftShader is slow. */
const SMALL = 'hidden=8&batch=8';

/** Top-level keys of the 'rnn' namespace: a raw key on screen (i18n miss) would read like "controls.task". */
const RAW_KEY = /\b(page|lab|controls|options|chart|readout|output|paste|views|gate|gap)\.[a-zA-Z]+/;

/** Latin words left in the lesson's text and accessible names once formulas, canvases, data and code-like names are set aside. */
async function englishWords(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    // KaTeX (formulas are shared), drawn data (tokens, generated text from the English corpus), typed text.
    copy.querySelectorAll('.katex, .tex, canvas, pre, textarea, .rnn-tokens, [data-testid="status-backend"]').forEach((e) => e.remove());
    const allowed = new Set(['SimpleRNN', 'RNN', 'LSTM', 'GRU', 'SGD', 'Adam', 'Glorot', 'softmax', 'tanh', 'WebGPU', 'CSV', 'PNG', 'SVG', 'HTML', 'TensorFlow', 'model', 'json', 'bin']);
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    const words: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(...(n.textContent?.match(/[A-Za-z]{3,}/g) ?? []));
    // Accessible names and tooltips count too (file names such as model.json are code-like).
    for (const el of main.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('.katex, [data-testid="status-backend"]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) words.push(...(el.getAttribute(a)?.match(/[A-Za-z]{3,}/g) ?? []));
    }
    return [...new Set(words.filter((w) => !allowed.has(w)))];
  });
}

test.describe('RNN lesson as course material', () => {
  test('?lang=zh: Chinese heading, prose, controls and messages; no raw keys, no English left', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page);
    await lesson.open(`/rnn?lang=zh&task=chars&${SMALL}&seqlen=12`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('循环神经网络');
    await expect(page.getByRole('heading', { name: '有记忆的网络' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '随时间反向传播' })).toBeVisible();
    await expect(page.getByText('长短期记忆（LSTM）单元还多维护一个状态')).toBeVisible();

    const lab = page.getByRole('region', { name: 'RNN 实验台' });
    await expect(lab.getByRole('heading', { name: '训练一个循环网络' })).toBeVisible();
    await expect(lab.getByRole('combobox', { name: '任务', exact: true })).toHaveValue('chars');
    await expect(lab.getByRole('combobox', { name: '任务', exact: true }).locator('option:checked')).toHaveText('字符（语言模型）');
    await expect(lab.getByRole('slider', { name: '学习率', exact: true })).toBeVisible();
    await expect(lab.getByRole('slider', { name: '记忆门偏置', exact: true })).toBeVisible();
    await expect(lab.getByRole('checkbox', { name: '梯度裁剪' })).toBeChecked();
    await expect(lab.getByRole('img', { name: /^隐藏状态/ })).toBeVisible();
    await expect(page.getByRole('region', { name: '间隔实验' }).getByRole('button', { name: '运行间隔实验' })).toBeVisible();

    // The pasted-text check answers in Chinese too.
    await lab.getByLabel('粘贴你自己的文本').fill('abc');
    await lab.getByRole('button', { name: '使用这段文本' }).click();
    await expect(lab.getByRole('alert')).toHaveText('文本太短：只有 3 个字符，至少要 200 个才够模型学习。');

    await expect(lab.getByRole('button', { name: '训练', exact: true })).toBeEnabled({ timeout: 90_000 });
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(RAW_KEY);
    expect(await englishWords(page)).toEqual([]);

    // The other tasks' outputs and controls (the LSTM's gate views included).
    const task = lab.getByRole('combobox', { name: '任务', exact: true });
    await task.selectOption('recall');
    await expect(lab.getByRole('list', { name: '各答案的概率' })).toBeVisible({ timeout: 90_000 });
    await expect(lab.getByRole('heading', { name: 'LSTM 的门' })).toBeVisible();
    await expect(lab.getByRole('slider', { name: '间隔', exact: true })).toBeVisible();
    expect(await englishWords(page)).toEqual([]);
    await task.selectOption('series');
    await expect(lab.getByRole('img', { name: /^探测序列/ })).toBeVisible({ timeout: 90_000 });
    await expect(lab.getByRole('slider', { name: '周期', exact: true })).toHaveAttribute('aria-valuetext', '16 步（另加 6 步）');
    expect(await page.locator('main').innerText()).not.toMatch(RAW_KEY);
    expect(await englishWords(page)).toEqual([]);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('#/embed/rnn and #/embed/gradient-flow: one widget each, without the site chrome', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, 'RNN lab');
    await lesson.open(`/embed/rnn?task=recall&${SMALL}&gap=5&show=explanation`);
    await expect(page.getByRole('region', { name: 'RNN lab' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'A network with a memory' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    // The only h1 is the embed bar's widget title, not the lesson's.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recurrent network lab');
    await expect(page.getByRole('region', { name: 'Gap experiment' })).toHaveCount(0);
    await lesson.waitReady();
    await lesson.button('Step').click();
    await lesson.waitForStep(1);

    await page.goto(`./#/embed/gradient-flow?task=series&show=explanation`);
    const gap = page.getByRole('region', { name: 'Gap experiment' });
    await expect(gap).toBeVisible();
    await expect(gap).toContainText('150 steps');
    await expect(gap.getByRole('button', { name: 'Run the gap experiment' })).toBeEnabled();
    await expect(gap.getByRole('img', { name: 'Accuracy against gap for each cell' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'RNN lab' })).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'A network with a memory' })).toHaveCount(0);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('lock=lr disables the learning rate only; hide=explanation removes the prose', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, 'RNN lab');
    await lesson.open(`/embed/rnn?task=recall&${SMALL}&gap=5&lr=0.02&lock=lr&hide=explanation`);
    const lab = page.getByRole('region', { name: 'RNN lab' });
    await expect(lab).toBeVisible();
    await expect(page.getByRole('heading', { name: 'A network with a memory' })).toHaveCount(0);
    await expect(page.getByText('backpropagation runs through it backwards')).toHaveCount(0);

    const lr = lesson.control('Learning rate');
    await expect(lr).toBeDisabled();
    await expect(lr).toHaveAttribute('aria-valuetext', 'α = 0.02');
    // Others still work, and write the link.
    const hidden = lesson.control('Hidden size');
    await expect(hidden).toBeEnabled();
    await hidden.focus();
    await page.keyboard.press('ArrowRight');
    await expect(hidden).toHaveValue('9');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hidden=9');
    await lesson.control('Optimizer').selectOption('sgd');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('opt=sgd');
    expect(await page.evaluate(() => location.hash)).toContain('lr=0.02');
    await lesson.waitReady();

    // lock=text keeps the character model on the built-in text (pasted text is not in the URL).
    await page.goto(`./#/embed/rnn?task=chars&${SMALL}&seqlen=12&lock=text`);
    await expect(lab.getByLabel('Paste your own text')).toBeDisabled();
    await expect(lab.getByRole('button', { name: 'Use this text' })).toBeDisabled();
    await expect(lesson.control('Task')).toBeEnabled();
    await expect(lesson.control('Learning rate')).toBeEnabled();

    // The gap experiment without its explanation: the button and the chart stay.
    await page.goto(`./#/embed/gradient-flow?hide=explanation`);
    const gap = page.getByRole('region', { name: 'Gap experiment' });
    await expect(gap.getByRole('button', { name: 'Run the gap experiment' })).toBeVisible();
    await expect(gap).not.toContainText('150 steps');
    await expect(gap.getByRole('img', { name: 'Accuracy against gap for each cell' })).toBeVisible();
    expect(lesson.consoleErrors).toEqual([]);
  });
});
