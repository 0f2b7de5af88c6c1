import arDossier from './locales/ar/dossier.json';
import enDossier from './locales/en/dossier.json';
import esDossier from './locales/es/dossier.json';
import frDossier from './locales/fr/dossier.json';
import ruDossier from './locales/ru/dossier.json';

/** What each document template prints, keyed by template; `{name}` placeholders (fill.ts). */
export const DOSSIER_WORDS = {
  en: enDossier,
  es: esDossier,
  fr: frDossier,
  ar: arDossier,
  ru: ruDossier,
};
