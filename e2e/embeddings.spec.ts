import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';

const LAB = 'Embedding lab';

test.describe('Word embeddings lesson', () => {
  test('trains word2vec, the neighbours list updates, and bad words get a clear message', async ({ page }) => {
    test.setTimeout(120_000);
    const lesson = new LessonPage(page, LAB);
    // A smaller model keeps the first steps quick on a loaded machine.
    await lesson.open('/embeddings?vocab=5000&dim=32');
    await lesson.waitReady();
    const lab = page.getByRole('region', { name: LAB });
    const word = lab.getByRole('textbox', { name: 'Word', exact: true });
    await expect(word).toHaveValue('monday');
    const list = lab.getByRole('list', { name: 'Nearest neighbours' });
    await expect(list.getByRole('listitem')).toHaveCount(8);
    const before = await list.innerText();

    await lesson.button('Train').click();
    await lesson.waitForStep(200, 90_000);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    expect(await lesson.loss()).toBeGreaterThan(0);
    // The neighbours come from the live vectors: after training they are not what the random start gave.
    await expect.poll(async () => list.innerText(), { timeout: 10_000 }).not.toBe(before);
    await expect(list.getByRole('listitem')).toHaveCount(8);
    await expect(lab.getByRole('img', { name: /Map of word vectors/ })).toBeVisible();

    await word.fill('qwertyzz');
    await expect(lab.getByText('“qwertyzz” is not in the vocabulary')).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(0);

    for (const name of ['Analogy a', 'Analogy b', 'Analogy c']) await lab.getByRole('textbox', { name }).fill('');
    await expect(lab.getByText('Type three words')).toBeVisible();
    await lab.getByRole('textbox', { name: 'Analogy a' }).fill('his');
    await expect(lab.getByText('Fill in b, c as well.')).toBeVisible();

    await word.fill('Two');
    await expect(list.getByRole('listitem')).toHaveCount(8);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('embeds alone as #/embed/embeddings, with a locked setting', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/embed/embeddings?lock=lr&lr=0.05');
    await lesson.waitReady();
    await expect(page.getByRole('region', { name: LAB })).toBeVisible();
    await expect(lesson.control('Learning rate')).toBeDisabled();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('axe finds no serious or critical violations after training (light English, dark Chinese)', async ({ page }) => {
    test.setTimeout(120_000);
    for (const q of ['', '&theme=dark&lang=zh&corpus=songci']) {
      await page.goto(`./#/embeddings?vocab=3000&dim=16${q}`);
      const lab = page.locator('section.emb-lab');
      const train = lab.locator('.transport button.primary');
      await expect(train).toBeEnabled({ timeout: 90_000 });
      await lab.locator('.transport button').nth(2).click();
      await expect(page.getByTestId('status-step')).toHaveAttribute('data-value', '1', { timeout: 30_000 });
      await expect(lab.locator('.emb-live .katex').first()).toBeVisible();
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious, q).toEqual([]);
    }
  });
});
