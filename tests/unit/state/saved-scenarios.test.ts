import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { parseScenario } from '../../../src/sim/scenario';
import { cleanScenarioName, LibraryError, openScenarioLibrary, SCENARIO_STORE, type ScenarioLibrary } from '../../../src/state/saved-scenarios';

const presets = loadPresets(readPresetFiles());
const walkOnly = presets.get('walk-only')!;
const historical = presets.get('historical-2018')!;

let dbCount = 0;
const open: ScenarioLibrary[] = [];

/** A library in a fresh database, with a clock that ticks one minute per save. */
async function freshLibrary(dbName = `library-test-${++dbCount}`) {
  let minute = 0;
  const library = await openScenarioLibrary(dbName, { now: () => new Date(Date.UTC(2018, 9, 25, 12, minute++)) });
  open.push(library);
  return { library, dbName };
}

afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

describe('saved scenarios', () => {
  it('keeps a saved scenario across a reload', async () => {
    const { library, dbName } = await freshLibrary();
    const saved = await library.save('Walk only, as shipped', walkOnly);
    library.close();
    const { library: reopened } = await freshLibrary(dbName);
    expect((await reopened.list()).scenarios).toEqual([saved]);
  });

  it('lists the newest first', async () => {
    const { library } = await freshLibrary();
    await library.save('First', walkOnly);
    await library.save('Second', historical);
    expect((await library.list()).scenarios.map((s) => s.name)).toEqual(['Second', 'First']);
  });

  it('stamps the save time as an ISO date', async () => {
    const { library } = await freshLibrary();
    expect((await library.save('A', walkOnly)).savedAt).toBe('2018-10-25T12:00:00.000Z');
  });

  it('renames an entry and keeps its scenario and save time', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('Old name', walkOnly);
    await library.rename(saved.id, '  New name ');
    expect((await library.list()).scenarios).toEqual([{ ...saved, name: 'New name' }]);
  });

  it('replaces an entry’s scenario with update, keeping its name', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('Mine', walkOnly);
    const updated = await library.update(saved.id, historical);
    expect([updated.name, updated.scenario.id, (await library.list()).scenarios.length]).toEqual(['Mine', 'historical-2018', 1]);
  });

  it('duplicates an entry under a "(copy)" name, then "(copy 2)"', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('Plan B', walkOnly);
    await library.duplicate(saved.id);
    const second = await library.duplicate(saved.id);
    expect(second.name).toBe('Plan B (copy 2)');
    expect((await library.list()).scenarios.map((s) => s.scenario)).toEqual([walkOnly, walkOnly, walkOnly]);
  });

  it('keeps a duplicate of an 80-character name within 80 characters', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('x'.repeat(80), walkOnly);
    expect((await library.duplicate(saved.id)).name).toBe(`${'x'.repeat(73)} (copy)`);
  });

  it('removes an entry and puts it back, same id, on undo', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('Keep me', walkOnly);
    const undo = await library.remove(saved.id);
    expect((await library.list()).scenarios).toEqual([]);
    await library.restore(undo);
    expect((await library.list()).scenarios).toEqual([saved]);
  });

  it('never reuses a removed entry’s id, so an undo cannot land on another entry', async () => {
    const { library } = await freshLibrary();
    const first = await library.save('One', walkOnly);
    await library.remove(first.id);
    expect((await library.save('Two', walkOnly)).id).not.toBe(first.id);
  });

  it('refuses to restore over an entry that now holds the id', async () => {
    const { library } = await freshLibrary();
    const saved = await library.save('One', walkOnly);
    const undo = await library.remove(saved.id);
    await library.restore(undo);
    await expect(library.restore(undo)).rejects.toThrow(LibraryError);
  });

  it('keeps markup in a name as literal text', async () => {
    const { library, dbName } = await freshLibrary();
    await library.save('<script>alert("x")</script>', walkOnly);
    library.close();
    const { library: reopened } = await freshLibrary(dbName);
    expect((await reopened.list()).scenarios[0]!.name).toBe('<script>alert("x")</script>');
  });

  it('refuses an empty name and a name over 80 characters', async () => {
    const { library } = await freshLibrary();
    await expect(library.save(' \n\t ', walkOnly)).rejects.toThrow('a name cannot be empty');
    await expect(library.save('y'.repeat(81), walkOnly)).rejects.toThrow('a name can be at most 80 characters (this one has 81)');
  });

  it('refuses to save an invalid scenario, naming the field', async () => {
    const { library } = await freshLibrary();
    const bad = { ...walkOnly, modes: { ...walkOnly.modes, walk: { kmPerDay: -1 } } };
    await expect(library.save('Bad', bad)).rejects.toThrow('the scenario cannot be saved: field modes.walk.kmPerDay: must be a positive number of km per day');
  });

  it('reports a record corrupted behind its back and still lists the good ones', async () => {
    const { library, dbName } = await freshLibrary();
    const good = await library.save('Good', walkOnly);
    const raw = await openDB(dbName);
    await raw.put(SCENARIO_STORE, { id: 50, name: 'Tampered', savedAt: '2018-10-25T00:00:00Z', scenario: { ...walkOnly, maxDays: 'soon' } });
    await raw.put(SCENARIO_STORE, { id: 51, junk: true });
    raw.close();
    expect(await library.list()).toEqual({
      scenarios: [good],
      damaged: [
        { key: 50, label: 'Tampered', reason: 'scenario field maxDays: expected a number of days, got text "soon"' },
        { key: 51, label: 'record 51', reason: 'it has no name' },
      ],
    });
  });

  it('refuses to rename or duplicate a damaged record, leaving it as it was', async () => {
    const { library, dbName } = await freshLibrary();
    const raw = await openDB(dbName);
    const tampered = { id: 7, name: 'Tampered', savedAt: 'yesterday-ish', scenario: walkOnly };
    await raw.put(SCENARIO_STORE, tampered);
    await expect(library.rename(7, 'Fixed')).rejects.toThrow('saved scenario "Tampered" is damaged (its save date is not a date) and cannot be renamed');
    await expect(library.duplicate(7)).rejects.toThrow(LibraryError);
    expect(await raw.get(SCENARIO_STORE, 7)).toEqual(tampered);
    raw.close();
  });

  it('removes a damaged record, and undo brings it back unchanged', async () => {
    const { library, dbName } = await freshLibrary();
    const raw = await openDB(dbName);
    await raw.put(SCENARIO_STORE, { id: 3, name: 42 });
    raw.close();
    const undo = await library.remove(3);
    expect((await library.list()).damaged).toEqual([]);
    await library.restore(undo);
    expect((await library.list()).damaged).toEqual([{ key: 3, label: 'record 3', reason: 'it has no name' }]);
  });

  it('says when an id has no entry', async () => {
    const { library } = await freshLibrary();
    await expect(library.rename(999, 'x')).rejects.toThrow('there is no saved scenario 999 to rename');
  });

  it('reads back a scenario exactly as it was validated', async () => {
    const { library } = await freshLibrary();
    const scenario = parseScenario({ ...walkOnly, name: 'Ünïcødé 🚶 <i>', stays: [{ place: 'puebla', nights: 2 }] });
    await library.save('Unicode', scenario);
    expect((await library.list()).scenarios[0]!.scenario).toEqual(scenario);
  });
});

describe('scenario names', () => {
  it('turns line breaks and tabs into spaces and drops other control characters', () => {
    expect(cleanScenarioName('  Walk\n35\tkm\u0000/day\u202e ')).toEqual({ ok: true, name: 'Walk 35 km/day' });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(cleanScenarioName('🚶'.repeat(80))).toEqual({ ok: true, name: '🚶'.repeat(80) });
  });

  it('keeps markup as it is', () => {
    expect(cleanScenarioName('<b>bold</b> & "quoted"')).toEqual({ ok: true, name: '<b>bold</b> & "quoted"' });
  });
});
