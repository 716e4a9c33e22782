import { describe, expect, it } from 'vitest';
import { FORECAST_FILES, loadForecastData } from '../../../src/data/forecast-files';
import { DataFileError } from '../../../src/data/parse-data-file';
import { loadWorldFromDisk } from '../../../src/data/read-data-files';
import { readForecastTexts } from '../../../src/data/read-forecast-files';
import { PARAMETER_NAMES } from '../../../src/sim/forecast/parameters';
import { caravanReports } from '../../../src/sim/forecast/past-caravan';
import { projectOntoRoute } from '../../../src/sim/forecast/reports';
import { courseRoute } from '../../../src/sim/forecast/course';

const loaded = loadWorldFromDisk();
const texts = readForecastTexts();
const data = loadForecastData(texts, loaded);

describe('the forecast data files', () => {
  it('hold exactly the four calibration caravans, with their policies', () => {
    expect(data.caravans.map((c) => [c.id, c.policy])).toEqual([
      ['exodo-2023', 'contain'],
      ['october-2018', 'let-pass'],
      ['second-caravan-2018', 'let-pass'],
      ['viacrucis-2018', 'let-pass'],
    ]);
  });

  it('take the October 2018 sightings from data/observed.json: those on the network, from Ciudad Hidalgo on', () => {
    const october = data.caravans.find((c) => c.id === 'october-2018')!;
    const onNetwork = loaded.observed.filter((o) => loaded.world.network.nodes.has(o.place));
    expect(october.observations).toHaveLength(onNetwork.length);
    expect(caravanReports(october)[0]).toEqual(expect.objectContaining({ date: '2018-10-21', nodeId: 'tapachula', headcount: 7000 }));
  });

  it('place every sighting within 40 km of the road its caravan took', () => {
    for (const caravan of data.caravans) {
      const reports = caravanReports(caravan).filter((r) => r.group === 'main');
      const route = courseRoute(data.world.network, caravan.start.nodeId, reports.map((r) => r.nodeId).filter((id): id is string => id !== undefined), 'tijuana', data.world.structure);
      for (const report of reports) expect(projectOntoRoute(route, report.lonLat).offKm, `${caravan.id} ${report.date} ${report.source}`).toBeLessThan(40);
    }
  });

  it('give the Éxodo its end: dissolved at Mapastepec on 2024-01-02, reported as headcount 0', () => {
    const exodo = data.caravans.find((c) => c.id === 'exodo-2023')!;
    expect(exodo.end).toEqual({ date: '2024-01-02', reason: 'dissolved' });
    const last = caravanReports(exodo).at(-1)!;
    expect(last).toEqual(expect.objectContaining({ date: '2024-01-02', headcount: 0 }));
  });

  it('specify every model parameter once, with its initial value inside its bounds', () => {
    expect(data.specs.map((s) => s.name).sort()).toEqual([...PARAMETER_NAMES].sort());
    for (const spec of data.specs) expect(spec.min <= spec.initial && spec.initial <= spec.max, spec.name).toBe(true);
  });

  it('class Mexico City, the other big cities by population and the isthmus by name', () => {
    const classes = data.world.structure.placeClasses;
    expect(classes.get('mexico-city')).toBe('capital');
    expect(classes.get('guadalajara')).toBe('big-city');
    expect(classes.get('matias-romero')).toBe('isthmus');
    expect(classes.has('huixtla')).toBe(false);
  });

  it('name the file, the record and the field of a malformed caravan', () => {
    const broken = texts.caravans.map((f) => (f.fileName.endsWith('viacrucis-2018.json') ? { ...f, text: f.text.replace('"lat": 15.44113', '"lat": "north"') } : f));
    expect(() => loadForecastData({ ...texts, caravans: broken }, loaded)).toThrow(DataFileError);
    expect(() => loadForecastData({ ...texts, caravans: broken }, loaded)).toThrow(/data\/caravans\/viacrucis-2018.json: observations\[0\] \(2018-03-27\): field "lat"/);
  });

  it('refuse an unknown isthmus place in the model file', () => {
    const model = texts.model.replace('"matias-romero"]', '"atlantis"]');
    expect(() => loadForecastData({ ...texts, model }, loaded)).toThrow(`${FORECAST_FILES.model}: placeClasses.isthmus[1]: no network node "atlantis"`);
  });
});

describe('the calibrated parameters (data/forecast-parameters.json)', () => {
  it('were fitted to the data as it is now (otherwise run npm run calibrate)', async () => {
    const { forecastDataFingerprint } = await import('../../../src/data/read-forecast-files');
    expect(data.parametersFile?.data.fingerprint, 'the caravans, the network or the model file changed since the last calibration: run npm run calibrate').toBe(forecastDataFingerprint());
  });

  it('hold the fit on all four caravans and one fit leaving out each', () => {
    expect([...data.fits.keys()]).toEqual(['all', ...data.caravans.map((c) => `without-${c.id}`)]);
    for (const caravan of data.caravans) expect(data.fits.get(`without-${caravan.id}`)!.caravans).not.toContain(caravan.id);
  });
});
