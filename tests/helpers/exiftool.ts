import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

// One exiftool per test process, kept running (`-stay_open True -@ -`):
// starting exiftool loads its whole Perl library, a third of a second of CPU
// and more on a busy machine, longer than reading a small file; the media
// tests read hundreds of files. The commands and their output are those of a
// separate `exiftool ARGS…` run, exit status included.

export interface ExiftoolRun {
  /** The exit status a separate `exiftool` run would have had. */
  status: number;
  stdout: string;
  stderr: string;
}

interface Pending {
  id: number;
  resolve: (run: ExiftoolRun) => void;
  reject: (error: Error) => void;
}

class StayOpen {
  private readonly child: ChildProcessWithoutNullStreams;
  private stdout = '';
  private stderr = '';
  private nextId = 1;
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  constructor() {
    // exiftool keeps polling its argument file after the end of input, so it would
    // outlive a test process that is killed: the shell ends it when its parent is gone,
    // and when the shell itself is stopped (this process's exit handler does that).
    // (A command started with & reads /dev/null unless given the shell's input explicitly.)
    this.child = spawn(
      'sh',
      [
        '-c',
        'exec 3<&0; trap \'kill "$e" 2>/dev/null; exit 0\' TERM INT HUP; ' +
          'exiftool -stay_open True -@ - 0<&3 3<&- & e=$!; ' +
          'while kill -0 "$PPID" 2>/dev/null && kill -0 "$e" 2>/dev/null; do sleep 1; done; ' +
          'kill "$e" 2>/dev/null; wait "$e"',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => {
      this.stdout += d;
      this.settle();
    });
    this.child.stderr.on('data', (d: string) => {
      this.stderr += d;
      this.settle();
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const p of this.pending.splice(0)) p.reject(this.failure);
      if (server === this) server = undefined;
    };
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) =>
      fail(new Error(`exiftool (stay_open) ended: ${code ?? signal}. ${this.stderr}`)),
    );
    this.child.stdin.on('error', fail);
    this.hold(false);
    process.once('exit', () => this.child.kill());
  }

  /** Idle, it must not keep the test process alive (the process's end stops it); busy, it must. */
  private hold(busy: boolean): void {
    const how = busy ? 'ref' : 'unref';
    this.child[how]();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
      (stream as unknown as Record<string, (() => void) | undefined>)[how]?.();
  }

  run(args: string[]): Promise<ExiftoolRun> {
    if (this.failure) return Promise.reject(this.failure);
    for (const arg of args)
      if (/[\r\n]/.test(arg)) throw new Error(`exiftool argument with a line break: ${arg}`);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      this.hold(true);
      // -echo4 writes to stderr after the command, with the status it would exit with.
      const lines = [...args, '-echo4', `{done${id} \${status}}`, `-execute${id}`];
      this.child.stdin.write(`${lines.join('\n')}\n`);
    });
  }

  private settle(): void {
    // Commands finish in the order written; each one's end is marked on both streams.
    while (this.pending.length > 0) {
      const { id, resolve } = this.pending[0]!;
      const ready = `{ready${id}}\n`;
      const outEnd = this.stdout.indexOf(ready);
      const done = new RegExp(`\\{done${id} (\\d+)\\}\\n`).exec(this.stderr);
      if (outEnd < 0 || !done) return;
      this.pending.shift();
      resolve({
        status: Number(done[1]),
        stdout: this.stdout.slice(0, outEnd),
        stderr: this.stderr.slice(0, done.index),
      });
      this.stdout = this.stdout.slice(outEnd + ready.length);
      this.stderr = this.stderr.slice(done.index + done[0].length);
    }
    this.hold(false);
  }
}

let server: StayOpen | undefined;

/** Runs `exiftool ARGS…` (file paths absolute) in this test process's running exiftool. */
export function exiftool(args: string[]): Promise<ExiftoolRun> {
  server ??= new StayOpen();
  return server.run(args);
}
