import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { invalid, unsupported } from '../bytes';

/**
 * The zip container of office documents: read defensively into memory (every
 * name, size, ratio and CRC checked before a byte is used), and written
 * afresh in one canonical form (fixed timestamps, no extra fields, no
 * comments, no host or permission information).
 */

export const OFFICE_ZIP_LIMITS = {
  entries: 5000,
  /** Uncompressed bytes of all members together. */
  totalBytes: 1024 * 1024 * 1024,
  /** A member may expand at most this many times beyond 1 MiB (a zip bomb otherwise). */
  ratio: 200,
};

export interface ZipMember {
  name: string;
  data: Buffer;
  /** The DOS date and time written for the member, for inspection. */
  dosDateTime: number;
  /** 3 for Unix, 0 for MS-DOS…: the "made by" host. */
  host: number;
  hasExtra: boolean;
  comment: string;
}

export interface ZipPackage {
  /** File members in archive order (folders are not members). */
  members: ZipMember[];
  /** Folder entries ("Configurations2/toolbar/"), which carry nothing but names. */
  folders: string[];
  comment: string;
  get(name: string): Buffer | undefined;
}

function checkName(name: string, what: string): void {
  const bad = (why: string) =>
    invalid(`${what} is refused: its member "${name.slice(0, 80)}" ${why}.`);
  if (name.length === 0 || name.length > 1024) throw bad('has an empty or overlong name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) throw bad('has a forbidden character in its name');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw bad('is an absolute path');
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw bad('tries to leave its folder or has an empty path segment');
}

function readAll(zip: yauzl.ZipFile, what: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.length >= OFFICE_ZIP_LIMITS.entries) {
        reject(invalid(`${what} has more than ${OFFICE_ZIP_LIMITS.entries} members.`));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      reject(invalid(`${what} is not a valid zip archive (${error.message}).`)),
    );
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(invalid(`${what}: the member "${entry.fileName}" cannot be read.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > entry.uncompressedSize) {
          stream.destroy();
          reject(invalid(`${what}: the member "${entry.fileName}" is larger than it says.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        reject(invalid(`${what}: the member "${entry.fileName}" is damaged (${e.message}).`)),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}

/** Reads a whole office zip into memory, refusing anything ambiguous, hostile or damaged. */
export async function readZip(buf: Buffer, what: string): Promise<ZipPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw invalid(`${what} is not a valid zip archive (${(error as Error).message}).`);
  }
  try {
    const entries = await readAll(zip, what);
    const seen = new Set<string>();
    let total = 0;
    for (const entry of entries) {
      checkName(entry.fileName, what);
      const key = entry.fileName.normalize('NFC').toLowerCase();
      if (seen.has(key))
        throw invalid(
          `${what} is refused: the name "${entry.fileName.slice(0, 80)}" appears twice.`,
        );
      seen.add(key);
      if (entry.isEncrypted())
        throw unsupported(
          `${what} is encrypted (a password-protected archive); Vigil cannot clean it.`,
        );
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw unsupported(`${what} uses a zip compression method Vigil does not read.`);
      const host = entry.versionMadeBy >> 8;
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (host === 3 && mode === 0o120000)
        throw invalid(`${what} is refused: "${entry.fileName.slice(0, 80)}" is a symbolic link.`);
      if (
        entry.uncompressedSize >
        Math.max(1024 * 1024, entry.compressedSize * OFFICE_ZIP_LIMITS.ratio)
      )
        throw invalid(
          `${what} is refused: the member "${entry.fileName.slice(0, 80)}" would expand ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times (a zip bomb?).`,
        );
      total += entry.uncompressedSize;
      if (total > OFFICE_ZIP_LIMITS.totalBytes)
        throw unsupported(`${what} would expand to more than 1 GiB, which Vigil cannot process.`);
    }
    const members: ZipMember[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) {
        if (entry.uncompressedSize !== 0)
          throw invalid(`${what} is refused: the folder entry "${entry.fileName}" holds data.`);
        folders.push(entry.fileName);
        continue;
      }
      const data = await openEntry(zip, entry, what);
      if (crc32(data) !== entry.crc32)
        throw invalid(
          `${what} is damaged: the checksum of "${entry.fileName.slice(0, 80)}" is wrong.`,
        );
      members.push({
        name: entry.fileName,
        data,
        dosDateTime: (entry.lastModFileDate << 16) | entry.lastModFileTime,
        host: entry.versionMadeBy >> 8,
        hasExtra: entry.extraFields.length > 0,
        comment: entry.fileComment,
      });
    }
    const byName = new Map(members.map((m) => [m.name, m.data]));
    return { members, folders, comment: zip.comment, get: (name) => byName.get(name) };
  } finally {
    zip.close();
  }
}

/** 1980-01-01 00:00:00, the earliest DOS date: no member says when it was made. */
const DOS_DATE = 0x0021;
const DOS_TIME = 0;

export interface ZipOutput {
  name: string;
  data: Buffer;
  /** Stored uncompressed (ODF's `mimetype` must be). */
  store?: boolean;
}

/**
 * Writes a zip in one canonical form: members in the given order, fixed
 * dates, "made by" MS-DOS with no attributes, no extra fields or comments.
 * The same input always gives the same bytes.
 */
export function writeZip(members: ZipOutput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(m.name) ? 0x0800 : 0;
    const body = m.store ? m.data : deflateRawSync(m.data, { level: 6 });
    const method = m.store ? 0 : 8;
    const version = m.store ? 10 : 20;
    const crc = crc32(m.data);
    if (offset + 30 + name.length + body.length > 0xfffffff0)
      throw unsupported(
        'The cleaned document would be larger than 4 GiB, which Vigil cannot write.',
      );
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(version, 4); // made by: MS-DOS (host 0), no Unix modes
    entry.writeUInt16LE(version, 6);
    entry.writeUInt16LE(utf8, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(m.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    parts.push(local, name, body);
    offset += 30 + name.length + body.length;
  }
  if (members.length > 0xffff) throw unsupported('Too many members for a zip archive.');
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}
