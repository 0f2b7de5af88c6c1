import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { readZip, writeZip } from '../../../electron/core/metadata/office/zip';
import { parseXml, serializeXml } from '../../../electron/core/metadata/office/xml';
import { cleanOoxmlPart } from '../../../electron/core/metadata/office/ooxmlClean';
import { expectFinds, expectVigilError, fixture } from './helpers';
import { EXPECTED, HAS_CHANGES, OFFICE_FIXTURES, officeLeaks, zipMembers } from './office-canaries';

const doc = (type: string) => fixture(`office/evidence.${type}`);

describe('office documents: inspection', () => {
  for (const type of OFFICE_FIXTURES) {
    it(`${type}: lists every planted author, editor, comment, change, id, path and the photo's GPS, flagged`, async () => {
      const report = await inspectBuffer(doc(type));
      expect(report.type).toBe(type);
      expect(report.readable, report.unreadableReason).toBe(true);
      expectFinds(report, EXPECTED[type]);
      expect(report.capture.time).toMatch(/^2024-03-05T14:22:10/);
    });
  }
});

describe('office documents: stripping', () => {
  for (const type of OFFICE_FIXTURES) {
    it(`${type}: nothing planted survives in the raw bytes or any member; the copy is canonical and deterministic`, async () => {
      const original = doc(type);
      expect((await officeLeaks(original)).length).toBeGreaterThan(5);
      const { output, report } = await stripBuffer(original, { acceptChanges: true });
      expect(await officeLeaks(output)).toEqual([]);
      expect(report.type).toBe(type);
      expect(report.removed.length).toBeGreaterThan(20);
      expect(report.removed.some((f) => f.value.includes('CANARY-AUTHOR'))).toBe(true);
      // Re-read: still the same kind, readable, nothing but structure.
      const again = await inspectBuffer(output);
      expect(again.type).toBe(type);
      expect(again.readable).toBe(true);
      expect(again.fields.filter((f) => f.group !== 'structure')).toEqual([]);
      // Canonical zip: fixed dates, no host, no comment; ODF's mimetype first and stored.
      const zip = await readZip(output, 'test');
      expect(zip.comment).toBe('');
      for (const m of zip.members)
        expect([m.name, m.dosDateTime, m.host, m.hasExtra]).toEqual([m.name, 0x00210000, 0, false]);
      if (type.startsWith('od')) {
        expect(zip.members[0]!.name).toBe('mimetype');
        expect(output.readUInt16LE(8)).toBe(0); // stored
        expect(output.subarray(30, 38).toString()).toBe('mimetype');
      }
      expect((await stripBuffer(original, { acceptChanges: true })).output.equals(output)).toBe(
        true,
      );
      // Document properties are emptied but still there and valid.
      const members = await zipMembers(output);
      const props = type.startsWith('od')
        ? ['meta.xml']
        : ['docProps/core.xml', 'docProps/app.xml'];
      for (const p of props)
        expect(parseXml(members.get(p)!, p).root.children.length).toBeLessThanOrEqual(1);
    });

    it(`${type}: tracked changes are ${HAS_CHANGES[type] ? 'refused unless accepted' : 'absent, so no choice is needed'}`, async () => {
      if (HAS_CHANGES[type])
        await expectVigilError(
          stripBuffer(doc(type), { acceptChanges: false }),
          'UNSUPPORTED',
          /tracked change.*--accept-changes/,
        );
      else expect(await officeLeaks((await stripBuffer(doc(type))).output)).toEqual([]);
    });
  }

  it('accepting Word changes keeps insertions, drops deletions and old formatting, joins a paragraph whose mark was deleted, and drops a deleted row', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = `<w:document xmlns:w="${W}"><w:body>
      <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2024"/></w:rPr></w:pPr><w:r><w:t>first </w:t></w:r></w:p>
      <w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>second</w:t></w:r><w:ins w:id="2" w:author="B"><w:r><w:t> added</w:t></w:r></w:ins><w:del w:id="3" w:author="C"><w:r><w:delText> gone</w:delText></w:r></w:del>
        <w:moveFrom w:id="4" w:author="D"><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:moveTo w:id="5" w:author="D"><w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="E"><w:rPr/></w:rPrChange></w:rPr><w:t> moved here</w:t></w:r></w:moveTo></w:p>
      <w:tbl><w:tr><w:trPr><w:del w:id="7" w:author="F"/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>kept row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    </w:body></w:document>`;
    const { root } = parseXml(Buffer.from(xml), 'test');
    cleanOoxmlPart(root, { removedIds: new Set(), acceptChanges: true });
    const out = serializeXml(root).toString();
    const text = [...out.matchAll(/<w:t>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toBe('first |second| added| moved here|kept row');
    expect(out).not.toMatch(
      /w:author|w:del|w:ins|moveFrom|moveTo|rPrChange|gone|moved away|deleted row/,
    );
    // The two paragraphs became one, with the second's properties.
    expect(out.match(/<w:p>/g)).toHaveLength(2);
    expect(out).toMatch(/<w:p><w:pPr><w:jc w:val="left"\/><\/w:pPr><w:r><w:t>first <\/w:t>/);
  });

  it("drops ids in extension lists but keeps a shape's size (DrawingML a:ext), and keeps web links while unwrapping dropped ones", () => {
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const A16 = 'http://schemas.microsoft.com/office/drawing/2014/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = `<w:document xmlns:w="${W}" xmlns:a="${A}" xmlns:a16="${A16}" xmlns:r="${R}"><a:xfrm><a:off x="1" y="2"/><a:ext cx="720000" cy="540000"/></a:xfrm><a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId id="{CANARY-ID}"/></a:ext></a:extLst><w:hyperlink r:id="rId1"><w:r><w:t>web</w:t></w:r></w:hyperlink><w:hyperlink r:id="rId2"><w:r><w:t>local</w:t></w:r></w:hyperlink></w:document>`;
    const { root } = parseXml(Buffer.from(xml), 'test');
    cleanOoxmlPart(root, { removedIds: new Set(['rId2']), acceptChanges: false });
    const out = serializeXml(root).toString();
    expect(out).toContain('<a:ext cx="720000" cy="540000"/>');
    expect(out).toContain('<a:extLst/>');
    expect(out).not.toContain('CANARY');
    expect(out).toContain(
      '<w:hyperlink r:id="rId1"><w:r><w:t>web</w:t></w:r></w:hyperlink><w:r><w:t>local</w:t></w:r>',
    );
  });

  it('refuses macros, OLE objects, encrypted ODF and DOCTYPE entities, naming what it found', async () => {
    const zip = await readZip(doc('docx'), 'test');
    const withMember = (name: string, data: Buffer, types?: string) =>
      writeZip(
        zip.members
          .map((m) => ({
            name: m.name,
            data:
              types && m.name === '[Content_Types].xml'
                ? Buffer.from(m.data.toString().replace('</Types>', `${types}</Types>`))
                : m.data,
          }))
          .concat([{ name, data }]),
      );
    await expectVigilError(
      stripBuffer(withMember('word/vbaProject.bin', Buffer.from('VBA'))),
      'UNSUPPORTED',
      /macros/,
    );
    await expectVigilError(
      stripBuffer(withMember('word/embeddings/oleObject1.bin', Buffer.from('OLE'))),
      'UNSUPPORTED',
      /OLE object/,
    );
    const docm = writeZip(
      zip.members.map((m) => ({
        name: m.name,
        data:
          m.name === '[Content_Types].xml'
            ? Buffer.from(
                m.data
                  .toString()
                  .replace(
                    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
                    'application/vnd.ms-word.document.macroEnabled.main+xml',
                  ),
              )
            : m.data,
      })),
    );
    await expectVigilError(stripBuffer(docm), 'UNSUPPORTED', /Word document with macros \(DOCM\)/);
    const inspected = await inspectBuffer(docm);
    expect(inspected.readable).toBe(false);
    expect(inspected.unreadableReason).toMatch(/DOCM/);

    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "CANARYCANARY"><!ENTITY b "&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:document>`;
    const bomb = writeZip(
      zip.members.map((m) => ({
        name: m.name,
        data: m.name === 'word/document.xml' ? Buffer.from(laughs) : m.data,
      })),
    );
    await expectVigilError(stripBuffer(bomb, { acceptChanges: true }), 'INVALID_INPUT', /entities/);
    expect((await inspectBuffer(bomb)).readable).toBe(false);

    const odt = await readZip(doc('odt'), 'test');
    const encrypted = writeZip(
      odt.members.map((m) => ({
        name: m.name,
        store: m.name === 'mimetype',
        data:
          m.name === 'META-INF/manifest.xml'
            ? Buffer.from(
                m.data
                  .toString()
                  .replace(
                    /(manifest:full-path="content.xml"[^>]*?)\/>/,
                    '$1><manifest:encryption-data/></manifest:file-entry>',
                  ),
              )
            : m.data,
      })),
    );
    await expectVigilError(
      stripBuffer(encrypted, { acceptChanges: true }),
      'UNSUPPORTED',
      /encrypted/,
    );
  });

  it('strips a document embedded in a document as a document, and refuses (never loops on) documents nested too deeply', async () => {
    const embed = async (outer: Buffer, inner: Buffer): Promise<Buffer> => {
      const zip = await readZip(outer, 'test');
      const edit = (name: string, data: Buffer): Buffer => {
        const text = data.toString();
        if (name === '[Content_Types].xml')
          return Buffer.from(
            text.replace(
              '</Types>',
              '<Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/></Types>',
            ),
          );
        if (name === 'word/_rels/document.xml.rels')
          return Buffer.from(
            text.replace(
              '</Relationships>',
              '<Relationship Id="rIdInner" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/inner.docx"/></Relationships>',
            ),
          );
        return data;
      };
      return writeZip([
        ...zip.members.map((m) => ({ name: m.name, data: edit(m.name, m.data) })),
        { name: 'word/embeddings/inner.docx', data: inner },
      ]);
    };
    const clean = (await stripBuffer(doc('docx'), { acceptChanges: true })).output;
    const once = await embed(clean, doc('docx'));
    const report = await inspectBuffer(once);
    expect(
      report.fields.some(
        (f) => f.label.includes('word/embeddings/inner.docx') && f.value === 'CANARY-COMPANY-D',
      ),
    ).toBe(true);
    await expectVigilError(stripBuffer(once), 'UNSUPPORTED', /inner\.docx.*tracked change/);
    const { output } = await stripBuffer(once, { acceptChanges: true });
    expect(await officeLeaks(output)).toEqual([]);
    const inner = (await zipMembers(output)).get('word/embeddings/inner.docx')!;
    expect(await officeLeaks(inner)).toEqual([]);
    expect((await inspectBuffer(inner)).type).toBe('docx');

    let deep = clean;
    for (let i = 0; i < 6; i += 1) deep = await embed(clean, deep);
    const deepReport = await inspectBuffer(deep);
    expect(deepReport.readable).toBe(false);
    expect(deepReport.unreadableReason).toMatch(/nested too deeply/);
    await expectVigilError(
      stripBuffer(deep, { acceptChanges: true }),
      'UNSUPPORTED',
      /nested too deeply/,
    );
  });

  it('refuses zip tricks: a path that leaves its folder, a duplicated name, a zip bomb, a wrong checksum', async () => {
    const base = (await readZip(doc('docx'), 'test')).members.map((m) => ({
      name: m.name,
      data: m.data,
    }));
    const escape = writeZip([...base, { name: '../../etc/evil.xml', data: Buffer.from('<x/>') }]);
    await expectVigilError(
      stripBuffer(escape, { acceptChanges: true }),
      'INVALID_INPUT',
      /invalid relative path|leave its folder/,
    );
    const twice = writeZip([...base, { name: 'WORD/document.xml', data: Buffer.from('<x/>') }]);
    await expectVigilError(
      stripBuffer(twice, { acceptChanges: true }),
      'INVALID_INPUT',
      /appears twice/,
    );
    const bomb = writeZip([
      ...base,
      { name: 'word/media/huge.png', data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    await expectVigilError(stripBuffer(bomb, { acceptChanges: true }), 'INVALID_INPUT', /zip bomb/);
    const damaged = Buffer.from(doc('docx'));
    const at = damaged.indexOf('word/document.xml') + 'word/document.xml'.length + 10;
    damaged[at] = damaged[at]! ^ 0xff;
    const report = await inspectBuffer(damaged);
    expect(report.readable).toBe(false);
    await expect(stripBuffer(damaged, { acceptChanges: true })).rejects.toMatchObject({
      name: 'VigilError',
    });
  });
});
