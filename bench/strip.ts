import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { stripBuffer, stripMany } from '../electron/core/metadata';
import { round, type Bench } from './harness';
import { mediaStripBench } from './stripMedia';

// Strips a batch of camera-sized JPEGs and PNGs with Vigil (one process, the
// real path of `vigil strip FILE… --out-dir`: read, inspect, strip,
// re-inspect, both SHA-256, atomic writes whose fsyncs are grouped) and with
// `exiftool -all=` (one process over the same files), unsynced and followed
// by `sync` (the durability Vigil gives), and asks exiftool which outputs
// still carry risky tags.

const RISKY_TAG =
  /GPS|Serial|Owner|Artist|Author|Creator|Copyright|Make|Model|Software|Comment|Description|DateTime|CreateDate|ModifyDate|Thumbnail|Keywords|Title|DocumentID|By-line/i;
const RISKY_GROUP = /^(GPS|IPTC|XMP|XMP-.*|Photoshop|MakerNotes|ICC_Profile|ICC-header)$/;

interface Run {
  seconds: number;
  cpuSeconds: number | null;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The children's user + system time from the second line of bash's `times`. */
function childCpuSeconds(out: string): number | null {
  const line = out.trim().split('\n').pop() ?? '';
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(line);
  return m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : null;
}

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function imagemagick(): string | undefined {
  if (spawnSync('/usr/bin/convert', ['-version']).status === 0) return '/usr/bin/convert';
  const r = spawnSync('convert', ['-version']);
  return r.status === 0 && r.stdout.toString().includes('ImageMagick') ? 'convert' : undefined;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 26 });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.slice(0, 3).join(' ')}… failed: ${r.stderr.toString().slice(0, 300)}`,
    );
}

/** A PNG chunk with its CRC, to make every copy of the base PNG distinct. */
function pngChunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)) >>> 0, 8 + body.length);
  return out;
}

async function makeCorpus(
  dir: string,
  count: number,
  convert: string,
): Promise<{ jpegs: number; pngs: number; bytes: number }> {
  const base = join(dir, 'base');
  const input = join(dir, 'in');
  await mkdir(base);
  await mkdir(join(input, 'jpeg'), { recursive: true });
  await mkdir(join(input, 'png'), { recursive: true });
  process.stderr.write('  generating the base images (ImageMagick + exiftool)…\n');
  run(convert, [
    '-seed',
    '1',
    '-size',
    '3600x2700',
    'plasma:fractal',
    '-quality',
    '92',
    join(base, 'photo.jpg'),
  ]);
  run(convert, [
    '-seed',
    '2',
    '-size',
    '1400x1000',
    'plasma:fractal',
    '-depth',
    '8',
    join(base, 'screen.png'),
  ]);
  run(convert, ['-size', '160x120', 'xc:orange', join(base, 'thumb.jpg')]);
  const tags = [
    '-q',
    '-overwrite_original',
    '-Make=BenchCam',
    '-Model=BC-1',
    '-SerialNumber=SN-000000000',
    '-OwnerName=Bench Owner',
    '-Artist=Bench Artist',
    '-Software=BenchFirmware 1.0',
    '-DateTimeOriginal=2024:03:05 14:22:10',
    '-OffsetTimeOriginal=+02:00',
    '-GPSLatitude=48.8584',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=2.2945',
    '-GPSLongitudeRef=E',
    '-GPSAltitude=35',
    '-XMP-dc:Creator=Bench Creator',
    '-XMP-dc:Description=Bench description',
    '-IPTC:By-line=Bench Byline',
  ];
  if (has('exiftool')) {
    run('exiftool', [
      ...tags,
      `-ThumbnailImage<=${join(base, 'thumb.jpg')}`,
      '-Comment=bench comment',
      join(base, 'photo.jpg'),
    ]);
    run('exiftool', [
      ...tags.filter((t) => !t.startsWith('-IPTC')),
      '-PNG:Author=Bench Author',
      join(base, 'screen.png'),
    ]);
  }
  const photo = await readFile(join(base, 'photo.jpg'));
  const screen = await readFile(join(base, 'screen.png'));
  const serialAt = photo.indexOf('SN-000000000');
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    // Distinct files: a per-file serial number of the same length, so the structure is unchanged.
    const jpeg = Buffer.from(photo);
    if (serialAt >= 0) jpeg.write(`SN-${String(i).padStart(9, '0')}`, serialAt, 'latin1');
    await writeFile(join(input, 'jpeg', `photo-${i}.jpg`), jpeg);
    const ihdrEnd = 8 + 25;
    const png = Buffer.concat([
      screen.subarray(0, ihdrEnd),
      pngChunk('tEXt', Buffer.from(`Comment\0bench file ${i}`)),
      screen.subarray(ihdrEnd),
    ]);
    await writeFile(join(input, 'png', `screen-${i}.png`), png);
    bytes += jpeg.length + png.length;
  }
  return { jpegs: photo.length, pngs: screen.length, bytes };
}

/** How many files exiftool still finds risky tags in. */
function riskyFiles(dir: string): number {
  const r = spawnSync('exiftool', ['-j', '-a', '-G1', '-s', '-q', '-r', dir], {
    maxBuffer: 1 << 28,
  });
  const list = JSON.parse(r.stdout.toString() || '[]') as Record<string, unknown>[];
  let risky = 0;
  for (const file of list) {
    const bad = Object.keys(file).some((name) => {
      if (
        name === 'SourceFile' ||
        name.startsWith('System:') ||
        name.startsWith('File:File') ||
        name === 'ExifTool:ExifToolVersion'
      )
        return false;
      const [group, tag] = name.split(':');
      if (group === 'ExifTool') return true;
      return RISKY_GROUP.test(group!) || RISKY_TAG.test(tag ?? '');
    });
    if (bad) risky += 1;
  }
  return risky;
}

export const stripBench: Bench = {
  name: 'strip',
  description:
    'metadata stripping: a 1 GB MP4 and 500 voice notes against ffmpeg -map_metadata -1 -c copy and mat2; camera-sized JPEGs and PNGs against exiftool -all= (with exiftool\u2019s verdict on both)',
  async run(report, { quick }) {
    // VIGIL_BENCH_STRIP=images runs only the JPEG and PNG part, =jpeg only the JPEGs, =media
    // only the audio and video part (exiftool alone takes minutes over the PNGs).
    const part = process.env.VIGIL_BENCH_STRIP;
    if (part !== 'images' && part !== 'jpeg') {
      const mediaDir = await mkdtemp(join(tmpdir(), 'vigil-bench-strip-media-'));
      try {
        await mediaStripBench(report, mediaDir, quick);
      } finally {
        await rm(mediaDir, { recursive: true, force: true });
      }
    }
    if (part === 'media') return;
    const convert = imagemagick();
    if (!convert) {
      process.stdout.write(
        '  skipped: ImageMagick is needed to generate the corpus (Debian: imagemagick).\n',
      );
      return;
    }
    const count = quick ? 50 : 500;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-strip-'));
    try {
      const corpus = await makeCorpus(dir, count, convert);
      const input = join(dir, 'in');
      process.stderr.write(
        `  ${2 * count} files, ${round(corpus.bytes / 1e6, 0)} MB (JPEG ${round(corpus.jpegs / 1e6)} MB, PNG ${round(corpus.pngs / 1e6)} MB each)\n`,
      );
      const vigilOut = join(dir, 'vigil');
      const exifOut = join(dir, 'exiftool');
      const exifSyncOut = join(dir, 'exiftool-synced');
      const withExiftool = has('exiftool');
      if (!withExiftool)
        process.stdout.write(
          '  exiftool is not installed: no baseline and no verdict (Debian: libimage-exiftool-perl).\n',
        );
      const totals = { bytes: 0, vigil: 0, memory: 0, synced: 0 };
      for (const kind of part === 'jpeg' ? (['jpeg'] as const) : (['jpeg', 'png'] as const)) {
        const from = join(input, kind);
        const files = (await readdir(from)).sort();
        const paths = files.map((f) => join(from, f));
        const bytes = (await Promise.all(paths.map((p) => stat(p)))).reduce(
          (n, x) => n + x.size,
          0,
        );
        const mb = bytes / 1e6;
        // Warm the page cache and the code paths, as exiftool gets a warm cache too.
        for (const p of paths) await readFile(p);
        await stripBuffer(await readFile(paths[0]!));
        process.stdout.write(`  load average before the ${kind.toUpperCase()} runs: ${load()}\n`);

        // Each side starts with nothing dirty in the page cache (an untimed sync), so that
        // neither pays for the other's writes; best of two runs each, run alternately.
        const vigilRun = async (): Promise<Run> => {
          await rm(join(vigilOut, kind), { recursive: true, force: true });
          await mkdir(join(vigilOut, kind), { recursive: true });
          spawnSync('sync');
          const start = performance.now();
          const cpu = process.cpuUsage();
          const { outcomes } = await stripMany(
            paths.map((p, i) => ({ input: p, output: join(vigilOut, kind, files[i]!) })),
          );
          const failed = outcomes.find((o) => 'error' in o);
          if (failed && 'error' in failed)
            throw new Error(`vigil refused ${failed.input}: ${failed.error.message}`);
          const used = process.cpuUsage(cpu);
          return {
            seconds: (performance.now() - start) / 1000,
            cpuSeconds: (used.user + used.system) / 1e6,
          };
        };
        const exiftoolRun = async (out: string, sync: boolean): Promise<Run> => {
          await rm(out, { recursive: true, force: true });
          spawnSync('sync');
          const start = performance.now();
          // bash's `times` reports the CPU time of the children it ran (exiftool, sync).
          const r = spawnSync(
            'bash',
            [
              '-c',
              `exiftool -q -q -all= -o "$1/" "$2"${sync ? ' && sync' : ''}; times`,
              'bench',
              out,
              from,
            ],
            { maxBuffer: 1 << 26 },
          );
          return {
            seconds: (performance.now() - start) / 1000,
            cpuSeconds: childCpuSeconds(r.stdout.toString()),
          };
        };
        // exiftool takes minutes over the PNGs: one run of each there, and no unsynced one.
        const jpeg = kind === 'jpeg';
        const runs: { vigil: Run; exif: Run | null; synced: Run | null }[] = [];
        for (let i = 0; i < (jpeg ? 2 : 1); i += 1) {
          const vigil = await vigilRun();
          const exif = withExiftool && jpeg ? await exiftoolRun(join(exifOut, kind), false) : null;
          const synced = withExiftool ? await exiftoolRun(join(exifSyncOut, kind), true) : null;
          runs.push({ vigil, exif, synced });
        }
        const best = (pick: (r: (typeof runs)[number]) => Run | null): Run | null =>
          runs
            .map(pick)
            .reduce<Run | null>((a, b) => (!b ? a : !a || b.seconds < a.seconds ? b : a), null);
        const vigil = best((r) => r.vigil)!;
        const exif = best((r) => r.exif);
        const synced = best((r) => r.synced);
        process.stdout.write(`  load average after the ${kind.toUpperCase()} runs: ${load()}\n`);

        // The same work without the write, to show what the durable write costs.
        const start = performance.now();
        for (const p of paths) await stripBuffer(await readFile(p));
        const memory = (performance.now() - start) / 1000;

        const n = `${files.length} ${kind.toUpperCase()} files`;
        const ours = `${kind.toUpperCase()}: vigil stripMany (strip, re-check, atomic writes, fsyncs grouped)`;
        report({
          metric: `${ours}, ${round(mb, 0)} MB in ${round(vigil.seconds, 2)} s`,
          value: round(mb / vigil.seconds, 1),
          unit: 'MB/s',
          baseline: synced
            ? `exiftool -all= then sync (one process, ${n}), ${round(synced.seconds, 2)} s`
            : null,
          baselineValue: synced ? round(mb / synced.seconds, 1) : null,
        });
        if (exif)
          report({
            metric: ours,
            value: round(mb / vigil.seconds, 1),
            unit: 'MB/s',
            baseline: exif
              ? `exiftool -all= unsynced (one process, ${n}), ${round(exif.seconds, 2)} s`
              : null,
            baselineValue: exif ? round(mb / exif.seconds, 1) : null,
          });
        report({
          metric: `${kind.toUpperCase()}: vigil stripBuffer in memory (read + strip + re-check, no write), ${round(memory, 2)} s`,
          value: round(mb / memory, 1),
          unit: 'MB/s',
          baseline: exif ? 'exiftool -all= unsynced' : synced ? 'exiftool -all= then sync' : null,
          baselineValue: exif
            ? round(mb / exif.seconds, 1)
            : synced
              ? round(mb / synced.seconds, 1)
              : null,
        });
        // CPU seconds are steadier than wall time on a shared machine.
        report({
          metric: `${kind.toUpperCase()}: vigil stripMany, MB per CPU-second`,
          value: round(mb / (vigil.cpuSeconds ?? NaN), 1),
          unit: 'MB/cpu-s',
          baseline: synced?.cpuSeconds ? 'exiftool -all= then sync, MB per CPU-second' : null,
          baselineValue: synced?.cpuSeconds ? round(mb / synced.cpuSeconds, 1) : null,
        });
        totals.bytes += bytes;
        totals.vigil += vigil.seconds;
        totals.memory += memory;
        totals.synced += synced?.seconds ?? 0;
      }
      const mb = totals.bytes / 1e6;
      report({
        metric: 'all files: vigil stripMany',
        value: round(mb / totals.vigil, 1),
        unit: 'MB/s',
        baseline: withExiftool ? 'exiftool -all= then sync' : null,
        baselineValue: withExiftool ? round(mb / totals.synced, 1) : null,
      });
      if (withExiftool) {
        report({
          metric: 'files exiftool still finds risky tags in: vigil output',
          value: riskyFiles(vigilOut),
          unit: 'files',
          baseline: 'exiftool -all= output',
          baselineValue: riskyFiles(exifSyncOut),
        });
        report({
          metric: 'files exiftool finds risky tags in: the input (sanity check)',
          value: riskyFiles(input),
          unit: 'files',
          baseline: null,
          baselineValue: null,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
