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
import { Disposables, followLanguage, type Control } from '../ui/control';
import { el } from '../ui/dom';
import { downloadBlob, downloadText } from '../ui/download';
import { textFor } from '../ui/i18n';
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
  current(): { scenario: Scenario; trajectory: Trajectory; rows: readonly ArrivalRow[] } | null;
}

export interface TopbarActions extends Control {
  share: ShareSync;
}

export function mountTopbarActions(root: HTMLElement, deps: TopbarDeps): TopbarActions {
  const { store, presets, stories, mapView, toaster } = deps;
  const disposables = new Disposables();
  const text = () => textFor(store.getState().language);
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
  const buttons = [storyButton, presentButton, recordButton, shareButton, exportMenu];
  root.prepend(...buttons);
  disposables.add(() => buttons.forEach((b) => b.remove()));

  const fileStem = (scenario: Scenario, trajectory: Trajectory) => `${scenario.id}-${localDateAt(trajectory.startDate, store.getState().clock.tHours)}`;

  // Story mode: each step loads the story's scenario, sets the clock and frames the map.
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const storyPanel = mountStoryPanel(
    deps.mapArea,
    store,
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
  disposables.add(() => storyPanel.dispose());
  disposables.listen(storyButton, 'click', () => {
    if (storyPanel.isOpen()) storyPanel.close();
    else if (stories[0]) storyPanel.open(stories[0]);
  });

  // Presentation: the map and the timeline only, larger type and markers, full screen when allowed.
  const presenting = () => document.body.classList.contains('presentation');
  const setPresenting = (on: boolean) => {
    document.body.classList.toggle('presentation', on);
    presentButton.setAttribute('aria-pressed', String(on));
    presentButton.textContent = text().t(on ? 'presentationExit' : 'presentationToggle');
    // Full screen is a nicety: refused (no user gesture, an iframe), the page presents in the window.
    if (on && !document.fullscreenElement && 'requestFullscreen' in document.documentElement) document.documentElement.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    deps.onNextFrame(() => mapView.map.resize());
  };
  disposables.listen(presentButton, 'click', () => setPresenting(!presenting()));
  disposables.listen(document, 'fullscreenchange', () => {
    if (!document.fullscreenElement && presenting()) setPresenting(false);
  });

  // Video: record while the timeline plays; stopping saves a WebM file.
  const toggleRecording = async () => {
    const recorder = mapView.recorder;
    const { t } = text();
    if (recorder.recording) {
      store.getState().setPlaying(false);
      const blob = await recorder.stop();
      recordButton.setAttribute('aria-pressed', 'false');
      recordButton.textContent = text().t('recordVideo');
      const now = deps.current();
      const name = `${now ? fileStem(now.scenario, now.trajectory) : 'caravan'}.webm`;
      downloadBlob(name, blob);
      toaster.show(text().t('recordingSaved', { name }));
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
  disposables.listen(recordButton, 'click', () => {
    toggleRecording().catch((err: unknown) => toaster.show((err as Error).message, { kind: 'error' }));
  });

  const share = createShareSync(store, presets, mapView.map, toaster);
  disposables.add(() => share.dispose());
  disposables.listen(shareButton, 'click', () => {
    const link = share.link();
    navigator.clipboard.writeText(link).then(
      () => toaster.show(text().t('linkCopied')),
      // No clipboard (permissions, http): the link is in the address bar all the same.
      () => toaster.show(text().t('linkInAddressBar')),
    );
  });

  /** Runs an export on what is on screen (nothing before the first result). */
  const onScreen = (exportIt: (now: NonNullable<ReturnType<TopbarDeps['current']>>) => void) => () => {
    exportMenu.open = false;
    const now = deps.current();
    if (now) exportIt(now);
  };
  disposables.listen(
    exportButtons.csv,
    'click',
    onScreen(({ scenario, trajectory, rows }) => downloadText(`${fileStem(scenario, trajectory)}-arrivals.csv`, 'text/csv', arrivalsCsv(rows))),
  );
  disposables.listen(
    exportButtons.geojson,
    'click',
    onScreen(({ scenario, trajectory }) => downloadText(`${fileStem(scenario, trajectory)}.geojson`, 'application/geo+json', JSON.stringify(trajectoryGeoJson(trajectory)))),
  );
  const picture = (size: 'screen' | 'print') =>
    onScreen(({ scenario, trajectory }) => {
      const caption = `${scenario.name} · ${text().dateTime(trajectory.startDate, store.getState().clock.tHours)}`;
      const stem = fileStem(scenario, trajectory);
      mapView.picture(deps.timelineEl.querySelector('svg'), caption, size).then(
        (blob) => downloadBlob(`${stem}${size === 'print' ? '-print' : ''}.png`, blob),
        (err: unknown) => toaster.show((err as Error).message, { kind: 'error' }),
      );
    });
  disposables.listen(exportButtons.png, 'click', picture('screen'));
  disposables.listen(exportButtons.print, 'click', picture('print'));

  disposables.add(
    followLanguage(store, ({ t }) => {
      storyButton.textContent = t('storyToggle');
      presentButton.textContent = t(presenting() ? 'presentationExit' : 'presentationToggle');
      if (!mapView.recorder.recording) recordButton.textContent = t('recordVideo');
      shareButton.textContent = t('shareLink');
      exportSummary.textContent = t('exportMenu');
      exportButtons.csv.textContent = t('exportCsv');
      exportButtons.geojson.textContent = t('exportGeojson');
      exportButtons.png.textContent = t('exportPng');
      exportButtons.print.textContent = t('exportPngPrint');
    }),
  );

  return { share, dispose: () => disposables.dispose() };
}
