import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * Every lab at its default settings: the engine measures the executors for its model, names the
 * winner, and trains on it; the header badge's popover lists the candidates it measured.
 */
const LABS: { route: string; lab: string; steps: number }[] = [
  { route: '/gradient-descent', lab: 'Linear regression lab', steps: 20 },
  { route: '/backprop', lab: 'MLP playground', steps: 200 },
  { route: '/cnn', lab: 'MNIST lab', steps: 2 },
  { route: '/rnn', lab: 'RNN lab', steps: 3 },
  { route: '/attention', lab: 'Transformer lab', steps: 3 },
];

for (const { route, lab, steps } of LABS) {
  test(`${lab}: default settings train on the measured executor, and the popover lists the candidates`, async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = new LessonPage(page, lab);
    await lesson.open(route);
    await lesson.waitReady();
    const region = page.getByRole('region', { name: lab, exact: true });
    const executor = (await region.getByTestId('status-backend').innerText()).trim();
    expect(executor).toMatch(/^(Fused JS|WASM|CPU|WebGPU|WebGL)/);

    await page.getByTestId('backend-badge').click();
    const pop = page.getByRole('dialog', { name: 'How this executor was chosen' });
    await expect(pop).toBeVisible();
    // This lab's report names its executor as chosen, and CPU (the reference) was measured.
    const chosen = pop.locator('tbody tr[data-outcome="chosen"]');
    await expect(chosen.filter({ hasText: executor.split(' · ')[0]! }).first()).toBeVisible();
    await expect(pop.locator('tbody tr').filter({ hasText: /^CPU/ }).first()).toContainText(/\d/);
    await page.keyboard.press('Escape');

    await lesson.button('Train').click();
    await lesson.waitForStep(steps, 180_000);
    await lesson.button('Pause').click();
    await expect(region.getByRole('status')).toContainText('paused');
    expect(Number.isFinite(await lesson.loss())).toBe(true);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });
}
