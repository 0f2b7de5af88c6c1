import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './parser';

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return '0';
  let s = n.toString();
  if (s.includes('e')) s = n.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

const NAME_DELIMS = new Set('#()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

export function formatName(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i) & 0xff;
    out +=
      c < 0x21 || c > 0x7e || NAME_DELIMS.has(c) ? `#${c.toString(16).padStart(2, '0')}` : name[i];
  }
  return out;
}

function formatString(s: PdfString): string {
  const b = s.bytes;
  let printable = true;
  for (let i = 0; i < b.length; i += 1) {
    const c = b[i]!;
    if (c < 0x20 || c > 0x7e) {
      printable = false;
      break;
    }
  }
  if (!printable) return `<${b.toString('hex')}>`;
  return `(${b.toString('latin1').replace(/[\\()]/g, (m) => `\\${m}`)})`;
}

/**
 * Serialises a value as PDF syntax (Latin-1 text). `ref` maps an old reference
 * to its new object number; an unmapped reference becomes null.
 */
export function formatValue(
  v: PdfValue,
  ref: (r: PdfRef) => number | undefined,
  depth = 0,
): string {
  if (depth > 250) throw new Error('nesting too deep');
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof PdfName) return formatName(v.name);
  if (v instanceof PdfString) return formatString(v);
  if (v instanceof PdfRef) {
    const n = ref(v);
    return n === undefined ? 'null' : `${n} 0 R`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, ref, depth + 1)).join(' ')}]`;
  if (v instanceof PdfDict) {
    let out = '<<';
    for (const [k, x] of v.map) out += `${formatName(k)} ${formatValue(x, ref, depth + 1)}`;
    return `${out}>>`;
  }
  if (v instanceof PdfStream) throw new Error('a stream cannot be a direct value');
  return 'null';
}

/** Writes a complete PDF: one revision, a classic cross-reference table, a trailer with /Size and /Root only. */
export function writePdf(
  version: string,
  objects: { value: PdfValue }[],
  ref: (r: PdfRef) => number | undefined,
): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    size += b.length;
  };
  push(Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1'));
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(size);
    const v = obj.value;
    if (v instanceof PdfStream) {
      const dict = new PdfDict(new Map(v.dict.map));
      dict.map.set('Length', v.data.length);
      push(Buffer.from(`${i + 1} 0 obj\n${formatValue(dict, ref)}\nstream\n`, 'latin1'));
      push(v.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else {
      push(Buffer.from(`${i + 1} 0 obj\n${formatValue(v, ref)}\nendobj\n`, 'latin1'));
    }
  });
  const xrefAt = size;
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts, size);
}
