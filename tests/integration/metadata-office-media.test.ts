import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVigilInProcess } from '../helpers/cli';
import { LibreOffice } from '../helpers/libreoffice';
import { exiftoolLeaks, packets } from '../helpers/mediaOracles';
import { hasTool } from '../helpers/peers';

// A presentation with a video and a sound in it, as PowerPoint stores them
// (ppt/media/, a video and a media relationship, a poster picture), and the
// same deck as LibreOffice saves it to OpenDocument (the clips keep their
// paths, typed in the manifest). The clips carry their own title, artist and
// GPS position. Stripping keeps each clip, stripped as a clip (the same
// packets for ffmpeg, nothing for exiftool), instead of dropping it.

const ready =
  hasTool('ffmpeg', 'ffmpeg') &&
  hasTool('exiftool', 'libimage-exiftool-perl libarchive-zip-perl') &&
  hasTool('python3', 'python3') &&
  hasTool('soffice', 'libreoffice-impress-nogui') &&
  hasTool('pdftotext', 'poppler-utils');

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:body><office:presentation><draw:page draw:name="p1">
<draw:frame svg:width="20cm" svg:height="3cm" svg:x="1cm" svg:y="1cm"><draw:text-box><text:p>Recording of the arrest outside the court</text:p></draw:text-box></draw:frame>
</draw:page></office:presentation></office:body></office:document>`;

// Adds the clips to the deck LibreOffice wrote, the way PowerPoint lays them out.
const PY_ADD_MEDIA = `
import sys, zipfile
src, dst, clip, sound, poster = sys.argv[1:6]
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
rels = ('<Relationship Id="rIdV1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/video" Target="../media/media1.mp4"/>'
        '<Relationship Id="rIdV2" Type="http://schemas.microsoft.com/office/2007/relationships/media" Target="../media/media1.mp4"/>'
        '<Relationship Id="rIdA1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/audio" Target="../media/media2.mp3"/>'
        '<Relationship Id="rIdA2" Type="http://schemas.microsoft.com/office/2007/relationships/media" Target="../media/media2.mp3"/>'
        '<Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/>')
def pic(id, name, kind, link, media, y):
    return ('<p:pic><p:nvPicPr><p:cNvPr id="%d" name="%s"/><p:cNvPicPr/><p:nvPr><a:%sFile r:link="%s"/>'
            '<p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DA1FB4C10D0}"><p14:media r:embed="%s"/></p:ext></p:extLst></p:nvPr></p:nvPicPr>'
            '<p:blipFill><a:blip r:embed="rIdP"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            '<p:spPr><a:xfrm><a:off x="360000" y="%d"/><a:ext cx="2880000" cy="2160000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
            % (id, name, kind, link, media, y))
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == '[Content_Types].xml':
        data = data.replace(b'<Default Extension="xml"', b'<Default Extension="mp4" ContentType="video/mp4"/><Default Extension="mp3" ContentType="audio/mpeg"/><Default Extension="png" ContentType="image/png"/><Default Extension="xml"', 1)
    elif item.filename == 'ppt/slides/_rels/slide1.xml.rels':
        data = data.replace(b'</Relationships>', rels.encode() + b'</Relationships>')
    elif item.filename == 'ppt/slides/slide1.xml':
        shapes = pic(50, 'clip', 'video', 'rIdV1', 'rIdV2', 1800000) + pic(51, 'sound', 'audio', 'rIdA1', 'rIdA2', 4200000)
        data = data.replace(b'</p:spTree>', shapes.encode() + b'</p:spTree>')
    zout.writestr(item, data)
zout.write(clip, 'ppt/media/media1.mp4')
zout.write(sound, 'ppt/media/media2.mp3')
zout.write(poster, 'ppt/media/image1.png')
zout.close()
`;

// Every CANARY string in the raw bytes or any inflated member; and the clips' bytes, by name.
const PY_SCAN = `
import json, re, sys, zipfile
raw = open(sys.argv[1], 'rb').read()
z = zipfile.ZipFile(sys.argv[1])
found = set(m.decode() for data in [raw] + [z.read(n) for n in z.namelist()] for m in re.findall(rb'CANARY[-\\w]*', data))
for n in z.namelist():
    if n.endswith(('.mp4', '.mp3')):
        open(sys.argv[2] + '-' + n.split('/')[-1], 'wb').write(z.read(n))
print(json.dumps({'found': sorted(found), 'names': z.namelist()}))
`;

let dir = '';
const at = (name: string) => join(dir, name);

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function scan(file: string, prefix: string): { found: string[]; names: string[] } {
  return JSON.parse(run('python3', ['-c', PY_SCAN, file, at(prefix)])) as {
    found: string[];
    names: string[];
  };
}

const pdfText = (pdf: string): string => run('pdftotext', ['-layout', pdf, '-']);

describe.skipIf(!ready)('a presentation with a video and a sound in it', () => {
  const reports: Record<string, { removed: { label: string; value: string }[] }> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-office-media-'));
    const ff = (...args: string[]) => run('ffmpeg', ['-y', '-v', 'error', '-nostdin', ...args]);
    ff(
      ...['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=1'],
      ...['-f', 'lavfi', '-i', 'sine=f=440:d=1'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
      ...['-metadata', 'title=CANARY-CLIP-TITLE', '-metadata', 'artist=CANARY-CLIP-ARTIST'],
      ...['-metadata', 'location=+48.8584+002.2945/', '-movflags', '+use_metadata_tags'],
      'clip.mp4',
    );
    ff(
      ...['-f', 'lavfi', '-i', 'sine=f=330:d=1', '-c:a', 'libmp3lame', '-id3v2_version', '4'],
      ...['-metadata', 'title=CANARY-SOUND-TITLE', '-metadata', 'artist=CANARY-SOUND-ARTIST'],
      'sound.mp3',
    );
    ff('-f', 'lavfi', '-i', 'color=c=gray:s=64x48', '-frames:v', '1', 'poster.png');
    writeFileSync(at('deck.fodp'), SOURCE);
    const lo = new LibreOffice(dir);
    lo.convert([
      { from: at('deck.fodp'), to: at('lo.pptx'), filter: 'Impress MS PowerPoint 2007 XML' },
    ]);
    run('python3', [
      '-c',
      PY_ADD_MEDIA,
      at('lo.pptx'),
      at('o.pptx'),
      at('clip.mp4'),
      at('sound.mp3'),
      at('poster.png'),
    ]);
    // LibreOffice's own OpenDocument copy of the deck: the clips keep their paths, typed in the manifest.
    lo.convert([{ from: at('o.pptx'), to: at('o.odp'), filter: 'impress8' }]);
    for (const t of ['pptx', 'odp']) {
      const r = await runVigilInProcess(['strip', at(`o.${t}`), '--out', at(`s.${t}`), '--json']);
      expect(r.code, `${t}: ${r.stderr}`).toBe(0);
      reports[t] = JSON.parse(r.stdout) as (typeof reports)[string];
    }
    lo.convert(
      ['o', 's'].flatMap((w) =>
        ['pptx', 'odp'].map((t) => ({
          from: at(`${w}.${t}`),
          to: at(`${w}-${t}.pdf`),
          filter: 'impress_pdf_Export',
        })),
      ),
    );
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const t of ['pptx', 'odp']) {
    it(`${t}: the clips stay in the deck, stripped; nothing planted is left in any member`, () => {
      const before = scan(at(`o.${t}`), `o-${t}`);
      expect(before.found).toEqual(
        expect.arrayContaining(['CANARY-CLIP-TITLE', 'CANARY-SOUND-ARTIST']),
      );
      const after = scan(at(`s.${t}`), `s-${t}`);
      expect(after.found).toEqual([]);
      const clips = (names: string[]) => names.filter((n) => /\.(mp4|mp3)$/.test(n)).sort();
      expect(clips(after.names)).toEqual(clips(before.names));
      expect(clips(after.names)).toHaveLength(2);
    });

    it(`${t}: ffmpeg sees the same packets in each clip, and exiftool finds nothing in it`, async () => {
      for (const clip of ['media1.mp4', 'media2.mp3']) {
        const original = at(`o-${t}-${clip}`);
        const clean = at(`s-${t}-${clip}`);
        expect(
          (await exiftoolLeaks(original)).length,
          `${clip} carries planted tags`,
        ).toBeGreaterThan(0);
        expect(await exiftoolLeaks(clean)).toEqual([]);
        expect(packets(clean)).toEqual(packets(original));
      }
    });

    it(`${t}: the report names what each clip lost, and LibreOffice shows the same slide`, () => {
      const removed = reports[t]!.removed.map((f) => `${f.label}: ${f.value}`).join('\n');
      expect(removed).toMatch(/CANARY-CLIP-TITLE/);
      expect(removed).toMatch(/CANARY-SOUND-ARTIST/);
      expect(removed).not.toMatch(/Part of type (video|audio)/);
      const text = pdfText(at(`o-${t}.pdf`));
      expect(text).toMatch(/Recording of the arrest/);
      expect(pdfText(at(`s-${t}.pdf`))).toBe(text);
    });
  }
});
