import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

/**
 * Runs in the RNN, attention and embeddings labs: a few steps make one run; the rewind slider's
 * Home key puts the untrained weights back (step 0) and the lab's own view shows them again
 * exactly; "Continue from here" trains on as a second run.
 */

function runsOf(lab: Locator): Locator {
  return lab.getByRole('region', { name: 'Runs', exact: true });
}

async function trainTo(lesson: LessonPage, steps: number): Promise<void> {
  await lesson.button('Train').click();
  await lesson.waitForStep(steps);
  await lesson.button('Pause').click();
  await expect(lesson.status).toContainText('paused');
}

/**
 * Train, rewind to step 0 with the keyboard and see `read` give its untrained value again, then
 * continue as a branch run. `read` returns what the lab shows (a checksum, a list's text).
 */
async function rewindRoundTrip(
  page: Page,
  lesson: LessonPage,
  lab: Locator,
  read: () => Promise<string>,
  steps: number,
  scrubbed?: (step: number) => Promise<void>,
): Promise<void> {
  await expect.poll(read, { timeout: 60_000 }).not.toBe('');
  const untrained = await read();
  await trainTo(lesson, steps);
  const runs = runsOf(lab);
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  await expect.poll(read, { timeout: 20_000 }).not.toBe(untrained);

  const slider = runs.getByRole('slider', { name: 'Rewind to step' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(runs.getByTestId('rewind-step')).toHaveAttribute('data-value', '0');
  await expect.poll(() => lesson.step(), { timeout: 20_000 }).toBe(0);
  await expect.poll(read, { timeout: 20_000 }).toBe(untrained);
  await expect(runs).toContainText('Showing step 0 of Run 1');
  if (scrubbed) {
    // Forward again from step 0 (the slider goes both ways), then back to 0.
    await page.keyboard.press('End');
    const end = Number(await runs.getByTestId('rewind-step').getAttribute('data-value'));
    expect(end).toBeGreaterThan(0);
    await expect.poll(() => lesson.step(), { timeout: 20_000 }).toBe(end);
    await scrubbed(end);
    await page.keyboard.press('Home');
    await expect.poll(read, { timeout: 20_000 }).toBe(untrained);
  }

  await runs.getByRole('button', { name: 'Continue from here' }).click();
  await lesson.waitForStep(2);
  await lesson.button('Pause').click();
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs.getByRole('listitem').first()).toContainText('from Run 1 at step 0');
  expect(lesson.consoleErrors).toEqual([]);
}

test.describe('runs in the RNN, attention and embeddings labs', () => {
  test('RNN: rewinding to step 0 brings the untrained hidden states back', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, 'RNN lab');
    await lesson.open('/rnn?task=series&cell=gru&hidden=8&batch=8&seqlen=12');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'RNN lab' });
    const hidden = lab.locator('.rnn-canvas', { has: page.getByRole('img', { name: /Hidden state/ }) });
    await rewindRoundTrip(page, lesson, lab, async () => (await hidden.getAttribute('data-checksum')) ?? '', 6);
  });

  test('attention: rewinding to step 0 brings the untrained attention heatmaps back', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, 'Transformer lab');
    await lesson.open('/attention?len=5&vocab=6&d=16&batch=8');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'Transformer lab' });
    const heatmaps = lab.getByTestId('attention-heatmaps');
    await rewindRoundTrip(page, lesson, lab, async () => (await heatmaps.getAttribute('data-checksum')) ?? '', 6);
  });

  test('embeddings: rewinding to step 0 brings the untrained neighbours back', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPage(page, 'Embedding lab');
    await lesson.open('/embeddings?vocab=2000&dim=16');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'Embedding lab' });
    const list = lab.getByRole('list', { name: 'Nearest neighbours' });
    const wordsRead = lab.getByTestId('emb-words-read');
    const neighbours = async () => ((await list.getByRole('listitem').count()) === 8 ? list.innerText() : '');
    // 1000 words a step: at a rewound step the words read are that many thousand again.
    await rewindRoundTrip(page, lesson, lab, neighbours, 40, async (step) => {
      await expect(wordsRead).toHaveText((step * 1000).toLocaleString('en'));
    });
  });
});
