/**
 * The top bar's actions: the 2018 story, presentation mode, video recording, the share link and
 * the exports. Each works on what is on screen now, read through `current()`.
 */
import { storyStepTime, type Story } from '../data/story';
import type { MapView } from '../map/map-view';
import type { ArrivalRow } from '../sim/arrival-table';
import { arrivalsCsv, trajectoryGeoJson } from '../sim/export';
import type { Trajectory } from '../sim/run-scenario';
import type { Scenario } from '../sim/scenario';
import { localDateAt } from '../sim/time';
import type { AppStore } from '../state/store';
import { el } from '../ui/dom';
import { downloadBlob, downloadText } from '../ui/download';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';
import { mountStoryPanel } from '../ui/story-panel';
import type { Toaster } from '../ui/toast';
import { createShareSync, type ShareSync } from './share-sync';

export interface TopbarDeps {
  store: AppStore;
  presets: ReadonlyMap<string, Scenario>;
  stories: readonly Story[];
  mapView: MapView;
  mapArea: HTMLElement;
  timelineEl: HTMLElement;
  toaster: Toaster;
  /** Runs a callback at the start of the next frame (after the layout change is applied). */
  onNextFrame(callback: () => void): void;
  current(): { scenario: Scenario; trajectory: Trajectory; rows: readonly ArrivalRow[] };
}

export function mountTopbarActions(root: HTMLElement, deps: TopbarDeps): { share: ShareSync; relabel(): void } {
  const { store, presets, stories, mapView, toaster } = deps;
  const storyButton = el('button', { testid: 'story-toggle', attrs: { type: 'button' } });
  const presentButton = el('button', { testid: 'presentation-toggle', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const recordButton = el('button', { testid: 'record-video', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const shareButton = el('button', { testid: 'share-link', attrs: { type: 'button' } });
  const exportSummary = el('summary');
  const exportButtons = {
    csv: el('button', { testid: 'export-csv', attrs: { type: 'button' } }),
    geojson: el('button', { testid: 'export-geojson', attrs: { type: 'button' } }),
    png: el('button', { testid: 'export-png', attrs: { type: 'button' } }),
    print: el('button', { testid: 'export-png-print', attrs: { type: 'button' } }),
  };
  const exportMenu = el('details', { className: 'export-menu' }, [exportSummary, el('div', { className: 'menu' }, Object.values(exportButtons))]);
  root.append(storyButton, presentButton, recordButton, shareButton, exportMenu);

  const fileStem = () => {
    const { scenario, trajectory } = deps.current();
    return `${scenario.id}-${localDateAt(trajectory.startDate, store.getState().clock.tHours)}`;
  };

  // Story mode: each step loads the story's scenario, sets the clock and frames the map.
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const storyPanel = mountStoryPanel(
    deps.mapArea,
    (story, step) => {
      const preset = presets.get(story.scenario);
      if (preset && store.getState().presetId !== story.scenario) store.getState().applyScenario(preset, 'preset', story.scenario);
      store.getState().setPlaying(false);
      store.getState().setTime(storyStepTime(step, store.getState().scenario.start.date));
      const camera = { center: step.view.center, zoom: step.view.zoom };
      if (reducedMotion.matches) mapView.map.jumpTo(camera);
      else mapView.map.flyTo({ ...camera, duration: 1200 });
      mapView.highlight(step.highlight.crossings);
    },
    () => {
      mapView.highlight([]);
      storyButton.focus();
    },
  );
  storyButton.addEventListener('click', () => {
    if (storyPanel.isOpen()) storyPanel.close();
    else if (stories[0]) storyPanel.open(stories[0]);
  });

  // Presentation: the map and the timeline only, larger type and markers, full screen when allowed.
  const presenting = () => document.body.classList.contains('presentation');
  const setPresenting = (on: boolean) => {
    document.body.classList.toggle('presentation', on);
    presentButton.setAttribute('aria-pressed', String(on));
    presentButton.textContent = t(on ? 'presentationExit' : 'presentationToggle');
    // Full screen is a nicety: refused (no user gesture, an iframe), the page presents in the window.
    if (on && !document.fullscreenElement && 'requestFullscreen' in document.documentElement) document.documentElement.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    deps.onNextFrame(() => mapView.map.resize());
  };
  presentButton.addEventListener('click', () => setPresenting(!presenting()));
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && presenting()) setPresenting(false);
  });

  // Video: record while the timeline plays; stopping saves a WebM file.
  const toggleRecording = async () => {
    const recorder = mapView.recorder;
    if (recorder.recording) {
      store.getState().setPlaying(false);
      const blob = await recorder.stop();
      recordButton.setAttribute('aria-pressed', 'false');
      recordButton.textContent = t('recordVideo');
      const name = `${fileStem()}.webm`;
      downloadBlob(name, blob);
      toaster.show(t('recordingSaved', { name }));
      return;
    }
    if (!recorder.start()) {
      toaster.show(t('recordingUnavailable'), { kind: 'error' });
      return;
    }
    recordButton.setAttribute('aria-pressed', 'true');
    recordButton.textContent = `● ${t('stopRecording')}`;
    store.getState().setPlaying(true);
  };
  recordButton.addEventListener('click', () => {
    toggleRecording().catch((err: unknown) => toaster.show((err as Error).message, { kind: 'error' }));
  });

  const share = createShareSync(store, presets, mapView.map, toaster);
  shareButton.addEventListener('click', () => {
    const link = share.link();
    navigator.clipboard.writeText(link).then(
      () => toaster.show(t('linkCopied')),
      // No clipboard (permissions, http): the link is in the address bar all the same.
      () => toaster.show(t('linkInAddressBar')),
    );
  });

  exportButtons.csv.addEventListener('click', () => {
    exportMenu.open = false;
    downloadText(`${fileStem()}-arrivals.csv`, 'text/csv', arrivalsCsv(deps.current().rows));
  });
  exportButtons.geojson.addEventListener('click', () => {
    exportMenu.open = false;
    downloadText(`${fileStem()}.geojson`, 'application/geo+json', JSON.stringify(trajectoryGeoJson(deps.current().trajectory)));
  });
  const picture = (size: 'screen' | 'print') => () => {
    exportMenu.open = false;
    const { scenario, trajectory } = deps.current();
    const caption = `${scenario.name} · ${formatDateTime(trajectory.startDate, store.getState().clock.tHours)}`;
    mapView.picture(deps.timelineEl.querySelector('svg'), caption, size).then(
      (blob) => downloadBlob(`${fileStem()}${size === 'print' ? '-print' : ''}.png`, blob),
      (err: unknown) => toaster.show((err as Error).message, { kind: 'error' }),
    );
  };
  exportButtons.png.addEventListener('click', picture('screen'));
  exportButtons.print.addEventListener('click', picture('print'));

  return {
    share,
    relabel() {
      storyButton.textContent = t('storyToggle');
      presentButton.textContent = t(presenting() ? 'presentationExit' : 'presentationToggle');
      if (!mapView.recorder.recording) recordButton.textContent = t('recordVideo');
      shareButton.textContent = t('shareLink');
      exportSummary.textContent = t('exportMenu');
      exportButtons.csv.textContent = t('exportCsv');
      exportButtons.geojson.textContent = t('exportGeojson');
      exportButtons.png.textContent = t('exportPng');
      exportButtons.print.textContent = t('exportPngPrint');
      storyPanel.relabel();
    },
  };
}
