import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseJsonText } from '../../../electron/core/records/files';

describe('JSON syntax errors', () => {
  it('are located precisely', () => {
    const cases: [string, number][] = [
      ['{"a":}', 5],
      ['{"a":1', 6],
      ['[1,2,,]', 5],
      ['{"a": tru}', 9],
      ['nope', 1],
      ['{"a":1} x', 8],
      ['{a:1}', 1],
      ['["\\x"]', 3],
      ['[01]', 2],
      ['{"a":"line\nbreak"}', 10],
      ['', 0],
    ];
    for (const [text, offset] of cases) {
      expect(() => {
        JSON.parse(text);
      }, text).toThrow();
      expect(jsonErrorOffset(text), text).toBe(offset);
    }
    for (const valid of ['{}', '[]', '{"a":[1,{"b":null}],"c":"\\u00e9"}', ' 1.5e3 '])
      expect(jsonErrorOffset(valid)).toBe(-1);
  });

  it('survive deep nesting and never quote the content', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}`;
    expect(jsonErrorOffset(deep)).toBe(deep.length);
    expect(() => parseJsonText('{"secret name": tru}', 'case document')).toThrow(
      'The case document is not valid JSON (at line 1, column 20). Nothing was changed.',
    );
    try {
      parseJsonText('{"secret name": tru}', 'case document');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
