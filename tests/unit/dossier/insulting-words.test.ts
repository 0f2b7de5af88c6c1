import { describe, expect, it } from 'vitest';
import {
  INSULTING_WORDS,
  insultingWords,
} from '../../../electron/core/dossier/templates/insultingWords';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { DOSSIER_LANGUAGES } from '../../../shared/dossier';

const words = (text: string) => insultingWords(text).map((f) => f.word);

describe('the article 56(3) word list', () => {
  it('finds each listed term as written, whatever its case, accents, inflection or Arabic prefixes', () => {
    const cases: [string, string[]][] = [
      ['The CRIMINAL REGIME of the day', ['CRIMINAL REGIME']],
      ['a regime of torturers ruled', ['regime of torturers']],
      ['Its Thugs and thuggery', ['Thugs', 'thuggery']],
      ['el régimen criminal y sus matones', ['régimen criminal', 'matones']],
      ['el regimen criminal (sin tilde)', ['regimen criminal']],
      ['un régime criminel, des voyous', ['régime criminel', 'voyous']],
      ['REGIME CRIMINEL', ['REGIME CRIMINEL']],
      ['суд преступного режима и его головорезов', ['преступного режима', 'головорезов']],
      ['марионеточное правительство', ['марионеточное']],
      ['وقال إن النظام المجرم اعتقلها', ['النظام المجرم']],
      ['حكم الطغاة والبلطجية', ['الطغاة', 'والبلطجية']],
      ['الدِّكتاتور', ['الدِّكتاتور']],
    ];
    for (const [text, expected] of cases) expect(words(text), text).toEqual(expected);
  });

  it('leaves the words a factual account needs', () => {
    for (const text of [
      'She was tortured; the torture lasted two days.',
      'The regime of detention was harsh; a criminal case was opened.',
      'Armed bandits attacked the village; police reported banditry.',
      'Regimental officers; Dictation of the statement; a puppeteer’s show.',
      'La tortura fue denunciada ante el juez penal.',
      'Il a été assassiné; le régime pénitentiaire.',
      'Его пытали; возбуждено уголовное дело; режим содержания.',
      'تعرض للتعذيب؛ النظام القضائي؛ قضية جنائية.',
    ])
      expect(words(text), text).toEqual([]);
  });

  it('never fires on the communication’s own words, in any language', () => {
    for (const language of DOSSIER_LANGUAGES) {
      const fixed = JSON.stringify([WORDS[language].achpr, WORDS[language].regional]);
      expect(words(fixed), language).toEqual([]);
    }
  });

  it('has a list for every dossier language', () => {
    for (const language of DOSSIER_LANGUAGES)
      expect(INSULTING_WORDS[language].length, language).toBeGreaterThan(10);
  });
});
