/**
 * Scenarios saved by name in the browser (IndexedDB through idb), so a planner keeps them across
 * reloads. Everything read back is validated like any scenario: a record damaged by another program,
 * an old build or a full disk is reported beside the good ones, never thrown, and never written over.
 *
 * Names are plain text: trimmed, control characters removed, 1–80 characters. Markup stays literal
 * text; the UI renders names with textContent.
 *
 * What the browser's storage does to us is said in plain words, once, as a LibraryError (never its
 * own text, such as "Cannot read properties of undefined (reading 'open')"): a full quota is
 * called full. When another tab upgrades the database, this tab closes its connection so as not to
 * block it and opens a new one on its next operation, without a reload. Every change is announced
 * on a BroadcastChannel, so each tab's list can follow the others (`subscribe`).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';

export const DEFAULT_LIBRARY_DB = 'caravan-simulator';
export const SCENARIO_STORE = 'scenarios';
const DB_VERSION = 1;
export const MAX_NAME_CHARS = 80;

export interface SavedScenario {
  /** Given by the library; never reused, even after a removal. */
  id: number;
  name: string;
  scenario: Scenario;
  /** When the scenario's content was saved (ISO 8601); renaming keeps it. */
  savedAt: string;
}

/** A stored record that does not read back as a saved scenario; only `remove` applies to it. */
export interface DamagedRecord {
  key: IDBValidKey;
  /** Its name if that much is readable, otherwise `record <key>`. */
  label: string;
  reason: string;
}

export interface LibraryListing {
  /** Newest first. */
  scenarios: SavedScenario[];
  damaged: DamagedRecord[];
}

/** What `remove` took away; pass it to `restore` to put it back as it was (same id). */
export interface Undo {
  readonly key: IDBValidKey;
  readonly record: unknown;
}

export interface ScenarioLibrary {
  list(): Promise<LibraryListing>;
  /** Saves a new entry (names may repeat; ids tell entries apart). Rejects an invalid name or scenario. */
  save(name: string, scenario: Scenario): Promise<SavedScenario>;
  /** Replaces an entry's scenario, keeping its name. */
  update(id: number, scenario: Scenario): Promise<SavedScenario>;
  rename(id: number, name: string): Promise<SavedScenario>;
  /** A new entry with the same scenario, named "<name> (copy)" (or "(copy 2)", … if taken). */
  duplicate(id: number): Promise<SavedScenario>;
  /** Removes an entry, good or damaged. */
  remove(key: IDBValidKey): Promise<Undo>;
  /** Puts a removed entry back; refuses if something now holds its id. */
  restore(undo: Undo): Promise<void>;
  /**
   * Calls `listener` when another tab (or another library on the same database) has changed the
   * saved scenarios, so the caller can list them again. Returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** A refused library operation; `message` is in plain words for the person (the browser's own error, if any, is its `cause`). */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

export const STORAGE_UNAVAILABLE = 'saved scenarios are not available in this window: the browser does not allow storage here (a private window, or storage turned off for this site)';
export const STORAGE_FULL = "the browser's storage for this site is full, so nothing was saved: delete saved scenarios you no longer need, or free space on this device, and try again";
export const STORAGE_NEWER = 'the saved scenarios were upgraded by a newer version of the simulator open in another tab; reload this tab to use them';

/** The browser's storage error in plain words (once: callers show `message` as it is). */
export function storageError(err: unknown): LibraryError {
  if (err instanceof LibraryError) return err;
  const name = err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException) ? (err as Error).name : '';
  const make = (message: string) => new LibraryError(message, { cause: err });
  switch (name) {
    case 'QuotaExceededError':
    case 'NS_ERROR_DOM_QUOTA_REACHED':
      return make(STORAGE_FULL);
    case 'VersionError':
      return make(STORAGE_NEWER);
    case 'AbortError':
    case 'TransactionInactiveError':
      return make('the browser stopped the change before it was stored; nothing changed, try again');
    case 'DataCloneError':
      return make('the scenario could not be stored as it is');
    case 'UnknownError':
      return make('the browser could not read or write its storage; try again, or reload the page');
    default:
      // SecurityError, InvalidStateError, a missing indexedDB (TypeError) and anything else.
      return make(STORAGE_UNAVAILABLE);
  }
}

/** A connection that closes itself when another tab upgrades the database and opens again when next asked. */
interface Connection {
  get(): Promise<IDBPDatabase<LibrarySchema>>;
  /** Forgets a connection that an operation found closed. */
  drop(): void;
  close(): void;
}

function connect(dbName: string): Connection {
  let db: IDBPDatabase<LibrarySchema> | null = null;
  let opening: Promise<IDBPDatabase<LibrarySchema>> | null = null;
  let closed = false;
  const handlers = {
    // Another tab wants a newer schema: step aside rather than block it; the next operation reopens.
    blocking() {
      db?.close();
      db = null;
    },
    // The browser closed the connection (storage cleared, disk error): reopen when next asked.
    terminated() {
      db = null;
    },
  };
  async function open(): Promise<IDBPDatabase<LibrarySchema>> {
    if (typeof indexedDB === 'undefined') throw new LibraryError(STORAGE_UNAVAILABLE);
    try {
      return await openDB<LibrarySchema>(dbName, DB_VERSION, {
        upgrade(database) {
          database.createObjectStore(SCENARIO_STORE, { keyPath: 'id', autoIncrement: true });
        },
        ...handlers,
      });
    } catch (err) {
      if (!(err instanceof Error && err.name === 'VersionError')) throw storageError(err);
    }
    // A newer build upgraded the database: use it as it is if it still holds our store (records are
    // checked on every read, so a changed layout shows as damaged entries, not as a crash).
    let newer: IDBPDatabase<LibrarySchema>;
    try {
      newer = await openDB<LibrarySchema>(dbName, undefined, handlers);
    } catch (err) {
      throw storageError(err);
    }
    if (!newer.objectStoreNames.contains(SCENARIO_STORE)) {
      newer.close();
      throw new LibraryError(STORAGE_NEWER);
    }
    return newer;
  }
  return {
    async get() {
      if (closed) throw new LibraryError('the saved scenarios were closed in this window; reload the page to use them');
      if (db) return db;
      opening ??= open()
        .then((opened) => (db = opened))
        .finally(() => (opening = null));
      return opening;
    },
    drop() {
      db = null;
    },
    close() {
      closed = true;
      db?.close();
      db = null;
    },
  };
}

/** Where each change is announced to the other tabs. */
function changeChannelName(dbName: string): string {
  return `${dbName}:saved-scenarios`;
}

interface StoredRecord {
  id: number;
  name: string;
  scenario: Scenario;
  savedAt: string;
}

interface LibrarySchema extends DBSchema {
  scenarios: { key: number; value: StoredRecord };
}

export interface LibraryOptions {
  /** Clock for `savedAt` (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * Opens (creating on first use) the scenario library.
 *
 * @example
 * const library = await openScenarioLibrary();
 * const saved = await library.save('Walk 35 km/day', scenario);
 * const { scenarios, damaged } = await library.list();
 */
export async function openScenarioLibrary(dbName = DEFAULT_LIBRARY_DB, options: LibraryOptions = {}): Promise<ScenarioLibrary> {
  const now = options.now ?? (() => new Date());
  const connection = connect(dbName);
  // Opened now, so that a browser without storage is said at once, not at the first save.
  let db = await connection.get();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(changeChannelName(dbName));
  const listeners = new Set<() => void>();
  if (channel) channel.onmessage = () => listeners.forEach((listener) => listener());

  /**
   * Runs one operation on an open connection, in plain words when it fails. An operation that finds
   * the connection closed under it (another tab's upgrade) runs once more on a new one.
   */
  async function guarded<T>(operation: () => Promise<T>, announce: boolean): Promise<T> {
    let result: T;
    try {
      db = await connection.get();
      try {
        result = await operation();
      } catch (err) {
        if (!(err instanceof Error && err.name === 'InvalidStateError')) throw err;
        connection.drop();
        db = await connection.get();
        result = await operation();
      }
    } catch (err) {
      throw storageError(err);
    }
    if (announce) channel?.postMessage('changed');
    return result;
  }

  async function readGood(id: number, action: string): Promise<SavedScenario> {
    const raw: unknown = await db.get(SCENARIO_STORE, id);
    return checked(raw, id, action);
  }

  function checked(raw: unknown, key: IDBValidKey, action: string): SavedScenario {
    if (raw === undefined) throw new LibraryError(`there is no saved scenario ${keyLabel(key)} to ${action}`);
    const read = readRecord(raw, key);
    if ('reason' in read) throw new LibraryError(`saved scenario "${read.label}" is damaged (${read.reason}) and cannot be ${action}d`);
    return read;
  }

  async function add(name: string, scenario: Scenario): Promise<SavedScenario> {
    const record = { name, scenario, savedAt: now().toISOString() } as Omit<StoredRecord, 'id'>;
    const id = await db.add(SCENARIO_STORE, record as StoredRecord);
    return { id, ...record };
  }

  async function list(): Promise<LibraryListing> {
    const tx = db.transaction(SCENARIO_STORE, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    const listing: LibraryListing = { scenarios: [], damaged: [] };
    values.forEach((raw: unknown, i) => {
      const read = readRecord(raw, keys[i]!);
      if ('reason' in read) listing.damaged.push(read);
      else listing.scenarios.push(read);
    });
    listing.scenarios.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.id - a.id);
    return listing;
  }

  const library: ScenarioLibrary = {
    list,

    async save(name, scenario) {
      return add(requireName(name), requireScenario(scenario));
    },

    async update(id, scenario) {
      const valid = requireScenario(scenario);
      const current = await readGood(id, 'update');
      const next: StoredRecord = { id, name: current.name, scenario: valid, savedAt: now().toISOString() };
      await db.put(SCENARIO_STORE, next);
      return { ...next };
    },

    async rename(id, name) {
      const clean = requireName(name);
      const current = await readGood(id, 'rename');
      const next: StoredRecord = { ...current, name: clean };
      await db.put(SCENARIO_STORE, next);
      return { ...next };
    },

    async duplicate(id) {
      const current = await readGood(id, 'duplicate');
      const { scenarios } = await list();
      return add(copyName(current.name, new Set(scenarios.map((s) => s.name))), current.scenario);
    },

    async remove(key) {
      const tx = db.transaction(SCENARIO_STORE, 'readwrite');
      // Damaged records may sit under keys of any type; the store's typing assumes ours.
      const storeKey = key as number;
      const record: unknown = await tx.store.get(storeKey);
      if (record === undefined) throw new LibraryError(`there is no saved scenario ${keyLabel(key)} to remove`);
      await tx.store.delete(storeKey);
      await tx.done;
      return { key, record };
    },

    async restore(undo) {
      try {
        // add, not put: an undo must never write over whatever now holds the id.
        await db.add(SCENARIO_STORE, undo.record as StoredRecord);
      } catch (err) {
        if (err instanceof Error && err.name === 'ConstraintError') throw new LibraryError(`another saved scenario now holds id ${keyLabel(undo.key)}; nothing was restored`);
        throw err;
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      listeners.clear();
      channel?.close();
      connection.close();
    },
  };
  return {
    ...library,
    list: () => guarded(() => library.list(), false),
    save: (name, scenario) => guarded(() => library.save(name, scenario), true),
    update: (id, scenario) => guarded(() => library.update(id, scenario), true),
    rename: (id, name) => guarded(() => library.rename(id, name), true),
    duplicate: (id) => guarded(() => library.duplicate(id), true),
    remove: (key) => guarded(() => library.remove(key), true),
    restore: (undo) => guarded(() => library.restore(undo), true),
  };
}

/**
 * A name as the library stores it: line breaks and tabs become spaces, other control and
 * direction-override characters go, spaces collapse, ends are trimmed; 1–80 characters remain.
 *
 * @example cleanScenarioName('  Walk\n35 <b>km</b> ') // → { ok: true, name: 'Walk 35 <b>km</b>' }
 */
export function cleanScenarioName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: 'a name must be text' };
  const name = raw
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length === 0) return { ok: false, error: 'a name cannot be empty' };
  const chars = Array.from(name).length;
  if (chars > MAX_NAME_CHARS) return { ok: false, error: `a name can be at most ${MAX_NAME_CHARS} characters (this one has ${chars})` };
  return { ok: true, name };
}

function requireName(raw: string): string {
  const result = cleanScenarioName(raw);
  if (!result.ok) throw new LibraryError(result.error);
  return result.name;
}

function requireScenario(scenario: Scenario): Scenario {
  try {
    return parseScenario(scenario);
  } catch (err) {
    if (err instanceof ScenarioError) throw new LibraryError(`the scenario cannot be saved: field ${err.field}: ${err.reason}`);
    throw err;
  }
}

function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = Array.from(name).slice(0, MAX_NAME_CHARS - suffix.length).join('').trimEnd() + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** An IndexedDB key in words (damaged records may sit under keys of any type). */
function keyLabel(key: IDBValidKey): string {
  if (typeof key === 'number' || typeof key === 'string') return String(key);
  if (key instanceof Date) return key.toISOString();
  if (Array.isArray(key)) return `[${key.map(keyLabel).join(', ')}]`;
  return 'binary key';
}

/** A stored value as a saved scenario, or what is wrong with it. */
function readRecord(raw: unknown, key: IDBValidKey): SavedScenario | DamagedRecord {
  const fallbackLabel = `record ${keyLabel(key)}`;
  if (typeof raw !== 'object' || raw === null) return { key, label: fallbackLabel, reason: 'not a saved scenario' };
  const record = raw as Partial<Record<keyof StoredRecord, unknown>>;
  const cleanName = typeof record.name === 'string' ? cleanScenarioName(record.name) : null;
  const label = cleanName?.ok ? cleanName.name : fallbackLabel;
  const damaged = (reason: string): DamagedRecord => ({ key, label, reason });
  if (typeof record.id !== 'number' || !Number.isSafeInteger(record.id)) return damaged('its id is not a number');
  if (!cleanName) return damaged('it has no name');
  if (!cleanName.ok || cleanName.name !== record.name) return damaged(`its name is not valid${cleanName.ok ? '' : ` (${cleanName.error})`}`);
  if (typeof record.savedAt !== 'string' || Number.isNaN(Date.parse(record.savedAt))) return damaged('its save date is not a date');
  try {
    return { id: record.id, name: cleanName.name, scenario: parseScenario(record.scenario), savedAt: record.savedAt };
  } catch (err) {
    if (err instanceof ScenarioError) return damaged(`scenario field ${err.field}: ${err.reason}`);
    return damaged('its scenario cannot be read');
  }
}
