import { expect, test, type Page } from '@playwright/test';

/**
 * Each embeddable widget at the size of a typical course-page frame (600 × 500): it shows the lab
 * first (the explanation is opt-in with show=explanation), with its Train button (where it has
 * one) and its main picture in view without scrolling, and a page that is not the whole lesson.
 */
const FRAME = { width: 600, height: 500 };
/** The whole lessons were 5,000–6,500 px tall in a frame; one widget with its settings stays well under this. */
const MAX_HEIGHT = 3000;

type Picture = (page: Page) => ReturnType<Page['getByRole']>;
/** Each widget: whether it has a Train button, its main picture, and a line of its explanation (absent unless asked for). */
const WIDGETS: { id: string; train: boolean; picture: Picture; prose: string }[] = [
  { id: 'regression', train: true, picture: (p) => p.getByRole('img', { name: /^Scatter plot of 200 data points/ }), prose: 'Measuring "close": the loss' },
  { id: 'optimizer-race', train: true, picture: (p) => p.getByTestId('surface-plot'), prose: 'Why momentum helps in a narrow valley' },
  { id: 'chain-rule', train: false, picture: (p) => p.getByRole('img', { name: /^Computational graph of the tiny network/ }), prose: 'What the stepper just did' },
  { id: 'mlp', train: true, picture: (p) => p.getByTestId('data-plot'), prose: 'From single numbers to whole layers' },
  { id: 'mnist', train: true, picture: (p) => p.getByRole('img', { name: /^Cross-entropy loss against training step/ }), prose: 'These are real handwritten digits from MNIST' },
  { id: 'convolution', train: false, picture: (p) => p.getByRole('img', { name: /^Input image 6×6/ }), prose: 'A convolutional layer slides a small grid of weights' },
  { id: 'rnn', train: true, picture: (p) => p.getByRole('img', { name: /^Loss against training step/ }), prose: 'A network with a memory' },
  { id: 'gradient-flow', train: false, picture: (p) => p.getByRole('img', { name: /^Accuracy against gap/ }), prose: 'The recall task makes the vanishing gradient measurable' },
  { id: 'transformer', train: true, picture: (p) => p.getByRole('img', { name: /^Attention weights of layer 1, head 1/ }), prose: 'Attention: a soft look-up' },
  { id: 'qkv', train: true, picture: (p) => p.getByRole('table', { name: /^Scores and softmax weights/ }), prose: "This head's output is concatenated" },
];

test.use({ viewport: FRAME });

for (const w of WIDGETS) {
  test(`${w.id} fits a 600×500 frame: lab first, Train and its picture in view`, async ({ page }) => {
    await page.goto(`./#/embed/${w.id}?backend=cpu`);
    const picture = w.picture(page);
    await expect(picture).toBeVisible({ timeout: 60_000 });
    if (w.train) {
      const train = page.getByRole('button', { name: 'Train', exact: true });
      await expect(train).toBeVisible();
      await expect(train).toBeInViewport({ ratio: 1 });
    }
    // At most a sliver of the picture may sit below the fold.
    await expect(picture).toBeInViewport({ ratio: 0.85 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // No explanation unless asked for, and a page of one widget, not the whole lesson.
    await expect(page.getByText(w.prose)).toHaveCount(0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(MAX_HEIGHT);
    await page.screenshot({ path: test.info().outputPath(`${w.id}-600x500.png`) });
    // The same line is there when the link asks for the explanation (so its absence above means something).
    await page.goto(`./#/embed/${w.id}?backend=cpu&show=explanation`);
    await expect(page.getByText(w.prose).first()).toBeAttached({ timeout: 60_000 });
  });
}

test('show=explanation brings the explanation back, after the widget; hide= still hides parts', async ({ page }) => {
  await page.goto('./#/embed/regression?backend=cpu&show=explanation');
  await expect(page.getByRole('heading', { name: 'Measuring "close": the loss' })).toBeVisible({ timeout: 60_000 });
  await page.goto('./#/embed/mlp?backend=cpu&show=explanation&hide=chart');
  const plot = page.getByTestId('data-plot');
  await expect(plot).toBeVisible({ timeout: 60_000 });
  const prose = page.getByRole('heading', { name: 'From single numbers to whole layers' });
  await expect(prose).toHaveCount(1);
  // The lab comes before its explanation in the page.
  const plotTop = (await plot.boundingBox())!.y;
  const proseTop = (await prose.boundingBox())!.y;
  expect(proseTop).toBeGreaterThan(plotTop);
  await expect(page.getByRole('img', { name: /^Loss against training step/ })).toHaveCount(0);
});
