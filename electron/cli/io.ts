import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

/** Thrown for a passphrase source whose bytes are not UTF-8 text. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not valid UTF-8 text');
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a secret could not be read from `source` ("the passphrase file pass.txt", "stdin"), in words. */
export function secretSourceProblem(error: unknown, source: string): string {
  if (error instanceof NotUtf8Error)
    return `${source} is not valid UTF-8 text; Vigil reads passphrases and keys as UTF-8 and never guesses another encoding (save it as UTF-8). Nothing was done.`;
  const e = error as NodeJS.ErrnoException;
  return `cannot read ${source} (${e.code ?? e.message}).`;
}

/** Everything the CLI touches of the outside world, so commands run in tests without a process. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Asks on the terminal without echo; undefined when there is no terminal. */
  promptHidden?: (question: string) => Promise<string>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    promptHidden: process.stdin.isTTY ? promptHiddenOnTty : undefined,
  };
}

/** Reads a line from the terminal with echo off (raw mode), writing the question to stderr. */
function promptHiddenOnTty(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      let text: string;
      try {
        text = strictUtf8.decode(chunk);
      } catch {
        return finish(new NotUtf8Error());
      }
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003')
          return finish(Object.assign(new Error('Cancelled.'), { cancelled: true }));
        if (char === '\u007f' || char === '\b') answer = [...answer].slice(0, -1).join('');
        else if (char >= ' ') answer += char;
      }
    };
    // Echo goes off before the question shows: an answer typed the moment it appears
    // (a script, a fast typist) must never be echoed.
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    process.stderr.write(question);
  });
}

/**
 * The first line of some bytes, decoded as UTF-8, refusing anything else:
 * decoding leniently would turn every invalid byte into U+FFFD, so that
 * different passphrases would open the same vault.
 */
export function firstLineOf(bytes: Uint8Array): string {
  const newline = bytes.indexOf(0x0a);
  const line = newline >= 0 ? bytes.subarray(0, newline) : bytes;
  let text: string;
  try {
    text = strictUtf8.decode(line);
  } catch {
    throw new NotUtf8Error();
  }
  return text.replace(/\r$/, '');
}

/** The first line of a stream, without its line ending; reads no further than needed. */
export async function readFirstLine(stream: Readable, maxBytes = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    chunks.push(bytes);
    size += bytes.length;
    if (bytes.includes(0x0a) || size > maxBytes) break;
  }
  return firstLineOf(Buffer.concat(chunks));
}

export async function readFirstLineOfFile(path: string): Promise<string> {
  return firstLineOf(await readFile(path));
}

export async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new Error(`Input larger than ${maxBytes} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
