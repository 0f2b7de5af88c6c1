import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { stripMany } from '../electron/core/metadata';
import {
  median,
  reportPeakMemory,
  reportThroughput,
  round,
  timed,
  warm,
  type Report,
  type Timing,
} from './harness';

// Audio and video stripping: one large phone-style MP4 (1 GB; 100 MB with
// --quick) and 500 voice notes (Opus), with Vigil against
// `ffmpeg -map_metadata -1 -c copy` and mat2 (which handles MP4 and Opus) in
// the same run. The MP4 runs in a child process under GNU time, so its peak
// memory and CPU time are Vigil's alone; each side runs twice, alternately,
// and its faster run counts (the machine is shared). Vigil's run includes
// what ffmpeg's does not: both SHA-256 digests, the check of the output and
// an fsync. Its CPU time is reported beside the wall time: on a loaded
// machine the wall time follows the CPU time each process gets.

/** The faster of two runs of each command, run alternately so that all meet the same load. */
function bestOfTwo(...commands: (() => Timing)[]): Timing[] {
  const first = commands.map((c) => c());
  const second = commands.map((c) => c());
  return first.map((x, i) => (second[i]!.seconds < x.seconds ? second[i]! : x));
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const VIGIL = resolve('out/cli/vigil.js');

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** The baseline: every stream copied as it is, the global metadata dropped. */
function ffmpegStrip(input: string, output: string): string[] {
  return [
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-map',
    '0',
    '-map_metadata',
    '-1',
    '-c',
    'copy',
    output,
  ];
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 26 });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.slice(0, 4).join(' ')}… failed: ${r.stderr.toString().slice(-400)}`,
    );
}

/** A phone-like MP4: high-bitrate H.264 and AAC, metadata, moov at the end; looped up to `bytes`. */
function makeVideo(dir: string, bytes: number): string {
  const clip = join(dir, 'clip.mp4');
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=30:duration=8,noise=alls=60:allf=t',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=8:sample_rate=48000',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '8',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    clip,
  ]);
  const size = spawnSync('stat', ['-c', '%s', clip]).stdout.toString().trim();
  const loops = Math.max(0, Math.ceil(bytes / Number(size)) - 1);
  const big = join(dir, 'phone.mp4');
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    String(loops),
    '-i',
    clip,
    '-c',
    'copy',
    '-metadata',
    'title=Bench title',
    '-metadata',
    'location=+48.8584+002.2945/',
    '-metadata',
    'make=BenchPhone',
    '-metadata',
    'creation_time=2024-03-05T14:22:10Z',
    big,
  ]);
  return big;
}

async function makeVoiceNotes(dir: string, count: number): Promise<string> {
  const wav = join(dir, 'voice.wav');
  run('sox', [
    '-n',
    '-r',
    '48000',
    '-c',
    '1',
    '-b',
    '16',
    wav,
    'synth',
    '20',
    'pinknoise',
    'vol',
    '0.2',
    'tremolo',
    '4',
    '80',
  ]);
  const notes = join(dir, 'notes');
  await mkdir(notes);
  const base = join(dir, 'base.opus');
  run('opusenc', [
    '--quiet',
    '--bitrate',
    '24',
    '--artist',
    'Bench Sender',
    '--comment',
    'LOCATION=Bench place',
    wav,
    base,
  ]);
  for (let i = 0; i < count; i += 1)
    await copyFile(base, join(notes, `note-${String(i).padStart(3, '0')}.opus`));
  return notes;
}

/**
 * The start-up of the command line: a whole `vigil inspect` of one voice note
 * (median of 7 runs) against Node starting with no script at all. Only the
 * module of the command run is loaded (electron/cli/commands/registry.ts).
 */
function cliStartup(report: Report, note: string): void {
  const runs = (cmd: string, args: string[]): number =>
    median(Array.from({ length: 7 }, () => timed(cmd, args).seconds * 1000));
  report({
    metric: 'CLI start-up: vigil inspect of one voice note, whole process (median of 7)',
    value: round(runs(process.execPath, [VIGIL, 'inspect', note]), 0),
    unit: 'ms',
    baseline: 'node -e 0 (Node alone)',
    baselineValue: round(runs(process.execPath, ['-e', '0']), 0),
  });
}

async function dirBytes(dir: string): Promise<number> {
  let n = 0;
  for (const f of await readdir(dir)) n += (await stat(join(dir, f))).size;
  return n;
}

export async function mediaStripBench(report: Report, dir: string, quick: boolean): Promise<void> {
  if (!has('ffmpeg') || !has('sox') || !has('opusenc')) {
    process.stdout.write(
      '  skipped the media part: ffmpeg, sox and opusenc are needed (Debian: ffmpeg sox opus-tools).\n',
    );
    return;
  }
  const media = join(dir, 'media');
  await mkdir(media);
  process.stderr.write(
    `  generating a ${quick ? '100 MB' : '1 GB'} MP4 and the voice notes (ffmpeg, sox, opusenc)…\n`,
  );
  const video = makeVideo(media, quick ? 100e6 : 1e9);
  const mb = (await stat(video)).size / 1e6;
  process.stderr.write(`  ${round(mb, 0)} MB MP4\n`);

  process.stdout.write(`  load average before the MP4 runs: ${load()}\n`);
  const vigilMp4 = join(media, 'vigil.mp4');
  const ffmpegOut = join(media, 'ffmpeg.mp4');
  // ffmpeg leaves its output in the page cache; Vigil's is on the disk (fsync) before it is
  // renamed into place, so that a crash leaves a complete copy or none. The third command is
  // ffmpeg with the same durability: its output synced to the disk (coreutils sync --data).
  const [ours, ffmpegRun, ffmpegSynced] = bestOfTwo(
    () => {
      warm(video);
      spawnSync('rm', ['-f', vigilMp4]);
      return timed(process.execPath, [VIGIL, 'strip', video, '--out', vigilMp4]);
    },
    () => {
      warm(video);
      return timed('ffmpeg', ffmpegStrip(video, ffmpegOut));
    },
    () => {
      warm(video);
      const args = ffmpegStrip(video, ffmpegOut).map((a) => `'${a}'`);
      return timed('sh', ['-c', `ffmpeg ${args.join(' ')} && sync --data '${ffmpegOut}'`]);
    },
  ) as [Timing, Timing, Timing];
  await rm(ffmpegOut, { force: true });
  await rm(vigilMp4, { force: true });
  const ffmpeg = { name: 'ffmpeg -map_metadata -1 -c copy', run: ffmpegRun };
  process.stdout.write(`  load average after the MP4 runs: ${load()}\n`);
  reportThroughput(
    report,
    `MP4 ${round(mb, 0)} MB: vigil strip (streamed, re-checked, fsync)`,
    mb,
    ours,
    ffmpeg,
  );
  reportThroughput(
    report,
    `MP4 ${round(mb, 0)} MB: vigil strip (streamed, re-checked, fsync)`,
    mb,
    ours,
    { name: 'ffmpeg -map_metadata -1 -c copy, then sync --data of its output', run: ffmpegSynced },
  );
  reportPeakMemory(report, `MP4 ${round(mb, 0)} MB: vigil strip peak memory`, ours, ffmpeg);
  report({
    metric: `MP4 ${round(mb, 0)} MB: vigil strip CPU time (user + system, all threads)`,
    value: round(ours.cpuSeconds, 2),
    unit: 's',
    baseline: 'ffmpeg -map_metadata -1 -c copy',
    baselineValue: round(ffmpeg.run.cpuSeconds, 2),
  });
  if (has('mat2')) {
    const copy = join(media, 'mat2.mp4');
    await copyFile(video, copy);
    warm(copy);
    let mat2: Timing | undefined;
    try {
      mat2 = timed('mat2', ['--inplace', copy]);
    } catch (error) {
      process.stdout.write(`  mat2 failed on the MP4: ${(error as Error).message.slice(0, 200)}\n`);
    }
    if (mat2) {
      reportThroughput(report, `MP4 ${round(mb, 0)} MB: vigil strip`, mb, ours, {
        name: 'mat2 --inplace',
        run: mat2,
      });
      reportPeakMemory(report, `MP4 ${round(mb, 0)} MB: vigil strip peak memory`, ours, {
        name: 'mat2 --inplace',
        run: mat2,
      });
    }
  }

  const count = quick ? 50 : 500;
  const notes = await makeVoiceNotes(media, count);
  cliStartup(report, join(notes, 'note-000.opus'));
  const files = (await readdir(notes)).sort();
  const notesMb = (await dirBytes(notes)) / 1e6;
  const vigilOut = join(media, 'notes-vigil');
  const ffOut = join(media, 'notes-ffmpeg');
  await mkdir(vigilOut);
  await mkdir(ffOut);
  for (const f of files) warm(join(notes, f));
  let start = performance.now();
  // One call for all the notes, as `vigil strip FILE… --out-dir` does: the outputs' syncs are grouped.
  const { outcomes } = await stripMany(
    files.map((f) => ({ input: join(notes, f), output: join(vigilOut, f) })),
  );
  const vigilSeconds = (performance.now() - start) / 1000;
  const failed = outcomes.find((o) => 'error' in o && o.error);
  if (failed) throw new Error(`vigil could not strip a voice note: ${JSON.stringify(failed)}`);
  start = performance.now();
  for (const f of files) run('ffmpeg', ffmpegStrip(join(notes, f), join(ffOut, f)));
  const ffSeconds = (performance.now() - start) / 1000;
  report({
    metric: `${count} Opus voice notes (${round(notesMb, 1)} MB): vigil stripMany, files per second`,
    value: round(count / vigilSeconds, 1),
    unit: 'files/s',
    baseline: 'ffmpeg -map_metadata -1 -c copy, one process per file',
    baselineValue: round(count / ffSeconds, 1),
  });
  if (has('mat2')) {
    const matDir = join(media, 'notes-mat2');
    await mkdir(matDir);
    for (const f of files) await copyFile(join(notes, f), join(matDir, f));
    start = performance.now();
    const r = spawnSync('mat2', ['--inplace', ...files.map((f) => join(matDir, f))], {
      maxBuffer: 1 << 26,
    });
    const matSeconds = (performance.now() - start) / 1000;
    if (r.status === 0)
      report({
        metric: `${count} Opus voice notes: vigil stripMany, files per second`,
        value: round(count / vigilSeconds, 1),
        unit: 'files/s',
        baseline: 'mat2 --inplace (one process, all files)',
        baselineValue: round(count / matSeconds, 1),
      });
    else
      process.stdout.write(
        `  mat2 failed on the voice notes: ${r.stderr.toString().slice(0, 200)}\n`,
      );
  }
  report({
    metric: 'vigil peak memory of this benchmark process (after the voice notes)',
    value: round(process.resourceUsage().maxRSS / 1024, 1),
    unit: 'MB',
    baseline: null,
    baselineValue: null,
  });
}
