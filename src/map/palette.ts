/**
 * Colours chosen to stay distinct for colour-blind viewers (Okabe–Ito), shared by map and charts.
 */
export const groupColors: Record<string, string> = {
  lead: '#D55E00',
  main: '#0072B2',
  rear: '#009E73',
};
const extraGroupColors = ['#CC79A7', '#56B4E9', '#882255', '#117733'];

export function groupColor(groupId: string, index: number): string {
  return groupColors[groupId] ?? extraGroupColors[index % extraGroupColors.length]!;
}

export const stateColors: Record<string, string> = { CA: '#E69F00', AZ: '#CC79A7', NM: '#56B4E9', TX: '#009E73' };

/** Pinned scenarios, in pin order: their dots in the comparison chart and their ghosts on the map. */
export const pinnedColors = ['#CC79A7', '#56B4E9', '#E69F00', '#009E73'] as const;
/** The scenario on screen in the comparison chart. */
export const onScreenColor = '#24292f';

/** Crossings: distinct from every group colour (indigo and amber), with grey for "no troops in the sector". */
export const marginColors = { troopsFirst: '#332288', caravanFirst: '#E69F00', unknown: '#8c959f' } as const;

export const basemapColors = {
  sea: '#cfdde6',
  land: '#f3f0e8',
  focusLand: '#fbfaf6',
  countryBorder: '#8a8577',
  stateBorder: '#b9b3a4',
  /** Mexico's state lines: the model reasons by state, so a shade darker than the US ones. */
  mexicoStateBorder: '#a39c8b',
} as const;
