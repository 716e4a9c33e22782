/**
 * The frame — the path of one frame, read top to bottom: the loop has advanced the clock
 * (loop.ts: onFrame → store.tick); here the frame reads it, samples the run on screen at that
 * instant (sampleAt, through statusesAt), and draws: the clock's date, the timeline's cursor, the
 * groups' status lines and the map (markers, travelled routes, bands, ghosts, troops, observed
 * nights). No store writes and no model work happen here: results come from scenario-results.ts,
 * and text is written only where it changed.
 */
import type { Timeline } from '../charts/timeline';
import type { MapView } from '../map/map-view';
import type { TroopMarkers } from '../map/time-markers';
import type { AppStore } from '../state/store';
import { setText } from '../ui/dom';
import type { GroupStatusList } from '../ui/group-status';
import { textFor } from '../ui/i18n';
import type { PlaybackControls } from '../ui/playback-controls';
import { ghostsAt } from './comparison';
import type { ScenarioResults } from './scenario-results';
import { positionAnnouncement, statusesAt } from './view-model';

export interface FrameViews {
  playback: PlaybackControls;
  timeline: Timeline;
  groupStatus: GroupStatusList;
  positionAnnouncer: HTMLElement;
  mapView: MapView;
  troops: TroopMarkers;
}

export function createFrame(store: AppStore, results: ScenarioResults, views: FrameViews): () => void {
  return function drawFrame() {
    // Clock.
    const state = store.getState();
    const { tHours, playing } = state.clock;
    // Sample.
    const { result, ensemble, pinned, observed } = results.current();
    const { trajectory, scenario } = result;
    const { startDate } = trajectory;
    const text = textFor(state.language);
    const statuses = statusesAt(result, tHours, text);
    // Draw: the panels that move with the clock…
    views.playback.showTime(state, startDate);
    views.timeline.setTime(tHours);
    views.groupStatus.update(statuses);
    // Screen readers hear where the groups are when the clock settles, not 60 times a second.
    if (!playing) setText(views.positionAnnouncer, positionAnnouncement(statuses, text));
    // …and the map.
    const { mapView } = views;
    if (mapView.recorder.recording) mapView.recorder.frame(`${scenario.name} · ${text.dateTime(startDate, tHours)}`);
    mapView.update({
      scale: document.body.classList.contains('presentation') ? 1.6 : 1,
      ghosts: ghostsAt(pinned, startDate, tHours),
      tHours,
      bands: ensemble?.bands ?? null,
      trajectory,
      positions: statuses,
      troops: views.troops.update(startDate, tHours, scenario.troops.shiftDays),
      observed,
    });
  };
}
