/**
 * Saved scenarios in two tabs of one browser: what one tab saves appears in the other's list
 * without a reload.
 */
import { describe, expect, inject, it } from 'vitest';
import { useAppPage } from './browser';

describe('saved scenarios across tabs', () => {
  const session = useAppPage();

  it('shows a scenario saved in one tab in the other tab’s list, without a reload', async () => {
    const other = await session.app.context.newPage();
    await other.goto(inject('baseUrl'));
    await other.waitForFunction(() => window.__caravan?.ready === true, undefined, { timeout: 30_000 });
    await expect.poll(() => other.getByTestId('saved-list').locator('li').count()).toBe(0);

    await session.page.getByTestId('save-name').fill('Saved in the first tab');
    await session.page.getByTestId('save-scenario').click();
    await expect.poll(() => session.page.getByTestId('saved-list').textContent()).toContain('Saved in the first tab');

    await expect.poll(() => other.getByTestId('saved-list').textContent()).toContain('Saved in the first tab');
    await other.close();
  });
});
