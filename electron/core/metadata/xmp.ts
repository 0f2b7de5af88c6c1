import type { Collector } from './collector';
import type { MetadataGroup } from './types';

/** Stops a hostile packet from producing thousands of fields. */
const MAX_PROPERTIES = 400;
const MAX_XMP_TEXT = 1 << 20;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (_m, ref: string) => {
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'amp') return '&';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export interface XmpProperty {
  name: string;
  value: string;
}

const RDF_STRUCTURE = /^(rdf:|x:xmpmeta$|x:xapmeta$)/;

/**
 * Reads the properties of an XMP packet with a small linear tag scanner: element
 * text and the attributes of rdf:Description (and of nested structures). It is a
 * display aid, not a validating parser; the strippers never rely on it.
 */
export function parseXmp(text: string): XmpProperty[] {
  const out = new Map<string, string[]>();
  const stack: string[] = [];
  const add = (name: string, value: string): void => {
    if (out.size >= MAX_PROPERTIES && !out.has(name)) return;
    const list = out.get(name) ?? [];
    if (list.length < 20) list.push(value);
    out.set(name, list);
  };
  const propertyPath = (extra?: string): string => {
    const parts = stack.filter((n) => !RDF_STRUCTURE.test(n));
    if (extra) parts.push(extra);
    return parts.join('/');
  };
  const tagRe =
    /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = tagRe.exec(text)) !== null) {
    const between = text.slice(last, match.index).trim();
    if (between && stack.length > 0) {
      const name = propertyPath();
      if (name) add(name, decodeEntities(between));
    }
    last = tagRe.lastIndex;
    if (match[5] !== undefined) {
      const name = propertyPath();
      if (name && match[5].trim()) add(name, match[5].trim());
      continue;
    }
    const [, closing, tag, attrs, selfClosing] = match;
    if (!tag) continue;
    if (closing) {
      const at = stack.lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (attrs) {
      const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      let a: RegExpExecArray | null;
      while ((a = attrRe.exec(attrs)) !== null) {
        const attrName = a[1]!;
        if (
          attrName.startsWith('xmlns') ||
          attrName.startsWith('rdf:') ||
          attrName.startsWith('xml:') ||
          attrName === 'x:xmptk'
        ) {
          if (attrName === 'x:xmptk') add('x:xmptk', decodeEntities(a[2] ?? a[3] ?? ''));
          continue;
        }
        const base = RDF_STRUCTURE.test(tag)
          ? propertyPath(attrName)
          : [propertyPath(tag), attrName].filter(Boolean).join('/');
        add(base, decodeEntities(a[2] ?? a[3] ?? ''));
      }
    }
    if (!selfClosing) stack.push(tag);
    if (stack.length > 64) stack.splice(0, stack.length - 64);
  }
  return [...out.entries()].map(([name, values]) => ({ name, value: values.join('; ') }));
}

interface Class {
  group: MetadataGroup;
  risky: boolean;
}

export function classifyXmp(name: string): Class {
  const leaf = name.toLowerCase();
  const last = leaf.split('/').pop() ?? leaf;
  if (
    /gps|latitude|longitude|altitude|location|city|country|sublocation|provincestate|:state$|worldregion|gpsposition/.test(
      leaf,
    )
  )
    return { group: 'location', risky: true };
  if (/serial|owner|lensid|cameraid|deviceid|uniquecameramodel/.test(leaf))
    return { group: 'device', risky: true };
  if (/:make$|:model$|lens|camera|firmware|aux:/.test(last))
    return { group: 'device', risky: false };
  if (
    /creatortool|softwareagent|producer|:software|history.*(action|parameters)|toolkit|xmptk/.test(
      leaf,
    )
  )
    return { group: 'software', risky: false };
  if (
    /creator|author|artist|contributor|publisher|rights|credit|:source$|person|contact|email|authorsposition|captionwriter|writer|lastmodifiedby|usagerights|webstatement|copyright/.test(
      leaf,
    )
  )
    return { group: 'people', risky: true };
  if (
    /documentid|instanceid|originaldocumentid|derivedfrom|ingredients|pantry|documentancestors|manifest|preservedfilename|rawfilename|history/.test(
      leaf,
    )
  )
    return { group: 'hidden', risky: true };
  if (/thumbnail|thumbnails|image$/.test(leaf)) return { group: 'hidden', risky: true };
  if (/date|time|when/.test(last)) return { group: 'time', risky: false };
  if (/description|comment|caption|headline|instructions|label|notes|usercomment/.test(leaf))
    return { group: 'document', risky: true };
  if (/title|subject|keywords|:format|:lang|rating/.test(leaf))
    return { group: 'document', risky: false };
  return { group: 'other', risky: false };
}

function xmpGps(value: string): number | undefined {
  const m =
    /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)(?:\s*,\s*(\d+(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(
      value,
    );
  if (!m) {
    const n = Number(value);
    return Number.isFinite(n) && value.trim() !== '' ? n : undefined;
  }
  const deg = Number(m[1]) + Number(m[2]) / 60 + (m[3] ? Number(m[3]) / 3600 : 0);
  return /[SW]/i.test(m[4]!) ? -deg : deg;
}

/** Lists an XMP packet's properties into the collector. */
export function inspectXmp(
  c: Collector,
  packet: Buffer | string,
  where: string,
  prefix = 'xmp',
): void {
  // Display only: a bounded prefix keeps a hostile multi-megabyte packet cheap.
  const raw =
    typeof packet === 'string' ? packet : packet.subarray(0, MAX_XMP_TEXT).toString('utf8');
  const text = raw.slice(0, MAX_XMP_TEXT);
  const props = parseXmp(text);
  const size = typeof packet === 'string' ? Buffer.byteLength(packet) : packet.length;
  if (props.length === 0) {
    c.add('other', `${prefix}.packet`, `XMP packet in ${where}`, `${size} bytes`, true);
    return;
  }
  const byName = new Map(props.map((p) => [p.name, p.value]));
  for (const p of props) {
    const { group, risky } = classifyXmp(p.name);
    c.add(group, `${prefix}.${p.name}`, `XMP ${p.name} (${where})`, p.value, risky);
  }
  for (const name of ['exif:DateTimeOriginal', 'photoshop:DateCreated', 'xmp:CreateDate']) {
    const v = byName.get(name);
    if (v && /^\d{4}-\d{2}-\d{2}/.test(v)) {
      c.setTime(v.split(';')[0]!.trim());
      break;
    }
  }
  const lat = byName.get('exif:GPSLatitude');
  const lon = byName.get('exif:GPSLongitude');
  if (lat && lon) {
    const la = xmpGps(lat);
    const lo = xmpGps(lon);
    const altText = byName.get('exif:GPSAltitude');
    let alt: number | undefined;
    if (altText) {
      const [n, d] = altText.split('/').map(Number);
      alt = d ? n! / d : n;
      if (byName.get('exif:GPSAltitudeRef') === '1' && alt !== undefined) alt = -alt;
    }
    if (la !== undefined && lo !== undefined) c.setPosition(la, lo, alt);
  }
}
