import type { z } from 'zod';

/** A data file that is not valid JSON or does not match its schema. The message names the file, the record and the field. */
export class DataFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(`${fileName}: ${detail}`);
    this.name = 'DataFileError';
  }
}

/** Names a record by its array position and, when it has one, its id (or place/date), e.g. `features[12] (tapachula--huixtla)`. */
function describeRecord(root: unknown, path: readonly PropertyKey[]): { record: string; field: string } {
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
      recordLabel = typeof label === 'string' ? ` (${label})` : '';
    }
  }
  const fmt = (parts: readonly PropertyKey[]) =>
    parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  if (recordEnd < 0) return { record: 'top level', field: fmt(path) || '(root)' };
  return { record: fmt(path.slice(0, recordEnd + 1)) + recordLabel, field: fmt(path.slice(recordEnd + 1)) || '(record)' };
}

/** Parses and validates one data file's text. Throws DataFileError on the first problem. */
export function parseDataFile<S extends z.ZodType>(fileName: string, text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(fileName, `not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const { record, field } = describeRecord(json, issue.path);
  throw new DataFileError(fileName, `${record}: field "${field}": ${issue.message}`);
}
