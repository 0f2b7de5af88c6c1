import type { Collector } from './collector';
import type { MetadataGroup } from './types';

/** IPTC IIM application record (2) datasets, by number: name, group, risky. */
export const DATASETS: Record<number, [string, MetadataGroup, boolean]> = {
  5: ['Object name', 'document', false],
  25: ['Keywords', 'document', false],
  40: ['Special instructions', 'document', true],
  55: ['Date created', 'time', false],
  60: ['Time created', 'time', false],
  62: ['Digital creation date', 'time', false],
  63: ['Digital creation time', 'time', false],
  65: ['Originating program', 'software', false],
  70: ['Program version', 'software', false],
  80: ['By-line (author)', 'people', true],
  85: ['By-line title', 'people', true],
  90: ['City', 'location', true],
  92: ['Sub-location', 'location', true],
  95: ['Province/State', 'location', true],
  100: ['Country code', 'location', true],
  101: ['Country', 'location', true],
  103: ['Original transmission reference', 'people', true],
  105: ['Headline', 'document', true],
  110: ['Credit', 'people', true],
  115: ['Source', 'people', true],
  116: ['Copyright notice', 'people', true],
  118: ['Contact', 'people', true],
  120: ['Caption', 'document', true],
  122: ['Caption writer', 'people', true],
};

/** Lists IPTC IIM datasets (tag markers 0x1C, record, dataset, 16-bit length). Bounded by the block. */
export function inspectIptc(c: Collector, data: Buffer, where: string): void {
  let p = 0;
  let found = 0;
  while (p + 5 <= data.length && data[p] === 0x1c) {
    const record = data[p + 1]!;
    const dataset = data[p + 2]!;
    const length = data.readUInt16BE(p + 3);
    // Extended lengths (high bit set) are for large binary datasets, never the text ones listed here.
    if (length & 0x8000) break;
    const start = p + 5;
    const end = Math.min(data.length, start + length);
    const known = record === 2 ? DATASETS[dataset] : undefined;
    if (known) {
      c.add(
        known[1],
        `iptc.${dataset}`,
        `IPTC ${known[0]} (${where})`,
        data.toString('utf8', start, end),
        known[2],
      );
      found += 1;
    }
    p = start + length;
  }
  if (found === 0 && data.length > 0)
    c.add('other', 'iptc.block', `IPTC block (${where})`, `${data.length} bytes`, true);
}
