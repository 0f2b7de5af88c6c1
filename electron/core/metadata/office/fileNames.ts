import type { Collector } from '../collector';
import { excerpt } from './common';
import { NS } from './ns';
import { attr, textOf, walk, type XmlElement } from './xml';

/**
 * Word, PowerPoint and LibreOffice name a picture they insert after its
 * file, and some fill its description with the file's path
 * (`IMG_20240305_142210.jpg`, `C:\Users\maria\Pictures\…`). Nobody sees
 * these names in the document, and they tell where, when and on whose
 * computer a photo was taken. A name or description that is a file name or
 * a path is replaced by a neutral one (a name is required) or removed (a
 * description is not); words an author wrote as alt text stay.
 */
const FILE_EXTENSION =
  /\.(jpe?g|jfif|png|gif|bmp|tiff?|heic|heif|avif|webp|emf|wmf|svg|docx?|xlsx?|pptx?|od[tspg]|pdf|mp4|mov|m4[av]|3gp|mp3|aac|wav|flac|ogg|opus)$/i;
const PATH = /^(?:[a-z]:[\\/]|\\\\|\/|~\/|file:)/i;

export function isFileName(value: string): boolean {
  const v = value.trim();
  return FILE_EXTENSION.test(v) || PATH.test(v);
}

/** DrawingML's non-visual properties: the name and description of a picture, shape or chart. */
const isDrawingProperties = (el: XmlElement): boolean =>
  el.local === 'cNvPr' || el.local === 'docPr';

/** OpenDocument: a frame's name, and its title and description (alt text). */
const isOdfAltText = (el: XmlElement): boolean =>
  el.uri === NS.svg && (el.local === 'title' || el.local === 'desc');

/** Rewrites file names in an OOXML part's drawing properties, in place. */
export function neutralOoxmlNames(el: XmlElement): void {
  if (!isDrawingProperties(el)) return;
  el.attrs = el.attrs.filter(
    (a) => !(a.uri === '' && (a.local === 'descr' || a.local === 'title') && isFileName(a.value)),
  );
  const name = el.attrs.find((a) => a.uri === '' && a.local === 'name');
  if (name && isFileName(name.value)) name.value = `Picture ${attr(el, '', 'id') ?? ''}`.trim();
}

/** Rewrites an OpenDocument frame's file name; says whether `el` is alt text that must go. */
export function neutralOdfName(el: XmlElement, count: () => number): 'drop' | 'keep' {
  if (isOdfAltText(el) && isFileName(textOf(el))) return 'drop';
  const name = el.attrs.find((a) => a.uri === NS.draw && a.local === 'name');
  if (name && isFileName(name.value)) name.value = `Image${count()}`;
  return 'keep';
}

/** The file names left in a part, for the check of a cleaned document. */
export function fileNameLeft(root: XmlElement): string | undefined {
  for (const el of walk(root)) {
    if (isDrawingProperties(el))
      for (const a of el.attrs)
        if (a.uri === '' && ['name', 'descr', 'title'].includes(a.local) && isFileName(a.value))
          return a.value;
    const frame = attr(el, NS.draw, 'name');
    if (frame !== undefined && isFileName(frame)) return frame;
    if (isOdfAltText(el) && isFileName(textOf(el))) return textOf(el);
  }
  return undefined;
}

/** Lists the file names a part gives its pictures. */
export function inspectFileNames(c: Collector, root: XmlElement, part: string): void {
  const found = new Set<string>();
  for (const el of walk(root)) {
    if (isDrawingProperties(el))
      for (const a of el.attrs)
        if (a.uri === '' && ['name', 'descr', 'title'].includes(a.local) && isFileName(a.value))
          found.add(a.value);
    const frame = attr(el, NS.draw, 'name');
    if (frame !== undefined && isFileName(frame)) found.add(frame);
    if (isOdfAltText(el) && isFileName(textOf(el))) found.add(textOf(el).trim());
  }
  for (const name of found)
    c.add(
      'hidden',
      `office.pictureFile.${part}`,
      `Picture's file name (${part})`,
      excerpt(name),
      true,
    );
}
