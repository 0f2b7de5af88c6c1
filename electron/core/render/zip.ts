// Rewrites a zip (a DOCX) with every entry stamped with one fixed time: the
// packer stamps the export's local wall-clock time, which would tell when
// (and in which time zone) a document was made.

import yauzl from 'yauzl';
import yazl from 'yazl';

interface ZipEntryData {
  readonly name: string;
  readonly data: Buffer;
}

/** Every file entry of a zip held in memory (a DOCX), with its bytes. */
export function readZipEntries(buffer: Buffer): Promise<ZipEntryData[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('unreadable zip'));
      const entries: ZipEntryData[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream)
            return reject(streamError ?? new Error('unreadable zip entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * `time` is written as its UTC wall-clock time in the DOS fields (zip has no
 * time zone; yazl reads local fields), with no extended timestamp; absent, the
 * DOS epoch 1980-01-01 00:00.
 */
export async function restampZip(buffer: Buffer, time?: Date): Promise<Buffer> {
  const entries = await readZipEntries(buffer);
  const mtime = time
    ? new Date(
        time.getUTCFullYear(),
        time.getUTCMonth(),
        time.getUTCDate(),
        time.getUTCHours(),
        time.getUTCMinutes(),
        time.getUTCSeconds(),
      )
    : new Date(1980, 0, 1);
  const out = new yazl.ZipFile();
  for (const entry of entries) {
    out.addBuffer(entry.data, entry.name, { mtime, compress: true, forceDosTimestamp: true });
  }
  out.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    out.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    out.outputStream.on('error', reject);
    out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
