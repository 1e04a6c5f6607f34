import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * Issue 14's guards on the built pages: no raw TeX or stray "[t]" anywhere a learner reads,
 * nothing cut off at 390 px without a visible scroll cue, and a divergence pause that shows
 * the weights it put back (with an update that adds up, or none).
 */

const LESSONS = ['/gradient-descent', '/backprop', '/cnn', '/rnn', '/attention'];

/** Runs in the page: every problem a learner would see, as readable lines. */
function findProblems(): string[] {
  const problems: string[] = [];
  const RAW_TEX = /_\{|\^\{|\\[A-Za-z]|(?<![A-Za-z])[A-Za-z]_[A-Za-z0-9](?![A-Za-z0-9])/;
  const main = document.querySelector('main') ?? document.body;
  // 1. Plain text (outside rendered formulas) with TeX in it.
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('.katex, script, style, textarea, input') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = n.textContent ?? '';
    if (RAW_TEX.test(s) || /\[t\]/.test(s)) problems.push(`raw TeX in text: “${s.trim().slice(0, 80)}”`);
  }
  for (const el of main.querySelectorAll('[aria-label], [title]')) {
    const s = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
    if (!el.closest('.katex') && RAW_TEX.test(s)) problems.push(`raw TeX in a label: “${s.trim().slice(0, 80)}”`);
  }
  // 2. Formulas KaTeX could not parse, or that print an optional argument as text.
  for (const el of main.querySelectorAll('.katex-error')) problems.push(`formula error: ${el.textContent?.slice(0, 80)}`);
  for (const el of main.querySelectorAll('.katex-html')) {
    const s = el.textContent ?? '';
    if (/\[[a-z]\]|\\/.test(s)) problems.push(`stray text in a formula: “${s.slice(0, 80)}”`);
  }
  // 3. Wider than the screen: the page itself must not scroll sideways …
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${window.innerWidth} px`);
  }
  // … and whatever scrolls inside it shows a cue; nothing is clipped without one.
  for (const el of main.querySelectorAll<HTMLElement>('*')) {
    if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
    // KaTeX's MathML copy and screen-reader-only text are clipped on purpose: nobody sees them cut.
    if (el.closest('.katex-mathml, .visually-hidden')) continue;
    const cs = getComputedStyle(el);
    const what = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${el.textContent?.trim().slice(0, 40)}`;
    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') {
      if (!el.hasAttribute('data-overflow')) problems.push(`scrolls without a cue: ${what}`);
    } else if ((cs.overflowX === 'hidden' || cs.overflowX === 'clip') && cs.textOverflow !== 'ellipsis') {
      // Clipped content that is only a canvas' spare pixels is fine; text or formulas are not.
      if (el.querySelector('.katex') || /\d/.test(el.textContent ?? '')) problems.push(`cut off: ${what}`);
    }
  }
  return [...new Set(problems)];
}

async function settle(page: Page, route: string, lang: 'en' | 'zh') {
  await page.goto(`./#${route}?backend=cpu&lang=${lang}`);
  await expect(page.getByRole('status').first()).toContainText(lang === 'en' ? /ready|paused/ : /就绪|已暂停/, { timeout: 90_000 });
  // Formulas re-measure their overflow at most twice a second.
  await page.waitForTimeout(700);
}

test.describe('390 px, English and Chinese: no raw TeX, nothing cut without a scroll cue', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const route of LESSONS) {
    test(`#${route}`, async ({ page }) => {
      for (const lang of ['en', 'zh'] as const) {
        await settle(page, route, lang);
        expect(await page.evaluate(findProblems), `${route} (${lang})`).toEqual([]);
      }
    });
  }
});

test('divergence at α = 0.9: paused within a few steps, and the page shows only the weights put back', async ({ page }) => {
  const lab = new LessonPage(page, 'Linear regression lab');
  await lab.open('/gradient-descent?backend=cpu&lr=0.9');
  await lab.waitReady();
  const startLoss = await lab.readout('full-loss');
  await lab.button('Train').click();
  await expect(page.getByRole('alert')).toContainText('diverged', { timeout: 60_000 });
  expect(await lab.step()).toBeLessThanOrEqual(12);
  const w = await lab.readout('param-w');
  const b = await lab.readout('param-b');
  // Put back to weights from before the climb: no worse than where the run began.
  expect(await lab.readout('full-loss')).toBeLessThanOrEqual(startLoss * 1.0001);
  // No last step is shown for discarded weights; the maths and the line show the same w and b.
  await expect(page.getByTestId('last-dw')).toHaveText('—');
  const live = page.getByTestId('live-restored');
  await expect(live).toBeVisible();
  const liveText = (await live.locator('.katex-mathml annotation').allTextContents()).join(' ');
  const fmt4 = (v: number) => String(Number(v.toPrecision(4)));
  expect(liveText).toContain(`w = ${fmt4(w)}`);
  expect(liveText).toContain(`b = ${fmt4(b)}`);
  expect(liveText).not.toMatch(/\\times/);
  // The line with its sign: ŷ = wx − 48, never "+ -48".
  const legend = page.getByRole('region', { name: 'Linear regression lab' }).locator('figure.plot figcaption');
  await expect(legend).toContainText(b < 0 ? /ŷ = -?[\d.]+x − [\d.]+/ : /ŷ = -?[\d.]+x \+ [\d.]+/);
  await expect(legend).not.toContainText('+ -');
  await lab.expectNoGarbage();
});
