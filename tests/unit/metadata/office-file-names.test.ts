import { describe, expect, it } from 'vitest';
import {
  fileNameLeft,
  isFileName,
  neutralOdfName,
  neutralOoxmlNames,
} from '../../../electron/core/metadata/office/fileNames';
import { parseXml, walk } from '../../../electron/core/metadata/office/xml';

// Pictures named after their files inside office documents: the names go, an author's alt text stays.

describe('a picture named after its file', () => {
  it('tells file names and paths from words an author wrote', () => {
    for (const name of [
      'IMG_20240305_142210.jpg',
      'DSC0042.JPG',
      'scan.tiff',
      'C:\\Users\\maria\\Pictures\\x.png',
      '\\\\server\\share\\photo',
      '/home/maria/Desktop/photo',
      '~/photo',
      'file:///home/maria/a',
      ' witness.heic ',
    ])
      expect(isFileName(name), name).toBe(true);
    for (const words of [
      'Protesters outside the court',
      'Picture 3',
      'Image1',
      'Map of the district, 2024',
      'The jpg was sent later',
      '',
    ])
      expect(isFileName(words), words).toBe(false);
  });

  it('OOXML: the name becomes neutral, a file description goes, alt text stays', () => {
    const { root } = parseXml(
      Buffer.from(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
          '<wp:docPr id="4" name="IMG_0042.jpg" descr="C:\\Users\\maria\\IMG_0042.jpg"/>' +
          '<pic:cNvPr id="5" name="Chart 2" descr="Arrests by month" title="/home/m/a.png"/></w:document>',
      ),
      'test',
    );
    expect(fileNameLeft(root)).toBe('IMG_0042.jpg');
    for (const el of walk(root)) neutralOoxmlNames(el);
    expect(fileNameLeft(root)).toBeUndefined();
    const [doc, pic] = [...walk(root)].slice(1);
    expect(doc!.attrs.map((a) => `${a.local}=${a.value}`)).toEqual(['id=4', 'name=Picture 4']);
    expect(pic!.attrs.map((a) => `${a.local}=${a.value}`)).toEqual([
      'id=5',
      'name=Chart 2',
      'descr=Arrests by month',
    ]);
  });

  it('OpenDocument: a frame named after its file is renamed, a path as description goes', () => {
    const { root } = parseXml(
      Buffer.from(
        '<office:text xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">' +
          '<draw:frame draw:name="IMG_0042.jpg"><svg:title>Checkpoint</svg:title><svg:desc>D:\\photos\\IMG_0042.jpg</svg:desc></draw:frame></office:text>',
      ),
      'test',
    );
    let n = 0;
    const fates = [...walk(root)].map((el) => [el.local, neutralOdfName(el, () => (n += 1))]);
    expect(fates).toEqual([
      ['text', 'keep'],
      ['frame', 'keep'],
      ['title', 'keep'],
      ['desc', 'drop'],
    ]);
    expect([...walk(root)][1]!.attrs.find((a) => a.local === 'name')?.value).toBe('Image1');
  });
});
