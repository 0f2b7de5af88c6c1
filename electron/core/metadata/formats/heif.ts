import { asBuffer, Bytes, ByteWriter, formatSize, invalid, isAllZero, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { inspectExif } from '../exif';
import { inspectXmp } from '../xmp';
import type { FormatStripResult, KeptField } from '../types';

// HEIC and AVIF share the HEIF box structure (ISO/IEC 23008-12 on ISO BMFF).
// The stripper keeps the primary image and the items it is built from, removes
// every other item (Exif, XMP, thumbnails, unrelated images), renumbers the
// properties, and zeroes every byte of media data no kept item points at. Box
// sizes and file offsets never change: the rebuilt `meta` is padded to its old size.

export interface Box {
  type: string;
  start: number;
  /** First byte after the box header (after version/flags is the caller's business). */
  body: number;
  end: number;
}

interface Extent {
  offset: number;
  length: number;
}

interface ItemLocation {
  id: number;
  method: number;
  dataRef: number;
  extents: Extent[];
  /** Raw bytes of this item's entry inside iloc, copied verbatim when the item is kept. */
  raw: Buffer;
}

interface ItemInfo {
  id: number;
  type: string;
  name: string;
  contentType: string;
  protection: number;
  version: number;
  flags: number;
}

interface Reference {
  type: string;
  from: number;
  to: number[];
}

interface Association {
  essential: boolean;
  index: number;
}

interface ParsedMeta {
  box: Box;
  children: Box[];
  handler: string;
  handlerName: string;
  primary: number;
  items: Map<number, ItemInfo>;
  iinfVersion: number;
  locations: Map<number, ItemLocation>;
  ilocHeader: { version: number; sizes: Buffer };
  refs: Reference[];
  irefVersion: number;
  properties: Box[];
  ipcoBox?: Box;
  associations: Map<number, Association[]>;
  ipmaVersion: number;
  ipmaFlags: number;
  idat?: Box;
  dinf?: Box;
}

const KEPT_ITEM_TYPES = new Set(['hvc1', 'av01', 'grid', 'iden', 'iovl']);
const KEPT_REF_TYPES = new Set(['dimg', 'auxl', 'base', 'prem']);
const PROPERTY_TYPES = new Set([
  'hvcC',
  'av1C',
  'ispe',
  'colr',
  'pixi',
  'irot',
  'imir',
  'clap',
  'pasp',
  'auxC',
  'rloc',
  'lsel',
  'a1op',
  'a1lx',
  'clli',
  'mdcv',
  'cclv',
  'amve',
]);
const META_CHILDREN = new Set([
  'hdlr',
  'pitm',
  'iinf',
  'iloc',
  'iref',
  'iprp',
  'idat',
  'dinf',
  'free',
]);
const TOP_LEVEL = new Set(['ftyp', 'meta', 'mdat', 'free', 'skip']);
const MAX_ITEMS = 100_000;

export function readBoxes(b: Bytes, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  let pos = from;
  while (pos < to) {
    if (to - pos < 8) throw invalid(`${b.what} is damaged: a truncated box header at byte ${pos}.`);
    let size = b.u32be(pos);
    const type = b.ascii(pos + 4, 4);
    let header = 8;
    if (size === 1) {
      size = b.u64be(pos + 8);
      header = 16;
    } else if (size === 0) {
      size = to - pos;
    }
    if (type === 'uuid') header += 16;
    if (size < header || pos + size > to)
      throw invalid(
        `${b.what} is damaged: the "${type.replace(/[^\x20-\x7e]/g, '?')}" box at byte ${pos} has an impossible size.`,
      );
    boxes.push({ type, start: pos, body: pos + header, end: pos + size });
    pos += size;
  }
  return boxes;
}

function readUint(b: Bytes, o: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return b.u32be(o);
  if (size === 8) return b.u64be(o);
  throw invalid(`${b.what} is damaged: a location field has an invalid size.`);
}

function cString(b: Bytes, from: number, to: number): { text: string; next: number } {
  const zero = b.buf.indexOf(0, from);
  const end = zero < 0 || zero >= to ? to : zero;
  return { text: b.buf.toString('utf8', from, end), next: Math.min(to, end + 1) };
}

function parseMeta(b: Bytes, meta: Box): ParsedMeta {
  const what = b.what;
  const children = readBoxes(b, meta.body + 4, meta.end);
  const find = (t: string): Box | undefined => children.find((c) => c.type === t);
  const result: ParsedMeta = {
    box: meta,
    children,
    handler: '',
    handlerName: '',
    primary: -1,
    items: new Map(),
    iinfVersion: 0,
    locations: new Map(),
    ilocHeader: { version: 0, sizes: Buffer.alloc(2) },
    refs: [],
    irefVersion: 0,
    properties: [],
    associations: new Map(),
    ipmaVersion: 0,
    ipmaFlags: 0,
    idat: find('idat'),
    dinf: find('dinf'),
  };
  for (const t of ['hdlr', 'pitm', 'iinf', 'iloc', 'iprp']) {
    if (children.filter((c) => c.type === t).length > 1)
      throw invalid(`${what} is damaged: it has more than one "${t}" box.`);
  }
  const hdlr = find('hdlr');
  if (!hdlr) throw invalid(`${what} is damaged: its metadata box has no handler.`);
  result.handler = b.ascii(hdlr.body + 8, 4);
  result.handlerName = cString(b, Math.min(hdlr.body + 24, hdlr.end), hdlr.end).text;

  const pitm = find('pitm');
  if (!pitm) throw invalid(`${what} is damaged: it names no primary image.`);
  result.primary = b.u8(pitm.body) === 0 ? b.u16be(pitm.body + 4) : b.u32be(pitm.body + 4);

  const iinf = find('iinf');
  if (!iinf) throw invalid(`${what} is damaged: it has no item list.`);
  result.iinfVersion = b.u8(iinf.body);
  const count = result.iinfVersion === 0 ? b.u16be(iinf.body + 4) : b.u32be(iinf.body + 4);
  const infes = readBoxes(b, iinf.body + (result.iinfVersion === 0 ? 6 : 8), iinf.end);
  if (infes.length !== count || count > MAX_ITEMS)
    throw invalid(`${what} is damaged: its item list is inconsistent.`);
  for (const infe of infes) {
    if (infe.type !== 'infe')
      throw invalid(`${what} is damaged: unexpected "${infe.type}" box in the item list.`);
    const version = b.u8(infe.body);
    const flags = b.u24be(infe.body + 1);
    if (version < 2)
      throw unsupported(
        `${what} uses an old item-information format (version ${version}) that Vigil does not handle.`,
      );
    let p = infe.body + 4;
    const id = version === 2 ? b.u16be(p) : b.u32be(p);
    p += version === 2 ? 2 : 4;
    const protection = b.u16be(p);
    const type = b.ascii(p + 2, 4);
    const name = cString(b, p + 6, infe.end);
    let contentType = '';
    if (type === 'mime') contentType = cString(b, name.next, infe.end).text;
    if (type === 'uri ') contentType = cString(b, name.next, infe.end).text;
    if (result.items.has(id)) throw invalid(`${what} is damaged: item ${id} is declared twice.`);
    result.items.set(id, { id, type, name: name.text, contentType, protection, version, flags });
  }

  const iloc = find('iloc');
  if (!iloc) throw invalid(`${what} is damaged: it has no item locations.`);
  const v = b.u8(iloc.body);
  if (v > 2)
    throw unsupported(
      `${what} uses an item-location format (version ${v}) that Vigil does not handle.`,
    );
  const s1 = b.u8(iloc.body + 4);
  const s2 = b.u8(iloc.body + 5);
  const offsetSize = s1 >> 4;
  const lengthSize = s1 & 15;
  const baseSize = s2 >> 4;
  const indexSize = v >= 1 ? s2 & 15 : 0;
  result.ilocHeader = { version: v, sizes: Buffer.from([s1, s2]) };
  let p = iloc.body + 6;
  const itemCount = v < 2 ? b.u16be(p) : b.u32be(p);
  p += v < 2 ? 2 : 4;
  if (itemCount > MAX_ITEMS) throw invalid(`${what} is damaged: it locates too many items.`);
  for (let i = 0; i < itemCount; i += 1) {
    const entryStart = p;
    const id = v < 2 ? b.u16be(p) : b.u32be(p);
    p += v < 2 ? 2 : 4;
    let method = 0;
    if (v >= 1) {
      method = b.u16be(p) & 15;
      p += 2;
    }
    const dataRef = b.u16be(p);
    p += 2;
    const base = readUint(b, p, baseSize);
    p += baseSize;
    const extentCount = b.u16be(p);
    p += 2;
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e += 1) {
      if (indexSize > 0) {
        readUint(b, p, indexSize);
        throw unsupported(`${what} uses indexed item extents, which Vigil does not handle.`);
      }
      const offset = readUint(b, p, offsetSize);
      p += offsetSize;
      const length = readUint(b, p, lengthSize);
      p += lengthSize;
      extents.push({ offset: base + offset, length });
    }
    if (p > iloc.end) throw invalid(`${what} is damaged: its item locations run past their box.`);
    if (result.locations.has(id)) throw invalid(`${what} is damaged: item ${id} is located twice.`);
    result.locations.set(id, { id, method, dataRef, extents, raw: b.buf.subarray(entryStart, p) });
  }

  const iref = find('iref');
  if (iref) {
    result.irefVersion = b.u8(iref.body);
    const wide = result.irefVersion !== 0;
    for (const ref of readBoxes(b, iref.body + 4, iref.end)) {
      let q = ref.body;
      const from = wide ? b.u32be(q) : b.u16be(q);
      q += wide ? 4 : 2;
      const n = b.u16be(q);
      q += 2;
      b.need(q, n * (wide ? 4 : 2), 'an item reference');
      if (q + n * (wide ? 4 : 2) > ref.end)
        throw invalid(`${what} is damaged: an item reference runs past its box.`);
      const to: number[] = [];
      for (let k = 0; k < n; k += 1) to.push(wide ? b.u32be(q + k * 4) : b.u16be(q + k * 2));
      result.refs.push({ type: ref.type, from, to });
    }
  }

  const iprp = find('iprp');
  if (iprp) {
    const parts = readBoxes(b, iprp.body, iprp.end);
    const ipco = parts.find((x) => x.type === 'ipco');
    if (ipco) {
      result.ipcoBox = ipco;
      result.properties = readBoxes(b, ipco.body, ipco.end);
    }
    const ipmas = parts.filter((x) => x.type === 'ipma');
    if (ipmas.length > 1)
      throw unsupported(
        `${what} has several property-association boxes, which Vigil does not handle.`,
      );
    for (const ipma of ipmas) {
      result.ipmaVersion = b.u8(ipma.body);
      result.ipmaFlags = b.u24be(ipma.body + 1);
      const wideIndex = (result.ipmaFlags & 1) === 1;
      let q = ipma.body + 4;
      const n = b.u32be(q);
      q += 4;
      if (n > MAX_ITEMS) throw invalid(`${what} is damaged: too many property associations.`);
      for (let k = 0; k < n; k += 1) {
        const id = result.ipmaVersion < 1 ? b.u16be(q) : b.u32be(q);
        q += result.ipmaVersion < 1 ? 2 : 4;
        const m = b.u8(q);
        q += 1;
        const list: Association[] = [];
        for (let a = 0; a < m; a += 1) {
          if (wideIndex) {
            const x = b.u16be(q);
            list.push({ essential: (x & 0x8000) !== 0, index: x & 0x7fff });
            q += 2;
          } else {
            const x = b.u8(q);
            list.push({ essential: (x & 0x80) !== 0, index: x & 0x7f });
            q += 1;
          }
        }
        if (q > ipma.end)
          throw invalid(`${what} is damaged: its property associations run past their box.`);
        result.associations.set(id, list);
      }
    }
  }
  return result;
}

function fullBox(type: string, version: number, flags: number, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(out.length, 0);
  out.write(type, 4, 'latin1');
  out[8] = version;
  out.writeUIntBE(flags, 9, 3);
  body.copy(out, 12);
  return out;
}

function plainBox(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(8 + body.length);
  out.writeUInt32BE(out.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  return out;
}

/** The items the primary image needs: itself, the tiles it is derived from, its alpha/depth planes. */
function keptItems(meta: ParsedMeta): Set<number> {
  // Breadth-first over adjacency maps: linear in the references, whatever their order.
  const derivedFrom = new Map<number, number[]>();
  const auxiliaries = new Map<number, number[]>();
  for (const ref of meta.refs) {
    const add = (map: Map<number, number[]>, key: number, value: number): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    if (ref.type === 'dimg' || ref.type === 'base')
      for (const to of ref.to) add(derivedFrom, ref.from, to);
    else if (ref.type === 'auxl' || ref.type === 'prem')
      for (const to of ref.to) add(auxiliaries, to, ref.from);
  }
  const keep = new Set<number>([meta.primary]);
  const queue = [meta.primary];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i]!;
    for (const next of (derivedFrom.get(id) ?? []).concat(auxiliaries.get(id) ?? [])) {
      if (keep.has(next)) continue;
      keep.add(next);
      queue.push(next);
    }
  }
  return keep;
}

function describeItem(item: ItemInfo | undefined): string {
  if (!item) return 'an undeclared item';
  if (item.type === 'Exif') return 'the Exif block';
  if (item.type === 'mime')
    return item.contentType === 'application/rdf+xml'
      ? 'the XMP packet'
      : `a "${item.contentType}" item`;
  return `a "${item.type}" item`;
}

export function stripHeif(input: Uint8Array, what = 'The HEIF image'): FormatStripResult {
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  const top = readBoxes(b, 0, buf.length);
  if (top[0]?.type !== 'ftyp')
    throw invalid(`${what} is damaged: it does not start with a file-type box.`);
  for (const box of top) {
    if (box.type === 'moov' || box.type === 'moof')
      throw unsupported(
        `${what} holds an image sequence or a motion photo, which Vigil cannot strip yet.`,
      );
  }
  const metas = top.filter((x) => x.type === 'meta');
  if (metas.length !== 1)
    throw invalid(`${what} is damaged: it must have exactly one metadata box.`);
  const meta = parseMeta(b, metas[0]!);
  if (meta.handler !== 'pict')
    throw unsupported(
      `${what} has a "${meta.handler}" metadata handler, which Vigil does not handle.`,
    );
  if (!meta.items.has(meta.primary))
    throw invalid(`${what} is damaged: its primary item does not exist.`);
  if (meta.children.some((c) => c.type === 'ipro'))
    throw unsupported(`${what} is encrypted or protected; Vigil cannot strip it.`);

  const keep = keptItems(meta);
  for (const id of keep) {
    const item = meta.items.get(id);
    if (!item) throw invalid(`${what} is damaged: item ${id} is referenced but not declared.`);
    if (!KEPT_ITEM_TYPES.has(item.type))
      throw unsupported(
        `${what}'s picture is built from ${describeItem(item)}, which Vigil cannot strip safely.`,
      );
    if (item.protection !== 0)
      throw unsupported(`${what} is encrypted or protected; Vigil cannot strip it.`);
    const loc = meta.locations.get(id);
    if (item.type !== 'grid' && item.type !== 'iden' && item.type !== 'iovl' && !loc)
      throw invalid(`${what} is damaged: image item ${id} has no data.`);
    if (loc && loc.dataRef !== 0)
      throw unsupported(`${what} keeps image data in another file, which Vigil does not handle.`);
    if (loc && loc.method > 1)
      throw unsupported(`${what} uses item-offset data locations, which Vigil does not handle.`);
  }

  // Property renumbering: only properties of kept items survive.
  const propertyMap = new Map<number, number>();
  const newProperties: Box[] = [];
  for (const id of [...keep].sort((x, y) => x - y)) {
    for (const assoc of meta.associations.get(id) ?? []) {
      if (assoc.index === 0 || propertyMap.has(assoc.index)) continue;
      const prop = meta.properties[assoc.index - 1];
      if (!prop) throw invalid(`${what} is damaged: item ${id} refers to a missing property.`);
      if (!PROPERTY_TYPES.has(prop.type)) {
        throw unsupported(
          `${what}'s picture uses the property "${prop.type.replace(/[^\x20-\x7e]/g, '?')}", which Vigil cannot strip safely.`,
        );
      }
      newProperties.push(prop);
      propertyMap.set(assoc.index, newProperties.length);
    }
  }
  const kept: KeptField[] = [];
  if (
    newProperties.some((p) => p.type === 'colr' && ['prof', 'rICC'].includes(b.ascii(p.body, 4)))
  ) {
    kept.push({
      key: 'heif.icc',
      label: 'ICC colour profile',
      reason: 'part of the picture’s colour description; removing it would change the colours',
      code: 'colour-profile',
    });
  }

  // Where the kept items' bytes are, in the file and inside idat.
  const fileRanges: Extent[] = [];
  const idatRanges: Extent[] = [];
  const idatSize = meta.idat ? meta.idat.end - meta.idat.body : 0;
  for (const id of keep) {
    const loc = meta.locations.get(id);
    if (!loc) continue;
    for (const e of loc.extents) {
      if (e.length === 0)
        throw unsupported(`${what} has an open-ended item extent, which Vigil does not handle.`);
      if (loc.method === 1) {
        if (e.offset + e.length > idatSize)
          throw invalid(`${what} is damaged: item ${id} points outside its data box.`);
        idatRanges.push(e);
      } else {
        b.need(e.offset, e.length, `the data of item ${id}`);
        fileRanges.push(e);
      }
    }
  }

  // Rebuild the meta box.
  const newMeta = new ByteWriter();
  const hdlrBody = Buffer.alloc(21);
  hdlrBody.write('pict', 4, 'latin1');
  let hdlr = fullBox('hdlr', 0, 0, hdlrBody);
  const pitmBox = meta.children.find((c) => c.type === 'pitm')!;
  const children: Buffer[] = [];
  for (const child of meta.children) {
    switch (child.type) {
      case 'hdlr':
        children.push(hdlr);
        break;
      case 'pitm':
        children.push(buf.subarray(pitmBox.start, pitmBox.end));
        break;
      case 'dinf':
        // Only the "data is in this file" reference is ever written.
        children.push(
          plainBox(
            'dinf',
            fullBox(
              'dref',
              0,
              0,
              Buffer.concat([Buffer.from([0, 0, 0, 1]), fullBox('url ', 0, 1, Buffer.alloc(0))]),
            ),
          ),
        );
        break;
      case 'iinf': {
        const entries = [...meta.items.values()].filter((i) => keep.has(i.id));
        const body = new ByteWriter();
        if (meta.iinfVersion === 0) body.bytes((entries.length >> 8) & 255, entries.length & 255);
        else body.u32be(entries.length);
        for (const item of entries) {
          const idBytes = Buffer.alloc(item.version === 2 ? 2 : 4);
          if (item.version === 2) idBytes.writeUInt16BE(item.id);
          else idBytes.writeUInt32BE(item.id);
          body.push(
            fullBox(
              'infe',
              item.version,
              item.flags & 1,
              Buffer.concat([
                idBytes,
                Buffer.from([0, 0]),
                Buffer.from(item.type, 'latin1'),
                Buffer.from([0]),
              ]),
            ),
          );
        }
        children.push(fullBox('iinf', meta.iinfVersion, 0, body.toBuffer()));
        break;
      }
      case 'iloc': {
        const entries = [...meta.locations.values()].filter((l) => keep.has(l.id));
        const body = new ByteWriter().push(meta.ilocHeader.sizes);
        if (meta.ilocHeader.version < 2)
          body.bytes((entries.length >> 8) & 255, entries.length & 255);
        else body.u32be(entries.length);
        for (const entry of entries) body.push(entry.raw);
        children.push(fullBox('iloc', meta.ilocHeader.version, 0, body.toBuffer()));
        break;
      }
      case 'iref': {
        const wide = meta.irefVersion !== 0;
        const body = new ByteWriter();
        for (const ref of meta.refs) {
          if (!KEPT_REF_TYPES.has(ref.type) || !keep.has(ref.from)) continue;
          const to = ref.to.filter((t) => keep.has(t));
          if (to.length === 0) continue;
          const ids = Buffer.alloc((wide ? 4 : 2) * (to.length + 1) + 2);
          let q = 0;
          const put = (x: number): void => {
            if (wide) ids.writeUInt32BE(x, q);
            else ids.writeUInt16BE(x, q);
            q += wide ? 4 : 2;
          };
          put(ref.from);
          ids.writeUInt16BE(to.length, q);
          q += 2;
          to.forEach(put);
          body.push(plainBox(ref.type, ids));
        }
        if (body.length > 0) children.push(fullBox('iref', meta.irefVersion, 0, body.toBuffer()));
        break;
      }
      case 'iprp': {
        const ipco = plainBox(
          'ipco',
          Buffer.concat(newProperties.map((p) => buf.subarray(p.start, p.end))),
        );
        const wideIndex = (meta.ipmaFlags & 1) === 1;
        const ipmaBody = new ByteWriter();
        const ids = [...keep].filter((id) => meta.associations.has(id)).sort((x, y) => x - y);
        ipmaBody.u32be(ids.length);
        for (const id of ids) {
          const idBytes = Buffer.alloc(meta.ipmaVersion < 1 ? 2 : 4);
          if (meta.ipmaVersion < 1) idBytes.writeUInt16BE(id);
          else idBytes.writeUInt32BE(id);
          ipmaBody.push(idBytes);
          const list = meta.associations
            .get(id)!
            .filter((a) => a.index === 0 || propertyMap.has(a.index));
          ipmaBody.bytes(list.length);
          for (const a of list) {
            const index = a.index === 0 ? 0 : propertyMap.get(a.index)!;
            if (wideIndex) ipmaBody.u16be((a.essential ? 0x8000 : 0) | index);
            else ipmaBody.bytes((a.essential ? 0x80 : 0) | index);
          }
        }
        children.push(
          plainBox(
            'iprp',
            Buffer.concat([
              ipco,
              fullBox('ipma', meta.ipmaVersion, meta.ipmaFlags & 1, ipmaBody.toBuffer()),
            ]),
          ),
        );
        break;
      }
      case 'idat': {
        const data = Buffer.alloc(idatSize);
        for (const e of idatRanges)
          buf.copy(
            data,
            e.offset,
            meta.idat!.body + e.offset,
            meta.idat!.body + e.offset + e.length,
          );
        children.push(Buffer.concat([buf.subarray(child.start, child.body), data]));
        break;
      }
      default:
      // xml/bxml metadata, grpl, free space and unknown boxes are dropped.
    }
  }
  const metaBox = metas[0]!;
  const oldSize = metaBox.end - metaBox.start;
  let pad = oldSize - 12 - children.reduce((n, c) => n + c.length, 0);
  if (pad < 0) throw invalid(`${what} could not be rewritten in place.`);
  if (pad > 0 && pad < 8) {
    // Too small for a free box: absorbed as zero bytes after the handler's (empty) name.
    hdlr = fullBox('hdlr', 0, 0, Buffer.alloc(21 + pad, 0));
    hdlr.write('pict', 16, 'latin1');
    children[children.findIndex((c) => c.toString('latin1', 4, 8) === 'hdlr')] = hdlr;
    pad = 0;
  }
  newMeta.push(fullBox('meta', 0, 0, Buffer.concat(children)));
  if (pad > 0) newMeta.push(plainBox('free', Buffer.alloc(pad - 8)));
  const metaBytes = newMeta.toBuffer();
  if (metaBytes.length !== oldSize) throw invalid(`${what} could not be rewritten in place.`);

  const out = Buffer.from(buf);
  metaBytes.copy(out, metaBox.start);
  for (const box of top) {
    if (box.type === 'meta' || box.type === 'ftyp') continue;
    if (box.type === 'mdat') {
      zeroOutside(out, box.body, box.end, fileRanges);
      continue;
    }
    // free, skip, uuid and unknown boxes keep their size (offsets stay valid) but lose their content.
    out.write('free', box.start + 4, 'latin1');
    if (box.start + 8 < box.end && buf.readUInt32BE(box.start) === 1) {
      out.fill(0, box.start + 16, box.end);
    } else out.fill(0, box.start + 8, box.end);
  }
  for (const e of fileRanges) {
    if (!top.some((x) => x.type === 'mdat' && e.offset >= x.body && e.offset + e.length <= x.end)) {
      throw invalid(`${what} is damaged: image data lies outside the media-data box.`);
    }
  }
  return { output: out, kept };
}

/** Zeroes every byte of [from, to) that no kept extent covers. */
function zeroOutside(out: Buffer, from: number, to: number, ranges: Extent[]): void {
  const sorted = ranges
    .filter((r) => r.offset < to && r.offset + r.length > from)
    .sort((x, y) => x.offset - y.offset);
  let cursor = from;
  for (const r of sorted) {
    if (r.offset > cursor) out.fill(0, cursor, r.offset);
    cursor = Math.max(cursor, r.offset + r.length);
  }
  if (cursor < to) out.fill(0, cursor, to);
}

function allZeroOutside(buf: Buffer, from: number, to: number, ranges: Extent[]): boolean {
  const sorted = ranges
    .filter((r) => r.offset < to && r.offset + r.length > from)
    .sort((x, y) => x.offset - y.offset);
  let cursor = from;
  for (const r of sorted) {
    if (r.offset > cursor && !isAllZero(buf.subarray(cursor, r.offset))) return false;
    cursor = Math.max(cursor, r.offset + r.length);
  }
  return cursor >= to || isAllZero(buf.subarray(cursor, to));
}

export function verifyHeif(output: Uint8Array): void {
  const buf = asBuffer(output);
  const what = 'The stripped HEIF image';
  const fail = (detail: string): never => {
    throw invalid(
      `Vigil's check of the stripped HEIF image failed: ${detail}. No output was written.`,
    );
  };
  const b = new Bytes(buf, what);
  const top = readBoxes(b, 0, buf.length);
  if (top[0]?.type !== 'ftyp') fail('it does not start with a file-type box');
  const metas = top.filter((x) => x.type === 'meta');
  if (metas.length !== 1) fail('it must have exactly one metadata box');
  for (const box of top) {
    if (!TOP_LEVEL.has(box.type)) fail(`the top-level "${box.type}" box is not allowed`);
    if ((box.type === 'free' || box.type === 'skip') && !isAllZero(buf.subarray(box.body, box.end)))
      fail('a free box holds data');
  }
  const meta = parseMeta(b, metas[0]!);
  for (const child of meta.children) {
    if (!META_CHILDREN.has(child.type))
      fail(`the "${child.type}" box is not allowed in the metadata box`);
    if (child.type === 'free' && !isAllZero(buf.subarray(child.body, child.end)))
      fail('a free box holds data');
  }
  const hdlr = meta.children.find((c) => c.type === 'hdlr')!;
  if (
    meta.handler !== 'pict' ||
    !isAllZero(buf.subarray(hdlr.body + 24, hdlr.end)) ||
    !isAllZero(buf.subarray(hdlr.body, hdlr.body + 8)) ||
    !isAllZero(buf.subarray(hdlr.body + 12, hdlr.body + 24))
  ) {
    fail('the handler box carries a name or data');
  }
  const dinf = meta.dinf;
  if (dinf) {
    const canonical = plainBox(
      'dinf',
      fullBox(
        'dref',
        0,
        0,
        Buffer.concat([Buffer.from([0, 0, 0, 1]), fullBox('url ', 0, 1, Buffer.alloc(0))]),
      ),
    );
    if (!buf.subarray(dinf.start, dinf.end).equals(canonical))
      fail('the data-reference box is not the plain "this file" reference');
  }
  const keep = keptItems(meta);
  for (const item of meta.items.values()) {
    if (!KEPT_ITEM_TYPES.has(item.type)) fail(`${describeItem(item)} is left`);
    if (item.name !== '' || item.protection !== 0) fail(`item ${item.id} carries a name`);
    if (!keep.has(item.id)) fail(`item ${item.id} is not part of the picture`);
  }
  for (const ref of meta.refs)
    if (!KEPT_REF_TYPES.has(ref.type)) fail(`a "${ref.type}" item reference is left`);
  const used = new Set<number>();
  for (const list of meta.associations.values())
    for (const a of list) if (a.index > 0) used.add(a.index);
  meta.properties.forEach((p, i) => {
    if (!PROPERTY_TYPES.has(p.type)) fail(`the "${p.type}" property is not allowed`);
    if (!used.has(i + 1)) fail(`property ${i + 1} belongs to no item`);
  });
  const fileRanges: Extent[] = [];
  const idatRanges: Extent[] = [];
  for (const loc of meta.locations.values()) {
    if (!meta.items.has(loc.id)) fail(`item ${loc.id} is located but not declared`);
    if (loc.method > 1 || loc.dataRef !== 0) fail('an item points outside the file');
    for (const e of loc.extents) (loc.method === 1 ? idatRanges : fileRanges).push(e);
  }
  for (const box of top.filter((x) => x.type === 'mdat')) {
    if (!allZeroOutside(buf, box.body, box.end, fileRanges))
      fail('the media data holds bytes no image uses');
  }
  if (meta.idat) {
    const rel = idatRanges.map((e) => ({ offset: e.offset + meta.idat!.body, length: e.length }));
    if (!allZeroOutside(buf, meta.idat.body, meta.idat.end, rel))
      fail('the item data box holds bytes no image uses');
  }
}

function itemData(b: Bytes, meta: ParsedMeta, id: number, limit: number): Buffer | undefined {
  const loc = meta.locations.get(id);
  if (!loc || loc.method > 1) return undefined;
  const parts: Buffer[] = [];
  let total = 0;
  for (const e of loc.extents) {
    const start = loc.method === 1 ? (meta.idat ? meta.idat.body + e.offset : -1) : e.offset;
    if (start < 0 || start + e.length > b.length || e.length === 0) return undefined;
    total += e.length;
    if (total > limit) return undefined;
    parts.push(b.buf.subarray(start, start + e.length));
  }
  return Buffer.concat(parts);
}

export async function inspectHeif(
  c: Collector,
  input: Uint8Array,
  what = 'The HEIF image',
): Promise<void> {
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  let top: Box[];
  let meta: ParsedMeta;
  try {
    top = readBoxes(b, 0, buf.length);
    const m = top.find((x) => x.type === 'meta');
    if (!m) throw invalid(`${what} is damaged: it has no metadata box.`);
    meta = parseMeta(b, m);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  const primaryProps = (meta.associations.get(meta.primary) ?? [])
    .map((a) => meta.properties[a.index - 1])
    .filter((p): p is Box => p !== undefined);
  const ispe = primaryProps.find((p) => p.type === 'ispe');
  if (ispe && ispe.end - ispe.body >= 12)
    c.add(
      'structure',
      'heif.dimensions',
      'Dimensions',
      `${buf.readUInt32BE(ispe.body + 4)} × ${buf.readUInt32BE(ispe.body + 8)}`,
      false,
    );
  if (meta.handlerName)
    c.add('software', 'heif.handlerName', 'Handler name', meta.handlerName, false);
  const keep = keptItems(meta);
  const thumbs = new Set(meta.refs.filter((r) => r.type === 'thmb').map((r) => r.from));
  for (const item of meta.items.values()) {
    if (item.name)
      c.add('other', `heif.item${item.id}.name`, `Name of item ${item.id}`, item.name, false);
    if (item.type === 'Exif') {
      const data = itemData(b, meta, item.id, 16 << 20);
      if (data && data.length > 4) {
        const skip = data.readUInt32BE(0);
        const before = c.fields.length;
        if (skip + 4 < data.length) await inspectExif(c, data.subarray(4 + skip), 'HEIF Exif');
        if (c.fields.length === before)
          c.add('hidden', 'heif.Exif', 'EXIF block', formatSize(data.length), true);
      } else c.add('hidden', 'heif.Exif', 'EXIF block', 'present (unreadable)', true);
    } else if (item.type === 'mime') {
      const data = itemData(b, meta, item.id, 16 << 20);
      if (item.contentType === 'application/rdf+xml' && data) inspectXmp(c, data, 'HEIF');
      else
        c.add(
          'hidden',
          `heif.item${item.id}`,
          `Embedded "${item.contentType}" item`,
          data ? formatSize(data.length) : 'present',
          true,
        );
    } else if (thumbs.has(item.id)) {
      c.add(
        'hidden',
        `heif.thumbnail${item.id}`,
        'Thumbnail image',
        `a reduced-size copy of the picture (${item.type})`,
        true,
      );
    } else if (!keep.has(item.id)) {
      c.add(
        'hidden',
        `heif.item${item.id}`,
        `Other item ${item.id} (${item.type})`,
        'not part of the main picture',
        true,
      );
    }
  }
  for (const child of meta.children) {
    if (child.type === 'xml ' || child.type === 'bxml')
      c.add('hidden', 'heif.xml', 'XML metadata box', formatSize(child.end - child.body), true);
  }
  for (const box of top) {
    if (box.type === 'uuid')
      c.add(
        'hidden',
        'heif.uuid',
        'Vendor-specific (uuid) box',
        formatSize(box.end - box.start),
        true,
      );
    else if (box.type === 'moov')
      c.warn(`${what} also holds an image sequence or video; it is not listed.`);
    else if (!TOP_LEVEL.has(box.type) && box.type !== 'moov')
      c.add(
        'hidden',
        `heif.box.${box.type.replace(/[^\x20-\x7e]/g, '?')}`,
        `Unknown top-level box "${box.type.replace(/[^\x20-\x7e]/g, '?')}"`,
        formatSize(box.end - box.start),
        true,
      );
  }
  if (
    primaryProps.some((p) => p.type === 'colr' && ['prof', 'rICC'].includes(b.ascii(p.body, 4)))
  ) {
    c.add('other', 'heif.icc', 'ICC colour profile', 'embedded', false);
  }
}

/** The bytes of every item the picture is made of, in item order: equal before and after stripping. */
export function heifImageData(input: Uint8Array): Buffer {
  const buf = asBuffer(input);
  const b = new Bytes(buf, 'The HEIF image');
  const top = readBoxes(b, 0, buf.length);
  const metaBox = top.find((x) => x.type === 'meta');
  if (!metaBox) throw invalid('The HEIF image has no metadata box.');
  const meta = parseMeta(b, metaBox);
  const parts: Buffer[] = [];
  for (const id of [...keptItems(meta)].sort((x, y) => x - y)) {
    const data = itemData(b, meta, id, buf.length);
    if (data) parts.push(data);
  }
  return Buffer.concat(parts);
}
