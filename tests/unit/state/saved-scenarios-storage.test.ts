/**
 * What the browser's storage does to the library: no storage at all, a full quota, another tab
 * upgrading the database, another tab saving. Each is said in plain words, once, and none needs a
 * reload.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { LibraryError, openScenarioLibrary, SCENARIO_STORE, STORAGE_FULL, STORAGE_NEWER, STORAGE_UNAVAILABLE, storageError, type ScenarioLibrary } from '../../../src/state/saved-scenarios';

const walkOnly = loadPresets(readPresetFiles()).get('walk-only')!;
let dbCount = 0;
const opened: ScenarioLibrary[] = [];
const dbName = () => `storage-test-${++dbCount}`;
async function library(name: string) {
  const lib = await openScenarioLibrary(name);
  opened.push(lib);
  return lib;
}

afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function refusal(promise: Promise<unknown>): Promise<LibraryError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof LibraryError)) throw new Error(`expected a LibraryError, got ${String(err)}`);
  return err;
}

describe('the library and the browser’s storage', () => {
  it('says plainly that storage is not available when the browser has none', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect((await refusal(openScenarioLibrary(dbName()))).message).toBe(STORAGE_UNAVAILABLE);
  });

  it('says plainly that storage is not available when opening it fails', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'open')");
    });
    const err = await refusal(openScenarioLibrary(dbName()));
    expect(err.message).toBe(STORAGE_UNAVAILABLE);
    expect(err.message).not.toMatch(/Cannot read/);
  });

  it('calls a full quota full, and keeps what was saved before', async () => {
    const lib = await library(dbName());
    const first = await lib.save('Before', walkOnly);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect((await refusal(lib.save('After', walkOnly))).message).toBe(STORAGE_FULL);
    vi.restoreAllMocks();
    expect((await lib.list()).scenarios).toEqual([first]);
  });

  it('words each kind of storage failure once, without the browser’s text', () => {
    expect(storageError(new DOMException('x', 'QuotaExceededError')).message).toBe(STORAGE_FULL);
    expect(storageError(new DOMException('x', 'VersionError')).message).toBe(STORAGE_NEWER);
    expect(storageError(new DOMException('x', 'SecurityError')).message).toBe(STORAGE_UNAVAILABLE);
    const plain = new LibraryError('already plain');
    expect(storageError(plain)).toBe(plain);
  });

  it('keeps working after another tab upgrades the database, without a reload', async () => {
    const name = dbName();
    const lib = await library(name);
    await lib.save('Before the upgrade', walkOnly);
    // Another tab, a newer build: it can upgrade only once this tab has stepped aside.
    const newer = await openDB(name, 2, { upgrade() {} });
    newer.close();
    await lib.save('After the upgrade', walkOnly);
    expect((await lib.list()).scenarios.map((s) => s.name)).toEqual(['After the upgrade', 'Before the upgrade']);
  });

  it('says a newer version took the saved scenarios away when the upgrade dropped their store', async () => {
    const name = dbName();
    const lib = await library(name);
    const newer = await openDB(name, 2, {
      upgrade(db) {
        db.deleteObjectStore(SCENARIO_STORE);
      },
    });
    newer.close();
    expect((await refusal(lib.list())).message).toBe(STORAGE_NEWER);
  });

  it('tells another tab that the saved scenarios changed, so its list can follow', async () => {
    const name = dbName();
    const [here, there] = [await library(name), await library(name)];
    const changed = new Promise<void>((resolve) => there.subscribe(resolve));
    await here.save('Saved in the other tab', walkOnly);
    await changed;
    expect((await there.list()).scenarios.map((s) => s.name)).toEqual(['Saved in the other tab']);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const name = dbName();
    const [here, there] = [await library(name), await library(name)];
    const calls: string[] = [];
    const stop = there.subscribe(() => calls.push('first'));
    const next = new Promise<void>((resolve) => there.subscribe(resolve));
    stop();
    await here.save('One', walkOnly);
    await next;
    expect(calls).toEqual([]);
  });
});
