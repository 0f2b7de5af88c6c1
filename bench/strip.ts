import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { stripBuffer, stripFile } from '../electron/core/metadata';
import { round, type Bench } from './harness';
import { mediaStripBench } from './stripMedia';

// Strips a batch of camera-sized JPEGs and PNGs with Vigil (one process, the
// real stripFile path: read, inspect, strip, re-inspect, hash, atomic write
// with fsync) and with `exiftool -all=` (one process over the same files), and
// asks exiftool which outputs still carry risky tags.

const RISKY_TAG =
  /GPS|Serial|Owner|Artist|Author|Creator|Copyright|Make|Model|Software|Comment|Description|DateTime|CreateDate|ModifyDate|Thumbnail|Keywords|Title|DocumentID|By-line/i;
const RISKY_GROUP = /^(GPS|IPTC|XMP|XMP-.*|Photoshop|MakerNotes|ICC_Profile|ICC-header)$/;

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
    const mediaDir = await mkdtemp(join(tmpdir(), 'vigil-bench-strip-media-'));
    try {
      await mediaStripBench(report, mediaDir, quick);
    } finally {
      await rm(mediaDir, { recursive: true, force: true });
    }
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
      const withExiftool = has('exiftool');
      if (!withExiftool)
        process.stdout.write(
          '  exiftool is not installed: no baseline and no verdict (Debian: libimage-exiftool-perl).\n',
        );
      const totals = { bytes: 0, vigil: 0, memory: 0, exiftool: 0 };
      for (const kind of ['jpeg', 'png'] as const) {
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

        await mkdir(join(vigilOut, kind), { recursive: true });
        let start = performance.now();
        const cpu = process.cpuUsage();
        for (const [i, p] of paths.entries()) await stripFile(p, join(vigilOut, kind, files[i]!));
        const vigil = (performance.now() - start) / 1000;
        const used = process.cpuUsage(cpu);
        const vigilCpu = (used.user + used.system) / 1e6;

        // The same work without the atomic write, to show what the two fsyncs per file cost.
        start = performance.now();
        for (const p of paths) await stripBuffer(await readFile(p));
        const memory = (performance.now() - start) / 1000;

        let exif: number | null = null;
        let exifCpu: number | null = null;
        if (withExiftool) {
          start = performance.now();
          // bash's `times` reports the CPU time of the exiftool process it ran.
          const r = spawnSync(
            'bash',
            ['-c', 'exiftool -q -q -all= -o "$1/" "$2"; times', 'bench', join(exifOut, kind), from],
            { maxBuffer: 1 << 26 },
          );
          exif = (performance.now() - start) / 1000;
          exifCpu = childCpuSeconds(r.stdout.toString());
        }
        const baseline = exif
          ? `exiftool -all= (one process, ${files.length} ${kind.toUpperCase()} files)`
          : null;
        const exifRate = exif ? round(mb / exif, 1) : null;
        report({
          metric: `${kind.toUpperCase()}: vigil stripFile (strip, re-inspect, SHA-256 x2, atomic write + fsync)`,
          value: round(mb / vigil, 1),
          unit: 'MB/s',
          baseline,
          baselineValue: exifRate,
        });
        report({
          metric: `${kind.toUpperCase()}: vigil stripBuffer in memory (read + strip + re-inspect, no write)`,
          value: round(mb / memory, 1),
          unit: 'MB/s',
          baseline,
          baselineValue: exifRate,
        });
        // CPU seconds are steadier than wall time on a shared machine.
        report({
          metric: `${kind.toUpperCase()}: vigil stripFile, MB per CPU-second`,
          value: round(mb / vigilCpu, 1),
          unit: 'MB/cpu-s',
          baseline: exifCpu ? 'exiftool -all=, MB per CPU-second' : null,
          baselineValue: exifCpu ? round(mb / exifCpu, 1) : null,
        });
        totals.bytes += bytes;
        totals.vigil += vigil;
        totals.memory += memory;
        totals.exiftool += exif ?? 0;
      }
      const mb = totals.bytes / 1e6;
      const baseline = withExiftool ? 'exiftool -all=' : null;
      report({
        metric: 'all files: vigil stripFile',
        value: round(mb / totals.vigil, 1),
        unit: 'MB/s',
        baseline,
        baselineValue: withExiftool ? round(mb / totals.exiftool, 1) : null,
      });
      if (withExiftool) {
        report({
          metric: 'files exiftool still finds risky tags in: vigil output',
          value: riskyFiles(vigilOut),
          unit: 'files',
          baseline: 'exiftool -all= output',
          baselineValue: riskyFiles(exifOut),
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
