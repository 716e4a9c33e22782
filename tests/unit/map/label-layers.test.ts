import { describe, expect, it } from 'vitest';
import { groupLabelFeatures, labelLayers, LABEL_LAYERS, type GroupLabelInput } from '../../../src/map/label-layers';

const group = (id: string, x: number, order: number): GroupLabelInput => ({ group: id, lon: -92 + x / 100, lat: 15, x, y: 100, text: `${id} 100`, color: '#000000', radiusPx: 6, order });

describe('group labels', () => {
  it('lists groups drawn at one spot in one label, in the scenario’s order, at the first group given', () => {
    const [stack, ...rest] = groupLabelFeatures([group('main', 0, 1), group('lead', 5, 0), group('rear', 10, 2)], 12.5).features;
    expect(rest).toEqual([]);
    expect(stack!.geometry.coordinates).toEqual([-92, 15]);
    expect([0, 1, 2, 3].map((i) => stack!.properties![`t${i}`] as unknown)).toEqual(['lead 100', '\nmain 100', '\nrear 100', '']);
    expect(stack!.properties!.groups).toBe('lead,main,rear');
  });

  it('gives groups apart on screen a label each, starting beyond the marker', () => {
    const labels = groupLabelFeatures([group('main', 0, 1), group('lead', 60, 0)], 12.5).features;
    expect(labels.map((l) => l.properties!.t0 as unknown)).toEqual(['main 100', 'lead 100']);
    expect(labels[0]!.properties!.offsetEm).toBeCloseTo(9 / 12.5);
  });

  it('puts a fifth group of one spot on the last line rather than dropping it', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, i) => group(id, i, i));
    const [stack] = groupLabelFeatures(five, 12.5).features;
    expect(stack!.properties!.t3).toBe('\nd 100\ne 100');
  });
});

describe('the label layers', () => {
  it('come in priority order, states at the bottom and groups on top, and none may overlap another', () => {
    const layers = labelLayers();
    expect(layers.map((l) => l.id)).toEqual([...LABEL_LAYERS]);
    for (const layer of layers) {
      expect(layer.layout?.['text-allow-overlap'] ?? false).toBe(false);
      expect(layer.layout?.['text-ignore-placement'] ?? false).toBe(false);
    }
  });
});
