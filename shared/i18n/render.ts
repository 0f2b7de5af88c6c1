import arRender from './locales/ar/render.json';
import enRender from './locales/en/render.json';
import esRender from './locales/es/render.json';
import frRender from './locales/fr/render.json';
import ruRender from './locales/ru/render.json';

/** The words the PDF and DOCX renderers print themselves; `{name}` placeholders (fill.ts). */
export const RENDER_WORDS = {
  en: enRender,
  es: esRender,
  fr: frRender,
  ar: arRender,
  ru: ruRender,
};
