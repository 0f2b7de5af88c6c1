/**
 * Hand-built EMF and WMF pictures, record by record, with a planted string
 * in each place a metafile can carry one ([MS-EMF], [MS-WMF]). Shared by
 * the unit tests and the fuzz target.
 */

const u32 = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeInt32LE(v | 0, i * 4));
  return b;
};
const u16 = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16LE(v & 0xffff, i * 2));
  return b;
};
const wide = (text: string): Buffer => Buffer.from(text, 'utf16le');

/** One EMF record: type, size (padded to 4), payload. */
export function emfRecord(type: number, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const size = 8 + ((body.length + 3) & ~3);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(type, 0);
  out.writeUInt32LE(size, 4);
  body.copy(out, 8);
  return out;
}

/** A 108-byte EMR_HEADER, with its description after it when given. */
export function emfHeader(descriptionText?: string): Buffer {
  const desc = descriptionText === undefined ? Buffer.alloc(0) : wide(descriptionText);
  const h = Buffer.alloc(108 + ((desc.length + 3) & ~3));
  h.writeUInt32LE(1, 0);
  h.writeUInt32LE(h.length, 4);
  u32(0, 0, 99, 99, 0, 0, 2000, 2000).copy(h, 8); // bounds (pixels), frame (0.01 mm)
  h.writeUInt32LE(0x464d4520, 40);
  h.writeUInt32LE(0x10000, 44);
  h.writeUInt16LE(2, 56); // handles
  h.writeUInt32LE(desc.length / 2, 60);
  h.writeUInt32LE(desc.length ? 108 : 0, 64);
  u32(1920, 1080, 508, 286).copy(h, 72); // device in pixels and millimetres
  u32(508000, 286000).copy(h, 100);
  desc.copy(h, 108);
  return h;
}

/** Header + records + EMR_EOF, with nBytes and nRecords right. */
export function emfFile(header: Buffer, records: Buffer[]): Buffer {
  const eof = emfRecord(14, u32(0, 16, 20));
  const out = Buffer.concat([header, ...records, eof]);
  out.writeUInt32LE(out.length, 48);
  out.writeUInt32LE(records.length + 2, 52);
  return out;
}

export const emfRectangle = (): Buffer => emfRecord(43, u32(10, 10, 80, 60));
export const emfPolyline16 = (): Buffer =>
  emfRecord(87, u32(0, 0, 90, 90, 3), u16(1, 1, 50, 80, 90, 5));
export const emfSetTextColor = (): Buffer => emfRecord(24, u32(0x00ff0000));
export const emfText = (text: string): Buffer =>
  // EMR_EXTTEXTOUTW: bounds, mode, scales, then an EmrText (reference, chars, offString, options, rect, offDx).
  emfRecord(84, u32(0, 0, 0, 0, 1, 0, 0), u32(5, 5, text.length, 76, 0, 0, 0, 0, 0, 0), wide(text));

export const emfComment = (data: Buffer): Buffer => emfRecord(70, u32(data.length), data);
export const emfPrivateComment = (text: string): Buffer => emfComment(Buffer.from(text, 'latin1'));
export function emfGroupComment(text: string): Buffer {
  const t = wide(text);
  return emfComment(Buffer.concat([u32(0x43494447, 2, 0, 0, 10, 10, text.length), t]));
}
/** An EMF+ comment: its header (dual or EMF+ only), then an object record holding `image`. */
export function emfPlusComment(dual: boolean, image: Buffer): Buffer {
  const header = Buffer.concat([u16(0x4001, dual ? 1 : 0), u32(28, 16, 0xdbc01002, 0, 96, 96)]);
  const object = Buffer.concat([
    u16(0x4008, 0x0500),
    u32(12 + 8 + image.length, 8 + image.length, 0xdbc01002, 1),
    image,
  ]);
  return emfComment(Buffer.concat([u32(0x2b464d45), header, object]));
}
export const emfSpool = (text: string): Buffer =>
  emfComment(Buffer.concat([u32(0), Buffer.from(`SPOL${text}`, 'latin1')]));
export const emfIcmProfileW = (name: string): Buffer =>
  emfRecord(113, u32(0, name.length * 2, 0), wide(name));
export const emfIcmProfileA = (name: string, data: string): Buffer =>
  emfRecord(112, u32(0, name.length, data.length), Buffer.from(name + data, 'latin1'));
export const emfColorMatch = (name: string): Buffer =>
  emfRecord(121, u32(1, 0, name.length * 2, 0), wide(name));
export const emfExtEscape = (text: string): Buffer =>
  emfRecord(106, u32(0x1000, text.length), Buffer.from(text, 'latin1'));
export function emfColorSpaceW(fileName: string, data: string): Buffer {
  const logcs = Buffer.alloc(68 + 520);
  u32(0x50534f43, 0x400, logcs.length, 0x4c494e4b, 4).copy(logcs, 0);
  wide(fileName).copy(logcs, 68);
  return emfRecord(122, u32(1), logcs, u32(0, data.length), Buffer.from(data, 'latin1'));
}
export function emfColorSpaceA(fileName: string): Buffer {
  const logcs = Buffer.alloc(68 + 260);
  u32(0x50534f43, 0x400, logcs.length, 0x73524742, 4).copy(logcs, 0);
  Buffer.from(fileName, 'latin1').copy(logcs, 68);
  return emfRecord(99, u32(1), logcs);
}

/** A BITMAPINFOHEADER for a w×h bitmap with the given compression (4: JPEG, 5: PNG). */
export function bitmapInfo(
  w: number,
  h: number,
  compression: number,
  sizeImage: number,
  bitCount = 24,
): Buffer {
  const b = Buffer.alloc(40);
  b.writeUInt32LE(40, 0);
  b.writeInt32LE(w, 4);
  b.writeInt32LE(h, 8);
  b.writeUInt16LE(1, 12);
  b.writeUInt16LE(compression === 0 ? bitCount : 0, 14);
  b.writeUInt32LE(compression, 16);
  b.writeUInt32LE(sizeImage, 20);
  return b;
}

/** EMR_STRETCHDIBITS drawing `bits` (with its BITMAPINFOHEADER) into a 50×50 box. */
export function emfStretchDibits(info: Buffer, bits: Buffer): Buffer {
  const offBmi = 80;
  const offBits = offBmi + info.length;
  return emfRecord(
    81,
    u32(0, 0, 50, 50, 0, 0, 0, 0, info.readInt32LE(4), Math.abs(info.readInt32LE(8))),
    u32(offBmi, info.length, offBits, bits.length, 0, 0x00cc0020, 50, 50),
    info,
    bits,
  );
}

/** A 2×2 24-bit uncompressed bitmap: rows padded to 4 bytes. */
export function rgbBitmap(): Buffer {
  return emfStretchDibits(
    bitmapInfo(2, 2, 0, 16),
    Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0, 9, 9, 9, 0]),
  );
}

/** One WMF record: size in words, function, parameters. */
export function wmfRecord(fn: number, ...params: Buffer[]): Buffer {
  const body = Buffer.concat(params);
  const padded = Buffer.concat([body, Buffer.alloc(body.length % 2)]);
  return Buffer.concat([u32(3 + padded.length / 2), u16(fn), padded]);
}

export const wmfRectangle = (): Buffer => wmfRecord(0x041b, u16(60, 80, 10, 10));
export const wmfSetWindowExt = (): Buffer => wmfRecord(0x020c, u16(100, 100));
export const wmfEscape = (fn: number, data: Buffer): Buffer =>
  wmfRecord(0x0626, u16(fn, data.length), data);
export const wmfComment = (text: string): Buffer => wmfEscape(0x000f, Buffer.from(text, 'latin1'));
/** An EMF copy of the picture in one META_ESCAPE_ENHANCED_METAFILE record. */
export function wmfEmbeddedEmf(emf: Buffer): Buffer {
  // The checksum makes the 16-bit sum of the EMF's words and itself zero.
  let sum = 0;
  for (let i = 0; i + 1 < emf.length; i += 2) sum = (sum + emf.readUInt16LE(i)) & 0xffff;
  const head = Buffer.concat([
    u32(0x43464d57, 1, 0x10000),
    u16(0x10000 - sum),
    u32(0, 1, emf.length, 0, emf.length),
  ]);
  return wmfEscape(0x000f, Buffer.concat([head, emf]));
}
export function wmfStretchDib(info: Buffer, bits: Buffer): Buffer {
  return wmfRecord(0x0f43, u32(0x00cc0020), u16(0, 2, 2, 0, 0, 50, 50, 0, 0), info, bits);
}

/** A placeable WMF: the 22-byte header (checksum right), the META_HEADER, records, META_EOF. */
export function wmfFile(records: Buffer[], placeableReserved = 0): Buffer {
  const placeable = Buffer.alloc(22);
  placeable.writeUInt32LE(0x9ac6cdd7, 0);
  u16(0, 0, 0, 100, 100, 1440).copy(placeable, 4);
  placeable.writeUInt32LE(placeableReserved, 16);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum ^= placeable.readUInt16LE(i);
  placeable.writeUInt16LE(sum, 20);
  const eof = wmfRecord(0x0000);
  const body = Buffer.concat([...records, eof]);
  const words = (18 + body.length) / 2;
  const maxRecord = Math.max(...[...records, eof].map((r) => r.readUInt32LE(0)));
  const header = Buffer.concat([
    u16(1, 9, 0x300, words & 0xffff, words >>> 16, 0),
    u32(maxRecord),
    u16(0),
  ]);
  return Buffer.concat([placeable, header, body]);
}

/** Every kind of EMF record, metadata or drawing, with a planted string in each metadata place. */
export function plantedEmf(jpeg: Buffer, png: Buffer): Buffer {
  return emfFile(emfHeader('CANARY-EMF-APP\0CANARY-EMF-TITLE\0\0'), [
    emfSetTextColor(),
    emfRectangle(),
    emfPrivateComment('CANARY-EMF-PRIVATE'),
    emfGroupComment('CANARY-EMF-GROUP'),
    emfPlusComment(true, Buffer.concat([jpeg, Buffer.from('CANARY-EMFPLUS-TAIL')])),
    emfSpool('CANARY-EMF-SPOOL'),
    emfIcmProfileW('C:\\Users\\CANARY-EMF-ICMW\\p.icc'),
    emfIcmProfileA('CANARY-EMF-ICMA.icc', 'CANARY-EMF-ICMDATA'),
    emfColorMatch('CANARY-EMF-TARGET.icc'),
    emfColorSpaceW('CANARY-EMF-CSW.icc', 'CANARY-EMF-CSDATA'),
    emfColorSpaceA('CANARY-EMF-CSA.icc'),
    emfExtEscape('CANARY-EMF-ESCAPE'),
    emfPolyline16(),
    rgbBitmap(),
    emfStretchDibits(bitmapInfo(2, 2, 4, jpeg.length), jpeg),
    emfStretchDibits(bitmapInfo(2, 2, 5, png.length), png),
    emfText('Witness statement'),
  ]);
}

/** A placeable WMF with comments, an escape, an EMF copy with a description, hidden header bytes. */
export function plantedWmf(): Buffer {
  return wmfFile(
    [
      wmfSetWindowExt(),
      wmfRectangle(),
      wmfComment('CANARY-WMF-COMMENT'),
      wmfEscape(0x1001, Buffer.from('CANARY-WMF-ESCAPE')),
      wmfEmbeddedEmf(emfFile(emfHeader('CANARY-WMF-EMF-APP\0\0'), [emfRectangle()])),
      wmfStretchDib(bitmapInfo(2, 2, 0, 16), Buffer.alloc(16, 7)),
    ],
    0x4e4e4143,
  );
}
