import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { startStaticServer } from './fixtures/static-server';

/**
 * A teacher's course page on one origin (http://localhost) embeds a widget of
 * the playground, built once and served from a sub-path of another origin
 * (http://127.0.0.1/course/playground/), using the README's example host page.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 40;
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const PLAYGROUND = `http://127.0.0.1:${PORT}/course/playground/`;
let server: Server;

test.beforeAll(async () => {
  const host = readFileSync('docs/embed-example.html', 'utf8').replace(
    "var PLAYGROUND = 'https://example.org/playground/';",
    `var PLAYGROUND = '${PLAYGROUND}';`,
  );
  expect(host).toContain(PLAYGROUND);
  // The widget runs on the CPU backend here: this test is about embedding, not speed.
  const cpuHost = host.replace('#/embed/regression?lock=lr&amp;hide=explanation', '#/embed/regression?lock=lr&amp;hide=explanation&amp;backend=cpu');
  server = await startStaticServer([{ prefix: '/course/playground/', dir: OUT_DIR }], { '/week2.html': cpuHost }, PORT);
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test('a course page embeds a widget from a sub-path, resizes it and drives it by postMessage', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(`http://localhost:${PORT}/week2.html`);
  const frame = page.frameLocator('#widget');

  // One widget, no site chrome.
  await expect(frame.getByRole('region', { name: 'Linear regression lab' })).toBeVisible({ timeout: 60_000 });
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Lessons' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Gradient descent', level: 1 })).toHaveCount(0);
  // hide=explanation: the prose is gone; lock=lr: the learning rate shows but cannot change.
  await expect(frame.getByRole('heading', { name: 'Measuring "close": the loss' })).toHaveCount(0);
  const lr = frame.getByRole('slider', { name: 'Learning rate' });
  await expect(lr).toBeVisible();
  await expect(lr).toBeDisabled();
  await expect(frame.getByRole('combobox', { name: 'Optimizer' })).toBeEnabled();

  // The frame reports its height and the host resizes it.
  await expect
    .poll(async () => page.locator('#widget').evaluate((f) => (f as HTMLIFrameElement).style.height))
    .toMatch(/^\d+px$/);
  const reported = parseInt(await page.locator('#widget').evaluate((f) => (f as HTMLIFrameElement).style.height));
  expect(reported).toBeGreaterThan(200);
  expect(reported).not.toBe(640);

  // Host commands: start → steps and finite losses arrive as events.
  await expect(page.locator('#phase')).toHaveText(/ready|paused/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(async () => Number(await page.locator('#step').textContent()), { timeout: 60_000 }).toBeGreaterThan(20);
  await expect(page.locator('#loss')).toHaveText(/^\d/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('#phase')).toHaveText('paused');

  // 'set' goes through the lesson's schema: a value out of range is clamped, with a notice.
  await page.getByLabel('Learning rate').fill('0.2');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(lr).toHaveAttribute('aria-valuetext', /0\.2/);
  await page.getByLabel('Learning rate').fill('50');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(frame.getByRole('complementary', { name: 'Notices about this link' })).toContainText('lr=50 is out of range');

  // Malformed and foreign messages are ignored with a warning, never applied.
  const before = Number(await page.locator('#step').textContent());
  await page.evaluate(() => {
    const f = document.getElementById('widget') as HTMLIFrameElement;
    f.contentWindow!.postMessage({ source: 'dl-playground', type: 'start', evil: '<img src=x onerror=alert(1)>' }, '*');
    f.contentWindow!.postMessage({ source: 'dl-playground', type: 'step', steps: 1e9 }, '*');
  });
  await expect.poll(() => warnings.filter((w) => w.includes('Ignored a malformed command')).length).toBe(2);
  await page.waitForTimeout(500);
  expect(Number(await page.locator('#step').textContent())).toBe(before);
  await expect(frame.getByRole('status')).toContainText('paused');

  // Reset from the host.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(async () => Number(await frame.getByTestId('status-step').getAttribute('data-value'))).toBe(0);
});

test('a page that is not the one named by origin= cannot command the widget', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // The widget only accepts https://course.example; this host is http://localhost.
  const src = `${PLAYGROUND}#/embed/regression?backend=cpu&origin=${encodeURIComponent('https://course.example')}`;
  await page.setContent(`<iframe id="w" src="${src}" style="width:800px;height:600px"></iframe>`);
  const frame = page.frameLocator('#w');
  await expect(frame.getByRole('status')).toContainText('ready', { timeout: 60_000 });
  await page.evaluate(() => (document.getElementById('w') as HTMLIFrameElement).contentWindow!.postMessage({ source: 'dl-playground', type: 'start' }, '*'));
  await expect.poll(() => warnings.some((w) => w.includes('accepts commands only from https://course.example'))).toBe(true);
  await expect(frame.getByRole('status')).toContainText('ready');
});

test('hostile embed, language and theme parameters render safely with notices', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const evil = encodeURIComponent('"><img src=x onerror="window.__xss=1">');
  await page.goto(
    `./?lang=${evil}#/embed/regression?backend=cpu&lock=${evil},lr&hide=${evil},bogus&theme=${evil}&origin=${encodeURIComponent('javascript:alert(1)')}&lr=${evil}`,
  );
  const notes = page.getByRole('complementary', { name: 'Notices about this link' });
  await expect(notes.first()).toBeVisible({ timeout: 60_000 });
  const text = (await notes.allTextContents()).join(' ');
  expect(text).toContain('Ignored the value of lang');
  expect(text).toContain('Ignored the value of theme');
  expect(text).toContain('Ignored bogus in hide');
  expect(text).toContain('Ignored the value of lr');
  expect(text).not.toContain('onerror');
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toBeDisabled();
  await page.goto(`./#/embed/${evil}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await expect(page.locator('body')).not.toContainText(/NaN|Infinity|undefined/);
});
