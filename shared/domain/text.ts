import { problem } from './issues';
import { z } from 'zod';

/**
 * Size limits for text a user enters, in UTF-8 bytes (what the vault stores).
 * They keep one mistaken paste (a 50 MB log file) from bloating the vault,
 * the search index and every export; the statement limit leaves room for the
 * longest real testimonies.
 */
export const TEXT_LIMITS = {
  /** One line: a name, a title, a place, a reference number. */
  line: 2 * 1024,
  /** A paragraph or a few pages: a summary, a description, notes, a response. */
  text: 64 * 1024,
  /** A testimony's statement or its translation. */
  statement: 1024 * 1024,
} as const;

/** Most items in one list field (aliases, tags, nationalities, victims…). */
export const LIST_LIMIT = 200;

/** The largest case document `importCaseDocument` accepts, in bytes of JSON. */
export const MAX_CASE_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** UTF-8 length without TextEncoder's copy (a 1 MB statement stays one string). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
}

// Control characters have no place in records (they break exports and
// terminals); lone surrogates cannot be stored as UTF-8 at all.
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The reason `text` is refused, or null. Cheap first: a 50 MB string is refused without a scan. */
export function textProblem(text: string, maxBytes: number, multiline: boolean): string | null {
  // A UTF-16 code unit takes 1 to 3 bytes in UTF-8 (a surrogate pair, 4 for 2):
  // the exact count is only needed between those bounds.
  const bytes =
    text.length > maxBytes || text.length * 3 <= maxBytes ? text.length : utf8ByteLength(text);
  if (bytes > maxBytes) {
    const atLeast = text.length > maxBytes ? 'at least ' : '';
    return `is too long: ${atLeast}${formatBytes(bytes)}, and at most ${formatBytes(maxBytes)} is allowed`;
  }
  if ((multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(text)) {
    return multiline
      ? 'contains a control character'
      : 'must be one line without control characters';
  }
  if (!isWellFormed(text)) return 'contains an invalid character (a lone UTF-16 surrogate)';
  return null;
}

/** String.prototype.isWellFormed (ES2024) where the engine has it, else the same test by regex. */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

function boundedText(maxBytes: number, multiline: boolean) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, maxBytes, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => {
      const normal = value.normalize('NFC');
      return multiline ? normal.replace(/\r\n?/g, '\n') : normal.trim();
    });
}

/** One line (trimmed, NFC), at most TEXT_LIMITS.line bytes; may be empty. */
export const lineText = boundedText(TEXT_LIMITS.line, false);
/** One line that must not be empty once trimmed. */
export const requiredLine = lineText.refine((value) => value.length > 0, {
  message: 'must not be empty',
  params: problem('required'),
});
/** Multi-line text up to TEXT_LIMITS.text bytes. */
export const longText = boundedText(TEXT_LIMITS.text, true);
/** A statement or translation, up to TEXT_LIMITS.statement bytes. */
export const statementText = boundedText(TEXT_LIMITS.statement, true);
/** A statement that must say something. */
export const requiredStatement = statementText.refine((value) => value.trim().length > 0, {
  message: 'must not be empty',
  params: problem('required'),
});

/** A list of values with a bounded length and no duplicates (kept in first-seen order). */
export function boundedList<T extends z.ZodType>(item: T, max = LIST_LIMIT) {
  return z
    .array(item)
    .max(max, { message: `has too many items (at most ${max})` })
    .transform((items) => {
      const seen = new Set<string>();
      return items.filter((entry) => {
        const key = JSON.stringify(entry);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });
}

/** Record ids: UUIDs, as `crypto.randomUUID()` makes them. */
export const recordId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'is not a record id (a UUID such as 0b7c…-…)',
  })
  .transform((id) => id.toLowerCase());

/** Vocabulary term ids: stable kebab-case words such as `arbitrary-detention`. */
export const TERM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const termId = z
  .string()
  .max(64, { message: 'is too long for a vocabulary term (at most 64 characters)' })
  .regex(TERM_ID_PATTERN, {
    message:
      'is not a vocabulary term id (lower-case words joined by hyphens, e.g. arbitrary-detention)',
  });

/** BCP 47 language tags in their common forms: `ar`, `es-419`, `zh-Hant`, `sr-Latn-RS`. */
export const languageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\d{3}))?$/, {
    message: 'is not a language tag (such as ar, en, es-419 or fr-CA)',
  });

/** The timestamps the vault writes (ISO 8601, UTC). */
export const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/, {
  message: 'is not an ISO 8601 UTC timestamp',
});

/** Which slice of a list a query asks for: at most `limit` (all when absent), after the first `offset`. */
export const pageShape = {
  limit: z.number().int().min(1).max(100_000).optional(),
  offset: z.number().int().min(0).default(0),
};
