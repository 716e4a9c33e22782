import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { nameStates, type StateProperties } from '../../../scripts/data/mexico-states';
import type { City } from '../../../scripts/data/network/gazetteer';

// Two unit squares side by side sharing the arc x = 1, and an unnamed island far off.
const topology = (names: (string | null)[]): Topology =>
  ({
    type: 'Topology',
    arcs: [
      [[1, 0], [1, 1]],
      [[1, 1], [0, 1], [0, 0], [1, 0]],
      [[1, 0], [2, 0], [2, 1], [1, 1]],
      [[9, 9], [9, 10], [10, 10], [9, 9]],
    ],
    objects: {
      mex: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', id: 'MX.DF', properties: { name: names[0] }, arcs: [[0, 1]] },
          { type: 'Polygon', id: 'MX.MX', properties: { name: names[1] }, arcs: [[2, ~0]] },
          { type: 'Polygon', id: '-99', properties: { name: names[2] }, arcs: [[3]] },
        ],
      },
    },
  }) as unknown as Topology;

const town = (lon: number, lat: number, adminCode: string): City => ({ cityId: 0, name: 't', altName: '', country: 'MX', featureCode: 'PPL', adminCode, population: 1000, loc: { type: 'Point', coordinates: [lon, lat] } });
const names = { 'Ciudad de México': '09', México: '15' };

describe('naming the Mexican states against GeoNames', () => {
  it('names each shape by the GeoNames state of the towns inside it, fixing an old name', () => {
    const towns = [town(0.5, 0.5, '09'), town(0.2, 0.8, '09'), town(1.5, 0.5, '15')];
    const { topology: named, renamed, dropped } = nameStates(topology(['Distrito Federal', 'México', null]), towns, names);
    const states = named.objects.states.geometries.map((g) => {
      const p = g.properties as StateProperties;
      return [g.id, p.name, p.hasc, p.townsInside];
    });
    expect(states).toEqual([
      ['MX.09', 'Ciudad de México', 'MX.DF', 2],
      ['MX.15', 'México', 'MX.MX', 1],
    ]);
    expect(renamed).toEqual([['Distrito Federal', 'Ciudad de México']]);
    expect(dropped).toHaveLength(1);
  });

  it('refuses a shape whose towns do not agree on one state', () => {
    const towns = [town(0.5, 0.5, '09'), town(0.2, 0.8, '15'), town(1.5, 0.5, '15')];
    expect(() => nameStates(topology(['Distrito Federal', 'México', null]), towns, names)).toThrow(/MX.DF "Distrito Federal": only 1 of 2 towns/);
  });

  it('refuses two shapes that claim one state, and a state left without a shape', () => {
    expect(() => nameStates(topology(['A', 'B', null]), [town(0.5, 0.5, '09'), town(1.5, 0.5, '09')], names)).toThrow(/MX.MX and MX.DF are both GeoNames state 09/);
    expect(() => nameStates(topology(['A', 'B', null]), [town(0.5, 0.5, '09')], names)).toThrow(/MX.MX "B": no GeoNames town inside/);
  });
});
