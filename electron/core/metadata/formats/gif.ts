import { asBuffer, Bytes, ByteWriter, formatSize, invalid } from '../bytes';
import type { Collector } from '../collector';
import { inspectXmp } from '../xmp';
import type { FormatStripResult, KeptField } from '../types';
import { describeTrailing } from './jpeg';

type GifBlock =
  | { kind: 'image'; start: number; end: number }
  | {
      kind: 'extension';
      label: number;
      start: number;
      end: number;
      blocks: { data: number; size: number }[];
    };

interface ParsedGif {
  headerEnd: number;
  blocks: GifBlock[];
  trailerEnd: number;
}

const LOOP_IDS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

function readSubBlocks(
  b: Bytes,
  pos: number,
): { end: number; blocks: { data: number; size: number }[] } {
  const blocks: { data: number; size: number }[] = [];
  for (;;) {
    const size = b.u8(pos);
    if (size === 0) return { end: pos + 1, blocks };
    b.need(pos + 1, size, 'a GIF data sub-block');
    blocks.push({ data: pos + 1, size });
    pos += 1 + size;
  }
}

export function parseGif(buf: Buffer, what = 'The GIF image'): ParsedGif {
  const b = new Bytes(buf, what);
  const sig = b.ascii(0, 6);
  if (sig !== 'GIF87a' && sig !== 'GIF89a')
    throw invalid(`${what} does not start with a GIF header.`);
  const packed = b.u8(10);
  let pos = 13 + (packed & 0x80 ? 3 * (2 << (packed & 7)) : 0);
  b.need(0, pos, 'the global colour table');
  const headerEnd = pos;
  const blocks: GifBlock[] = [];
  for (;;) {
    if (pos >= buf.length) throw invalid(`${what} is truncated: it ends before its trailer.`);
    const intro = buf[pos]!;
    if (intro === 0x3b) return { headerEnd, blocks, trailerEnd: pos + 1 };
    if (intro === 0x21) {
      const label = b.u8(pos + 1);
      const sub = readSubBlocks(b, pos + 2);
      blocks.push({ kind: 'extension', label, start: pos, end: sub.end, blocks: sub.blocks });
      pos = sub.end;
    } else if (intro === 0x2c) {
      b.need(pos, 10, 'an image descriptor');
      const p = buf[pos + 9]!;
      let at = pos + 10 + (p & 0x80 ? 3 * (2 << (p & 7)) : 0);
      const codeSize = b.u8(at);
      if (codeSize < 1 || codeSize > 11)
        throw invalid(`${what} is damaged: an image has an impossible LZW code size.`);
      at = readSubBlocks(b, at + 1).end;
      blocks.push({ kind: 'image', start: pos, end: at });
      pos = at;
    } else {
      throw invalid(`${what} is damaged: unexpected byte 0x${intro.toString(16)} at byte ${pos}.`);
    }
  }
}

function appId(
  buf: Buffer,
  block: { blocks: { data: number; size: number }[] },
): string | undefined {
  const first = block.blocks[0];
  return first && first.size === 11
    ? buf.toString('latin1', first.data, first.data + 11)
    : undefined;
}

export function stripGif(input: Uint8Array): FormatStripResult {
  const what = 'The GIF image';
  const buf = asBuffer(input);
  const parsed = parseGif(buf, what);
  const out = new ByteWriter().push(buf.subarray(0, parsed.headerEnd));
  const kept: KeptField[] = [];
  let images = 0;
  for (const block of parsed.blocks) {
    if (block.kind === 'image') {
      out.push(buf.subarray(block.start, block.end));
      images += 1;
      continue;
    }
    if (block.label === 0xf9) {
      const g = block.blocks[0];
      if (block.blocks.length !== 1 || !g || g.size !== 4)
        throw invalid(`${what} is damaged: a graphic control extension has a wrong size.`);
      out.bytes(
        0x21,
        0xf9,
        4,
        buf[g.data]! & 0x1f,
        buf[g.data + 1]!,
        buf[g.data + 2]!,
        buf[g.data + 3]!,
        0,
      );
      continue;
    }
    if (block.label === 0xff) {
      const id = appId(buf, block);
      const loop = block.blocks.find((s) => s.size === 3 && buf[s.data] === 1);
      if (id && LOOP_IDS.has(id) && loop) {
        out
          .bytes(0x21, 0xff, 11)
          .latin1(id)
          .bytes(3, 1, buf[loop.data + 1]!, buf[loop.data + 2]!, 0);
        if (!kept.some((k) => k.key === 'gif.loop'))
          kept.push({
            key: 'gif.loop',
            label: 'Animation loop count',
            value: String(buf.readUInt16LE(loop.data + 1)),
            reason: 'needed to play the animation',
            code: 'animation',
          });
      }
    }
    // Comments, plain-text and all other application extensions (XMP, ICC, …) are dropped.
  }
  if (images === 0) throw invalid(`${what} is damaged: it holds no image.`);
  out.bytes(0x3b);
  return { output: out.toBuffer(), kept };
}

export function verifyGif(output: Uint8Array): void {
  const buf = asBuffer(output);
  const parsed = parseGif(buf, 'The stripped GIF');
  const fail = (detail: string): never => {
    throw invalid(`Vigil's check of the stripped GIF failed: ${detail}. No output was written.`);
  };
  if (parsed.trailerEnd !== buf.length) fail('data remains after the trailer');
  for (const block of parsed.blocks) {
    if (block.kind === 'image') continue;
    const first = block.blocks[0];
    if (
      block.label === 0xf9 &&
      block.blocks.length === 1 &&
      first?.size === 4 &&
      (buf[first.data]! & 0xe0) === 0
    )
      continue;
    if (
      block.label === 0xff &&
      block.blocks.length === 2 &&
      LOOP_IDS.has(appId(buf, block) ?? '') &&
      block.blocks[1]!.size === 3 &&
      buf[block.blocks[1]!.data] === 1
    )
      continue;
    fail(`extension 0x${block.label.toString(16)} at byte ${block.start} is not allowed`);
  }
}

function joinSubBlocks(
  buf: Buffer,
  blocks: { data: number; size: number }[],
  from: number,
): Buffer {
  return Buffer.concat(blocks.slice(from).map((s) => buf.subarray(s.data, s.data + s.size)));
}

export function inspectGif(c: Collector, input: Uint8Array): void {
  const buf = asBuffer(input);
  let parsed: ParsedGif;
  try {
    parsed = parseGif(buf);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  c.add(
    'structure',
    'gif.dimensions',
    'Dimensions',
    `${buf.readUInt16LE(6)} × ${buf.readUInt16LE(8)}, ${parsed.blocks.filter((x) => x.kind === 'image').length} frame(s)`,
    false,
  );
  for (const block of parsed.blocks) {
    if (block.kind === 'image') continue;
    if (block.label === 0xfe) {
      c.add(
        'document',
        'gif.comment',
        'GIF comment',
        joinSubBlocks(buf, block.blocks, 0).toString('latin1'),
        true,
      );
    } else if (block.label === 0x01) {
      c.add(
        'document',
        'gif.plainText',
        'GIF plain-text block',
        joinSubBlocks(buf, block.blocks, 1).toString('latin1'),
        true,
      );
    } else if (block.label === 0xff) {
      const id = appId(buf, block) ?? '?';
      if (LOOP_IDS.has(id)) continue;
      if (id === 'XMP DataXMP') {
        // XMP in GIF is stored raw: its bytes double as sub-block lengths, followed by a "magic trailer".
        const first = block.blocks[0]!;
        const raw = buf.subarray(first.data + first.size, block.end);
        const end = raw.indexOf('<?xpacket end=');
        const close = end >= 0 ? raw.indexOf('?>', end) : -1;
        inspectXmp(c, close >= 0 ? raw.subarray(0, close + 2) : raw, 'GIF');
      } else if (id === 'ICCRGBG1012') {
        c.add('other', 'gif.icc', 'ICC colour profile', formatSize(block.end - block.start), false);
      } else {
        c.add(
          'hidden',
          `gif.app.${id.replace(/[^\x20-\x7e]/g, '?')}`,
          `GIF application extension "${id.replace(/[^\x20-\x7e]/g, '?')}"`,
          formatSize(block.end - block.start),
          true,
        );
      }
    } else if (block.label !== 0xf9) {
      c.add(
        'hidden',
        `gif.ext.${block.label}`,
        `Unknown GIF extension 0x${block.label.toString(16)}`,
        formatSize(block.end - block.start),
        true,
      );
    }
  }
  if (parsed.trailerEnd < buf.length)
    c.add(
      'hidden',
      'gif.trailing',
      'Data after the end of the image (after the trailer)',
      describeTrailing(buf.subarray(parsed.trailerEnd)),
      true,
    );
}
