import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { link, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { runCli } from '../../electron/cli/main';
import { stripBuffer } from '../../electron/core/metadata';
import { tempDir } from '../helpers/tmp';
import { hasFile } from '../helpers/peers';
import { FIXTURES, MEDIA_FIXTURES, plainZip } from '../unit/metadata/helpers';

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    stdinIsTTY: false,
    stderrIsTTY: false,
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const fx = (name: string): string => join(FIXTURES, name);

describe('vigil inspect', () => {
  it('prints the fields grouped, risky ones marked, and the capture facts', async () => {
    const r = await cli(['inspect', fx('camera.jpg')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/image\/jpeg \(jpeg\)/);
    for (const group of [
      'Location:',
      'People:',
      'Device:',
      'Hidden content:',
      'Time:',
      'Software:',
    ])
      expect(r.stdout).toContain(group);
    expect(r.stdout).toMatch(/! Artist \(EXIF, JPEG\): CANARY-ARTIST-7f3a/);
    expect(r.stdout).toMatch(/time: 2024-03-05T14:22:10\+02:00/);
    expect(r.stdout).toMatch(/position: 48\.8584, 2\.294/);
  });

  it('--json prints one report object', async () => {
    const r = await cli(['inspect', fx('meta.png'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual([
      'capture',
      'fields',
      'mime',
      'readable',
      'risky',
      'sha256',
      'size',
      'type',
      'warnings',
    ]);
    expect(report.type).toBe('png');
    expect((report.fields as unknown[]).length).toBeGreaterThan(10);
  });

  it('says it cannot read a type it does not understand, never "No metadata found" (exit 0)', async () => {
    const dir = await tempDir();
    const zip = join(dir, 'archive.bin');
    // A ZIP archive of a text file: a container Vigil does not read.
    await writeFile(zip, await plainZip());
    const text = join(dir, 'notes.dat');
    await writeFile(text, 'CANARY-UNKNOWN-TYPE some text');
    for (const [file, reason] of [
      [zip, /Why: Vigil cannot read this kind of file's metadata \(ZIP archive\)\./],
      [text, /Why: Vigil does not recognise the type of this file/],
    ] as const) {
      const r = await cli(['inspect', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Vigil cannot read this file's metadata, so it cannot tell what/);
      expect(r.stdout).toMatch(reason);
      expect(r.stdout).not.toMatch(/No metadata found/);
      const json = await cli(['inspect', file, '--json']);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as { readable: boolean; unreadableReason: string };
      expect(report.readable).toBe(false);
      expect(report.unreadableReason).toMatch(reason.source.includes('ZIP') ? /ZIP/ : /recognise/);
    }
    const clean = JSON.parse((await cli(['inspect', fx('camera.jpg'), '--json'])).stdout) as {
      readable: boolean;
    };
    expect(clean.readable).toBe(true);
  });

  it('exits 1 for a missing file and 2 for a missing argument', async () => {
    const missing = await cli(['inspect', '/nonexistent/file.jpg']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vigil: Cannot read file\.jpg: no such file or directory\.\n$/);
    const usage = await cli(['inspect']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing FILE/);
  });
});

describe('vigil strip', () => {
  it('writes the stripped copy and reports removed and kept fields', async () => {
    const dir = await tempDir();
    const out = join(dir, 'clean.jpg');
    const r = await cli(['strip', fx('camera.jpg'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Removed \d+ field\(s\):/);
    expect(r.stdout).toMatch(/Kept on purpose:\n {4}JFIF header/);
    expect(r.stdout).toMatch(/Orientation: 6 \(needed to display the picture the right way up\)/);
    expect((await readFile(out)).includes('CANARY')).toBe(false);
  });

  it('--json prints the strip report', async () => {
    const dir = await tempDir();
    const r = await cli(['strip', fx('classic.pdf'), '--out', join(dir, 'clean.pdf'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual([
      'inputSha256',
      'inputSize',
      'kept',
      'mime',
      'outputSha256',
      'outputSize',
      'removed',
      'type',
    ]);
    expect(report.type).toBe('pdf');
    expect(
      (report.removed as { value: string }[]).some((f) =>
        f.value.includes('CANARY-ANNOT-AUTHOR-51f0'),
      ),
    ).toBe(true);
    const kept = report.kept as { key: string; reason: string }[];
    expect(kept.find((k) => k.key === 'pdf.version')?.reason).toMatch(/PDF readers/);
  });

  for (const [name, message] of [
    ['document.docx', /The Office document has no main document part\./],
    ['video.webm', /WebM\/Matroska video; stripping its metadata is not supported yet\./],
    ['video.mp4', /MP4 video is damaged: it has no movie header \(moov box\)\./],
    ['encrypted.pdf', /PDF is encrypted/],
    ['trailing.png', /data after its end \(IEND\)/],
  ] as const) {
    it(`${name}: exit 1, a precise message, no output file`, async () => {
      const dir = await tempDir();
      const r = await cli(['strip', fx(name), '--out', join(dir, 'out'), '--json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^vigil: /);
      expect(r.stderr).toMatch(message);
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it('refuses to overwrite OUT without --force (exit 1), replaces it with --force', async () => {
    const dir = await tempDir();
    const out = join(dir, 'clean.gif');
    await writeFile(out, 'keep me');
    const refused = await cli(['strip', fx('anim.gif'), '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/clean\.gif already exists; use --force to replace it\./);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const forced = await cli(['strip', fx('anim.gif'), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect((await readFile(out)).subarray(0, 6).toString()).toBe('GIF89a');
  });

  it('refuses, even with --force, an output that is the input under another name (the path, a symbolic link, a hard link), one file or a batch; the original is untouched', async () => {
    const dir = await tempDir();
    const input = join(dir, 'photo.jpg');
    const original = await readFile(fx('camera.jpg'));
    await writeFile(input, original);
    await symlink(input, join(dir, 'soft.jpg'));
    await link(input, join(dir, 'hard.jpg'));
    for (const out of [
      input,
      join(dir, '.', 'photo.jpg'),
      join(dir, 'soft.jpg'),
      join(dir, 'hard.jpg'),
    ]) {
      for (const force of [[], ['--force']]) {
        const r = await cli(['strip', input, '--out', out, ...force]);
        expect(r.code, `${out} ${force.join('')}`).toBe(1);
        expect(r.stderr).toMatch(/must not be the input file/);
      }
    }
    // A batch into the input's own folder: each file would be its own output.
    const other = join(dir, 'other.png');
    await writeFile(other, await readFile(fx('meta.png')));
    const batch = await cli(['strip', input, other, '--out-dir', dir, '--force', '--json']);
    expect(batch.code).toBe(1);
    const doc = JSON.parse(batch.stdout) as { files: { error?: { message: string } }[] };
    for (const f of doc.files) expect(f.error?.message).toMatch(/must not be the input file/);
    expect((await readFile(input)).equals(original)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['hard.jpg', 'other.png', 'photo.jpg', 'soft.jpg']);
  });

  it('exits 2 without --out or with an unknown option', async () => {
    expect((await cli(['strip', fx('anim.gif')])).code).toBe(2);
    const r = await cli(['strip', fx('anim.gif'), '--out', '/tmp/x.gif', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vigil strip --help/);
  });
});

/** A JPEG comment segment, to make copies of one photo that differ (and carry a canary). */
function jpegComment(text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xfffe, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('vigil strip FILE… --out-dir', () => {
  it('strips a batch of many kinds: each copy is the one-file strip, the digests are right, refusals are named and leave no output', async () => {
    const src = await tempDir();
    const out = await tempDir();
    const camera = await readFile(fx('camera.jpg'));
    // More photos than one group of grouped syncs, so that one group is synced while the next is stripped.
    const photos: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      const path = join(src, `photo-${i}.jpg`);
      const extra = jpegComment(`CANARY-BATCH-${i} ${'x'.repeat(i * 97)}`);
      await writeFile(path, Buffer.concat([camera.subarray(0, 2), extra, camera.subarray(2)]));
      photos.push(path);
    }
    const refusedNames = ['encrypted.pdf', 'trailing.png', 'video.webm', 'document.docx'];
    const others = [
      'meta.png',
      'encrypted.pdf',
      'meta.webp',
      'cmyk.jpg',
      'trailing.png',
      'progressive.jpg',
      'classic.pdf',
      'video.webm',
      'multipage.tif',
      'audio.mp3',
      'anim.gif',
      'document.docx',
      'meta.heic',
    ].map(fx);
    const all = [...photos.slice(0, 20), ...others, ...photos.slice(20)];
    const r = await cli(['strip', ...all, '--out-dir', out, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      files: {
        input: string;
        output: string;
        outputSha256?: string;
        inputSha256?: string;
        error?: { code: string; message: string };
      }[];
      stripped: number;
      refused: number;
      notStarted: number;
      cancelled: boolean;
    };
    expect(doc.files.map((f) => f.input)).toEqual(all);
    expect([doc.stripped, doc.refused, doc.notStarted, doc.cancelled]).toEqual([
      all.length - refusedNames.length,
      refusedNames.length,
      0,
      false,
    ]);
    for (const f of doc.files) {
      const name = basename(f.input);
      expect(f.output).toBe(join(out, name));
      if (refusedNames.includes(name)) {
        expect(f.error?.message, name).toBeTruthy();
        expect(r.stderr).toContain(`vigil: ${f.input}: ${f.error!.message}`);
        expect(existsSync(f.output)).toBe(false);
        continue;
      }
      const input = await readFile(f.input);
      const written = await readFile(f.output);
      expect(f.inputSha256, name).toBe(sha(input));
      expect(f.outputSha256, name).toBe(sha(written));
      expect(written.includes('CANARY'), name).toBe(false);
      if (name !== 'audio.mp3')
        expect(written.equals((await stripBuffer(input)).output), name).toBe(true);
    }
    expect((await readdir(out)).filter((n) => n.includes('.vigil-tmp-'))).toEqual([]);
  });

  it('strips recordings with the batch (small ones in memory, each the one-file strip) and streams large ones, never refusing them for their size', async () => {
    const src = await tempDir();
    const out = await tempDir();
    const names = [
      'voice.opus',
      'tagged.aac',
      'tagged.mp3',
      'tagged.flac',
      'song.m4a',
      'phone.mov',
    ];
    // Enough files for the hashing thread and grouped syncs.
    const inputs: string[] = [];
    for (let i = 0; i < 3; i += 1)
      for (const name of names) {
        const path = join(src, `${i}-${name}`);
        await writeFile(path, await readFile(join(MEDIA_FIXTURES, name)));
        inputs.push(path);
      }
    // A 1.1 GiB "video" that is a file type box and a media data box of zeros, stored sparse:
    // it goes to the streamed path (whose reader seeks), not to a refusal for its size.
    const huge = join(src, 'huge.mp4');
    const ftyp = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex');
    const mdat = Buffer.alloc(16);
    mdat.writeUInt32BE(1, 0);
    mdat.write('mdat', 4, 'latin1');
    const size = 1152 * 1024 * 1024;
    mdat.writeBigUInt64BE(BigInt(size - ftyp.length), 8);
    await writeFile(huge, Buffer.concat([ftyp, mdat]));
    await truncate(huge, size);
    const r = await cli(['strip', ...inputs, huge, '--out-dir', out, '--json']);
    const doc = JSON.parse(r.stdout) as {
      files: {
        input: string;
        output: string;
        outputSha256?: string;
        inputSha256?: string;
        error?: { message: string };
      }[];
    };
    expect(r.code).toBe(1);
    for (const f of doc.files.slice(0, -1)) {
      const name = basename(f.input);
      expect(f.error, name).toBeUndefined();
      const input = await readFile(f.input);
      const written = await readFile(f.output);
      expect(f.inputSha256, name).toBe(sha(input));
      expect(f.outputSha256, name).toBe(sha(written));
      expect(written.includes('CANARY'), name).toBe(false);
      expect(written.equals((await stripBuffer(input)).output), name).toBe(true);
    }
    const last = doc.files.at(-1)!;
    expect(last.error?.message).toMatch(/MP4/);
    expect(last.error?.message).not.toMatch(/larger than/);
    expect(existsSync(last.output)).toBe(false);
  });

  it('refuses a name given twice and an existing copy without --force (kept as it was), replaces it with --force; usage errors exit 2', async () => {
    const a = await tempDir();
    const b = await tempDir();
    const out = await tempDir();
    await writeFile(join(a, 'same.png'), await readFile(fx('meta.png')));
    await writeFile(join(b, 'same.png'), await readFile(fx('meta.png')));
    const twice = await cli(['strip', join(a, 'same.png'), join(b, 'same.png'), '--out-dir', out]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/same\.png is the output of another file of this batch/);
    expect(await readdir(out)).toEqual(['same.png']);

    await writeFile(join(out, 'camera.jpg'), 'keep me');
    const kept = await cli(['strip', fx('camera.jpg'), fx('meta.webp'), '--out-dir', out]);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toMatch(/camera\.jpg already exists; use --force to replace it\./);
    expect(await readFile(join(out, 'camera.jpg'), 'utf8')).toBe('keep me');
    expect(existsSync(join(out, 'meta.webp'))).toBe(true);
    const forced = await cli(['strip', fx('camera.jpg'), '--out-dir', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/1 of 1 file\(s\) stripped into/);
    expect((await readFile(join(out, 'camera.jpg'))).includes('CANARY')).toBe(false);

    for (const argv of [
      ['strip', fx('camera.jpg'), '--out', join(out, 'x.jpg'), '--out-dir', out],
      ['strip', fx('camera.jpg'), fx('meta.png'), '--out', join(out, 'x.jpg')],
      ['strip', fx('camera.jpg'), '--out-dir', join(out, 'missing')],
      ['strip', fx('camera.jpg'), '--out-dir', join(out, 'meta.webp')],
    ]) {
      const usage = await cli(argv);
      expect(usage.code, argv.join(' ')).toBe(2);
      expect(usage.stderr).toMatch(/^vigil: .*(--out|--out-dir)/);
    }
    expect(existsSync(join(out, 'x.jpg'))).toBe(false);
  });
});

const BUILT = join(process.cwd(), 'out/cli/vigil.js');
const HAS_BUILT = hasFile(existsSync(BUILT), 'out/cli/vigil.js (npm run build:cli)');

describe('the built vigil command', () => {
  it.skipIf(!HAS_BUILT)(
    'strips through node out/cli/vigil.js with the documented exit codes',
    async () => {
      const dir = await tempDir();
      const out = join(dir, 'clean.webp');
      const ok = spawnSync(process.execPath, [
        BUILT,
        'strip',
        fx('meta.webp'),
        '--out',
        out,
        '--json',
      ]);
      expect(ok.status, ok.stderr.toString()).toBe(0);
      expect((JSON.parse(ok.stdout.toString()) as { type: string }).type).toBe('webp');
      expect((await readFile(out)).includes('CANARY')).toBe(false);
      const refused = spawnSync(process.execPath, [
        BUILT,
        'strip',
        fx('video.webm'),
        '--out',
        join(dir, 'v.webm'),
      ]);
      expect(refused.status).toBe(1);
      expect(refused.stderr.toString()).toMatch(/not supported yet/);
      expect(existsSync(join(dir, 'v.webm'))).toBe(false);
      const usage = spawnSync(process.execPath, [BUILT, 'strip', fx('meta.webp')]);
      expect(usage.status).toBe(2);
      const inspect = spawnSync(process.execPath, [BUILT, 'inspect', fx('meta.heic'), '--json']);
      expect(inspect.status).toBe(0);
      expect((JSON.parse(inspect.stdout.toString()) as { type: string }).type).toBe('heic');
    },
  );
});
