import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, nonBackgroundShare, openOfflinePage } from './browser';
import { basemapColors } from '../../src/map/palette';

describe('the built page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws land on the map canvas without any request leaving 127.0.0.1', async () => {
    const { page, offHostRequests, errors } = await openOfflinePage(browser, inject('baseUrl'));
    const share = await nonBackgroundShare(page, basemapColors.sea);
    expect(share).toBeGreaterThan(0.3);
    expect(offHostRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
