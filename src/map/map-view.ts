/**
 * The map: offline basemap, the network, and the scenario's layers. `setScenario` when the model
 * result changes (kept until the map has loaded, then applied); `update` every frame with positions
 * only (nothing is drawn before the map has loaded).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LoadedData } from '../data/load-world';
import type { ArrivalRow } from '../sim/arrival-table';
import type { Trajectory } from '../sim/run-scenario';
import { basemapStyle } from './basemap-style';
import { MAP_ATTRIBUTION, type Legend } from './export-decorations';
import { groupLabelFeatures, LABEL_LAYERS, labelFontFaces, labelSizes, type GroupLabelInput } from './label-layers';
import { crossingPriorities, projectStyle, setScenarioLayers } from './map-layers';
import { createMovingOverlay, markerRadius, type MovingView } from './moving-overlay';
import { groupLabelColor } from './palette';
import { renderedLabels, type RenderedLabel } from './rendered-labels';
import { mapPicture } from './picture-export';
import { createVideoRecorder, type VideoRecorder } from './video-recorder';

/** Southern Mexico to the US border. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
  [-117.6, 14.4],
  [-90.8, 32.9],
];

const FIT_OPTIONS = { padding: { top: 16, left: 16, right: 16, bottom: 40 }, animate: false } as const;

/** A popup's title and lines for each kind of thing on the map, by id. */
export interface MapPopups {
  crossing(id: string): [string, string[]];
  deployment(id: string): [string, string[]];
  group(id: string): [string, string[]];
}

export interface MapView {
  map: maplibregl.Map;
  /** What the popups say (set once the results they describe exist). */
  setPopups(popups: MapPopups): void;
  loaded: Promise<void>;
  setScenario(
    trajectory: Trajectory,
    rows: readonly ArrivalRow[],
    marginColor: (row: ArrivalRow) => string,
    formatDate: (iso: string) => string,
    groupName: (group: Trajectory['groups'][number]) => string,
  ): void;
  update(view: MovingView): void;
  /** Records the map as it plays (WebM). */
  recorder: VideoRecorder;
  /** Labels of these crossings stand out (a story step points at them). */
  highlight(crossings: readonly string[]): void;
  /** The labels placed on the map and their boxes (CSS px), for tests. */
  renderedLabels(): RenderedLabel[];
  /** A PNG of the map, its overlay and the timeline, at screen or print size. */
  picture(timeline: SVGSVGElement | null, caption: string, legend: Legend, size: 'screen' | 'print'): Promise<Blob>;
  dispose(): void;
}

function popupContent(title: string, lines: readonly string[]): HTMLElement {
  const el = document.createElement('div');
  el.className = 'popup';
  const h = document.createElement('strong');
  h.textContent = title;
  el.append(h);
  for (const line of lines) {
    const p = document.createElement('div');
    p.textContent = line;
    el.append(p);
  }
  return el;
}

export function createMapView(container: HTMLElement, data: LoadedData): MapView {
  let describe: MapPopups = { crossing: (id) => [id, []], deployment: (id) => [id, []], group: (id) => [id, []] };
  maplibregl.setWorkerUrl(workerUrl);
  const base = basemapStyle();
  const project = projectStyle(data);
  const map = new maplibregl.Map({
    container,
    style: { ...base, 'font-faces': labelFontFaces, sources: { ...base.sources, ...project.sources }, layers: [...base.layers, ...project.layers] },
    bounds: INITIAL_BOUNDS,
    fitBoundsOptions: FIT_OPTIONS,
    attributionControl: { compact: true, customAttribution: MAP_ATTRIBUTION },
    canvasContextAttributes: { preserveDrawingBuffer: true },
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'top-left');

  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  let isLoaded = false;
  let pendingScenario: Parameters<MapView['setScenario']> | null = null;
  const basePriority = crossingPriorities(data);
  const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: true, maxWidth: '280px' });
  const hoverPopup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: '280px', className: 'hover-popup' });
  const overlay = createMovingOverlay(map);
  // Groups and troops are drawn on the overlay canvas, so they are found by position, not by layer.
  map.on('click', (e) => {
    const hit = overlay.hitAt(e.point.x, e.point.y);
    if (hit === null) return;
    const [title, lines] = describe[hit.kind](hit.id);
    popup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
  });
  map.on('mousemove', (e) => {
    map.getCanvas().style.cursor = overlay.hitAt(e.point.x, e.point.y) !== null ? 'pointer' : '';
  });

  loaded.then(() => {
    isLoaded = true;
    // The container has its final size only once the page is laid out: frame the view again.
    map.resize();
    map.fitBounds(INITIAL_BOUNDS, FIT_OPTIONS);
    // Stacks of groups are found on screen: a zoom can join or part them.
    map.on('moveend', () => {
      if (lastView) writeGroupLabels(lastView, true);
    });
    // Crossings: details on hover (a light popup that follows the pointer) and on click (one that stays).
    for (const layer of ['crossings', 'crossing-labels']) {
      map.on('mousemove', layer, (e) => {
        const id: unknown = e.features?.[0]?.properties.id;
        if (typeof id !== 'string' || popup.isOpen()) return;
        const [title, lines] = describe.crossing(id);
        hoverPopup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        hoverPopup.remove();
        map.getCanvas().style.cursor = '';
      });
      map.on('click', layer, (e) => {
        const id: unknown = e.features?.[0]?.properties.id;
        if (typeof id !== 'string') return;
        hoverPopup.remove();
        const [title, lines] = describe.crossing(id);
        popup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
      });
    }
    // A group's label opens the same popup as its marker (the first group of a stack).
    map.on('click', 'group-labels', (e) => {
      const groups: unknown = e.features?.[0]?.properties.groups;
      if (typeof groups !== 'string' || overlay.hitAt(e.point.x, e.point.y) !== null) return;
      const [title, lines] = describe.group(groups.split(',')[0]!);
      popup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
    });
    if (pendingScenario) applyScenario(...pendingScenario);
    pendingScenario = null;
  }).catch(reportError);

  let scenarioArgs: Parameters<MapView['setScenario']> | null = null;
  let highlighted = new Set<string>();
  let groupNames = new Map<string, string>();
  let groupIndex = new Map<string, number>();
  let lastView: MovingView | null = null;
  let lastGroupLabels = '';
  let labelScale = 1;

  const crossingLayers = () => {
    if (!scenarioArgs) return;
    const [trajectory, rows, marginColor, formatDate] = scenarioArgs;
    setScenarioLayers(map, data, trajectory, rows, marginColor, (id, row, destination) => {
      const date = row?.lead?.p50 ?? row?.lead?.date ?? null;
      const chance = row?.caravanFirstChance ?? null;
      // The chance the caravan beats the troops, where it is not nil (the table lists every crossing's).
      const percent = chance === null ? 0 : Math.round(chance * 100);
      const detail = (date ? ` · ${formatDate(date)}` : '') + (percent > 0 ? ` · ${percent} %` : '');
      return { detail, priority: destination ? 0 : basePriority.get(id)!, highlight: highlighted.has(id) };
    });
  };

  const applyScenario: MapView['setScenario'] = (...args) => {
    scenarioArgs = args;
    const [trajectory, , , , groupName] = args;
    crossingLayers();
    groupNames = new Map(trajectory.groups.map((g) => [g.id, groupName(g)]));
    groupIndex = new Map(trajectory.groups.map((g, i) => [g.id, i]));
    lastGroupLabels = '';
    if (lastView) writeGroupLabels(lastView, true);
  };

  /**
   * The group labels' source, replaced only when what it shows changed: a paused frame writes
   * nothing, and while playing one small setData a frame moves the labels with the clock.
   */
  const writeGroupLabels = (view: MovingView, force = false) => {
    lastView = view;
    const scale = view.scale ?? 1;
    if (scale !== labelScale) {
      labelScale = scale;
      const sizes = labelSizes(scale);
      for (const layer of LABEL_LAYERS) map.setLayoutProperty(layer, 'text-size', sizes[layer]);
    }
    const groups: GroupLabelInput[] = [...view.positions]
      .filter((p) => groupNames.has(p.group))
      .sort((a, b) => b.headcount - a.headcount)
      .map((p) => {
        const at = map.project([p.lon, p.lat]);
        return {
          group: p.group,
          lon: p.lon,
          lat: p.lat,
          x: at.x,
          y: at.y,
          text: `${groupNames.get(p.group)!} ${p.headcount.toLocaleString()}`,
          color: groupLabelColor(p.group, groupIndex.get(p.group) ?? 0),
          radiusPx: markerRadius(p.headcount) * scale,
          order: groupIndex.get(p.group) ?? 0,
        };
      });
    const signature = groups.map((g) => `${g.group}|${g.lon}|${g.lat}|${g.text}|${g.radiusPx}`).join(';');
    if (!force && signature === lastGroupLabels) return;
    lastGroupLabels = signature;
    void (map.getSource('group-labels') as maplibregl.GeoJSONSource).setData(groupLabelFeatures(groups, 12.5 * scale));
  };

  return {
    map,
    loaded,
    setPopups(popups) {
      describe = popups;
    },
    setScenario(...args) {
      if (isLoaded) applyScenario(...args);
      else pendingScenario = args;
    },
    update(view) {
      if (!isLoaded) return;
      overlay.draw(view);
      writeGroupLabels(view);
    },
    recorder: createVideoRecorder(map, overlay.canvas),
    renderedLabels: () => renderedLabels(map),
    highlight(crossings) {
      highlighted = new Set(crossings);
      crossingLayers();
    },
    picture(timeline, caption, legend, size) {
      return mapPicture(map, overlay.canvas, timeline, caption, legend, size, (ratio) => overlay.setPixelRatio(ratio === (window.devicePixelRatio || 1) ? null : ratio));
    },
    dispose() {
      overlay.dispose();
      map.remove();
    },
  };
}
