import { unsupported } from '../bytes';

// JBIG2 data embedded in PDFs (ISO 32000-1, 7.4.7; ITU T.88 7.2): a sequence of
// segments. Extension segments (type 62) carry comments and other text; region
// and dictionary segments carry only the bitmap. Vigil refuses a JBIG2 stream
// that holds an extension segment or that it cannot walk to its end.

const EXTENSION = 62;

/** Throws UNSUPPORTED unless the data is a walkable chain of segments without extension segments. */
export function checkJbig2(data: Buffer, what: string): void {
  const refuse = (detail: string): never => {
    throw unsupported(`${what} contains a JBIG2 image ${detail}; Vigil cannot strip it.`);
  };
  let p = 0;
  let segments = 0;
  while (p < data.length) {
    if (p + 6 > data.length) refuse('whose data is damaged');
    const number = data.readUInt32BE(p);
    const flags = data[p + 4]!;
    const type = flags & 0x3f;
    let q = p + 5;
    let refs = data[q]! >> 5;
    if (refs === 7) {
      if (q + 4 > data.length) refuse('whose data is damaged');
      refs = data.readUInt32BE(q) & 0x1fffffff;
      q += 4 + Math.ceil((refs + 1) / 8);
    } else q += 1;
    const refSize = number <= 256 ? 1 : number <= 65536 ? 2 : 4;
    q += refs * refSize + (flags & 0x40 ? 4 : 1);
    if (q + 4 > data.length) refuse('whose data is damaged');
    const length = data.readUInt32BE(q);
    q += 4;
    if (length === 0xffffffff) refuse('of unknown length');
    if (type === EXTENSION) refuse('that carries extension (comment) data');
    if (q + length > data.length) refuse('whose data is damaged');
    p = q + length;
    segments += 1;
    if (segments > 1_000_000) refuse('with too many segments');
  }
}
