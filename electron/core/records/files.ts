import { open, stat } from 'node:fs/promises';
import { formatBytes, MAX_CASE_DOCUMENT_BYTES } from '../../../shared/domain/text';
import { VigilError, fsError } from '../errors';

/**
 * Reads a whole text file as UTF-8, refusing it before reading when it is
 * larger than `maxBytes`, and refusing bytes that are not UTF-8 (rather than
 * storing replacement characters in place of what the user wrote). A leading
 * byte-order mark is dropped.
 */
export async function readTextFile(path: string, maxBytes: number, what: string): Promise<string> {
  const info = await stat(path).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${what} ${path}`);
  });
  if (!info.isFile()) throw new VigilError('INVALID_INPUT', `${path} is not a file.`);
  if (info.size > maxBytes) {
    throw new VigilError(
      'INVALID_INPUT',
      `${path} is too large for ${what}: ${formatBytes(info.size)}, and at most ${formatBytes(maxBytes)} is allowed. Nothing was changed.`,
    );
  }
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fsError(error, `Cannot read ${what} ${path}`);
  });
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (bytes.length > maxBytes) {
    throw new VigilError(
      'INVALID_INPUT',
      `${path} is too large for ${what}: more than ${formatBytes(maxBytes)}. Nothing was changed.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new VigilError(
      'INVALID_INPUT',
      `${path} is not UTF-8 text (invalid byte at offset ${at}); save it as UTF-8 and try again. Nothing was changed.`,
    );
  }
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** The offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/**
 * The offset of the first JSON syntax error in `text` (V8's messages do not
 * always say, and may quote the content, which must not reach a message).
 * Only runs after JSON.parse has failed, so it favours being short.
 */
class JsonStop extends Error {
  constructor(readonly offset: number) {
    super('JSON syntax error');
  }
}

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i += 1;
    }
  };
  const string = () => {
    i += 1;
    for (;;) {
      const ch = text[i];
      if (ch === undefined || ch < ' ') fail();
      if (ch === '"') return void (i += 1);
      if (ch === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i += 1;
        else fail();
      } else i += 1;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i += 1;
  };
  // A loop with an explicit stack, not recursion: a hostile file may nest deeply.
  const stack: string[] = [];
  try {
    let expectValue = true;
    for (;;) {
      ws();
      const ch = text[i];
      if (expectValue) {
        if (ch === '{' || ch === '[') {
          const close = ch === '{' ? '}' : ']';
          i += 1;
          ws();
          if (text[i] === close) {
            i += 1;
            expectValue = false;
          } else {
            stack.push(close);
            if (close === '}') key();
          }
          continue;
        }
        if (ch === '"') string();
        else if (ch === 't') literal('true');
        else if (ch === 'f') literal('false');
        else if (ch === 'n') literal('null');
        else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
        else fail();
        expectValue = false;
        continue;
      }
      const close = stack[stack.length - 1];
      if (close === undefined) break;
      if (ch === close) {
        stack.pop();
        i += 1;
      } else if (ch === ',') {
        i += 1;
        if (close === '}') key();
        expectValue = true;
      } else fail();
    }
    return i < text.length ? i : -1;
  } catch (stop) {
    if (stop instanceof JsonStop) return stop.offset;
    throw stop;
  }
}

function place(text: string, offset: number): string {
  if (offset < 0) return '';
  if (offset >= text.length) return ' (it ends too early)';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return ` (at line ${line}, column ${offset - before.lastIndexOf('\n')})`;
}

/** Parses JSON text; a syntax error becomes one sentence with the place, never a quote of the content. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VigilError(
      'INVALID_INPUT',
      `The ${what} is not valid JSON${place(text, jsonErrorOffset(text))}. Nothing was changed.`,
      { cause: error },
    );
  }
}

/** Reads and parses a JSON file of at most `maxBytes` (by default the case document limit). */
export async function readJsonFile(
  path: string,
  what: string,
  maxBytes = MAX_CASE_DOCUMENT_BYTES,
): Promise<unknown> {
  return parseJsonText(await readTextFile(path, maxBytes, what), what);
}

/**
 * Several JSON files read for one operation (`vigil case import FILE…`), each
 * as `readJsonFile` reads it, together no larger than one may be: checked
 * before any is read, so that a long list fails at once and clearly rather
 * than after filling the memory.
 */
export async function readJsonFiles(
  paths: readonly string[],
  what: (path: string) => string,
  maxBytes = MAX_CASE_DOCUMENT_BYTES,
): Promise<unknown[]> {
  let total = 0;
  for (const path of paths) {
    // A path that is missing or no file is reported by its own read, below.
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) total += info.size;
  }
  if (total > maxBytes)
    throw new VigilError(
      'INVALID_INPUT',
      `These ${paths.length} files hold ${formatBytes(total)} in all, and one import takes at most ${formatBytes(maxBytes)}: import them in smaller groups. Nothing was changed.`,
    );
  const values: unknown[] = [];
  for (const path of paths) values.push(await readJsonFile(path, what(path), maxBytes));
  return values;
}
