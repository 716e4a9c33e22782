import type { z } from 'zod';
import { FieldError } from '../sim/field-error';
import { parsePlain } from '../sim/plain-issues';
import { parseJsonText } from './json-text';

/** A data file that is not valid JSON or does not match its schema. The message names the file, the record and the field. */
export class DataFileError extends FieldError {
  /**
   * @param fileName the file, as `field`: it is what the reader must fix.
   * @param detail where in it and why, in plain words: `places[3] (tapachula): field "lat": must be at most 90`.
   */
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(fileName, detail);
  }
}

/** Names a record by its array position and, when it has one, its id (or place/date), e.g. `features[12] (tapachula--huixtla)`. */
export function describeRecord(root: unknown, path: readonly PropertyKey[]): { record: string; field: string } {
  let node: unknown = root;
  let recordEnd = -1;
  let recordLabel = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (typeof key === 'number' && node !== null && typeof node === 'object') {
      recordEnd = i;
      const obj = node as Record<string, unknown>;
      const props = (obj.properties ?? obj) as Record<string, unknown>;
      const label = [props.id, props.place, props.date].find((v) => typeof v === 'string');
      recordLabel = typeof label === 'string' ? ` (${label.slice(0, 60)})` : '';
    }
  }
  const fmt = (parts: readonly PropertyKey[]) =>
    parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  if (recordEnd < 0) return { record: 'top level', field: fmt(path) || '(root)' };
  return { record: fmt(path.slice(0, recordEnd + 1)) + recordLabel, field: fmt(path.slice(recordEnd + 1)) || '(record)' };
}

/** Reads JSON text; throws DataFileError with the line and column of a syntax error. */
export function parseJsonFile(fileName: string, text: string): unknown {
  const json = parseJsonText(text);
  if (!json.ok) throw new DataFileError(fileName, `not valid JSON (${json.reason})`);
  return json.value;
}

/** Validates parsed JSON against a schema. Throws DataFileError on the first problem, in plain words. */
export function checkDataFile<S extends z.ZodType>(fileName: string, json: unknown, schema: S): z.infer<S> {
  const result = parsePlain(schema, json);
  if (result.ok) return result.data;
  const { record, field } = describeRecord(json, result.path);
  throw new DataFileError(fileName, `${record}: field "${field}": ${result.reason}`);
}

/** Parses and validates one data file's text. Throws DataFileError on the first problem. */
export function parseDataFile<S extends z.ZodType>(fileName: string, text: string, schema: S): z.infer<S> {
  return checkDataFile(fileName, parseJsonFile(fileName, text), schema);
}
