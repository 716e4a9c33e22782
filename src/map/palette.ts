/**
 * Colours chosen to stay distinct for colour-blind viewers (Okabe–Ito), shared by map and charts.
 */
export const groupColors: Record<string, string> = {
  lead: '#D55E00',
  main: '#0072B2',
  rear: '#009E73',
};
const extraGroupColors = ['#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];

export function groupColor(groupId: string, index: number): string {
  return groupColors[groupId] ?? extraGroupColors[index % extraGroupColors.length]!;
}

export const stateColors: Record<string, string> = { CA: '#E69F00', AZ: '#CC79A7', NM: '#56B4E9', TX: '#009E73' };

export const deploymentColors = {
  'active-duty': '#3d4a1f',
  'national-guard': '#7a6a2a',
} as const;

export const marginColors = { troopsFirst: '#0072B2', caravanFirst: '#D55E00', unknown: '#6e7781' } as const;
