import arDossier from './locales/ar/dossier.json';
import arRender from './locales/ar/render.json';
import arVocabulary from './locales/ar/vocabulary.json';
import enDossier from './locales/en/dossier.json';
import enRender from './locales/en/render.json';
import enVocabulary from './locales/en/vocabulary.json';
import esDossier from './locales/es/dossier.json';
import esRender from './locales/es/render.json';
import esVocabulary from './locales/es/vocabulary.json';
import frDossier from './locales/fr/dossier.json';
import frRender from './locales/fr/render.json';
import frVocabulary from './locales/fr/vocabulary.json';
import ruDossier from './locales/ru/dossier.json';
import ruRender from './locales/ru/render.json';
import ruVocabulary from './locales/ru/vocabulary.json';

export { fill } from './fill';

/**
 * The one store for words: `locales/<language>/<namespace>.json`.
 *  - `ui`: the app's strings, i18next syntax (`{{name}}`, plural suffixes), loaded by `./ui`;
 *  - `dossier`: what each document template prints, keyed by template, `{name}` placeholders;
 *  - `render`: the words the PDF/DOCX renderers print themselves, `{name}` placeholders;
 *  - `vocabulary`: each vocabulary's title and term labels, by vocabulary name and term id.
 * The JSON is imported statically, so the same words reach the renderer bundle, the
 * core and the CLI with no file read at run time. Each language keeps its own inferred
 * type here, so a consumer that assigns it to its interface (`Record<Language, Words>`)
 * has the compiler check every key of every language.
 */
export const LOCALES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const DOSSIER_WORDS = {
  en: enDossier,
  es: esDossier,
  fr: frDossier,
  ar: arDossier,
  ru: ruDossier,
};

export const RENDER_WORDS = {
  en: enRender,
  es: esRender,
  fr: frRender,
  ar: arRender,
  ru: ruRender,
};

export const VOCABULARY_WORDS = {
  en: enVocabulary,
  es: esVocabulary,
  fr: frVocabulary,
  ar: arVocabulary,
  ru: ruVocabulary,
};
