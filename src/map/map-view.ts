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
import { createLabel, declutter, remeasure, type Label } from './labels';
import { projectStyle, setScenarioLayers } from './map-layers';
import { createMovingOverlay, type MovingView } from './moving-overlay';
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
  /** A PNG of the map, its overlay and the timeline, at screen or print size. */
  picture(timeline: SVGSVGElement | null, caption: string, size: 'screen' | 'print'): Promise<Blob>;
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
    style: { ...base, sources: { ...base.sources, ...project.sources }, layers: [...base.layers, ...project.layers] },
    bounds: INITIAL_BOUNDS,
    fitBoundsOptions: FIT_OPTIONS,
    attributionControl: { compact: true, customAttribution: 'Natural Earth · US Census (us-atlas) · GeoNames' },
    canvasContextAttributes: { preserveDrawingBuffer: true },
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'top-left');

  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  let isLoaded = false;
  let pendingScenario: Parameters<MapView['setScenario']> | null = null;
  const crossingLabels = new Map<string, Label>();
  const groupLabels = new Map<string, Label>();
  const townLabels: Label[] = [];
  const basePriority = new Map<string, number>();
  const placeLabels = () => [...crossingLabels.values(), ...townLabels];
  const tidy = () => declutter(map, placeLabels());
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
    // Priorities: destination crossings (set per scenario), ports of big cities, other ports, cities, towns.
    const population = new Map(data.places.map((p) => [p.id, p.population ?? 0]));
    const seen = new Set<string>();
    for (const crossing of data.world.crossings) {
      const firstOfCity = !seen.has(crossing.facing);
      seen.add(crossing.facing);
      const pop = population.get(crossing.facing) ?? 0;
      const priority = firstOfCity ? 20 - Math.log10(pop + 10) : 40;
      basePriority.set(crossing.id, priority);
      crossingLabels.set(crossing.id, createLabel(map, [crossing.lon, crossing.lat], 'crossing-label', crossing.name, 'bottom', priority));
    }
    for (const node of data.world.network.nodes.values()) {
      if (node.kind !== 'city' && node.kind !== 'town') continue;
      if (data.world.crossings.some((c) => c.facing === node.id)) continue;
      const pop = population.get(node.id) ?? 0;
      townLabels.push(createLabel(map, [node.lon, node.lat], `town-label${pop >= 300_000 ? ' major' : ''}`, node.name, 'left', 60 - Math.log10(pop + 10) * 3));
    }
    map.on('moveend', tidy);
    map.on('resize', tidy);
    // Crossings: details on hover (a light popup that follows the pointer) and on click (one that stays).
    map.on('mousemove', 'crossings', (e) => {
      const id: unknown = e.features?.[0]?.properties.id;
      if (typeof id !== 'string' || popup.isOpen()) return;
      const [title, lines] = describe.crossing(id);
      hoverPopup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'crossings', () => {
      hoverPopup.remove();
      map.getCanvas().style.cursor = '';
    });
    map.on('click', 'crossings', (e) => {
      const id: unknown = e.features?.[0]?.properties.id;
      if (typeof id !== 'string') return;
      hoverPopup.remove();
      const [title, lines] = describe.crossing(id);
      popup.setLngLat(e.lngLat).setDOMContent(popupContent(title, lines)).addTo(map);
    });
    if (pendingScenario) applyScenario(...pendingScenario);
    pendingScenario = null;
  }).catch(reportError);

  const applyScenario: MapView['setScenario'] = (trajectory, rows, marginColor, formatDate, groupName) => {
    setScenarioLayers(map, data, trajectory, rows, marginColor);
    const rowById = new Map(rows.map((r) => [r.crossing, r]));
    const destinations = new Set(trajectory.groups.map((g) => g.destination));
    const changed: Label[] = [];
    for (const [id, label] of crossingLabels) {
      const row = rowById.get(id);
      const date = row?.lead?.p50 ?? row?.lead?.date ?? null;
      const chance = row?.caravanFirstChance ?? null;
      // The chance the caravan beats the troops, where it is not nil (the table lists every crossing's).
      const percent = chance === null ? 0 : Math.round(chance * 100);
      const text = (date ? ` · ${formatDate(date)}` : '') + (percent > 0 ? ` · ${percent} %` : '');
      const destination = destinations.has(id);
      if (label.detail.textContent !== text || label.element.classList.contains('destination') !== destination) changed.push(label);
      label.detail.textContent = text;
      label.element.classList.toggle('destination', destination);
      label.priority = destination ? 0 : basePriority.get(id)!;
    }
    // Only labels whose text changed need measuring again (a forced layout of every label costs ~20 ms).
    remeasure(changed);
    tidy();
    for (const label of groupLabels.values()) label.marker.remove();
    groupLabels.clear();
    for (const group of trajectory.groups) {
      const label = createLabel(map, [group.route.vertices[0]![0], group.route.vertices[0]![1]], `group-label group-${group.id}`, groupName(group), 'left', 0);
      // Groups often share a town: stack their labels instead of printing them on top of each other.
      label.marker.setOffset([12, (groupLabels.size - (trajectory.groups.length - 1) / 2) * 15]);
      // Hidden until the next update puts it beside its group.
      label.element.hidden = true;
      groupLabels.set(group.id, label);
    }
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
      // Labels follow their groups; only what changed is written (a frame while paused writes nothing).
      for (const [id, label] of groupLabels) {
        const p = view.positions.find((position) => position.group === id);
        if (label.element.hidden !== !p) label.element.hidden = !p;
        if (!p) continue;
        if (label.lngLat[0] !== p.lon || label.lngLat[1] !== p.lat) {
          label.lngLat = [p.lon, p.lat];
          label.marker.setLngLat(label.lngLat);
        }
        const text = ` ${p.headcount.toLocaleString()}`;
        if (label.detail.textContent !== text) label.detail.textContent = text;
      }
    },
    recorder: createVideoRecorder(map, overlay.canvas),
    highlight(crossings) {
      for (const [id, label] of crossingLabels) label.element.classList.toggle('highlight', crossings.includes(id));
    },
    picture(timeline, caption, size) {
      return mapPicture(map, overlay.canvas, timeline, caption, size, (ratio) => overlay.setPixelRatio(ratio === (window.devicePixelRatio || 1) ? null : ratio));
    },
    dispose() {
      overlay.dispose();
      map.remove();
    },
  };
}
