// Reading back everything a dossier or a bundle puts in a recipient's hands,
// so a test can look for what must not be there (a withheld name in any form,
// an id, a placeholder, a marker) in every file at once: the PDF's text (and
// its document information), every part of the DOCX (text and raw XML),
// case.json, manifest.json, SHA256SUMS, VERIFY.txt, the evidence bytes, and
// the file names themselves.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import { labelsFor } from '../../electron/core/render';
import type { DossierLanguage } from '../../shared/dossier';
import type { Gpg } from './gpg';
import { tempDir } from './tmp';

export interface DossierOutput {
  /** Where the text comes from: a path in the dossier, `path#part` inside a DOCX, or `(file names)`. */
  source: string;
  text: string;
}

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Every entry of a zip held in memory. */
export function unzipBuffer(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function tool(name: string, args: string[]): string {
  const result = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`${name} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

async function readOne(root: string, path: string): Promise<DossierOutput[]> {
  const bytes = await readFile(join(root, path));
  if (path.endsWith('.pdf')) {
    const file = join(root, path);
    return [
      {
        source: path,
        text: tool('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(BIDI_CONTROLS, ''),
      },
      { source: `${path}#info`, text: tool('pdfinfo', ['-enc', 'UTF-8', file]) },
      // Strings the text layer may not show (metadata streams, annotations), as the raw bytes read them.
      { source: `${path}#bytes`, text: bytes.toString('latin1') },
    ];
  }
  if (path.endsWith('.docx')) {
    const parts = await unzipBuffer(bytes);
    const outputs: DossierOutput[] = [];
    for (const [name, data] of parts) {
      const xml = data.toString('utf8');
      outputs.push({ source: `${path}#${name}`, text: xml });
      if (name.endsWith('.xml')) {
        const text = unescapeXml(
          xml
            .replace(/<\/w:p>/g, '\n')
            .replace(/<w:tab\/>/g, '\t')
            .replace(/<[^>]+>/g, ''),
        );
        outputs.push({ source: `${path}#${name} (text)`, text });
      }
    }
    outputs.push({ source: `${path}#(part names)`, text: [...parts.keys()].join('\n') });
    return outputs;
  }
  if (bytes.includes('-----BEGIN PGP ')) return dearmored(path, bytes);
  // JSON, text and the evidence: as UTF-8, and as Latin-1 for binary metadata.
  return [
    { source: path, text: bytes.toString('utf8') },
    { source: `${path}#latin1`, text: bytes.toString('latin1') },
  ];
}

/** An ASCII-armoured OpenPGP block: its kind, header lines, Base64 body and checksum. */
const ARMOR =
  /-----BEGIN PGP ([A-Z ]+)-----\r?\n((?:[A-Za-z-]+: .*\r?\n)*)\r?\n([A-Za-z0-9+/=\r\n]*?)(?:\r?\n=[A-Za-z0-9+/]{4})?\r?\n-----END PGP \1-----/g;

/**
 * A signature or key as a recipient's tools read it: the text around the
 * armour (a clear-signed message) and the armour's header lines as they are,
 * the packets inside decoded. A name could hide in a header or in a packet
 * (a user id, a notation), never in the Base64 itself, whose random letters
 * would otherwise spell a short name now and then ("…tolga8…" held "Olga").
 */
function dearmored(path: string, bytes: Buffer): DossierOutput[] {
  const packets: Buffer[] = [];
  const without = (text: string) =>
    text.replace(ARMOR, (_, kind: string, headers: string, body: string) => {
      packets.push(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
      return `-----BEGIN PGP ${kind}-----\n${headers}\n-----END PGP ${kind}-----`;
    });
  const utf8 = without(bytes.toString('utf8'));
  const latin1 = without(bytes.toString('latin1'));
  // Each armour was read twice, once per decoding of the file: its packets once.
  const decoded = Buffer.concat(packets.slice(0, packets.length / 2));
  return [
    { source: path, text: utf8 },
    { source: `${path}#latin1`, text: latin1 },
    { source: `${path}#packets`, text: decoded.toString('utf8') },
    { source: `${path}#packets#latin1`, text: decoded.toString('latin1') },
  ];
}

/** Everything inside a dossier folder, and the names of its files. */
export async function readDossierOutputs(dir: string): Promise<DossierOutput[]> {
  const paths: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else paths.push(relative(dir, full).split(sep).join('/'));
    }
  };
  await walk(dir);
  paths.sort();
  const outputs: DossierOutput[] = [{ source: '(file names)', text: paths.join('\n') }];
  for (const path of paths) outputs.push(...(await readOne(dir, path)));
  return outputs;
}

/** Everything inside a dossier zip (as a bundle holds it), and the names of its entries. */
export async function readZipOutputs(zip: Buffer): Promise<DossierOutput[]> {
  const entries = await unzipBuffer(zip);
  const dir = await tempDir('vigil-dossier-zip-');
  for (const [name, data] of entries) {
    const path = join(dir, ...name.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }
  // A bundle's zip holds the dossier in one folder (dossier/…): read it as the folder it is.
  const tops = new Set([...entries.keys()].map((name) => name.split('/')[0]!));
  const only = tops.size === 1 ? [...tops][0]! : null;
  const single = only !== null && [...entries.keys()].every((name) => name.startsWith(`${only}/`));
  return [
    { source: '(zip entry names)', text: [...entries.keys()].join('\n') },
    ...(await readDossierOutputs(single ? join(dir, only) : dir)),
  ];
}

/**
 * Everything inside an encrypted partner bundle, decrypted the way a partner
 * without Vigil would (gpg --decrypt, with a key of `gpg`'s keyring), and the
 * bundle's own file name.
 */
export async function readBundleOutputs(bundle: string, gpg: Gpg): Promise<DossierOutput[]> {
  const out = join(await tempDir('vigil-bundle-'), 'dossier.zip');
  // Decryption is what counts here (a signer unknown to this keyring makes gpg exit non-zero after it).
  const decrypted = await gpg.run(['--status-fd', '2', '--output', out, '--decrypt', bundle]);
  if (!/DECRYPTION_OKAY/.test(decrypted.stderr))
    throw new Error(`gpg could not decrypt ${bundle}: ${decrypted.stderr}`);
  return [
    { source: '(bundle name)', text: bundle.split(/[\\/]/).pop() ?? bundle },
    ...(await readZipOutputs(await readFile(out))),
  ];
}

/** Lower case, composed, compatibility forms folded (Arabic presentation forms), spaces collapsed. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(/\s+/gu, ' ').toLowerCase();
}

export interface Found {
  source: string;
  needle: string;
  context: string;
}

/**
 * Where any needle occurs in the outputs: case-insensitively, in composed
 * and decomposed forms, and, for needles of four letters or more, also with
 * every space removed (a name broken across lines in a PDF, or written
 * without spaces as Chinese and Japanese are).
 */
export function findInOutputs(
  outputs: readonly DossierOutput[],
  needles: readonly string[],
): Found[] {
  const found: Found[] = [];
  for (const output of outputs) {
    const text = fold(output.text);
    const spaceless = text.replace(/ /g, '');
    for (const needle of needles) {
      const n = fold(needle);
      if (n.trim() === '') continue;
      let at = text.indexOf(n);
      if (at < 0 && [...n.replace(/ /g, '')].length >= 4) {
        const m = spaceless.indexOf(n.replace(/ /g, ''));
        if (m >= 0) at = Math.max(0, Math.round((m * text.length) / Math.max(1, spaceless.length)));
      }
      if (at >= 0)
        found.push({
          source: output.source,
          needle,
          context: text.slice(Math.max(0, at - 60), at + n.length + 60),
        });
    }
  }
  return found;
}

/** The outputs' text that a reader sees (PDF text, DOCX text, JSON and text files), without raw bytes. */
export function readableText(outputs: readonly DossierOutput[]): string {
  return outputs
    .filter(
      (o) =>
        !o.source.endsWith('#latin1') &&
        !o.source.endsWith('#bytes') &&
        !o.source.startsWith('evidence/') &&
        (!o.source.includes('.docx#') || o.source.endsWith('(text)')),
    )
    .map((o) => o.text)
    .join('\n');
}

/** A submission's PDF and DOCX text (`base`.pdf, `base`.docx), folded. */
export function submissionTexts(
  outputs: readonly DossierOutput[],
  base: string,
): { pdf: string; docx: string } {
  const pdf = outputs.find((o) => o.source === `${base}.pdf`)!.text;
  const docx = outputs.find((o) => o.source === `${base}.docx#word/document.xml (text)`)!.text;
  return { pdf: fold(pdf), docx: fold(docx) };
}

/**
 * Whether `text` holds `phrase`: whole, or in an Arabic PDF word by word
 * (pdftotext may give the words of a wrapped or mixed-direction line in
 * another order, set an Arabic vowel mark apart from its letter, or a number
 * apart from the letter joined to it; the DOCX is read whole).
 */
export function holdsPhrase(text: string, phrase: string, rtlPdf: boolean): boolean {
  const folded = fold(phrase);
  if (text.includes(folded)) return true;
  const bare = (s: string) => s.replace(/[\u064B-\u065F]/gu, '');
  return (
    rtlPdf &&
    bare(folded)
      .split(/[\s:()/.،—«»“”]+/u)
      .filter((word) => !/\d/u.test(word))
      .every((word) => bare(text).includes(word))
  );
}

/** The missing marker's word ("missing", "غير متوفر"): brackets move about in right-to-left text. */
export const missingMarker = (language: DossierLanguage): string =>
  fold(labelsFor({ title: '', language, blocks: [] }).missingBare.replace(/[[\]]/gu, ''));
