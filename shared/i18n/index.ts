/*
 * The one store for words: `locales/<language>/<namespace>.json`.
 *  - `ui`: the app's strings, i18next syntax (`{{name}}`, plural suffixes), loaded by `./ui`;
 *  - `dossier`: what each document template prints, keyed by template, `{name}` placeholders;
 *  - `render`: the words the PDF/DOCX renderers print themselves, `{name}` placeholders;
 *  - `vocabulary`: each vocabulary's title and term labels, by vocabulary name and term id.
 * One module per namespace, so a bundle carries only the words it uses: `./dossier`,
 * `./render` and `./vocabulary` are re-exported here; `./ui` is the renderer's own (its
 * languages load on demand). The JSON is imported statically, so the same words reach the renderer bundle, the
 * core and the CLI with no file read at run time. Each language keeps its own inferred
 * type here, so a consumer that assigns it to its interface (`Record<Language, Words>`)
 * has the compiler check every key of every language.
 */
export { fill } from './fill';
export { DOSSIER_WORDS } from './dossier';
export { RENDER_WORDS } from './render';
export { VOCABULARY_WORDS } from './vocabulary';
export { LOCALES, type Locale } from './languages';
