import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

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
  process.stderr.write(question);
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
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003')
          return finish(Object.assign(new Error('Cancelled.'), { cancelled: true }));
        if (char === '\u007f' || char === '\b') answer = [...answer].slice(0, -1).join('');
        else if (char >= ' ') answer += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The first line of a stream, without its line ending; reads no further than needed. */
export async function readFirstLine(stream: Readable, maxBytes = 64 * 1024): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.slice(0, newline);
      break;
    }
    if (text.length > maxBytes) break;
  }
  return text.replace(/\r$/, '');
}

export async function readFirstLineOfFile(path: string): Promise<string> {
  const content = await readFile(path, 'utf8');
  const newline = content.indexOf('\n');
  return (newline >= 0 ? content.slice(0, newline) : content).replace(/\r$/, '');
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
