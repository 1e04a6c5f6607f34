import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

// This project launches Chromium without --enable-unsafe-webgpu: no GPU adapter is offered.
test('without WebGPU the app falls back, trains, and says which backend it uses', async ({ page }) => {
  const lesson = new LessonPage(page, 'Linear regression lab');
  await lesson.open('/gradient-descent');
  await lesson.waitReady();
  const badge = page.getByTestId('backend-badge');
  await expect(badge).not.toContainText('WebGPU');
  await expect(badge).toContainText(/Fused JS|WebGL|WASM|CPU/);
  const label = await badge.innerText();
  await expect(lesson.status).toContainText(label.split(' · ')[0]!);
  await lesson.button('Train').click();
  await lesson.waitForStep(100);
  await lesson.button('Pause').click();
  expect(Number.isFinite(await lesson.loss())).toBe(true);
  expect(lesson.consoleErrors).toEqual([]);
});
