/**
 * `npm run bench`: medians of the speed targets. Model figures in node; browser figures (issue 4)
 * in headless Chromium against a fresh build. Never part of `npm test`: timings flake on busy machines.
 */
import { benchLimits } from './bench/limits';
import { benchModel } from './bench/model';

benchModel();
benchLimits();
if (!process.argv.includes('--model-only')) {
  const { benchBrowser } = await import('./bench/browser');
  await benchBrowser();
}
