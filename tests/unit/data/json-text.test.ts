import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJsonText } from '../../../src/data/json-text';

describe('JSON text', () => {
  it('reads JSON with or without a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: expected a comma (or the end of the list or group)'],
    ['{"a": 1,}', 'line 1, column 9: expected a field name in double quotes'],
    ['{"a": tru}', 'line 1, column 7: unexpected character'],
    ['{"a": [1, 2}', 'line 1, column 12: expected a comma (or the end of the list or group)'],
    ['{"a": 1', 'line 1, column 8: expected a closing brace "}"'],
    ['{"a": "unfinished', 'line 1, column 7: the text ends inside a quoted string'],
    ['// note\n{}', 'line 1, column 1: comments are not allowed in JSON'],
    ['{"a": "tab\there"}', 'line 1, column 7: a control character inside a quoted string'],
    ['{} {}', 'line 1, column 4: expected the end of the text'],
  ])('names the line and column of a fault in %j, on one line', (text, reason) => {
    const result = parseJsonText(text);
    expect(result.ok ? null : result.reason).toBe(reason);
  });

  it('says an empty text is empty', () => {
    expect(parseJsonText('  \n')).toEqual({ ok: false, reason: 'the text is empty', line: null, column: null });
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
