import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  buildNameIndex,
  changeKey,
  detectLanguage,
  findMentions,
  proposeChanges,
  type Decision,
  type NameSubject,
  type PersonReplacement,
  type TextLanguage,
} from '../../../electron/core/release';

function release(
  subjects: { subject: NameSubject; replacement: PersonReplacement }[],
  text: string,
  language?: TextLanguage,
  decisions: Record<string, Decision> = {},
) {
  const index = buildNameIndex(subjects.map((s) => s.subject));
  const mentions = findMentions(index, text);
  const changes = proposeChanges(
    text,
    mentions,
    (i) => subjects[i]!.replacement,
    language ?? detectLanguage(text),
    (key) => decisions[key],
  );
  return { changes, ...applyChanges(text, changes, (key) => decisions[key]) };
}

const witness = (names: string[], sex: 'female' | 'male' | null = null) => ({
  subject: { id: names[0]!, names },
  replacement: { kind: 'description', role: 'witness', sex } as PersonReplacement,
});

describe('release versions: replacements in the language of the text', () => {
  it('English: "a witness" first, "the witness" after, a capital at the start of a sentence', () => {
    const r = release(
      [witness(['Khaled Said']), witness(['Nadia Benali'])],
      "Khaled Said saw it. Later Khaled told Nadia Benali; Nadia's brother agreed.",
    );
    expect(r.text).toBe(
      "A witness saw it. Later the witness told another witness; the other witness's brother agreed.",
    );
    expect(r.undecided).toEqual([]);
  });

  it('an ambiguous mention is proposed but not applied until decided; rejecting keeps the word', () => {
    const text = 'Khaled said nothing.';
    const open = release([witness(['Khaled Said'])], text);
    expect(open.changes.map((c) => [c.original, c.replacement, c.certain])).toEqual([
      ['Khaled', 'A witness', true],
      ['said', 'the witness', false],
    ]);
    expect(open.text).toBe('A witness said nothing.');
    expect(open.undecided.map((c) => c.original)).toEqual(['said']);
    const key = changeKey(open.changes[1]!);
    const kept = release([witness(['Khaled Said'])], text, 'en', { [key]: { decision: 'reject' } });
    expect(kept.text).toBe('A witness said nothing.');
    expect(kept.undecided).toEqual([]);
    expect(kept.kept).toEqual(['said']);
    const edited = release([witness(['Khaled Said'])], text, 'en', {
      [key]: { decision: 'edit', text: 'told' },
    });
    expect(edited.text).toBe('A witness told nothing.');
  });

  it('Russian: the description takes the case of the name, and gender when recorded', () => {
    const olga = witness(['Ольга Кузнецова'], 'female');
    expect(
      release([olga], 'Задержали Ольгу Кузнецову. Ольге не дали адвоката, с Ольгой не говорили.')
        .text,
    ).toBe(
      'Задержали свидетельницу. Свидетельнице не дали адвоката, со свидетельницей не говорили.',
    );
    const ivan = witness(['Иван Петров'], 'male');
    expect(release([ivan], 'Показания Ивана Петрова. Об Иване.').text).toBe(
      'Показания свидетеля. О свидетеле.',
    );
  });

  it('Ukrainian: declined description', () => {
    expect(
      release([witness(['Олена Гриценко'], 'female')], 'Олену затримали, Олені погрожували.').text,
    ).toBe('Свідку затримали, свідці погрожували.');
  });

  it('Arabic: prefixes stay attached, ل + ال becomes لل', () => {
    const r = release(
      [witness(['خالد العمري'], 'male')],
      'رأى خالد العمري الاعتقال، وقلنا لخالد ذلك.',
    );
    expect(r.text).toBe('رأى أحد الشهود الاعتقال، وقلنا للشاهد ذلك.');
  });

  it('Spanish and French: articles contract with the preposition before them', () => {
    expect(
      release(
        [witness(['Mariana Quispe'], 'female')],
        'Habló Mariana Quispe. El hermano de Mariana llegó.',
      ).text,
    ).toBe('Habló una testigo. El hermano de la testigo llegó.');
    expect(
      release([witness(['Pedro Quispe'], 'male')], 'Habló Pedro Quispe. El hermano de Pedro llegó.')
        .text,
    ).toBe('Habló un testigo. El hermano del testigo llegó.');
    expect(
      release(
        [witness(['Héloïse Dubois'], 'female')],
        "Héloïse Dubois a parlé. Le frère d'Héloïse et à Héloïse.",
      ).text,
    ).toBe('Un témoin a parlé. Le frère du témoin et au témoin.');
  });

  it('Chinese: indefinite then definite', () => {
    const li = {
      subject: { id: 'li', names: ['李英俊'], familyName: '李', givenName: '英俊' },
      replacement: { kind: 'description', role: 'witness', sex: null } as PersonReplacement,
    };
    expect(release([li], '李英俊看见了。后来李英俊说了。').text).toBe(
      '一名证人看见了。后来该证人说了。',
    );
  });

  it('initials in the script of the text, and a Cyrillic pseudonym declined', () => {
    const olga = {
      subject: { id: 'o', names: ['Olga Kuznetsova', 'Ольга Кузнецова'] },
      replacement: {
        kind: 'initials',
        initials: 'O. K.',
        role: 'witness',
        sex: 'female',
      } as PersonReplacement,
    };
    expect(release([olga], 'Ольгу Кузнецову видели; Olga Kuznetsova too.').text).toBe(
      'О. К. видели; O. K. too.',
    );
    const pseudo = {
      subject: { id: 'o', names: ['Ольга Кузнецова'] },
      replacement: {
        kind: 'pseudonym',
        pseudonym: 'Марина',
        role: 'witness',
        sex: 'female',
      } as PersonReplacement,
    };
    expect(release([pseudo], 'Задержали Ольгу, Ольге угрожали.').text).toBe(
      'Задержали Марину, Марине угрожали.',
    );
  });

  it('capitals stay capitals', () => {
    expect(release([witness(['Khaled Said'])], 'STATEMENT OF KHALED SAID').text).toBe(
      'STATEMENT OF A WITNESS',
    );
  });
});

describe('language of a text', () => {
  it('takes a recorded language, else the script and the commonest short words', () => {
    expect(detectLanguage('anything', 'uk-UA')).toBe('uk');
    expect(detectLanguage('Він сказав, що її затримали.')).toBe('uk');
    expect(detectLanguage('Он сказал, что её задержали.')).toBe('ru');
    expect(detectLanguage('قال إنه رأى الاعتقال.')).toBe('ar');
    expect(detectLanguage('他看见了。')).toBe('zh');
    expect(detectLanguage('彼は見た。')).toBe('ja');
    expect(detectLanguage('El testigo vio que la policía llegó con los detenidos.')).toBe('es');
    expect(detectLanguage('Le témoin a vu que la police est arrivée avec les détenus.')).toBe('fr');
    expect(detectLanguage('The witness saw that the police came with the detainees.')).toBe('en');
  });
});
