import yauzl from 'yauzl';

/** One top-level element of a DOCX body, in document order. */
export type DocxElement =
  | { kind: 'paragraph'; style: string | null; text: string; keepNext: boolean }
  | { kind: 'table'; rows: { cells: string[]; cantSplit: boolean; keepNext: boolean }[] };

/** The XML of the parts of a DOCX whose paths match `pattern`, by path. */
export async function docxParts(file: string, pattern: RegExp): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) =>
      e || !z ? reject(e ?? new Error('unreadable docx')) : resolve(z),
    ),
  );
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!pattern.test(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error('unreadable entry'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return parts;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: runs' text, line breaks as newlines. */
export function runText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    if (m[0] === '<w:br/>') text += '\n';
    else if (m[0] === '<w:tab/>') text += '\t';
    else text += unescape(m[1] ?? '');
  }
  return text;
}

/** The body of word/document.xml as paragraphs and tables, in order (tables are not nested here). */
export async function docxBody(file: string): Promise<DocxElement[]> {
  const xml = (await docxParts(file, /^word\/document\.xml$/)).get('word/document.xml') ?? '';
  const body = xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('</w:body>'));
  const elements: DocxElement[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const part = m[0];
    if (part.startsWith('<w:tbl>')) {
      const rows = [...part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => ({
        cells: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => runText(cell[0])),
        cantSplit: /<w:cantSplit\/>|<w:cantSplit w:val="(?:true|1)"\/>/.test(row[0]),
        keepNext: /<w:keepNext\/>/.test(row[0]),
      }));
      elements.push({ kind: 'table', rows });
    } else {
      const style = /<w:pStyle w:val="([^"]+)"/.exec(part)?.[1] ?? null;
      elements.push({
        kind: 'paragraph',
        style,
        text: runText(part),
        keepNext: /<w:keepNext\/>/.test(part),
      });
    }
  }
  return elements;
}

/** Every text of a DOCX's body, headers and footers, one paragraph or cell per line. */
export async function docxPlainText(file: string): Promise<string> {
  const parts = await docxParts(file, /^word\/(document|header\d*|footer\d*)\.xml$/);
  return [...parts.values()]
    .map((xml) =>
      [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => runText(p[0])).join('\n'),
    )
    .join('\n');
}
