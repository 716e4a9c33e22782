import { describe, expect, it } from 'vitest';
import { nonBackgroundShare, useAppPage } from './browser';
import { basemapColors } from '../../src/map/palette';

describe('the built page', () => {
  const session = useAppPage();

  it('draws land on the map canvas without any request leaving 127.0.0.1', async () => {
    const share = await nonBackgroundShare(session.page, basemapColors.sea);
    expect(share).toBeGreaterThan(0.3);
    expect(session.app.offHostRequests).toEqual([]);
    expect(session.app.errors).toEqual([]);
  });
});
