/**
 * Chaos tests (issue #9): try to break the app the way impatient or hostile learners do —
 * button spam, 10 MB pastes, binary text, degenerate drawings, points far outside the plot,
 * a worker that dies mid-training — and check it stays coherent: no crash, a clear message,
 * a responsive page, and no NaN / Infinity / undefined on screen.
 *
 * WebGPU here may be SwiftShader (CPU emulation): models are small, steps few, and only
 * behaviour is asserted, never speed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { longTasksSince, pageNow, recordLongTasks } from './fixtures/long-tasks';
import { trainingWorker } from './fixtures/worker-debug';

// The offline service worker would precache the whole site (MNIST included) in every fresh
// context: load these tests do not need on a busy machine.
test.use({ serviceWorkers: 'block' });

/** The lab's phase as its status region shows it (data-phase of the status bar). */
async function phase(lesson: LessonPage): Promise<string> {
  return (await lesson.status.getAttribute('data-phase')) ?? '';
}

/** A seeded sequence, so a failing spam run can be replayed exactly. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * How long the main thread takes to handle a click: a click on `target` must reach a listener
 * (a capturing one on document) within `ms`. Measured in the page, from dispatch to delivery
 * of a real (CDP) mouse click.
 */
async function clickLatency(page: Page, target: Locator): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt?: number };
    delete w.__clickAt;
    document.addEventListener('click', () => (w.__clickAt = performance.now()), { capture: true, once: true });
  });
  const t0 = Date.now();
  await target.click();
  await page.waitForFunction(() => (window as unknown as { __clickAt?: number }).__clickAt !== undefined, undefined, { timeout: 10_000 });
  return Date.now() - t0;
}

/**
 * A real paste (Ctrl+V) into `box` of the string the JS expression `build` makes in the page (so
 * megabytes need not cross the wire, and lone surrogates survive): the clipboard holds it, and
 * the browser's own paste inserts it and fires the input events React listens to.
 */
async function pasteInto(page: Page, box: Locator, build: string): Promise<void> {
  await box.fill('');
  await box.focus();
  await page.evaluate(`navigator.clipboard.writeText(${build})`);
  await page.keyboard.press('ControlOrMeta+V');
}

/** Pause if training, then check the step counter stands still, Train moves it on, and Pause stops it again. */
async function expectCoherentTransport(lesson: LessonPage): Promise<void> {
  // Whatever the spam left queued settles into a phase a learner understands.
  await expect.poll(() => phase(lesson), { timeout: 60_000 }).toMatch(/^(ready|running|paused|diverged)$/);
  if ((await phase(lesson)) === 'running') await lesson.button('Pause').click();
  await expect.poll(() => phase(lesson), { timeout: 30_000 }).toMatch(/^(ready|paused|diverged)$/);
  const stopped = await lesson.step();
  await lesson.page.waitForTimeout(1500);
  expect(await lesson.step()).toBe(stopped);
  await lesson.button('Train').click();
  await lesson.waitForStep(stopped + 5, 60_000);
  await lesson.button('Pause').click();
  await expect(lesson.status).toHaveAttribute('data-phase', 'paused');
  const after = await lesson.step();
  await lesson.page.waitForTimeout(1000);
  expect(await lesson.step()).toBe(after);
}

test.describe('chaos', () => {
  test('a: Train ×100 and mixed Train/Pause/Step/Reset spam leave the gradient-descent lab coherent', async ({ page }) => {
    test.setTimeout(120_000);
    const lesson = new LessonPage(page, 'Linear regression lab');
    await lesson.open('/gradient-descent?batch=16');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'Linear regression lab' });
    const names = ['Train', 'Pause', 'Step', 'Reset'] as const;
    const boxes = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, (await lesson.button(n).boundingBox())!] as const)),
    ) as Record<(typeof names)[number], { x: number; y: number; width: number; height: number }>;
    const centre = (n: (typeof names)[number]) => [boxes[n].x + boxes[n].width / 2, boxes[n].y + boxes[n].height / 2] as const;

    // 1. A hundred real mouse clicks on Train, as fast as the browser takes them (disabled
    //    while it trains, so most land on a disabled button, as a learner's would).
    for (let i = 0; i < 100; i++) await page.mouse.click(...centre('Train'));
    // 2. Faster than React can re-render: a hundred clicks in one task, so each of them still
    //    sees an enabled Train and sends its own start() to the worker.
    await lab.evaluate((root) => {
      const train = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Train')!;
      for (let i = 0; i < 100; i++) train.click();
    });
    await page.waitForTimeout(300);
    // 3. Mixed spam, seeded: real clicks on any of the four, with bursts of synchronous ones.
    const next = rng(9);
    for (let i = 0; i < 150; i++) {
      const n = names[Math.floor(next() * names.length)]!;
      if (next() < 0.2) {
        await lab.evaluate(
          (root, seq) => {
            const btn = (t: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === t);
            for (const t of seq) btn(t)?.click();
          },
          Array.from({ length: 8 }, () => names[Math.floor(next() * names.length)]!),
        );
      } else {
        await page.mouse.click(...centre(n));
      }
    }
    await expectCoherentTransport(lesson);
    await expect(lesson.status).not.toContainText('error');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  /**
   * Chromium lays out a textarea's value on the main thread: ~11 s for 10 MB on a bare
   * <textarea> here, and Ctrl+V of 10 MB into one took ~36 s on this loaded machine. So a huge
   * paste must never reach the box: the page refuses it in its paste handler, from
   * quickPasteCheck (one allocation-free pass over the text), with the usual message.
   */
  test('b1: a 10 MB paste is refused with a clear message, and never blocks the main thread for 2 s', async ({ page, context }) => {
    await recordLongTasks(page);
    const lesson = new LessonPage(page, 'RNN lab');
    await lesson.open('/rnn?task=chars&hidden=8&batch=8&seqlen=12&backend=cpu');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'RNN lab' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const t0 = await pageNow(page);
    await pasteInto(page, lab.getByLabel('Paste your own text'), `'the quick brown fox jumps over the lazy dog. '.repeat(233017)`);
    // Refused on paste, or when the learner asks to use it: either way, said clearly.
    if ((await lab.getByRole('alert').count()) === 0) await lab.getByRole('button', { name: 'Use this text' }).click();
    await expect(lab.getByRole('alert')).toContainText('The text is too long: 10,485,765 characters, the limit is 20,000.');
    expect(await clickLatency(page, lesson.button('Step'))).toBeLessThan(2000);
    const worst = Math.max(0, ...(await longTasksSince(page, t0)).map((t) => t.duration));
    console.log(`b1: worst long task while pasting and refusing 10 MB: ${Math.round(worst)} ms`);
    expect(worst).toBeLessThan(2000);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('b2: big, binary and odd-Unicode pastes in the RNN text box: clear messages, responsive page, it still trains', async ({ page, context }) => {
    test.setTimeout(120_000);
    await recordLongTasks(page);
    const lesson = new LessonPage(page, 'RNN lab');
    // The CPU backend: this is about text handling, and a char-RNN step on SwiftShader WebGPU
    // takes seconds on a busy machine.
    await lesson.open('/rnn?task=chars&hidden=8&batch=8&seqlen=12&backend=cpu');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: 'RNN lab' });
    const box = lab.getByLabel('Paste your own text');
    const use = lab.getByRole('button', { name: 'Use this text' });
    const alert = lab.getByRole('alert');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // A whole article, 100 KB (5× the limit; 10 MB is b1's, blocked by a page bug).
    const t0 = await pageNow(page);
    await pasteInto(page, box, `'the quick brown fox jumps over the lazy dog. '.repeat(2300)`);
    await expect.poll(() => box.evaluate((t: HTMLTextAreaElement) => t.value.length)).toBe(103_500);
    await use.click();
    await expect(alert).toContainText('The text is too long: 103,500 characters, the limit is 20,000.');
    expect(await clickLatency(page, lesson.button('Step'))).toBeLessThan(3000);
    // The paste and its check never held the main thread for seconds.
    const worst = Math.max(0, ...(await longTasksSince(page, t0)).map((t) => t.duration));
    console.log(`b2: worst long task while pasting and checking 100 KB: ${Math.round(worst)} ms`);
    expect(worst).toBeLessThan(2000);
    await lesson.waitForStep(1);

    // Mostly binary: NULs, lone surrogates, private use, replacement and control characters.
    await pasteInto(page, box, `'\\u0000\\uD800ab\\uDFFF\\uFFFD\\uE000\\u0001'.repeat(200)`);
    await use.click();
    await expect(alert).toContainText('does not look like plain text');

    // Prose with a sprinkle of odd Unicode: Hebrew with an RTL mark, emoji (incl. a ZWJ
    // sequence), and once a NUL, a lone surrogate and a RIGHT-TO-LEFT OVERRIDE. Accepted, the
    // three removed (an override the model learnt would show its samples reversed), and it trains.
    await pasteInto(
      page,
      box,
      `'Hello world, \\u05e9\\u05dc\\u05d5\\u05dd\\u200F reversed? \\u{1F600}\\u{1F469}\\u200D\\u{1F4BB} fine. '.repeat(12) + '\\u0000\\uD800\\u202E'`,
    );
    await use.click();
    await expect(lab.getByText(/Training on your text: .* 3 control or odd characters removed/)).toBeVisible();
    await expect(alert).toHaveCount(0);
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(3);
    await lesson.button('Pause').click();
    await expect(lesson.status).toHaveAttribute('data-phase', 'paused');
    const sample = lab.getByLabel('Generated text');
    await expect.poll(async () => ((await sample.textContent()) ?? '').length).toBeGreaterThan(0);
    const text = (await sample.textContent()) ?? '';
    for (const c of ['\u0000', '\u202E', '\uFFFD']) expect(text).not.toContain(c);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('c: CNN draw-a-digit with an empty drawing and a one-pixel drawing', async ({ page }) => {
    test.setTimeout(150_000);
    const lesson = new LessonPage(page, 'MNIST lab');
    await lesson.open('/cnn?train=500&test=200&batch=16');
    await lesson.waitReady();
    const canvas = page.getByTestId('draw-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const classify = page.getByRole('button', { name: 'Classify', exact: true });
    const clear = page.getByRole('button', { name: 'Clear', exact: true });
    const bars = page.getByTestId('digit-probs');

    // Empty: a clear message, no prediction.
    await classify.click();
    await expect(page.getByTestId('draw-message')).toContainText('Draw a digit first');
    await expect(bars).toBeHidden();

    const dots: [number, number][] = [
      [0.5, 0.5], // the middle
      [0.5, 0.002], // the top edge: only half of the pen's disc lands on the canvas
    ];
    for (const [fx, fy] of dots) {
      await clear.click();
      await canvas.scrollIntoViewIfNeeded();
      const b = (await canvas.boundingBox())!; // after the click: the page may have scrolled
      await page.mouse.move(b.x + fx * b.width, b.y + fy * b.height);
      await page.mouse.down();
      await page.mouse.up();
      // A dot is a (tiny) drawing: it is scaled up like MNIST and classified; ten finite probabilities.
      await expect(bars).toBeVisible({ timeout: 60_000 });
      const probs = await bars.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-value'))));
      expect(probs).toHaveLength(10);
      for (const p of probs) expect(p >= 0 && p <= 1).toBe(true);
      expect(Math.abs(probs.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(0.01);
      await expect(page.getByTestId('digit-prediction')).toHaveText(/^[0-9]$/);
      await lesson.expectNoGarbage();
    }
    // A click on Classify with an empty canvas after a prediction: the message again.
    await clear.click();
    await classify.click();
    await expect(page.getByTestId('draw-message')).toContainText('Draw a digit first');
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('d: backprop playground: hostile pts in the URL and clicks at the plot\'s very edges are clamped, and it trains', async ({ page }) => {
    test.setTimeout(120_000);
    const lesson = new LessonPage(page, 'MLP playground');
    // Regression (ds=plane), so a target can be hostile too. Huge coordinates; a target that is
    // Infinity in float32 (1e39) and one whose square is (1e30); -0; beyond double after ×100
    // (1e308) and NaN, which are malformed.
    const pts = ['1e300,-1e300,1e39', '5,5,-1e30', '-0,0,0.5', '1e308,1,1', 'NaN,1,1'].join(';');
    await lesson.open(`/backprop?ds=plane&n=40&test=0.5&layers=1&h1=2&batch=8&pts=${encodeURIComponent(pts)}`);
    await expect(page.getByLabel('Notices about this link')).toContainText('Ignored 2 malformed points in pts');
    await lesson.waitReady();
    await expect(page.getByTestId('added-count')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '23');
    // It trains on finite, clamped targets: no instant divergence, a finite loss.
    await lesson.button('Train').click();
    await lesson.waitForStep(10);
    await lesson.button('Pause').click();
    await expect(lesson.status).toHaveAttribute('data-phase', 'paused');
    expect(Number.isFinite(await lesson.readout('train-loss'))).toBe(true);
    expect(await lesson.readout('train-loss')).toBeLessThan(10);
    await lesson.expectNoGarbage();

    // Clicks on the canvas's extreme corners, in the axis margins outside the square.
    const plot = page.getByTestId('data-plot');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    for (const [x, y] of [
      [0.5, 0.5],
      [box.width - 0.5, box.height - 0.5],
      [0.5, box.height - 0.5],
    ] as const) {
      await plot.click({ position: { x, y } });
    }
    // The keyboard cursor pushed far past the edge stays on it.
    await plot.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('added-count')).toHaveAttribute('data-value', '7');
    const added = await page.evaluate(() => {
      const h = location.hash;
      return (new URLSearchParams(h.slice(h.indexOf('?') + 1)).get('pts') ?? '').split(';').map((e) => e.split(',').map(Number));
    });
    // The four new points lie in the square [−6, 6]²; the cursor's at its top edge.
    for (const [x1, x2] of added.slice(-4)) {
      expect(Math.abs(x1!)).toBeLessThanOrEqual(6);
      expect(Math.abs(x2!)).toBeLessThanOrEqual(6);
    }
    expect(added.at(-1)!.slice(0, 2)).toEqual([0, 6]);
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '27');
    await lesson.button('Step').click();
    await expect.poll(() => lesson.readout('train-loss')).toBeLessThan(10);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  /**
   * FIXME (page bug, src/lessons/backprop/MlpPlayground.tsx, the `added` memo): points from a
   * link are filtered with checkLearnerPoint(…).point !== null but its `reason` is dropped, so a
   * point moved into the square (or a target clamped into ±1.5) from the URL says nothing. Fix:
   * keep the checked points (`.point`) and pass the non-null reasons up to the page's notices
   * ("Link point 1: (1e+300, -1e+300) is outside [−6, 6]²: moved to (6, -6)").
   */
  test('d2: a link whose pts lie outside the square, or whose target is out of range, says they were moved', async ({ page }) => {
    const lesson = new LessonPage(page, 'MLP playground');
    await lesson.open(`/backprop?ds=plane&n=40&pts=${encodeURIComponent('1e300,-1e300,1e39')}`);
    const notes = page.getByLabel('Notices about this link');
    // checkLearnerPoint's reasons, or the page's own words for them.
    await expect(notes).toContainText(/outside|moved|clamped/);
    await expect(notes).toContainText(/target/);
    await lesson.expectNoGarbage();
  });

  test('e: the RNN lesson\'s worker killed mid-training is replaced, and Train works again', async ({ page }) => {
    test.setTimeout(120_000);
    const lesson = new LessonPage(page, 'RNN lab');
    // The CPU backend: the crash and the restart do not depend on it, and an RNN step on
    // SwiftShader WebGPU takes seconds on a busy machine.
    await lesson.open('/rnn?task=series&cell=gru&hidden=8&batch=8&seqlen=12&backend=cpu');
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(3);
    await page.waitForTimeout(2500); // past the first weight snapshot (every 2 s)
    const worker = await trainingWorker(page, 'rnn');
    await worker.evaluate(() => (self as unknown as { __playgroundDebug: { crash(): void } }).__playgroundDebug.crash());
    await expect(lesson.status).toContainText('was restarted', { timeout: 60_000 });
    await expect(lesson.status).toHaveAttribute('data-phase', 'paused');
    const resumedAt = await lesson.step();
    expect(resumedAt).toBeGreaterThan(0); // from the snapshot, not from scratch
    await lesson.button('Train').click();
    await lesson.waitForStep(resumedAt + 2);
    await lesson.button('Pause').click();
    await expect(lesson.status).toHaveAttribute('data-phase', 'paused');
    expect(Number.isFinite(await lesson.loss())).toBe(true);
    await lesson.expectNoGarbage();
    // The only console error is the simulated crash itself.
    expect(lesson.consoleErrors.filter((e) => !e.includes('Simulated worker crash'))).toEqual([]);
  });
});
