import { neutralOoxmlNames } from './fileNames';
import { NS, REVISION_NAMESPACES } from './ns';
import { WORD_DROPPED, WORD_SETTINGS_KEPT, WORD_TRACKED } from './ooxmlRules';
import { hasElementChildren, pruneTree, rewriteTree, type Decision } from './tree';
import { isElement, walk, type XmlAttr, type XmlElement } from './xml';

/** Elements that carry document ids or an author's path, in any OOXML part. */
function isIdElement(el: XmlElement): boolean {
  if (REVISION_NAMESPACES.has(el.uri)) return true;
  if (el.uri === NS.p14 && el.local === 'creationId') return true;
  if (el.uri === NS.x15ac && el.local === 'absPath') return true;
  if ((el.uri === NS.w14 || el.uri === NS.w15) && el.local === 'docId') return true;
  if (el.uri === NS.s && (el.local === 'fileSharing' || el.local === 'revisionPtr')) return true;
  if (el.uri === NS.p && el.local === 'modifyVerifier') return true;
  return false;
}

/** Attributes that are revision-session ids, paragraph ids, or who and when of an edit. */
export function isIdAttribute(a: XmlAttr): boolean {
  if (a.uri === NS.w)
    return a.local.startsWith('rsid') || ['author', 'date', 'initials'].includes(a.local);
  if (a.uri === NS.w14) return a.local === 'paraId' || a.local === 'textId';
  return REVISION_NAMESPACES.has(a.uri);
}

/** Counts the tracked changes in a WordprocessingML part. */
export function countTrackedChanges(root: XmlElement): number {
  let n = 0;
  for (const el of walk(root)) if (el.uri === NS.w && WORD_TRACKED.has(el.local)) n += 1;
  return n;
}

/** Elements that hold a relationship id: `r:id`, `r:embed`, `r:link`… */
function relationshipIds(el: XmlElement): XmlAttr[] {
  return el.attrs.filter((a) => a.uri === NS.r);
}

/**
 * Accepts the tracked changes of a WordprocessingML part: insertions and
 * moved-in text stay, deletions and moved-out text go, old formatting goes,
 * a deleted paragraph mark joins its paragraph to the next, a deleted table
 * row goes with its row.
 */
function acceptWordChange(
  el: XmlElement,
  ancestors: readonly XmlElement[],
  merges: Set<XmlElement>,
  gone: Set<XmlElement>,
): Decision {
  const parent = ancestors[ancestors.length - 1];
  const marker = parent?.uri === NS.w && ['rPr', 'trPr', 'tcPr', 'pPr'].includes(parent.local);
  switch (el.local) {
    case 'ins':
    case 'moveTo':
      return marker ? 'drop' : 'unwrap';
    case 'del':
    case 'moveFrom': {
      if (marker && parent.local === 'rPr') {
        const paragraph = ancestors[ancestors.length - 3];
        if (paragraph?.uri === NS.w && paragraph.local === 'p') merges.add(paragraph);
      } else if (marker && parent.local === 'trPr') {
        const row = ancestors[ancestors.length - 2];
        if (row) gone.add(row);
      }
      return 'drop';
    }
    case 'cellDel': {
      const cell = ancestors[ancestors.length - 2];
      if (cell) gone.add(cell);
      return 'drop';
    }
    default:
      return 'drop';
  }
}

/** Joins each paragraph whose mark was deleted to the paragraph after it. */
function mergeParagraphs(root: XmlElement, merges: Set<XmlElement>): void {
  if (merges.size === 0) return;
  for (const container of walk(root)) {
    const kids = container.children;
    for (let i = kids.length - 1; i >= 0; i -= 1) {
      const p = kids[i]!;
      if (!isElement(p) || !merges.has(p)) continue;
      const next = kids.slice(i + 1).find(isElement);
      if (!next || next.uri !== NS.w || next.local !== 'p') continue;
      const content = p.children.filter(
        (c) => !(isElement(c) && c.uri === NS.w && c.local === 'pPr'),
      );
      const at = next.children.findIndex(
        (c) => isElement(c) && c.uri === NS.w && c.local === 'pPr',
      );
      next.children.splice(at + 1, 0, ...content);
      kids.splice(i, 1);
    }
  }
}

export interface CleanOptions {
  /** Relationship ids this part loses (their targets were dropped). */
  removedIds: ReadonlySet<string>;
  acceptChanges: boolean;
  /** `settings` for word/settings.xml, which is cleaned by allow-list. */
  role?: 'settings';
}

/**
 * Cleans one XML part of an OOXML package in place: revision and document ids,
 * comment anchors, editors' permissions, custom XML markup and data bindings,
 * tracked changes (accepted; the caller refuses them first unless asked), and
 * every element that points at a dropped part. Links that pointed at a dropped
 * target keep their text.
 */
export function cleanOoxmlPart(root: XmlElement, options: CleanOptions): void {
  const merges = new Set<XmlElement>();
  const gone = new Set<XmlElement>();
  const settings = options.role === 'settings';
  root.attrs = root.attrs.filter((a) => !isIdAttribute(a));
  rewriteTree(root, (el, ancestors) => {
    if (
      settings &&
      ancestors.length === 1 &&
      !(el.uri === NS.w && WORD_SETTINGS_KEPT.has(el.local))
    )
      return el.uri === NS.m && el.local === 'mathPr' ? 'keep' : 'drop';
    if (isIdElement(el)) return 'drop';
    if (el.uri === NS.w) {
      if (WORD_TRACKED.has(el.local)) return acceptWordChange(el, ancestors, merges, gone);
      if (WORD_DROPPED.has(el.local)) return 'drop';
      if (el.local === 'customXml' || el.local === 'smartTag') return 'unwrap';
    }
    if (el.uri === NS.w15 && (el.local === 'dataBinding' || el.local === 'webExtensionLinked'))
      return 'drop';
    const ids = relationshipIds(el);
    if (ids.some((a) => options.removedIds.has(a.value))) {
      if (el.local === 'hyperlink') {
        el.attrs = el.attrs.filter((a) => a.uri !== NS.r);
        return 'unwrap';
      }
      // A printer's settings are dropped; the page setup itself stays.
      if (el.uri === NS.s && el.local === 'pageSetup') {
        el.attrs = el.attrs.filter((a) => a.uri !== NS.r);
        return 'keep';
      }
      return 'drop';
    }
    el.attrs = el.attrs.filter((a) => !isIdAttribute(a));
    neutralOoxmlNames(el);
    return 'keep';
  });
  mergeParagraphs(root, merges);
  // Extension blocks and alternate content emptied above would make the file invalid: they go too.
  pruneTree(
    root,
    (el, parent) =>
      gone.has(el) ||
      // An extension (not DrawingML's a:ext extent, a size) left empty inside an extension list.
      (el.local === 'ext' && parent.local === 'extLst' && !hasElementChildren(el)) ||
      (el.uri === NS.mc &&
        el.local === 'AlternateContent' &&
        el.children.every((c) => !isElement(c) || !hasElementChildren(c))),
  );
}
