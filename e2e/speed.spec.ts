import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * The steps-per-second control: a slow setting set with the keyboard goes into the link and
 * really slows training to that rate (the regression's fused host loop and the Transformer's
 * tfjs loop both honour it).
 */
async function measureRate(page: Page, lesson: LessonPage, seconds: number): Promise<number> {
  await lesson.waitForStep(1, 60_000);
  const s0 = await lesson.step();
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(seconds * 1000);
  const s1 = await lesson.step();
  const t1 = await page.evaluate(() => performance.now());
  return (s1 - s0) / ((t1 - t0) / 1000);
}

const LABS = [
  { name: 'linear regression', route: '/gradient-descent?backend=cpu', region: 'Linear regression lab', key: 'lsps', startsAt: '60 steps/s', maxInLink: true },
  { name: 'Transformer', route: '/attention?backend=cpu', region: 'Transformer lab', key: 'sps', startsAt: 'max: as fast as possible', maxInLink: false },
];

for (const lab of LABS) {
  test(`${lab.name}: 2 steps per second from the keyboard, in the link, and about 2 steps a second`, async ({ page }) => {
    const lesson = new LessonPage(page, lab.region);
    await lesson.open(lab.route);
    await lesson.waitReady();
    const speed = lesson.control('Steps per second');
    await expect(speed).toHaveAttribute('aria-valuetext', lab.startsAt);
    // Home: slow motion (1/s); one step right: the next stop, 2/s.
    await speed.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(speed).toHaveAttribute('aria-valuetext', '2 steps/s');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`${lab.key}=2`);

    await lesson.button('Train').click();
    const rate = await measureRate(page, lesson, 6);
    expect(rate).toBeGreaterThan(1.4);
    expect(rate).toBeLessThan(2.6);
    await lesson.button('Pause').click();

    // The link restores it.
    await page.reload();
    await expect(lesson.control('Steps per second')).toHaveAttribute('aria-valuetext', '2 steps/s', { timeout: 60_000 });
    // End: as fast as possible; the link says so, or drops the key where that is the default.
    await lesson.control('Steps per second').focus();
    await page.keyboard.press('End');
    await expect(lesson.control('Steps per second')).toHaveAttribute('aria-valuetext', 'max: as fast as possible');
    const hash = () => page.evaluate(() => window.location.hash);
    if (lab.maxInLink) await expect.poll(hash).toContain(`${lab.key}=1000`);
    else await expect.poll(hash).not.toContain(`${lab.key}=`);
    expect(lesson.consoleErrors).toEqual([]);
  });
}
