import { randomBytes } from 'node:crypto';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportEvidence,
  getEvidence,
  intakeFile,
  stripEvidence,
} from '../../../electron/core/evidence';
import { BlobSource } from '../../../electron/core/evidence/blobSource';
import { BLOB_CHUNK } from '../../../electron/core/evidence/blobStore';
import { inspectBuffer } from '../../../electron/core/metadata';
import { createCase } from '../../../electron/core/records';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { MEDIA_FIXTURES, plantedIn } from '../../unit/metadata/helpers';

// Audio and video evidence is stripped from blob to blob: decrypted in chunks
// as the parsers need it, never whole and never to disk.

function riffChunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A WAV of several blob chunks with metadata before and after its samples. */
function largeWav(samples: Buffer): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(48000, 4);
  fmt.writeUInt32LE(96000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const bext = Buffer.alloc(602);
  bext.write('CANARY-LARGE-BEXT-DESC', 0, 'latin1');
  const info = Buffer.concat([
    Buffer.from('INFO'),
    riffChunk('IART', Buffer.from('CANARY-LARGE-ARTIST\0')),
  ]);
  const body = Buffer.concat([
    riffChunk('fmt ', fmt),
    riffChunk('bext', bext),
    riffChunk('data', samples),
    riffChunk('LIST', info),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, body]);
}

describe('media evidence is stripped from blob to blob', () => {
  it('a WAV of several chunks: samples kept, metadata gone, the working copy checked', async () => {
    const { vault } = await newVault();
    const { id: caseId } = await createCase(vault, { title: 'Recording of a hearing' });
    const dir = await tempDir();
    const samples = randomBytes(3 * BLOB_CHUNK + 12345);
    const path = join(dir, 'hearing.wav');
    await writeFile(path, largeWav(samples));
    const { id } = await intakeFile(vault, { caseId, path });
    const progress: number[] = [];
    const copy = await stripEvidence(vault, id, { onProgress: (done) => progress.push(done) });
    expect(copy.kind).toBe('stripped');
    expect(copy.stripReport!.removed.map((f) => f.value).join(' ')).toMatch(/CANARY-LARGE-ARTIST/);
    expect(progress.length).toBeGreaterThan(1);
    const out = join(dir, 'working.wav');
    await exportEvidence(vault, copy.id, { out });
    const working = await readFile(out);
    expect(plantedIn(working)).toEqual([]);
    expect(working.includes(samples)).toBe(true);
    expect(working.length).toBe(44 + samples.length + (samples.length % 2));
    expect((await inspectBuffer(working)).risky).toBe(0);
    // Nothing but the vault's own files was written: no plaintext beside it.
    expect((await readdir(vault.dir)).some((n) => n.endsWith('.wav'))).toBe(false);
  });

  for (const name of ['phone.mov', 'tagged.flac', 'voice.opus', 'tagged.mp3']) {
    it(`${name}: the working copy carries nothing planted`, async () => {
      const { vault } = await newVault();
      const { id: caseId } = await createCase(vault, { title: 'Voice notes and videos' });
      const { id } = await intakeFile(vault, { caseId, path: join(MEDIA_FIXTURES, name) });
      const copy = await stripEvidence(vault, id);
      const dir = await tempDir();
      const out = join(dir, name);
      await exportEvidence(vault, copy.id, { out });
      expect(plantedIn(await readFile(out))).toEqual([]);
      expect(copy.stripReport!.removed.length).toBeGreaterThan(3);
    });
  }

  it('reads a blob forwards, and from the start again only when asked to go back', async () => {
    const { vault } = await newVault();
    const { id: caseId } = await createCase(vault, { title: 'Blob reads' });
    const dir = await tempDir();
    const bytes = randomBytes(11 * BLOB_CHUNK + 7);
    const path = join(dir, 'blob.bin');
    await writeFile(path, bytes);
    const { id } = await intakeFile(vault, { caseId, path });
    const row = await vault.db.get<{ blob_id: string; blob_key: Buffer }>(
      'SELECT blob_id, blob_key FROM evidence WHERE id = ?',
      [id],
    );
    const src = new BlobSource(vault.dir, row!.blob_id, row!.blob_key, bytes.length);
    const at = [0, 100, BLOB_CHUNK - 3, 3 * BLOB_CHUNK + 5, 11 * BLOB_CHUNK];
    for (const o of at) expect((await src.read(o, 7)).equals(bytes.subarray(o, o + 7))).toBe(true);
    expect(src.passes).toBe(1);
    expect((await src.read(10, 20)).equals(bytes.subarray(10, 30))).toBe(true);
    expect(src.passes).toBe(2);
    await src.close();
  });
});

/** A QuickTime box: size, type, body. */
function box(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

describe('large audio and video are inspected at intake by seeking', () => {
  // A phone video is rarely under 64 MB: its position and camera must still show at intake.
  const LARGE = 65 * 1024 * 1024;

  it('a phone video over 64 MB: GPS, camera and capture place recorded', async () => {
    const { vault } = await newVault();
    const { id: caseId } = await createCase(vault, { title: 'Protest filmed on a phone' });
    const dir = await tempDir();
    const path = join(dir, 'protest.mov');
    // The fixture's boxes, then a large free box: the shape of a long recording.
    await writeFile(path, await readFile(join(MEDIA_FIXTURES, 'phone.mov')));
    await appendFile(path, box('free', Buffer.alloc(LARGE)));
    const { id, size } = await intakeFile(vault, { caseId, path });
    expect(size).toBeGreaterThan(LARGE);
    const item = await getEvidence(vault, id);
    expect(item.metadataReadable).toBe(true);
    expect(item.metadataProblem).toBeNull();
    const values = item.metadata.map((f) => `${f.group}: ${f.value}`).join('\n');
    expect(values).toContain('location: +48.8584+002.2945');
    expect(values).toMatch(/device: CANARY-KEYS-MODEL-h2/);
    expect(item.capture.latitude).toBeCloseTo(48.8584, 3);
    expect(item.capture.longitude).toBeCloseTo(2.2945, 3);
  });

  it('a large file that is not audio or video says its metadata was not read, never "nothing"', async () => {
    const { vault } = await newVault();
    const { id: caseId } = await createCase(vault, { title: 'Large archive' });
    const dir = await tempDir();
    const path = join(dir, 'scan.bin');
    await writeFile(path, Buffer.alloc(LARGE + 1, 0x41));
    const { id } = await intakeFile(vault, { caseId, path });
    const item = await getEvidence(vault, id);
    expect(item.metadataReadable).toBe(false);
    expect(item.metadataProblem).toMatch(/larger than 64 MB/);
    expect(item.metadata).toEqual([]);
  });
});
