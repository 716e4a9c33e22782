/**
 * JSON text as people hand it over: possibly with a byte-order mark, possibly broken. A broken one
 * is named by line and column in plain words, on one line ("line 3, column 12: expected a comma …"),
 * whatever the engine's own message looks like (V8's quotes the text around the fault, newlines and
 * all). The position comes from jsonc-parser's scanner, asked only once JSON.parse has refused.
 */
import { parse as scanJson, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; reason: string; line: number | null; column: number | null };

const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma (or the end of the list or group)',
  CloseBraceExpected: 'expected a closing brace "}"',
  CloseBracketExpected: 'expected a closing bracket "]"',
  EndOfFileExpected: 'expected the end of the text',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'the text ends inside a comment',
  UnexpectedEndOfString: 'the text ends inside a quoted string',
  UnexpectedEndOfNumber: 'the text ends inside a number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape after a backslash',
  InvalidCharacter: 'a control character inside a quoted string',
};

/** Drops a UTF-8 byte-order mark, which editors on Windows put before the text. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses JSON text (a leading byte-order mark allowed); never throws.
 *
 * @example
 * parseJsonText('{\n  "a": 1\n  "b": 2\n}')
 * // → { ok: false, reason: 'line 3, column 3: expected a comma (or the end of the list or group)', line: 3, column: 3 }
 */
export function parseJsonText(text: string): JsonTextResult {
  const clean = withoutByteOrderMark(text);
  try {
    return { ok: true, value: JSON.parse(clean) as unknown };
  } catch (err) {
    if (clean.trim() === '') return { ok: false, reason: 'the text is empty', line: null, column: null };
    return locate(clean, err);
  }
}

function locate(text: string, err: unknown): JsonTextResult {
  const errors: ParseError[] = [];
  scanJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  let offset: number | null = first ? first.offset : null;
  let problem = first ? (PROBLEMS[printParseErrorCode(first.error)] ?? 'not valid JSON') : 'not valid JSON';
  if (offset === null) {
    // The scanner let it pass (it is lenient about a few things JSON.parse is not): use the engine's position if it gives one.
    const position = /at position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    offset = position === undefined ? null : Number(position);
    problem = 'not valid JSON';
  }
  if (offset === null) return { ok: false, reason: problem, line: null, column: null };
  const { line, column } = lineAndColumn(text, offset);
  return { ok: false, reason: `line ${line}, column ${column}: ${problem}`, line, column };
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
