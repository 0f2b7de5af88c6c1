import type en from '../../../shared/i18n/locales/en.json';

// Keys are checked at compile time against the English file; a missing key does not build.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
