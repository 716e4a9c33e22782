/**
 * The whole view in the URL: the share button writes it (and copies the link); opening a link, or
 * editing the fragment by hand, restores it. A broken link is refused with a message and changes
 * nothing.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Scenario } from '../sim/scenario';
import { decodeShareState, encodeShareState, type ShareState } from '../state/share-state';
import type { AppStore } from '../state/store';
import { textFor } from '../ui/i18n';
import type { Toaster } from '../ui/toast';

export interface ShareSync {
  /** Writes the current view into the URL and returns the full link. */
  link(): string;
  /** Applies a fragment; false (with a message) when it cannot be read. */
  open(hash: string): boolean;
  dispose(): void;
}

export function createShareSync(store: AppStore, presets: ReadonlyMap<string, Scenario>, map: MapLibreMap, toaster: Toaster): ShareSync {
  let written = '';
  const current = (): ShareState => {
    const s = store.getState();
    const center = map.getCenter();
    return {
      scenario: s.scenario,
      pinned: [...s.pinned],
      tHours: Math.round(s.clock.tHours * 100) / 100,
      view: { center: [Math.round(center.lng * 1e4) / 1e4, Math.round(center.lat * 1e4) / 1e4], zoom: Math.round(map.getZoom() * 100) / 100 },
      panel: null,
      presetId: s.presetId,
    };
  };
  const refused = (reason: string) => textFor(store.getState().language).t('linkRefused', { reason });
  const open = (hash: string) => {
    const fragment = hash.replace(/^#/, '');
    if (fragment === '' || fragment === written) return true;
    const result = decodeShareState(fragment, presets);
    if (!result.ok) {
      toaster.show(refused(result.error), { kind: 'error' });
      return false;
    }
    try {
      store.getState().restore(result.state);
    } catch (err) {
      toaster.show(refused((err as Error).message), { kind: 'error' });
      return false;
    }
    if (result.state.view) map.jumpTo({ center: result.state.view.center, zoom: result.state.view.zoom });
    for (const warning of result.warnings) toaster.show(warning);
    return true;
  };
  const onHashChange = () => void open(location.hash);
  window.addEventListener('hashchange', onHashChange);
  return {
    link() {
      written = encodeShareState(current(), presets);
      history.replaceState(null, '', `#${written}`);
      return location.href;
    },
    open,
    dispose() {
      window.removeEventListener('hashchange', onHashChange);
    },
  };
}
