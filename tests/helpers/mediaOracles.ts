import { spawnSync } from 'node:child_process';
import { exiftool } from './exiftool';

// What other programs see in an audio or video file: ffmpeg's packets and
// decoded samples, and exiftool's tags read as a leak check.

export function ffmpeg(args: string[]): string {
  const r = spawnSync('ffmpeg', ['-v', 'error', ...args], { maxBuffer: 1 << 26 });
  return r.stdout.toString();
}

const IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'gif', 'webp', 'tiff']);

/**
 * Packet lines of the audio and video streams, video then audio, each as
 * kind, dts, pts, duration, size, hash (the stream index and side data left
 * out, so a dropped stream does not renumber the others). Cover art (a
 * one-packet image stream beside audio) is left out: it is metadata.
 * `timing: false` keeps only duration, size and hash: ffmpeg shifts an MP3's
 * first timestamp when a cover-art stream is present, with the very same
 * packets.
 */
export function packets(path: string, timing = true): string[] {
  const text = ffmpeg(['-i', path, '-map', '0', '-c', 'copy', '-f', 'framemd5', '-']);
  const kind = new Map<string, string>();
  const codec = new Map<string, string>();
  const rows: string[][] = [];
  for (const l of text.split('\n')) {
    const media = /^#media_type (\d+): (\w+)/.exec(l);
    if (media) kind.set(media[1]!, media[2]!);
    const id = /^#codec_id (\d+): (\w+)/.exec(l);
    if (id) codec.set(id[1]!, id[2]!);
    if (l && !l.startsWith('#')) rows.push(l.split(',').map((x) => x.trim()));
  }
  const count = (s: string): number => rows.filter((r) => r[0] === s).length;
  const hasAudio = [...kind.values()].includes('audio');
  const keep = (s: string): boolean =>
    kind.get(s) === 'audio' ||
    (kind.get(s) === 'video' && !(hasAudio && IMAGE_CODECS.has(codec.get(s)!) && count(s) === 1));
  const out: string[] = [];
  for (const want of ['video', 'audio'])
    for (const f of rows)
      if (kind.get(f[0]!) === want && keep(f[0]!))
        out.push(`${want},${(timing ? f.slice(1, 6) : f.slice(3, 6)).join(',')}`);
  return out;
}

/** ffprobe's duration of the whole file, in seconds (NaN when it says none). */
export function ffprobeSeconds(path: string): number {
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number.parseFloat(r.stdout.toString());
}

export function decodedAudio(path: string): string {
  return ffmpeg(['-i', path, '-map', '0:a', '-f', 'md5', '-']).trim();
}

/** A date value that is not the zeroed one. */
const REAL_DATE = /^(?!0000)\d{4}[:-]\d{2}[:-]\d{2}/;

/**
 * What exiftool (-ee3 -a -G1 -u) still reads in a stripped file that it
 * should not: planted strings, positions, dates, names of people, devices
 * and software, and any warning or error.
 */
export async function exiftoolLeaks(path: string): Promise<string[]> {
  const r = await exiftool(['-j', '-ee3', '-a', '-G1', '-u', '-s', path]);
  const [tags] = JSON.parse(r.stdout) as Record<string, unknown>[];
  const leaks: string[] = [];
  for (const [key, value] of Object.entries(tags!)) {
    if (key === 'SourceFile' || key.startsWith('System:') || key === 'ExifTool:ExifToolVersion')
      continue;
    const text = String(value);
    const tag = key.slice(key.indexOf(':') + 1);
    if (/CANAR|CanaryCam/.test(text)) leaks.push(`${key}=${text}`);
    if (/GPS|Location|ISO6709/i.test(tag)) leaks.push(key);
    if (/Warning|Error/.test(tag)) leaks.push(`${key}=${text}`);
    if (REAL_DATE.test(text)) leaks.push(`${key}=${text}`);
    // The first frame's Xing/LAME header names the encoder library: kept on purpose.
    if (key === 'MPEG:Encoder' && /^(LAME|Lavc|Lavf)/.test(text)) continue;
    if (
      /(Artist|Author|Title|Comment|Make|Model|Software|Encoder|Creator|Handler(Description|VendorID)?$)/.test(
        tag,
      )
    )
      leaks.push(`${key}=${text}`);
  }
  return leaks;
}

/** exiftool's whole dump of a file (every group, embedded documents too), as text. */
export async function exiftoolText(path: string): Promise<string> {
  return (await exiftool(['-ee3', '-a', '-G1', '-u', path])).stdout;
}
