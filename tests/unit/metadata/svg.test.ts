import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVigilInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { readZip, writeZip } from '../../../electron/core/metadata/office/zip';
import { metadataFieldId } from '../../../shared/metadataFields';
import { detectType } from '../../../electron/core/metadata/detect';
import { verifySvg } from '../../../electron/core/metadata/formats/svgVerify';
import { parseXml, walk } from '../../../electron/core/metadata/office/xml';
import {
  PLAIN_SVG,
  plantedSvg,
  SVG_CANARIES,
  SVG_DRAWN_TEXT,
  svgWith,
} from '../../helpers/svgSources';
import { EXIF_CANARIES, expectClean, expectFinds, expectVigilError, fixture } from './helpers';

const nested = {
  inspect: (b: Buffer) => inspectBuffer(b, { depth: 1 }),
  strip: (b: Buffer) => stripBuffer(b, { depth: 1 }),
};

const planted = (): Buffer => Buffer.from(plantedSvg(fixture('camera.jpg')));

describe('SVG pictures', () => {
  it('are detected from their first element, after a prolog of any kind', () => {
    expect(detectType(Buffer.from(plantedSvg())).type).toBe('svg');
    expect(detectType(Buffer.from(`\ufeff  ${PLAIN_SVG}`)).type).toBe('svg');
    expect(detectType(Buffer.from('<html><svg></svg></html>')).type).toBe('unknown');
    expect(detectType(Buffer.from('<svgfoo/>')).type).toBe('unknown');
  });

  it('inspection lists every hiding place, and the picture inside with its EXIF', async () => {
    const report = await inspectBuffer(planted());
    expect(report.readable).toBe(true);
    const k = SVG_CANARIES;
    expectFinds(report, [
      { value: k.comment, risky: true, group: 'hidden' },
      { value: k.instruction, risky: true },
      { value: k.title, group: 'document' },
      { value: k.desc, group: 'document' },
      { value: k.creator, risky: true, group: 'people' },
      { value: k.rights, group: 'people' },
      { value: k.date, group: 'time' },
      { value: k.docname, group: 'software' },
      { value: k.exportFilename, group: 'software' },
      { value: k.namedview, group: 'software' },
      { value: k.illustrator, group: 'software' },
      { value: k.sketch, group: 'software' },
      { value: k.script, risky: true },
      { value: k.onload, risky: true },
      { value: k.dataAttribute, risky: true },
      { value: k.base, risky: true },
      { value: k.link, risky: true },
      { value: k.outside, risky: true },
      { value: k.styleComment, risky: true },
      { value: k.attributeComment, risky: true },
      { value: k.hiddenText, risky: true },
      { value: k.layerId, group: 'hidden' },
      { value: k.inkscapeFont, risky: true },
      { value: k.badValue, risky: true },
      ...EXIF_CANARIES,
    ]);
    // The UI names each in the user's language.
    expect(report.fields.filter((f) => metadataFieldId(f.key) === null)).toEqual([]);
    // The same fields of an SVG picture inside a document get the same names.
    expect(metadataFieldId('embedded.word/media/image2.svg.svg.title')).toBe('title');
    expect(metadataFieldId('embedded.Pictures/1.svg.svg.comment[3]')).toBe('xmlComment');
    expect(metadataFieldId('embedded.ppt/media/a.svg.svg.attribute.inkscape:label')).toBe(
      'privateData',
    );
  });

  it('strip removes every planted string and keeps the drawing', async () => {
    const { output, report } = await stripBuffer(planted());
    await expectClean(output, report.kept, inspectBuffer);
    expect(report.removed.length).toBeGreaterThan(20);
    const { root } = parseXml(output, 'output');
    const names = [...walk(root)].map((e) => e.local);
    for (const kept of ['linearGradient', 'stop', 'rect', 'circle', 'image', 'text', 'style'])
      expect(names).toContain(kept);
    // The link is drawn as the group it holds; the outside picture stays as an empty frame.
    expect(names.filter((n) => n === 'rect')).toHaveLength(2);
    const text = output.toString('utf8');
    expect(text).toContain(SVG_DRAWN_TEXT);
    // Names an editor gave (ids, classes) are neutral ones now, references following.
    expect(text).toContain('.c1{fill: #1060c0}');
    expect(text).toContain('<circle class="c1"');
    expect(text).toContain('<linearGradient id="i1"');
    expect(text).toContain('style="font-weight:bold"');
    expect(text).toContain('fill="url(#i1)"');
    expect(text).not.toMatch(/inkscape|sodipodi|adobe|sketch|purl\.org|file:|https:|onload/i);
    // The picture inside is the stripped JPEG: its EXIF is gone, its pixels are there.
    const jpeg = Buffer.from(/base64,([^"]+)"/.exec(text)![1]!, 'base64');
    const inner = await inspectBuffer(jpeg);
    expect(inner.type).toBe('jpeg');
    expect(inner.fields.filter((f) => f.risky)).toEqual([]);
  });

  it('vigil inspect and vigil strip take a standalone SVG file', async () => {
    const dir = await tempDir();
    const input = join(dir, 'icon.svg');
    const output = join(dir, 'clean.svg');
    await writeFile(input, planted());
    const inspected = await runVigilInProcess(['inspect', input, '--json']);
    expect(inspected.code, inspected.stderr).toBe(0);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ type: 'svg', readable: true });
    expect(inspected.stdout).toContain(SVG_CANARIES.exportFilename);
    const stripped = await runVigilInProcess(['strip', input, '--out', output, '--json']);
    expect(stripped.code, stripped.stderr).toBe(0);
    expect((await readFile(output)).includes('CANARY')).toBe(false);
    // A picture Vigil will not clean is refused with the reason, and nothing is written.
    await writeFile(input, svgWith('<foreignObject/>'));
    const refused = await runVigilInProcess(['strip', input, '--out', join(dir, 'no.svg')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/embedded HTML \(<foreignObject>\), which Vigil does not clean/);
    await expect(readFile(join(dir, 'no.svg'))).rejects.toThrow(/ENOENT/);
  });

  it('in an office document, an SVG picture is stripped as a picture, or refuses the document', async () => {
    const odt = fixture('office/evidence.odt');
    const zip = await readZip(odt, 'test');
    const picture = zip.members.find((m) => m.name.startsWith('Pictures/'))!.name;
    const withPicture = (svg: Buffer) =>
      writeZip(
        zip.members.map((m) => ({
          name: m.name,
          store: m.name === 'mimetype',
          data: m.name === picture ? svg : m.data,
        })),
      );
    const { output } = await stripBuffer(withPicture(planted()), { acceptChanges: true });
    const cleaned = (await readZip(output, 'copy')).members.find((m) => m.name === picture)!;
    expect(cleaned.data.toString('utf8')).toContain(SVG_DRAWN_TEXT);
    expect(cleaned.data.includes('CANARY')).toBe(false);
    await expectVigilError(
      stripBuffer(withPicture(svgWith('<foreignObject/>')), { acceptChanges: true }),
      'UNSUPPORTED',
      new RegExp(`holds ${picture}, which cannot be cleaned: The SVG image holds embedded HTML`),
    );
  });

  it('keeps the class names Office recolours its icons by, as Word writes them', async () => {
    const icon = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="96" height="96" overflow="hidden"><style>.MsftOfcThm_Accent1_Fill_v2 { fill:#4472C4; }</style><defs><clipPath id="clip0"><rect x="592" y="312" width="96" height="96"/></clipPath></defs><g clip-path="url(#clip0)" transform="translate(-592 -312)"><path d="M640 320 688 400 592 400Z" class="MsftOfcThm_Accent1_Fill_v2" fill="#4472C4"/></g></svg>',
    );
    const { output } = await stripBuffer(icon);
    const text = output.toString();
    expect(text).toContain('.MsftOfcThm_Accent1_Fill_v2{fill:#4472C4}');
    expect(text).toContain('class="MsftOfcThm_Accent1_Fill_v2"');
    expect(text).toContain('clip-path="url(#i1)"');
  });

  it('strips a plain picture to the same elements', async () => {
    const { output } = await stripBuffer(Buffer.from(PLAIN_SVG));
    expect(output.toString()).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
    );
  });

  it('refuses, naming the construct, what it cannot clean without changing the picture', async () => {
    const cases: [Buffer, string, RegExp][] = [
      [
        Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "CANARY">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        ),
        'INVALID_INPUT',
        /declares its own XML entities/,
      ],
      [svgWith('<foreignObject><p>x</p></foreignObject>'), 'UNSUPPORTED', /embedded HTML/],
      [svgWith('<animate attributeName="x" to="5"/>'), 'UNSUPPORTED', /animation \(<animate>\)/],
      [svgWith('<set attributeName="fill" to="blue"/>'), 'UNSUPPORTED', /animation \(<set>\)/],
      [svgWith('<font><glyph/></font>'), 'UNSUPPORTED', /<font>, an SVG element Vigil/],
      [
        svgWith('<style>@import "a.css";</style>'),
        'UNSUPPORTED',
        /outside the picture \(@import\)/,
      ],
      [svgWith('<rect fill="url(other.svg#g)"/>'), 'UNSUPPORTED', /\(url\(other\.svg#g\)\)/],
      [svgWith('<rect style="fill:\\75rl(x)"/>'), 'UNSUPPORTED', /a CSS escape/],
      [
        svgWith('<style>rect { background: url(data:image/png;base64,AAAA) }</style>'),
        'UNSUPPORTED',
        /url\(data:image/,
      ],
      [
        svgWith('<image href="data:image/bmp;base64,Qk0AAAAA"/>'),
        'UNSUPPORTED',
        /picture 1 \(a data: URI\) \(file of unknown type\), which Vigil cannot clean/,
      ],
      [svgWith('<image href="data:image/png;base64,@@@"/>'), 'UNSUPPORTED', /cannot decode/],
      [svgWith('<rect>'), 'INVALID_INPUT', /not well-formed XML/],
      [svgWith('<style>CANARY rect{fill:red}</style>'), 'UNSUPPORTED', /selector on <CANARY>/],
      [svgWith('<style>rect{fill:red} words</style>'), 'UNSUPPORTED', /text outside its rules/],
      [svgWith('<style>@media print{rect{fill:red}}</style>'), 'UNSUPPORTED', /an @-rule/],
      [svgWith('<style>rect:CANARY{fill:red}</style>'), 'UNSUPPORTED', /pseudo-class :CANARY/],
    ];
    for (const [input, code, message] of cases) {
      await expectVigilError(stripBuffer(input), code, message);
      // Inspection never throws: it reads what it can and says what stops a strip.
      const report = await inspectBuffer(input);
      expect(report.type).toBe('svg');
      expect(report.readable && report.warnings.length === 0).toBe(false);
    }
  });

  it('refuses pictures nested in pictures deeper than documents may be', async () => {
    let svg: Buffer = Buffer.from(PLAIN_SVG);
    for (let i = 0; i < 5; i += 1)
      svg = svgWith(`<image href="data:image/svg+xml;base64,${svg.toString('base64')}"/>`);
    await expectVigilError(stripBuffer(svg), 'UNSUPPORTED', /nested too deeply/);
    const report = await inspectBuffer(svg);
    expect(report.readable).toBe(false);
  });

  it('strips an SVG picture held as a data: URI inside another', async () => {
    const inner = Buffer.from(plantedSvg()).toString('base64');
    const { output, report } = await stripBuffer(
      svgWith(`<image width="5" height="5" href="data:image/svg+xml;base64,${inner}"/>`),
    );
    await expectClean(output, report.kept, inspectBuffer);
    const again = Buffer.from(/base64,([^"]+)"/.exec(output.toString())![1]!, 'base64');
    expect(again.toString()).toContain(SVG_DRAWN_TEXT);
  });

  it('the independent check refuses every leftover the cleaner should have removed', async () => {
    const exif = fixture('camera.jpg').toString('base64');
    const leftovers: [string, string, RegExp][] = [
      ['<!-- x -->', '', /comment/],
      ['<?pi x?>', '', /processing instruction/],
      ['<title>x</title>', '', /<title>/],
      ['<metadata/>', '', /<metadata>/],
      ['<i:x/>', 'xmlns:i="urn:x"', /namespace urn:x/],
      ['<rect data-x="1"/>', '', /attribute data-x/],
      ['<rect onclick="x"/>', '', /attribute onclick/],
      ['<rect xml:base="/home"/>', '', /attribute xml:base/],
      ['<use href="other.svg#a"/>', '', /refers outside/],
      ['<a href="#x"/>', '', /<a>/],
      ['<style>/* x */</style>', '', /CSS comment/],
      ['<rect style="fill:red/* x */"/>', '', /CSS comment/],
      ['<rect fill="url(http://x/y)"/>', '', /reaches outside/],
      ['<g>words</g>', '', /text that is not drawn/],
      ['<g id="Maria"/>', '', /keeps the name Maria\./],
      ['<g id="i1"/>', '', /keeps the name i1, which nothing uses/],
      ['<style>.maria{fill:red}</style><g class="maria"/>', '', /keeps the class name maria/],
      ['<rect height="/home/maria"/>', '', /keeps height="\/home\/maria", not a number/],
      ['<rect fill="maria-notes"/>', '', /not a colour or paint/],
      ['<rect style="stroke-width:notes"/>', '', /style still sets stroke-width:notes/],
      ['<rect style="fill:red;-inkscape-x:1"/>', '', /style still sets -inkscape-x:1/],
      ['<style>foo{fill:red}</style>', '', /selector on <foo>/],
      ['<style>.maria{fill:red}</style>', '', /names maria, which no element has/],
      ['<style>rect{x-y:1}</style>', '', /<style> still sets x-y:1/],
      ['<style>rect{fill:red} words</style>', '', /text outside its rules/],
      ['<g class="c1"/>', '', /class name with no style sheet/],
      ['<image href="data:image/jpeg;base64,' + exif + '"/>', '', /picture 1 still carries/],
    ];
    for (const [inner, declarations, message] of leftovers) {
      const output = Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'),
        svgWith(inner, declarations),
      ]);
      await expectVigilError(verifySvg(output, nested), 'INVALID_INPUT', message);
    }
    await expect(verifySvg(Buffer.from(PLAIN_SVG), nested)).resolves.toBeUndefined();
  });
});
