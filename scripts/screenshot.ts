/**
 * Screenshots of the running app for people to look at (README image, design review):
 * `npx tsx scripts/screenshot.ts <url> <out.png> [width] [height] [date YYYY-MM-DD]`.
 */
import { launchBrowser, openOfflinePage } from '../tests/e2e/browser';

const [url = 'http://127.0.0.1:4173/', out = 'screenshot.png', width = '1440', height = '900', date] = process.argv.slice(2);
const browser = await launchBrowser();
try {
  const { page, offHostRequests, errors } = await openOfflinePage(browser, url, { width: Number(width), height: Number(height) });
  if (date) {
    // Step a day at a time, as a person would, until the clock shows the date (or the timeline ends).
    await page.keyboard.press('Home');
    const clock = page.getByTestId('clock-date');
    for (let i = 0; i < 400 && (await clock.textContent()) !== date; i++) {
      const before = await clock.textContent();
      await page.keyboard.press('ArrowRight');
      // The date is drawn on the next frame: wait for it before reading it again.
      await page.waitForFunction((previous) => document.querySelector('[data-testid="clock-date"]')?.textContent !== previous, before, { timeout: 2000 }).catch(() => {});
    }
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}; off-host requests: ${offHostRequests.length}; errors: ${errors.join(' | ') || 'none'}`);
} finally {
  await browser.close();
}
