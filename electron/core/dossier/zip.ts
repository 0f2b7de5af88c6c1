import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { VigilError } from '../errors';
import { describeMode } from '../fs/fileMode';

/**
 * Reading zip files from others, defensively: every name, size and count is
 * checked before a byte is extracted. Refused: absolute paths, `..`,
 * backslashes, control characters, duplicate names, anything but regular
 * files and folders (symbolic links, FIFOs, devices, sockets), encrypted
 * entries, too many entries, and anything that would expand beyond the
 * limits (zip bombs). Sizes are enforced while streaming too. A refusal is a
 * verification failure (exit code 3): the archive is hostile or damaged.
 */
export const ZIP_LIMITS = {
  entries: 10_000,
  /** Total uncompressed bytes. */
  totalBytes: 64 * 1024 ** 3,
  /** Beyond this size, an entry may not expand more than `ratio` times. */
  ratioFloorBytes: 1024 * 1024,
  ratio: 100,
};

export interface ZipEntryInfo {
  /** The path inside the dossier, with the top-level folder removed. */
  path: string;
  size: number;
  entry: yauzl.Entry;
}

export interface SafeZip {
  entries: ZipEntryInfo[];
  open(entry: ZipEntryInfo): Promise<Readable>;
  close(): void;
}

/** Where the zip's bytes come from: a file, or decrypted plaintext held in the vault. */
export interface ZipBytes {
  size: number;
  stream(start: number, end: number): Readable;
}

class RangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly bytes: ZipBytes) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return this.bytes.stream(start, end);
  }
}

const invalid = (why: string) =>
  new VigilError('VERIFICATION_FAILED', `The dossier archive is refused: ${why}`);

function checkName(name: string): void {
  if (name.length === 0 || name.length > 250)
    throw invalid('an entry has an empty or overlong name');
  if ([...name].some((char) => char < ' ' || char === '\u007f' || char === '\\'))
    throw invalid(`the entry "${name.slice(0, 80)}" has a forbidden character`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    throw invalid(`the entry "${name.slice(0, 80)}" is an absolute path`);
  if (name.split('/').some((part) => part === '..' || part === '.'))
    throw invalid(`the entry "${name.slice(0, 80)}" tries to leave its folder`);
}

// Systems whose zip tools put a Unix mode in the high half of the external attributes (Unix, macOS).
const UNIX_HOSTS = new Set([3, 19]);

/** The Unix file type an entry declares, when it declares one other than a regular file or a folder. */
function specialMode(entry: yauzl.Entry): number | null {
  if (!UNIX_HOSTS.has(entry.versionMadeBy >> 8)) return null;
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  return type === 0 || type === 0o100000 || type === 0o040000 ? null : type;
}

function openWith(bytes: ZipBytes): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(
      new RangeReader(bytes),
      bytes.size,
      {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: true,
      },
      (error, zip) =>
        error || !zip
          ? reject(invalid(`it is not a valid zip file (${error?.message ?? 'unreadable'})`))
          : resolve(zip),
    );
  });
}

/** Opens and checks a dossier archive; entries are returned only if every one passes. */
export async function openSafeZip(bytes: ZipBytes): Promise<SafeZip> {
  const zip = await openWith(bytes);
  const raw: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (raw.length >= ZIP_LIMITS.entries)
          return reject(invalid(`it has more than ${ZIP_LIMITS.entries} entries`));
        raw.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (error: Error) => reject(invalid(error.message)));
      zip.readEntry();
    });
    let total = 0;
    const seen = new Set<string>();
    const files = raw.filter((entry) => !entry.fileName.endsWith('/'));
    for (const entry of raw) {
      checkName(entry.fileName);
      const special = specialMode(entry);
      if (special !== null)
        throw invalid(
          `the entry "${entry.fileName.slice(0, 80)}" is not a regular file (${describeMode(special)})`,
        );
      if (entry.isEncrypted()) throw invalid('it holds encrypted entries');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw invalid('it uses an unknown compression method');
      const ratioLimit = Math.max(
        ZIP_LIMITS.ratioFloorBytes,
        entry.compressedSize * ZIP_LIMITS.ratio,
      );
      if (entry.uncompressedSize > ratioLimit)
        throw invalid(
          `the entry "${entry.fileName.slice(0, 80)}" would expand ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times (a zip bomb?)`,
        );
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.totalBytes) throw invalid('it would expand beyond the size limit');
      const key = entry.fileName.normalize('NFC').toLowerCase();
      if (seen.has(key)) throw invalid(`the name "${entry.fileName.slice(0, 80)}" appears twice`);
      seen.add(key);
    }
    // A dossier may be zipped with its folder (dossier/…) or without.
    const tops = new Set(files.map((e) => e.fileName.split('/')[0]));
    const strip =
      tops.size === 1 && files.every((e) => e.fileName.includes('/')) ? `${[...tops][0]}/` : '';
    return {
      entries: files.map((entry) => ({
        path: entry.fileName.slice(strip.length),
        size: entry.uncompressedSize,
        entry,
      })),
      open: (info) =>
        new Promise<Readable>((resolve, reject) => {
          zip.openReadStream(info.entry, (error, stream) =>
            error || !stream
              ? reject(invalid(error?.message ?? 'unreadable entry'))
              : resolve(stream),
          );
        }),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** An entry's bytes in memory, refusing more than `max`. */
export async function readEntry(zip: SafeZip, info: ZipEntryInfo, max: number): Promise<Buffer> {
  if (info.size > max) throw invalid(`${info.path} is larger than ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await zip.open(info)) {
    size += (chunk as Buffer).length;
    if (size > max) throw invalid(`${info.path} is larger than ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
