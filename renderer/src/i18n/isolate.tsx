import { useCallback, type ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

// Private-use characters mark where each value lands in the translated text.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/;

type Values = Record<string, string | number | null | undefined>;

/**
 * Puts each value of a translated sentence (a name, a title, a file name, a
 * path, a size with its unit) in its own `<bdi>`, so an Arabic name in an
 * English sentence, or a Latin one in an Arabic sentence, cannot drag the
 * sentence's quotes, colons, brackets or full stop to the wrong side.
 * Numbers i18next formats itself (`{{count, number}}`) are left to it.
 * Pure: the text is i18next's, split where the marks are.
 */
export function isolate(text: string, values: readonly string[]): ReactNode[] {
  return text.split(MARK).map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <bdi key={i} data-isolated="">
        {values[Number(part)]}
      </bdi>
    ),
  );
}

/**
 * `t` for text shown on screen: the same sentence, each value isolated.
 * Attributes (aria-label, title) cannot hold markup; they keep `t`.
 */
export function useIsolatedT(): (key: ParseKeys, values: Values) => ReactNode {
  const { t } = useTranslation();
  return useCallback(
    (key, values) => {
      const pieces: string[] = [];
      const marked: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(values)) {
        if (typeof value === 'number') marked[name] = value;
        else {
          marked[name] = `${OPEN}${pieces.length}${CLOSE}`;
          pieces.push(value ?? '');
        }
      }
      const text: string = (t as (k: string, v: object) => string)(key, marked);
      return <>{isolate(text, pieces)}</>;
    },
    [t],
  );
}

/**
 * A value for a translated attribute (aria-label, title), which cannot hold
 * a `<bdi>`: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the
 * same isolation in plain text.
 */
export function isolateAttr(value: string): string {
  return `\u2068${value}\u2069`;
}
