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
    for (let i = 0; i < 400; i++) {
      await page.waitForFunction(() => true);
      if ((await page.getByTestId('clock-date').textContent()) === date) break;
      await page.keyboard.press('ArrowRight');
    }
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}; off-host requests: ${offHostRequests.length}; errors: ${errors.join(' | ') || 'none'}`);
} finally {
  await browser.close();
}
