/**
 * Reading a file named on the command line without surprises: what is not a regular file (a
 * directory, a named pipe, a device such as /dev/zero, a socket) is refused before a byte is read,
 * and so is a file larger than the browser accepts, so the CLI never reads forever nor takes in
 * 60 MB to refuse it afterwards. Every refusal is a UsageError naming the option and the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { formatNumber } from '../sim/plain-issues';
import { UsageError } from './options';

export interface InputFileOptions {
  /** Largest size read, in bytes. */
  maxBytes: number;
  /** Said after the size in a refusal, e.g. "the browser's limit". */
  limitName?: string;
}

/**
 * The text of a regular file, decoded as UTF-8 (a byte-order mark is kept; the parsers drop it).
 *
 * @param option the option that named the file (`--scenario`), for the message.
 * @example
 * readInputFile('--scenario', 'plan.json', { maxBytes: MAX_SCENARIO_FILE_BYTES })
 * // throws UsageError('--scenario', '"/tmp" is a directory, not a file') for a directory
 */
export function readInputFile(option: string, path: string, options: InputFileOptions): string {
  const shown = JSON.stringify(path.length > 120 ? `${path.slice(0, 119)}…` : path);
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; the type check below refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UsageError(option, openProblem(shown, err));
  }
  try {
    // fstat on the open descriptor, not stat on the path: what is checked is what is read.
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UsageError(option, `${shown} is ${kindOf(stats)}, not a file`);
    if (stats.size > options.maxBytes) throw new UsageError(option, `${shown} is too large (${sizeText(stats.size)}; at most ${sizeText(options.maxBytes)}${options.limitName ? `, ${options.limitName}` : ''})`);
    const bytes = readAtMost(fd, options.maxBytes + 1);
    // The file may grow between fstat and read: the bound holds on what was read.
    if (bytes.length > options.maxBytes) throw new UsageError(option, `${shown} is too large (more than ${sizeText(options.maxBytes)})`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(option, `${shown} is not UTF-8 text`);
    }
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, limit: number): Uint8Array {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  while (length < limit) {
    const n = readSync(fd, buffer, length, limit - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function openProblem(shown: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `no such file ${shown}`;
    case 'EACCES':
    case 'EPERM':
      return `${shown} cannot be read (permission denied)`;
    case 'ENOTDIR':
      return `no such file ${shown} (a part of the path is not a folder)`;
    case 'ELOOP':
      return `${shown} cannot be read (too many symbolic links)`;
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    default:
      return `${shown} cannot be opened${code ? ` (${code})` : ''}`;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Bytes as a person reads them: 1 MB, 60.2 MB, 820 kB. */
function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatNumber(Math.round(bytes / 100_000) / 10)} MB`;
  if (bytes >= 1_000) return `${formatNumber(Math.round(bytes / 1_000))} kB`;
  return `${formatNumber(bytes)} bytes`;
}
