import { expect, test, type Page } from '@playwright/test';

/**
 * Course material for the gradient-descent lesson: Chinese, its two embeddable
 * widgets ('regression', 'optimizer-race'), locks and hidden parts. Nothing here
 * trains for long.
 */

const LAB = 'Linear regression lab';
const EXPLORER = 'Loss-surface explorer';

/** Keys of the lesson's string table ('gd'): none may reach the screen as raw text. */
const RAW_KEY = /\b(page|lab|readout|control|opt|chart|plot|explorer|phase|surface|map|rule|try)\.[a-zA-Z]+/;

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test.describe('gradient-descent course material', () => {
  test('?lang=zh shows the lesson, its prose and its controls in Chinese', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/gradient-descent?lang=zh');
    await expect(page.getByRole('heading', { level: 1, name: '梯度下降' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '穿过一堆带噪声的点，画一条直线' })).toBeVisible();
    await expect(page.getByText('所谓训练，就是找到一组')).toBeVisible();
    await expect(page.getByRole('heading', { name: '批量、小批量与随机' })).toBeVisible();
    const lab = page.getByRole('region', { name: '线性回归实验' });
    await expect(lab.getByRole('slider', { name: '学习率', exact: true })).toBeVisible();
    await expect(lab.getByRole('slider', { name: '批大小' })).toBeVisible();
    await expect(lab.getByRole('combobox', { name: '优化器' })).toHaveValue('sgd');
    await expect(lab.getByRole('option', { name: '动量法' })).toHaveCount(1);
    await expect(lab.getByText('损失（全部数据）')).toBeVisible();
    await expect(lab.getByText('每轮 7 步')).toBeVisible();
    const explorer = page.getByRole('region', { name: '损失曲面探索器' });
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.getByRole('heading', { name: '优化器在损失曲面上赛跑' })).toBeVisible();
    await expect(explorer.getByRole('combobox', { name: '曲面' })).toBeVisible();
    await expect(explorer.getByRole('checkbox', { name: '动量法' })).toBeChecked();
    await expect(explorer.getByRole('button', { name: '狭长山谷：SGD 对比动量法' })).toBeVisible();
    await expect(explorer.getByRole('heading', { name: '鞍点' })).toBeVisible();
    // The live maths speaks Chinese once a step has run.
    await expect(lab.getByRole('button', { name: '单步' })).toBeEnabled({ timeout: 90_000 });
    await lab.getByRole('button', { name: '单步' }).click();
    await expect(page.getByText('这个损失的梯度是')).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(RAW_KEY);
    for (const english of ['Learning rate', 'Batch size', 'Try this', 'Saddle points', 'gradient descent', 'loss (all points)']) {
      expect(text).not.toContain(english);
    }
    expect(errors).toEqual([]);
  });

  test('#/embed/regression shows the lab alone, without the site chrome or the explorer', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/embed/regression?show=explanation');
    const lab = page.getByRole('region', { name: LAB });
    await expect(lab).toBeVisible();
    await expect(lab.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 90_000 });
    await expect(page.getByRole('heading', { name: 'A line through noisy points' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Gradient descent' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: EXPLORER })).toHaveCount(0);
    await expect(page.getByTestId('surface-plot')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('#/embed/optimizer-race shows the explorer alone; the regression surface works without the lab', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#/embed/optimizer-race?surf=regression&racers=sgd,adam&sps=1000');
    const explorer = page.getByRole('region', { name: EXPLORER });
    await expect(explorer).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: LAB })).toHaveCount(0);
    await expect(page.getByText('A line through noisy points')).toHaveCount(0);
    await expect(explorer.getByRole('combobox', { name: 'Surface' })).toHaveValue('regression');
    const train = explorer.getByRole('button', { name: 'Train', exact: true });
    await expect(train).toBeEnabled({ timeout: 90_000 });
    await train.click();
    const step = explorer.getByTestId('race-step');
    await expect.poll(async () => Number(await step.getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(20);
    await explorer.getByRole('button', { name: 'Pause', exact: true }).click();
    // No lab on screen, so no lab path to draw (and nothing breaks).
    await expect(explorer.getByText("the regression lab's own path")).toHaveCount(0);
    expect(Number(await explorer.getByTestId('racer-adam').getAttribute('data-loss'))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('lock= disables a control while the others still work; hide=explanation removes the prose', async ({ page }) => {
    await page.goto('./#/embed/regression?lock=lr&hide=explanation');
    const lab = page.getByRole('region', { name: LAB });
    await expect(lab).toBeVisible();
    const lr = lab.getByRole('slider', { name: 'Learning rate', exact: true });
    await expect(lr).toBeDisabled();
    await expect(lab.getByText('Locked by the page that embeds this widget')).toHaveCount(1);
    const batch = lab.getByRole('slider', { name: 'Batch size' });
    await expect(batch).toBeEnabled();
    await batch.focus();
    await page.keyboard.press('End');
    await expect(batch).toHaveAttribute('aria-valuetext', '200 (all: batch GD)');
    await expect(page).toHaveURL(/batch=200/);
    await expect(page).toHaveURL(/lock=lr/);
    await expect(lab.getByRole('combobox', { name: 'Optimizer' })).toBeEnabled();
    // The prose is gone; the live maths (its own part) stays.
    await expect(page.getByRole('heading', { name: 'A line through noisy points' })).toHaveCount(0);
    await expect(page.getByText('Batch, mini-batch, stochastic')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'The last step, with its numbers' })).toBeVisible();

    // The explorer's own controls honour locks too: the racer checkboxes and the start point.
    await page.goto('./#/embed/optimizer-race?lock=racers,sx&hide=explanation');
    const explorer = page.getByRole('region', { name: EXPLORER });
    await expect(explorer.getByRole('checkbox', { name: 'Adam' })).toBeDisabled();
    await expect(explorer.getByRole('checkbox', { name: 'Nesterov' })).toBeDisabled();
    const plot = explorer.getByTestId('surface-plot');
    await expect(plot).toHaveAttribute('data-locked', 'true');
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    await plot.click({ position: { x: 40, y: 40 } });
    expect(page.url()).not.toMatch(/[?&]s[xy]=/);
    const surface = explorer.getByRole('combobox', { name: 'Surface' });
    await expect(surface).toBeEnabled();
    await surface.selectOption('saddle');
    await expect(page).toHaveURL(/surf=saddle/);
    await expect(explorer.getByRole('heading', { name: 'Saddle points' })).toHaveCount(0);
    await expect(explorer.getByText('Here the "model" is just a point')).toHaveCount(0);
    await expect(explorer.getByRole('heading', { name: 'Try this' })).toBeVisible();
    // "Try this" would change the locked racers: those buttons are off.
    await expect(explorer.getByRole('button', { name: 'A narrow valley: SGD vs Momentum' })).toBeDisabled();
  });
});
