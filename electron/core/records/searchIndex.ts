import { foldSearchText, hasCjk } from '../../../shared/domain/searchText';

/**
 * The index text of a record's title or body when one of its parts holds
 * Chinese, Japanese or Korean characters, which SQL cannot fold (see
 * migration 7); null otherwise, and the search triggers fold the columns
 * themselves.
 */
export function cjkIndexText(parts: readonly string[]): string | null {
  return parts.some(hasCjk) ? foldSearchText(parts.join(' ')) : null;
}
