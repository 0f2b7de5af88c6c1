import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOCABULARIES, type VocabularyName } from '../../../shared/vocabularies';
import { onSessionEnd } from './sessionMemory';
import type { Language, VocabularyListing } from './types';
import { vigil } from './vigil';

type Term = VocabularyListing['terms'][number];

/** The built-in vocabularies, until the vault's own terms arrive. */
const builtIn = new Map<string, Term[]>(
  Object.entries(VOCABULARIES).map(([name, v]) => [
    name,
    v.terms.map((t) => ({ id: t.id, labels: t.labels, tags: [...(t.tags ?? [])], builtIn: true })),
  ]),
);

let loaded: Map<string, Term[]> | null = null;
let pending: Promise<Map<string, Term[]>> | null = null;
onSessionEnd(() => {
  loaded = null;
  pending = null;
});

function load(): Promise<Map<string, Term[]>> {
  pending ??= vigil.vocabularies.list().then((list) => {
    loaded = new Map(list.map((v) => [v.name, v.terms]));
    return loaded;
  });
  return pending;
}

export function labelOf(term: Term | undefined, id: string, language: Language): string {
  if (!term) return id;
  return term.labels[language] ?? term.labels.en ?? Object.values(term.labels).find(Boolean) ?? id;
}

/** The terms of every vocabulary (built-in and the vault's own) and a labeller in the UI language. */
export function useVocabularies(): {
  terms: (name: VocabularyName) => Term[];
  label: (name: VocabularyName, id: string | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const [sets, setSets] = useState(() => loaded ?? builtIn);
  useEffect(() => {
    let live = true;
    if (!loaded)
      load().then(
        (l) => live && setSets(l),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  const terms = useCallback(
    (name: VocabularyName) => sets.get(name) ?? builtIn.get(name) ?? [],
    [sets],
  );
  const label = useCallback(
    (name: VocabularyName, id: string | null | undefined) => {
      if (!id) return '';
      return labelOf(
        terms(name).find((t) => t.id === id),
        id,
        language,
      );
    },
    [terms, language],
  );
  return { terms, label };
}
