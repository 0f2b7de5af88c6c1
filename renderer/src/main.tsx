import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n, systemLanguage } from './i18n';
import type { Language } from './lib/types';
import { vigil } from './lib/vigil';

/**
 * The interface language is a setting (not vault data), read before anything
 * is shown; until the user chooses one, it is the system's.
 */
async function start(): Promise<void> {
  const language: Language = await vigil.settings.get().then(
    (settings) => settings.language ?? systemLanguage(navigator.languages),
    () => systemLanguage(navigator.languages),
  );
  await setupI18n(language);
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
}

void start();
