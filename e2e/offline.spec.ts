import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { trainingWorker, workerState } from './fixtures/worker-debug';

/**
 * Offline support: after one visit the service worker (vite-plugin-pwa, production builds only)
 * has precached the whole site, so a reload with no network still renders the lessons, loads
 * MNIST and trains. Runs in the 'webgpu' project only (the other project matches no-webgpu.spec).
 */

/** The MLP baseline on the WASM backend: fast on this machine, and it needs the precached .wasm binaries. */
const MNIST_OFFLINE = '/cnn?model=mlp&backend=wasm&train=500&test=200&batch=16';
/** Small enough for WebGPU on SwiftShader (as in attention.spec.ts). */
const ATTENTION_SMALL = '/attention?len=5&vocab=6&d=16&batch=8';

/** URLs (relative to the site) held in any Cache Storage cache. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
}

// Explicit (the default), so that blocking service workers for the other specs leaves this one alone.
test.use({ serviceWorkers: 'allow' });

test.describe('offline (service worker)', () => {
  test('after one visit, the MNIST lesson and another lesson reload, load their data and train with no network', async ({
    page,
    context,
  }) => {
    test.setTimeout(400_000);
    const lesson = new LessonPage(page, 'MNIST lab');
    await lesson.open(MNIST_OFFLINE);

    // The service worker is installed (its precache complete: Workbox fails the install otherwise),
    // active and in control of this page (clientsClaim).
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 }).toBe('activated');
    const cached = await cachedPaths(page);
    expect(cached).toContain('/data/mnist-10k.bin');
    expect(cached).toContain('/index.html');
    expect(cached.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);
    expect(cached.some((p) => /\/assets\/training\.worker-[\w-]+\.js$/.test(p))).toBe(true);

    await context.setOffline(true);
    // The page's own MNIST request (sample digits) must come from the service worker.
    const mnistResponse = page.waitForResponse((r) => r.url().endsWith('/data/mnist-10k.bin'), { timeout: 90_000 });
    await page.reload();
    await expect(lesson.status).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const mnist = await mnistResponse;
    expect(mnist.ok()).toBe(true);
    expect(mnist.fromServiceWorker()).toBe(true);
    await lesson.waitReady();
    await expect(page.getByTestId('sample-digits').locator('canvas')).toBeVisible({ timeout: 60_000 });
    await expect(lesson.status).toContainText('WASM');

    // One training step offline: the worker fetched the pack and the .wasm binary through the service worker.
    await lesson.button('Step').click();
    await lesson.waitForStep(1, 120_000);
    expect(Number.isFinite(await lesson.loss())).toBe(true);
    const worker = await trainingWorker(page, 'mnist');
    expect((await workerState(worker)).backend).toBe('wasm');

    // Another lesson, loaded fresh while still offline (its lazy chunk and KaTeX come from the cache).
    const attention = new LessonPage(page, 'Transformer lab');
    await page.goto(`./#${ATTENTION_SMALL}`);
    await page.reload();
    await expect(attention.status).toBeVisible();
    await attention.waitReady();
    await attention.button('Step').click();
    await attention.waitForStep(1, 120_000);
    await expect(page.locator('.katex').first()).toBeVisible();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await attention.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
    expect(attention.consoleErrors).toEqual([]);
    // The network really is off: a file outside the precache (sw.js itself) cannot be fetched.
    const probe = await page.evaluate(() =>
      fetch(`./sw.js?probe=${Date.now()}`, { cache: 'no-store' }).then(
        (r) => `HTTP ${r.status}`,
        () => 'network error',
      ),
    );
    expect(probe).toBe('network error');
    await context.setOffline(false);
  });
});
