// Structural checks on a document model before either renderer touches it.
// The model may come from code that bypassed the types (JSON, a plugin), so it
// is read as unknown data. Messages name the structure, never the content.

import { VigilError } from '../errors';
import type { DocumentModel } from './model';

const LANGUAGES = new Set(['en', 'es', 'fr', 'ar', 'ru']);

type Data = Record<string, unknown>;

function fail(reason: string): never {
  throw new VigilError('INVALID_INPUT', `The document to export is not valid: ${reason}.`);
}

function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown, reason: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(reason);
  return value as readonly unknown[];
}

function isInline(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isRecord(value)) return false;
  return (
    typeof value.text === 'string' ||
    typeof value.missing === 'string' ||
    typeof value.withheld === 'string'
  );
}

function checkRich(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    if (!(value as readonly unknown[]).every(isInline))
      fail(`${where} holds something that is not text`);
  } else if (!isInline(value)) {
    fail(`${where} is not text`);
  }
}

function checkDirection(value: unknown, where: string, allowAuto: boolean): void {
  if (value === undefined) return;
  if (value === 'ltr' || value === 'rtl' || (allowAuto && value === 'auto')) return;
  fail(`${where} has an unknown direction`);
}

function checkTable(block: Data, where: string): void {
  const header = list(block.header, `${where} is a table without columns`);
  if (header.length === 0) fail(`${where} is a table without columns`);
  header.forEach((cell, i) => checkRich(cell, `${where}, header cell ${i + 1}`));
  list(block.rows, `${where} is a table without rows`).forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== header.length) {
      fail(`${where}, row ${r + 1} does not have ${header.length} cells`);
    }
    (row as readonly unknown[]).forEach((cell, c) =>
      checkRich(cell, `${where}, row ${r + 1} cell ${c + 1}`),
    );
  });
  if (block.widths !== undefined) {
    const widths = list(block.widths, `${where} has column widths that do not match its columns`);
    const valid =
      widths.length === header.length &&
      widths.every((w) => typeof w === 'number' && Number.isFinite(w) && w > 0);
    if (!valid) fail(`${where} has column widths that do not match its columns`);
  }
}

function checkBlock(block: Data, where: string): void {
  switch (block.type) {
    case 'heading':
      if (![1, 2, 3].includes(block.level as number))
        fail(`${where} is a heading of a level other than 1, 2 or 3`);
      checkRich(block.text, where);
      checkDirection(block.direction, where, true);
      return;
    case 'paragraph':
      checkRich(block.text, where);
      checkDirection(block.direction, where, true);
      return;
    case 'fields':
      list(block.fields, `${where} has no list of fields`).forEach((field, i) => {
        if (!isRecord(field)) fail(`${where}, field ${i + 1} is empty`);
        checkRich(field.label, `${where}, field ${i + 1} label`);
        checkRich(field.value, `${where}, field ${i + 1} value`);
      });
      return;
    case 'table':
      checkTable(block, where);
      return;
    case 'list':
      list(block.items, `${where} is a list without items`).forEach((item, i) =>
        checkRich(item, `${where}, item ${i + 1}`),
      );
      checkDirection(block.direction, where, true);
      return;
    case 'checklist':
      list(block.items, `${where} is a checklist without items`).forEach((item, i) => {
        if (!isRecord(item)) fail(`${where}, item ${i + 1} is empty`);
        checkRich(item.text, `${where}, item ${i + 1}`);
        if (item.state !== 'ok' && item.state !== 'missing')
          fail(`${where}, item ${i + 1} has an unknown state`);
        if (item.note !== undefined) checkRich(item.note, `${where}, item ${i + 1} note`);
      });
      checkDirection(block.direction, where, true);
      return;
    case 'pageBreak':
      return;
    case 'note':
      checkRich(block.text, where);
      if (block.title !== undefined) checkRich(block.title, `${where} title`);
      if (block.tone !== undefined && block.tone !== 'info' && block.tone !== 'warning') {
        fail(`${where} has an unknown tone`);
      }
      checkDirection(block.direction, where, true);
      return;
    default:
      fail(`${where} is of an unknown kind`);
  }
}

export function assertValidDocument(doc: DocumentModel): void {
  const data: unknown = doc;
  if (!isRecord(data)) fail('it is empty');
  if (typeof data.title !== 'string') fail('it has no title');
  if (typeof data.language !== 'string' || !LANGUAGES.has(data.language)) {
    fail('its language is not one Vigil exports in');
  }
  checkDirection(data.direction, 'the document', false);
  for (const key of ['subtitle', 'header', 'footer']) {
    if (data[key] !== undefined && typeof data[key] !== 'string') fail(`its ${key} is not text`);
  }
  if (data.meta !== undefined) {
    if (!isRecord(data.meta)) fail('its properties are not a record');
    for (const key of ['title', 'subject', 'author', 'keywords']) {
      if (data.meta[key] !== undefined && typeof data.meta[key] !== 'string')
        fail(`its ${key} property is not text`);
    }
    const created = data.meta.created;
    if (created !== undefined && !(created instanceof Date && !Number.isNaN(created.getTime()))) {
      fail('its creation date is not a date');
    }
  }
  list(data.blocks, 'it has no content').forEach((block, index) => {
    if (!isRecord(block)) fail(`block ${index + 1} is empty`);
    checkBlock(block, `block ${index + 1}`);
  });
}
