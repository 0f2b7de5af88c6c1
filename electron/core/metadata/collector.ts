import type { CaptureFacts, MetadataField, MetadataGroup } from './types';

const MAX_VALUE = 160;
/** Stops a hostile file from producing an unbounded report. */
const MAX_FIELDS = 2000;

/** Control characters would garble a terminal; they are shown as escapes, trailing NULs dropped. */
function escapeControls(input: string): string {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 0) end -= 1;
  let out = '';
  for (let i = 0; i < end; i += 1) {
    const c = input.charCodeAt(i);
    out +=
      (c < 0x20 && c !== 9 && c !== 10) || c === 0x7f
        ? `\\x${c.toString(16).padStart(2, '0')}`
        : input[i];
  }
  return out;
}

/** Makes a value short and printable, but keeps it real: the user must recognise what leaks. */
export function shortValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Uint8Array) text = `(${value.length} bytes of binary data)`;
  else if (ArrayBuffer.isView(value))
    text = Array.from(value as unknown as ArrayLike<number>).join(', ');
  else if (Array.isArray(value)) text = value.map((v) => shortValue(v)).join(', ');
  else if (value instanceof Date)
    text = Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value) ?? '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    text = String(value);
  else text = '';
  text = escapeControls(text);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** What the inspectors write into: fields, warnings and the capture facts. */
export class Collector {
  readonly fields: MetadataField[] = [];
  readonly warnings: string[] = [];
  readonly capture: CaptureFacts = {};
  private readonly keys = new Map<string, number>();
  private dropped = 0;
  /** Set when some of the file could not be read: the list is then not the whole truth. */
  unreadable: string | undefined;

  add(group: MetadataGroup, key: string, label: string, value: unknown, risky: boolean): void {
    if (this.fields.length >= MAX_FIELDS) {
      this.dropped += 1;
      return;
    }
    const seen = this.keys.get(key) ?? 0;
    this.keys.set(key, seen + 1);
    this.fields.push({
      group,
      key: seen === 0 ? key : `${key}[${seen + 1}]`,
      label,
      value: shortValue(value),
      risky,
      // Bytes no one can read: the UI says so in the user's language, with the count.
      ...(value instanceof Uint8Array ? { binaryBytes: value.length } : {}),
    });
  }

  /**
   * Records that Vigil could not read (part of) the file's metadata. The
   * report then says so instead of "nothing found"; the first reason wins.
   */
  cannotRead(message: string): void {
    this.unreadable ??= message;
    this.warn(message);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message) && this.warnings.length < 100) this.warnings.push(message);
  }

  /** The first capture time found wins: inspectors call this in order of trust. */
  setTime(time: string | undefined): void {
    if (time && !this.capture.time) this.capture.time = time;
  }

  setPosition(latitude: number, longitude: number, altitude?: number): void {
    if (this.capture.latitude !== undefined) return;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return;
    // Seven decimals are about a centimetre: more digits are only floating-point noise.
    const round = (x: number): number => Number(x.toFixed(7));
    this.capture.latitude = round(latitude);
    this.capture.longitude = round(longitude);
    if (altitude !== undefined && Number.isFinite(altitude))
      this.capture.altitude = round(altitude);
  }

  finish(): void {
    if (this.dropped > 0)
      this.warn(`The file carries ${this.dropped} more metadata fields than are listed.`);
  }
}

/** EXIF "2024:03:05 14:22:10" (+ offset, + sub-seconds) as ISO 8601; undefined if it is not a date. */
export function exifDateToIso(
  value: unknown,
  offset?: unknown,
  subsec?: unknown,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  if (m[1] === '0000') return undefined;
  let iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  if (typeof subsec === 'string' && /^\d{1,9}$/.test(subsec.trim())) iso += `.${subsec.trim()}`;
  if (typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim())) iso += offset.trim();
  return iso;
}

/** A PDF date "D:20240305142210+02'00'" as ISO 8601. */
export function pdfDateToIso(value: string): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    value.trim(),
  );
  if (!m) return undefined;
  let iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
  if (m[7] === 'Z') iso += 'Z';
  else if (m[7]) {
    const digits = m[7].replace(/'/g, '');
    iso += `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  return iso;
}
