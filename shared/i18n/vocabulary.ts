import arVocabulary from './locales/ar/vocabulary.json';
import enVocabulary from './locales/en/vocabulary.json';
import esVocabulary from './locales/es/vocabulary.json';
import frVocabulary from './locales/fr/vocabulary.json';
import ruVocabulary from './locales/ru/vocabulary.json';

/** Each vocabulary's title and term labels, by vocabulary name and term id. */
export const VOCABULARY_WORDS = {
  en: enVocabulary,
  es: esVocabulary,
  fr: frVocabulary,
  ar: arVocabulary,
  ru: ruVocabulary,
};
