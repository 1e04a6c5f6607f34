import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/** Small enough for WebGPU on SwiftShader: T = 5, V = 6, d = 16, 1 layer, 2 heads, 8 sequences a step. */
const SMALL = 'len=5&vocab=6&d=16&batch=8';
const LAB = 'Transformer lab';
const TRACE = 'Q/K/V step-through';

/** A raw key of the 'attn' namespace on screen means a missing string. */
const RAW_KEY = /\b(?:lab|readout|heatmaps|probe|pe|ceiling|chart|controls|task|peName|opt|trace|notice)\.[a-zA-Z]+\b/;

async function expectNoSiteChrome(page: Page, widgetTitle: string) {
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
  // The only h1 is the embed bar's widget title, not the lesson's.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(widgetTitle);
}

test.describe('attention lesson as course material', () => {
  test('in Chinese: heading, prose, controls and readouts are Chinese, with no raw keys', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(`/attention?lang=zh&${SMALL}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('注意力机制与 Transformer');
    for (const h of ['一个答案已知的任务', '注意力：一种“软”查表', '为什么要除以 √dₖ', '多头注意力', '为什么必须编码位置', '逐步演算一个查询']) {
      await expect(page.getByRole('heading', { name: h, exact: true })).toBeVisible();
    }
    const lab = page.getByRole('region', { name: 'Transformer 实验台' });
    await expect(lab.getByRole('button', { name: '训练', exact: true })).toBeEnabled({ timeout: 90_000 });
    for (const name of ['任务', '层数', '头数', '位置编码', '优化器']) await expect(lab.getByRole('combobox', { name, exact: true })).toBeVisible();
    for (const name of ['序列长度', '词表大小', '学习率', '预热步数', '批大小']) await expect(lab.getByRole('slider', { name, exact: true })).toBeVisible();
    await expect(lab.getByRole('checkbox', { name: '去掉位置编码' })).toBeVisible();
    await expect(lab.getByRole('combobox', { name: '任务', exact: true }).locator('option:checked')).toHaveText('反转');
    await expect(lab).toContainText('词元准确率');
    await expect(lab).toContainText('这条输入上的注意力');
    const trace = page.getByRole('region', { name: 'Q/K/V 逐步演算' });
    await expect(trace.getByRole('combobox', { name: '查询位置', exact: true })).toBeVisible();
    await expect(trace.getByText('1. 查询与键')).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(RAW_KEY);
    for (const english of ['token accuracy', 'Another input', 'Attention on this input', 'Remove positional encoding', 'The query and the keys', 'Why divide']) {
      expect(text).not.toContain(english);
    }
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('#/embed/transformer shows the lab alone: no site chrome, no step-through', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`/embed/transformer?${SMALL}&show=explanation`);
    await expectNoSiteChrome(page, 'Transformer lab');
    await expect(page.getByRole('region', { name: LAB })).toBeVisible();
    await expect(page.getByRole('region', { name: TRACE })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'A task whose answer we know' })).toBeVisible();
    await lesson.waitReady();
    await expect(page.getByTestId('attn-heatmap')).toHaveCount(2);
    await expect(page.getByRole('status')).toHaveCount(1);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('#/embed/qkv shows the step-through alone, and can train its model', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, TRACE);
    await lesson.open(`/embed/qkv?${SMALL}&tq=3`);
    await expectNoSiteChrome(page, 'One attention query, step by step');
    await expect(page.getByRole('region', { name: LAB })).toHaveCount(0);
    await expect(page.getByTestId('attn-heatmap')).toHaveCount(0);
    const trace = page.getByRole('region', { name: TRACE });
    await expect(trace).toBeVisible();
    await lesson.waitReady();
    await lesson.button('Step').click();
    await lesson.waitForStep(1);
    await expect(trace.getByTestId('qkv')).toHaveAttribute('data-query', '3');
    await expect(page.getByTestId('qkv-sum')).toHaveText('1.0000');
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('lock= disables those controls only; hide=explanation removes the prose', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open(`/embed/transformer?${SMALL}&lock=lr,optimizer,pe&hide=explanation`);
    await expect(lesson.control('Learning rate')).toBeDisabled();
    await expect(lesson.control('Optimizer')).toBeDisabled();
    await expect(lesson.control('Positional encoding')).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'Remove positional encoding' })).toBeDisabled();
    await expect(page.getByRole('heading', { name: 'A task whose answer we know' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Why positions must be encoded' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: LAB })).toBeVisible();

    // Unlocked controls still work and write the link.
    const batch = lesson.control('Batch size');
    await expect(batch).toBeEnabled();
    await batch.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/batch=9/);
    await expect(batch).toHaveAttribute('aria-valuetext', '9 sequences');
    await expect(page).not.toHaveURL(/[?&]lr=/);
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the step-through: a locked query position, the other selects free, its prose hideable', async ({ page }) => {
    const lesson = new LessonPage(page, TRACE);
    await lesson.open(`/embed/qkv?${SMALL}&lock=tq&hide=explanation`);
    const trace = page.getByRole('region', { name: TRACE });
    await expect(trace.getByRole('combobox', { name: 'Query position', exact: true })).toBeDisabled();
    await expect(trace.getByRole('combobox', { name: 'Step-through head', exact: true })).toBeEnabled();
    await expect(trace.getByText("The numbers below are read back from the model's forward pass")).toHaveCount(0);
    await trace.getByRole('combobox', { name: 'Step-through head', exact: true }).selectOption('1');
    await expect(page).toHaveURL(/th=1/);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
