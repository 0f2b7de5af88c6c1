// Flat ESLint config. The layering rules (which folder may import what) are
// enforced here, so the architecture is checked rather than remembered.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { vigilPlugin } from './scripts/eslint/layers.js';

const nodeModules = builtinModules.flatMap((m) => [m, `node:${m}`]);
const nodeOnlyPackages = [
  '@journeyapps/sqlcipher',
  'sodium-native',
  'pdfkit',
  'yazl',
  'yauzl',
  'electron',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/fixtures/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Async generators that only yield are legitimate stream sources.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  // CommonJS hooks (electron-builder loads them with require).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The core is plain Node: never Electron, never the front-ends; its modules
  // import only lower layers (scripts/eslint/layers.js).
  {
    files: ['electron/core/**/*.ts'],
    plugins: { vigil: vigilPlugin },
    rules: {
      'vigil/core-layers': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core must not depend on Electron.' }],
          patterns: [
            { group: ['electron/*'], message: 'electron/core must not depend on Electron.' },
            {
              group: ['**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
              message: 'The core must not import its front-ends.',
            },
            {
              group: ['react', 'react-dom', 'react/*'],
              message: 'The core knows nothing of React.',
            },
          ],
        },
      ],
    },
  },
  // The main process adapts the core to Electron; it never reaches the CLI or the renderer.
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/renderer/**', '**/preload/**'],
              message: 'The main process uses the core and shared/, not the other front-ends.',
            },
          ],
        },
      ],
    },
  },
  // The CLI drives the core; it never touches Electron.
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The CLI must run without Electron.' }],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'The CLI only uses the core and shared/.',
            },
          ],
        },
      ],
    },
  },
  // shared/ runs anywhere: no Node, no DOM-only or Node-only packages.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, ...nodeOnlyPackages].map((name) => ({
            name,
            message: 'shared/ must not depend on Node or Electron.',
          })),
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not import the app layers.',
            },
          ],
        },
      ],
    },
  },
  // The renderer is a browser page: no Node, no core; it talks only to window.vigil.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, ...nodeOnlyPackages].map((name) => ({
            name,
            message: 'The renderer must not use Node or Electron.',
          })),
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the main process only through window.vigil.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/cli/**'],
              message: 'The preload only builds window.vigil from the contract.',
            },
          ],
        },
      ],
    },
  },
);
