/**
 * Labels as maplibre symbol layers: the map places them with collision detection, by priority, in
 * the WebGL canvas (so every export carries them), and moving one costs no page layout. Priority
 * between kinds is the layer order (maplibre places the top layer first): groups, then crossings,
 * then towns, then states; within a layer `symbol-sort-key`, lower first.
 *
 * Text is drawn from Noto Sans shipped in the app (`@fontsource/noto-sans`, OFL) through the style's
 * `font-faces`: no glyph server, the same letters on every machine, and under the page's Content
 * Security Policy (the files are fetched from the app's own origin and handed to the browser's
 * font loading API).
 */
import type { ExpressionSpecification, FontFacesSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';

// The ranges of the package's own CSS for its two subsets.
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];

export const REGULAR = 'Noto Sans Regular';
export const BOLD = 'Noto Sans Bold';

export const labelFontFaces: FontFacesSpecification = {
  [REGULAR]: [
    { url: latin400, 'unicode-range': LATIN },
    { url: latinExt400, 'unicode-range': LATIN_EXT },
  ],
  [BOLD]: [
    { url: latin700, 'unicode-range': LATIN },
    { url: latinExt700, 'unicode-range': LATIN_EXT },
  ],
};

/** The label layers, bottom to top; their ids are what tests and exports ask the map for. */
export const LABEL_LAYERS = ['state-labels', 'town-labels', 'crossing-labels', 'group-labels'] as const;

/** Text sizes in CSS px before the presentation scale. */
const SIZES = { state: 10.5, town: 11, majorTown: 12, crossing: 11.5, destination: 12.5, highlight: 14, group: 12.5 } as const;

const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.4, 'text-halo-blur': 0.3 } as const;

/** Text sizes of every label layer at a presentation scale (1 on a desk, larger on a projector). */
export function labelSizes(scale: number): Record<(typeof LABEL_LAYERS)[number], ExpressionSpecification | number> {
  return {
    'state-labels': ['interpolate', ['linear'], ['zoom'], 4, SIZES.state * scale, 7, (SIZES.state + 2) * scale],
    'town-labels': ['case', ['get', 'major'], SIZES.majorTown * scale, SIZES.town * scale],
    'crossing-labels': ['case', ['get', 'highlight'], SIZES.highlight * scale, ['get', 'destination'], SIZES.destination * scale, SIZES.crossing * scale],
    'group-labels': SIZES.group * scale,
  };
}

/** How many groups one group label lists (a stack in one town); more are added to the last line. */
export const GROUP_LABEL_LINES = 4;

export function labelLayers(): SymbolLayerSpecification[] {
  const size = labelSizes(1);
  // Each line of a group label in its group's colour: slots t0…t3 / c0…c3, unused ones empty.
  const groupText: ExpressionSpecification = ['format'];
  for (let i = 0; i < GROUP_LABEL_LINES; i++) groupText.push(['get', `t${i}`], { 'text-color': ['coalesce', ['get', `c${i}`], '#24292f'] });
  return [
    {
      id: 'state-labels',
      type: 'symbol',
      source: 'state-labels',
      maxzoom: 7.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [REGULAR],
        'text-size': size['state-labels'],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 7,
        'text-padding': 4,
      },
      paint: { 'text-color': ['case', ['==', ['get', 'country'], 'MX'], '#8f887a', '#a3a9b0'], ...halo, 'text-halo-width': 1 },
    },
    {
      id: 'town-labels',
      type: 'symbol',
      source: 'towns',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['case', ['get', 'major'], ['literal', [BOLD]], ['literal', [REGULAR]]],
        'text-size': size['town-labels'],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'text-padding': 2,
      },
      paint: { 'text-color': ['case', ['get', 'major'], '#24292f', '#57606a'], ...halo },
    },
    {
      id: 'crossing-labels',
      type: 'symbol',
      source: 'crossings',
      layout: {
        'text-field': ['format', ['get', 'name'], { 'text-font': ['literal', [BOLD]] }, ['get', 'detail'], { 'text-font': ['literal', [REGULAR]] }],
        'text-font': [BOLD],
        'text-size': size['crossing-labels'],
        'symbol-sort-key': ['get', 'priority'],
        'text-variable-anchor': ['bottom', 'top', 'right', 'left'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
        'text-max-width': 14,
        'text-padding': 2,
      },
      paint: {
        'text-color': ['case', ['any', ['get', 'destination'], ['get', 'highlight']], '#0a3069', '#1f3a5f'],
        ...halo,
        'text-halo-color': ['case', ['get', 'highlight'], '#fff7d6', '#ffffff'],
        'text-halo-width': ['case', ['get', 'highlight'], 3, 1.4],
      },
    },
    {
      id: 'group-labels',
      type: 'symbol',
      source: 'group-labels',
      layout: {
        'text-field': groupText,
        'text-font': [BOLD],
        'text-size': size['group-labels'],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': ['get', 'offsetEm'],
        'text-justify': 'left',
        'text-padding': 2,
      },
      paint: { ...halo, 'text-halo-width': 1.8 },
    },
  ];
}

export interface TownLabelSource {
  id: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
}

/** Towns above this many people are written in bold. */
export const MAJOR_TOWN_POPULATION = 300_000;

export function townFeatures(towns: readonly TownLabelSource[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: towns.map((t) => ({ type: 'Feature', properties: { id: t.id, name: t.name, population: t.population, major: t.population >= MAJOR_TOWN_POPULATION }, geometry: { type: 'Point', coordinates: [t.lon, t.lat] } })),
  };
}

export interface GroupLabelInput {
  group: string;
  lon: number;
  lat: number;
  /** Where its marker is drawn (CSS px), to find groups that share a spot. */
  x: number;
  y: number;
  text: string;
  color: string;
  /** The marker's radius (CSS px): the label starts beyond it. */
  radiusPx: number;
  /** Lines of a stack are listed in this order (the scenario's: lead, main, rear). */
  order: number;
}

/** Groups whose markers are closer than this (CSS px) share one label, a line each. */
export const GROUP_STACK_PX = 22;

/**
 * One label per spot: groups drawn within GROUP_STACK_PX of an earlier one in the list (give the
 * biggest first) join its label, which stands at that group and lists them in `order`, so Lead,
 * Main and Rear in one town read as one stack, not three labels of which collision would keep one.
 *
 * @example
 * groupLabelFeatures([{ group: 'main', x: 0, y: 0, text: 'Main 4,960', order: 1, … }, { group: 'lead', x: 5, y: 0, text: 'Lead 794', order: 0, … }], 12.5)
 * // → one feature at main's lon/lat with t0 'Lead 794', t1 '\nMain 4,960'
 */
export function groupLabelFeatures(groups: readonly GroupLabelInput[], fontPx: number): FeatureCollection<Point> {
  const stacks: GroupLabelInput[][] = [];
  for (const g of groups) {
    const stack = stacks.find((s) => Math.hypot(s[0]!.x - g.x, s[0]!.y - g.y) < GROUP_STACK_PX);
    if (stack) stack.push(g);
    else stacks.push([g]);
  }
  const features = stacks.map((found): Feature<Point> => {
    const lead = found[0]!;
    const stack = [...found].sort((a, b) => a.order - b.order);
    const properties: Record<string, string | number> = { groups: stack.map((g) => g.group).join(','), offsetEm: (Math.max(...stack.map((g) => g.radiusPx)) + 3) / fontPx };
    for (let i = 0; i < GROUP_LABEL_LINES; i++) {
      const lines = i < GROUP_LABEL_LINES - 1 ? stack.slice(i, i + 1) : stack.slice(i);
      properties[`t${i}`] = lines.map((g, j) => (i + j > 0 ? '\n' : '') + g.text).join('');
      if (lines[0]) properties[`c${i}`] = lines[0].color;
    }
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lead.lon, lead.lat] } };
  });
  return { type: 'FeatureCollection', features };
}
