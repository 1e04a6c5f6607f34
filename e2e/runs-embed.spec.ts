/**
 * Runs on a course page (issue 16): a teacher exports a run, the course page hands it to an
 * embedded widget by postMessage (`add-run`), and the widget lists it pinned with its curve
 * overlaid; sent again at the next visit it is not added twice; a damaged file is refused with
 * a reason; Train and Pause from the host come back as `run-start` and `run-end`.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const SETTINGS = 'ds=xor&layers=1&h1=6&act=tanh&opt=sgd&lr=0.3&batch=10&sps=400';

interface HostEvent {
  type: string;
  [k: string]: unknown;
}

async function events(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { events: HostEvent[] }).events);
}
async function send(page: Page, msg: Record<string, unknown>): Promise<void> {
  await page.evaluate((m) => {
    const f = document.getElementById('widget') as HTMLIFrameElement;
    f.contentWindow!.postMessage({ source: 'dl-playground', ...m }, '*');
  }, msg);
}

test('a course page adds a teacher’s run to an embedded widget and hears run start and end', async ({ page, browser, baseURL }) => {
  // The teacher trains a run on the site and exports it.
  const lesson = new LessonPage(page, 'MLP playground');
  await lesson.open(`/backprop?${SETTINGS}`);
  await lesson.waitReady();
  await lesson.button('Train').click();
  await lesson.waitForStep(200);
  await lesson.button('Pause').click();
  const runs = page.getByRole('region', { name: 'MLP playground', exact: true }).getByRole('region', { name: 'Runs', exact: true });
  await runs.getByRole('listitem').first().getByRole('button', { name: 'Rename' }).click();
  await runs.getByRole('textbox', { name: /^Name of/ }).fill('Teacher α 0.3');
  await runs.getByRole('button', { name: 'Save' }).click();
  const download = page.waitForEvent('download');
  await runs.getByRole('button', { name: /^Export Teacher α 0\.3/ }).click();
  const file = readFileSync((await (await download).path())!, 'utf8');
  expect(JSON.parse(file)).toMatchObject({ format: 'dl-playground/run', run: { lab: 'mlp', name: 'Teacher α 0.3' } });

  // A learner's fresh browser opens the course page, which embeds the widget with α 0.03.
  const learner = await browser.newContext();
  const course = await learner.newPage();
  const errors: string[] = [];
  course.on('pageerror', (e) => errors.push(String(e)));
  const src = `${baseURL}#/embed/mlp?${SETTINGS.replace('lr=0.3', 'lr=0.03')}`;
  await course.setContent(`<!doctype html><title>Week 3</title>
    <script>window.events = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'dl-playground' && e.data.type !== 'metrics' && e.data.type !== 'resize') window.events.push(e.data); });</script>
    <iframe id="widget" src="${src}" style="width:600px;height:900px;border:0"></iframe>`);
  await expect.poll(async () => (await events(course)).some((e) => e.type === 'ready'), { timeout: 60_000 }).toBe(true);

  await send(course, { type: 'add-run', file, name: 'week3-teacher.json', pin: true });
  await expect.poll(async () => (await events(course)).find((e) => e.type === 'run-added'), { timeout: 60_000 }).toMatchObject({ lab: 'mlp', already: false, name: 'Teacher α 0.3' });
  const frame = course.frameLocator('#widget');
  const frameRuns = frame.getByRole('region', { name: 'Runs', exact: true });
  await expect(frameRuns.getByRole('listitem')).toHaveCount(1);
  await expect(frameRuns.getByRole('listitem').first().getByRole('checkbox', { name: 'Pin' })).toBeChecked();
  await expect(frameRuns.getByRole('listitem').first()).toContainText('α 0.3');
  // Its curve is on the widget's loss chart, named with what differs from the widget's settings.
  const chart = frame.locator('figure.chart').first();
  await expect(chart.locator('path[stroke-dasharray]')).toHaveCount(1);
  await expect(chart.locator('figcaption')).toContainText('Teacher α 0.3 · α 0.3');

  // The next visit sends it again: still one run.
  await send(course, { type: 'add-run', file, name: 'week3-teacher.json', pin: true });
  await expect.poll(async () => (await events(course)).filter((e) => e.type === 'run-added').length).toBe(2);
  expect((await events(course)).filter((e) => e.type === 'run-added')[1]).toMatchObject({ already: true });
  await expect(frameRuns.getByRole('listitem')).toHaveCount(1);

  // A damaged file is refused with the reason, on the host and in the widget; nothing is added.
  await send(course, { type: 'add-run', file: file.replace('"weights":"', '"weights":"@@'), name: 'broken.json' });
  await expect.poll(async () => (await events(course)).find((e) => e.type === 'run-refused')).toMatchObject({ reason: 'errNotRun' });
  await expect(frameRuns).toContainText('broken.json is not a run file');
  await expect(frameRuns.getByRole('listitem')).toHaveCount(1);

  // Train and Pause from the host: run-start, then run-end with its last step and loss.
  await expect(frame.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 90_000 });
  await send(course, { type: 'start' });
  await expect.poll(async () => (await events(course)).find((e) => e.type === 'run-start'), { timeout: 60_000 }).toMatchObject({ lab: 'mlp', step: 0, parent: null });
  await expect.poll(async () => Number(await frame.getByTestId('status-step').getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(50);
  await send(course, { type: 'pause' });
  await expect.poll(async () => (await events(course)).find((e) => e.type === 'run-end'), { timeout: 30_000 }).toBeTruthy();
  const start = (await events(course)).find((e) => e.type === 'run-start')!;
  const end = (await events(course)).find((e) => e.type === 'run-end')!;
  expect(end.id).toBe(start.id);
  expect(end.step as number).toBeGreaterThan(50);
  expect(Number.isFinite(end.loss)).toBe(true);
  await expect(frameRuns.getByRole('listitem')).toHaveCount(2);
  await course.screenshot({ path: `${process.env.E2E_SHOTS_DIR ?? 'e2e/screenshots'}/runs-embed-course.png` });
  expect(errors).toEqual([]);
  expect(lesson.consoleErrors).toEqual([]);
  // hide=runs: the region is left out of the frame (the widget still trains).
  await course.goto(`${src}&hide=runs`);
  await expect(course.getByRole('region', { name: 'MLP playground', exact: true }).getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 90_000 });
  await expect(course.getByRole('region', { name: 'Runs', exact: true })).toHaveCount(0);
  await learner.close();
});
