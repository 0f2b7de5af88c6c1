import type { UiStrings } from '../../../shared/i18n/ui';

// Keys are checked at compile time against the English file; a missing key does not build.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiStrings };
    returnNull: false;
  }
}
