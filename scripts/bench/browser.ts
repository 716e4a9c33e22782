/**
 * Browser benchmarks in headless Chromium (software GL here, so pessimistic): navigation to first
 * full render, main-thread time per frame while playing, scrub input to the updated frame.
 */
import { launchBrowser, openOfflinePage } from '../../tests/e2e/browser';
import { serveFreshBuild } from '../../tests/e2e/serve-build';
import { median, report } from './stats';

export async function benchBrowser(): Promise<void> {
  const served = await serveFreshBuild();
  const { url } = served;
  const browser = await launchBrowser();
  try {
    console.log('\nBrowser (headless Chromium, software WebGL)');
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, context } = await openOfflinePage(browser, url);
      loads.push(await page.evaluate(() => window.__caravan!.readyAtMs!));
      await context.close();
    }
    report('navigation to first full render', median(loads), 1500);

    const { page } = await openOfflinePage(browser, url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    await page.getByTestId('rate').selectOption('2');
    const framesBefore = (await page.evaluate(() => window.__caravan!.drawTimes!())).length;
    const busyBefore = await taskSeconds();
    await page.getByTestId('play-toggle').click();
    await page.waitForTimeout(4000);
    const busyAfter = await taskSeconds();
    await page.getByTestId('play-toggle').click();
    const draws = await page.evaluate(() => window.__caravan!.drawTimes!());
    const frames = draws.length - framesBefore;
    report(`our draw per frame while playing (${frames} frames in 4 s)`, median(draws), 8);
    report('all main-thread work per frame while playing (incl. map render)', ((busyAfter - busyBefore) * 1000) / Math.max(frames, 1), 8);

    const scrubs = await page.evaluate(async () => {
      const svg = document.querySelector<SVGSVGElement>('.timeline-chart svg')!;
      const box = svg.getBoundingClientRect();
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const times: number[] = [];
      const fire = (type: string, x: number) =>
        svg.dispatchEvent(new PointerEvent(type, { clientX: box.left + x, clientY: box.top + box.height - 10, bubbles: true, pointerId: 1, isPrimary: true }));
      fire('pointerdown', 20);
      await nextFrame();
      for (let i = 0; i < 40; i++) {
        // Inputs arrive at any moment of a frame, not just after one: wait a varying part of it.
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 16));
        const t0 = performance.now();
        fire('pointermove', 20 + ((i * 37) % Math.max(50, box.width - 40)));
        // The app's frame callback was queued by the input; this one runs right after it.
        times.push((await nextFrame()) - t0);
      }
      fire('pointerup', 20);
      return times;
    });
    report('scrub input to the updated frame (includes waiting for the next frame)', median(scrubs), 16);

    // Ensembles in the worker: 10,000 runs of the historical scenario, and what the main thread felt.
    const times: number[] = [];
    const longest: number[] = [];
    for (let seed = 11; seed <= 13; seed++) {
      await page.evaluate(() => {
        const w = window as unknown as { __scriptMs: number[] };
        w.__scriptMs = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { scripts: { duration: number }[] }[]) for (const script of entry.scripts) w.__scriptMs.push(script.duration);
        }).observe({ type: 'long-animation-frame' });
      });
      await page.getByTestId('ensemble-runs').selectOption('10000');
      await page.getByTestId('ensemble-seed').fill(String(seed));
      await page.waitForFunction(
        (s) => {
          const e = (window.__caravan!.state() as { ensemble: { state: string; seed: number; runs: number } }).ensemble;
          return e.state === 'done' && e.seed === s && e.runs === 10000;
        },
        seed,
        { timeout: 60_000 },
      );
      times.push(await page.evaluate(() => (window.__caravan!.state() as { ensemble: { elapsedMs: number } }).ensemble.elapsedMs));
      longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __scriptMs: number[] }).__scriptMs)));
    }
    report('10,000-run ensemble in the worker (request to result)', median(times), 3000);
    report('longest main-thread script during it', Math.max(...longest), 50);
  } finally {
    await browser.close();
    await served.close();
  }
}
