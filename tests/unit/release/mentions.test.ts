import { describe, expect, it } from 'vitest';
import {
  buildNameIndex,
  findMentions,
  type Mention,
  type NameSubject,
} from '../../../electron/core/release';

const index = (...subjects: NameSubject[]) => buildNameIndex(subjects);
const person = (names: string | string[], extra: Partial<NameSubject> = {}): NameSubject => ({
  id: Array.isArray(names) ? names[0]! : names,
  names: Array.isArray(names) ? names : [names],
  ...extra,
});
const found = (subjects: NameSubject[], text: string, named: NameSubject[] = []): Mention[] =>
  findMentions(buildNameIndex(subjects), text, buildNameIndex(named));
const summary = (mentions: Mention[]) => mentions.map((m) => `${m.text}${m.certain ? '' : '?'}`);

/** Every sentence must yield exactly one mention, certain, written as `expected`. */
function expectCertain(subjects: NameSubject[], cases: [string, string][]) {
  for (const [sentence, expected] of cases) {
    const mentions = found(subjects, sentence);
    expect({ sentence, mentions: summary(mentions) }).toEqual({ sentence, mentions: [expected] });
  }
}

describe('mention search: Russian case forms', () => {
  const olga = person('Ольга Кузнецова', { givenName: 'Ольга', familyName: 'Кузнецова' });
  const ivan = person('Иван Сергеевич Петров', { givenName: 'Иван', familyName: 'Петров' });
  const yuri = person('Юрий Достоевский');
  const natalya = person('Наталья Ильина');
  const pavel = person('Павел Гречко');
  const igor = person('Игорь Лещенко');
  const andrey = person('Андрей Шевченко');

  it('finds given names and surnames in every case, masculine and feminine', () => {
    expectCertain(
      [olga],
      [
        ['Мы видели Ольгу вчера.', 'Ольгу'],
        ['Письмо от Ольги пришло.', 'Ольги'],
        ['Дали Ольге воды.', 'Ольге'],
        ['С Ольгой говорили.', 'Ольгой'],
        ['С Ольгою говорили.', 'Ольгою'],
        ['О Кузнецовой писали.', 'Кузнецовой'],
        ['Задержали Кузнецову.', 'Кузнецову'],
        ['Задержали Ольгу Кузнецову у дома.', 'Ольгу Кузнецову'],
        ['ОЛЬГЕ КУЗНЕЦОВОЙ отказали.', 'ОЛЬГЕ КУЗНЕЦОВОЙ'],
        ['Кузнецова Ольга, 1980 г.р.', 'Кузнецова Ольга'],
      ],
    );
    expectCertain(
      [ivan],
      [
        ['Ивана увезли.', 'Ивана'],
        ['Ивану не дали адвоката.', 'Ивану'],
        ['Следователь с Иваном.', 'Иваном'],
        ['Об Иване ничего.', 'Иване'],
        ['Брат Петрова.', 'Петрова'],
        ['Петрову предъявили.', 'Петрову'],
        ['С Петровым говорили.', 'Петровым'],
        ['Ивана Петрова задержали.', 'Ивана Петрова'],
      ],
    );
    expectCertain(
      [yuri],
      [
        ['Юрия избили.', 'Юрия'],
        ['Юрию сказали.', 'Юрию'],
        ['С Юрием.', 'Юрием'],
        ['Дело Достоевского.', 'Достоевского'],
        ['Достоевскому отказали.', 'Достоевскому'],
        ['С Достоевским.', 'Достоевским'],
      ],
    );
    expectCertain(
      [natalya],
      [
        ['Натальи нет.', 'Натальи'],
        ['Наталье звонили.', 'Наталье'],
        ['Наталью вызвали.', 'Наталью'],
        ['С Натальей.', 'Натальей'],
        ['У Ильиной изъяли.', 'Ильиной'],
      ],
    );
    expectCertain(
      [pavel, igor, andrey],
      [
        ['Павла задержали.', 'Павла'],
        ['С Павлом.', 'Павлом'],
        ['Игоря задержали.', 'Игоря'],
        ['С Игорем.', 'Игорем'],
        ['Андрея задержали.', 'Андрея'],
        ['С Андреем.', 'Андреем'],
        // Russian -ко surnames do not decline.
        ['Дело Шевченко.', 'Шевченко'],
      ],
    );
  });

  it('never matches inside another word or another name built on it', () => {
    expect(found([ivan], 'Иванов и Ивановна пришли, Иванушка тоже.')).toEqual([]);
    expect(found([olga], 'Ольгинский район, Кузнецовский мост.')).toEqual([]);
  });

  it('finds Ё written as Е, and soft hyphens and accents inside a name', () => {
    const pyotr = person('Пётр Алексеев');
    expect(summary(found([pyotr], 'Петра отпустили.'))).toEqual(['Петра']);
    expect(summary(found([olga], 'Оль\u00adгу увели.'))).toEqual(['Оль\u00adгу']);
    expect(summary(found([olga], 'О́льгу увели.'))).toEqual(['О́льгу']);
  });
});

describe('mention search: Ukrainian case forms', () => {
  it('takes the commonest Ukrainian surnames for names, not ordinary words', () => {
    expectCertain(
      [person('Тарас Коваленко')],
      [
        ['Коваленкові відмовили.', 'Коваленкові'],
        ['З Коваленком.', 'Коваленком'],
        ['Справа Коваленка.', 'Коваленка'],
      ],
    );
    expectCertain([person('Ірина Мельниченко')], [['Мельниченко затримали.', 'Мельниченко']]);
    expectCertain([person('Андрій Ковальчук')], [['Ковальчука затримали.', 'Ковальчука']]);
  });

  it('finds Ukrainian declensions, vocatives and the apostrophe inside a name', () => {
    expectCertain(
      [person('Олена Гриценко')],
      [
        ['Олену затримали.', 'Олену'],
        ['Від Олени.', 'Олени'],
        ['Дали Олені.', 'Олені'],
        ['З Оленою.', 'Оленою'],
        ['Олено, відкрий!', 'Олено'],
      ],
    );
    expectCertain(
      [person('Петро Гончаренко')],
      [
        ['Петра затримали.', 'Петра'],
        ['Петрові не дали.', 'Петрові'],
        ['З Петром.', 'Петром'],
        ['Петре, стій!', 'Петре'],
        ['Справа Гончаренка.', 'Гончаренка'],
        ['Гончаренкові відмовили.', 'Гончаренкові'],
        ['Гончаренку відмовили.', 'Гончаренку'],
        ['З Гончаренком.', 'Гончаренком'],
      ],
    );
    expectCertain(
      [person('Ольга Ткачук')],
      [
        ['Ользі погрожували.', 'Ользі'],
        ['З Ольгою.', 'Ольгою'],
        ['Ткачука допитали.', 'Ткачука'],
      ],
    );
    expectCertain(
      [person('Андрій Савчук')],
      [
        ['Андрія затримали.', 'Андрія'],
        ['Андрієві відмовили.', 'Андрієві'],
        ['З Андрієм.', 'Андрієм'],
      ],
    );
    expectCertain(
      [person('Марія Лисенко')],
      [
        ['Марії погрожували.', 'Марії'],
        ['З Марією.', 'Марією'],
      ],
    );
    expectCertain(
      [person("Мар'яна Зеленська")],
      [
        ["Мар'яну затримали.", "Мар'яну"],
        ['Мар’яну затримали.', 'Мар’яну'],
        ['Справа Зеленської.', 'Зеленської'],
        ['Зеленській відмовили.', 'Зеленській'],
        ['З Зеленською.', 'Зеленською'],
      ],
    );
    expectCertain(
      [person('Василь Стус')],
      [
        ['Василя затримали.', 'Василя'],
        ['З Василем.', 'Василем'],
      ],
    );
  });
});

describe('mention search: Arabic prefixes and letter variants', () => {
  const khaled = person('خالد العمري');
  it('finds a name with attached conjunctions, prepositions and the article', () => {
    expectCertain(
      [khaled],
      [
        ['قال خالد إنه رأى.', 'خالد'],
        ['ذهب وخالد معه.', 'وخالد'],
        ['فخالد كان هناك.', 'فخالد'],
        ['قلنا لخالد.', 'لخالد'],
        ['مررنا بخالد.', 'بخالد'],
        ['ولخالد حق.', 'ولخالد'],
        ['وبخالد مررنا.', 'وبخالد'],
        ['عائلة العمري.', 'العمري'],
        ['والعمري أيضا.', 'والعمري'],
        ['قلنا للعمري.', 'للعمري'],
        ['وللعمري حق.', 'وللعمري'],
        ['مررنا بالعمري.', 'بالعمري'],
        ['اعتقل خالد العمري أمس.', 'خالد العمري'],
      ],
    );
  });

  it('finds hamza, tā’ marbūṭa and alif maqṣūra variants, vowel marks and tatweel', () => {
    const ahmed = person('أحمد مصطفى');
    const fatima = person('فاطمة الزهراء');
    expectCertain(
      [ahmed, fatima],
      [
        ['قال احمد.', 'احمد'],
        ['قال إحمد.', 'إحمد'],
        ['قال أَحْمَد.', 'أَحْمَد'],
        ['قال أحـــمد.', 'أحـــمد'],
        ['ابن مصطفي.', 'مصطفي'],
        ['قالت فاطمه.', 'فاطمه'],
        ['ولفاطمة.', 'ولفاطمة'],
      ],
    );
  });

  it('never matches inside another word', () => {
    expect(found([khaled], 'الخالدين والمخالد وخالدة')).toEqual([]);
  });

  it('treats عبد الله as one name part, and never the word الله alone', () => {
    const abdallah = person('عبد الله الحسيني');
    expect(summary(found([abdallah], 'قال عبد الله إن شاء الله'))).toEqual(['عبد الله']);
    expect(summary(found([abdallah], 'ولعبد الله الحسيني حق'))).toEqual(['ولعبد الله الحسيني']);
  });

  it('marks names that are ordinary words, and an added article, for review', () => {
    const amal = person('أمل حسن');
    expect(summary(found([amal], 'قالت أمل حسن إن لدينا أمل، وبالأمل نعيش.'))).toEqual([
      'أمل حسن',
      'أمل?',
      'وبالأمل?',
    ]);
  });
});

describe('mention search: Chinese, Japanese and Korean', () => {
  const li = person('李英俊', { familyName: '李', givenName: '英俊' });
  it('finds a whole name as a substring, with no spaces around it', () => {
    expect(summary(found([li], '昨天李英俊被警察带走了。'))).toEqual(['李英俊']);
    expect(summary(found([li], '李英俊说')).length).toBe(1);
  });

  it('shows a given name alone for review, and finds a one-character family name only before an honorific', () => {
    expect(summary(found([li], '他很英俊。'))).toEqual(['英俊?']);
    expect(summary(found([li], '李先生来了。'))).toEqual(['李?']);
    expect(found([li], '李子很甜，行李很重。')).toEqual([]);
  });

  it('finds a name recorded as an alias in another script', () => {
    const olga = person(['Olga Kuznetsova', 'Ольга Кузнецова', '奥尔加·库兹涅佐娃']);
    expect(summary(found([olga], '证人奥尔加·库兹涅佐娃看到了。'))).toEqual(['奥尔加·库兹涅佐娃']);
    expect(summary(found([olga], '证人库兹涅佐娃看到了。'))).toEqual(['库兹涅佐娃']);
  });

  it('Japanese: a family name with an honorific is certain, a given name alone is reviewed', () => {
    const hanako = person('田中花子', { familyName: '田中', givenName: '花子' });
    expect(summary(found([hanako], '田中花子さんが証言した。'))).toEqual(['田中花子']);
    expect(summary(found([hanako], '田中さんが来た。'))).toEqual(['田中']);
    expect(summary(found([hanako], '花子は来た。'))).toEqual(['花子?']);
  });

  it('guesses the given name of a Chinese name recorded whole, and shows it for review', () => {
    // No family or given name recorded: the given name alone is still found, never silently.
    const wang = person('王全璋');
    expect(summary(found([wang], '全璋被带走了。王全璋的妻子说。'))).toEqual(['全璋?', '王全璋']);
    const ouyang = person('欧阳明华');
    expect(summary(found([ouyang], '明华说。欧阳明华被捕。'))).toEqual(['明华?', '欧阳明华']);
    expect(found([ouyang], '欧阳说。').map((m) => m.certain)).toEqual([false]);
    // A one-character given name is not guessed: alone it is part of too many words.
    expect(found([person('王刚')], '他刚来。')).toEqual([]);
    // A Japanese name in kanji gets a guess that may be wrong: it is only ever reviewed.
    expect(summary(found([person('田中実')], '中実な証言。'))).toEqual(['中実?']);
  });

  it('Korean: a name followed by a particle', () => {
    const minsu = person('김민수');
    expect(summary(found([minsu], '김민수가 체포되었다. 김민수는 말했다.'))).toEqual([
      '김민수',
      '김민수',
    ]);
  });
});

describe('mention search: Latin scripts', () => {
  it('folds accents, case, compatibility forms and decomposed accents', () => {
    const maria = person('María José Quispe Huamán');
    expect(summary(found([maria], 'QUISPE declaró. Huaman también. ＱＵＩＳＰＥ, Maria.'))).toEqual(
      ['QUISPE', 'Huaman', 'ＱＵＩＳＰＥ, Maria'],
    );
    // Two parts together in small letters are still the person.
    expect(summary(found([maria], 'según maria jose quispe huaman'))).toEqual([
      'maria jose quispe huaman',
    ]);
    const heloise = person('Héloïse Dubois-Lefèvre');
    expect(summary(found([heloise], "Le témoignage d'Héloïse et de HELOISE LEFEVRE."))).toEqual([
      'Héloïse',
      'HELOISE LEFEVRE',
    ]);
  });

  it("takes the letter before an apostrophe with the name (O'Brien), not a French elision", () => {
    const sean = person("Seán O'Brien");
    expect(summary(found([sean], "O'Brien was held; O’BRIEN and Seán O'Brien too."))).toEqual([
      "O'Brien",
      'O’BRIEN',
      "Seán O'Brien",
    ]);
    const angelo = person("Liam D'Angelo");
    expect(summary(found([angelo], "D'Angelo said."))).toEqual(["D'Angelo"]);
    // d' is the French preposition here: it stays, the name goes.
    expect(summary(found([person('Olga Petit')], "Le dossier d'Olga."))).toEqual(['Olga']);
  });

  it('joins parts across particles, a comma or a hyphen, never across a sentence', () => {
    const cruz = person('Juan de la Cruz Pérez');
    expect(summary(found([cruz], 'Juan de la Cruz declaró.'))).toEqual(['Juan de la Cruz']);
    expect(summary(found([cruz], 'Pérez, Juan, nacido en Lima.'))).toEqual(['Pérez, Juan']);
    const khaled = person('Khaled Said');
    expect(summary(found([khaled], 'We met Khaled. Said the guard: go.'))).toEqual([
      'Khaled',
      'Said?',
    ]);
  });

  it('keeps apart "Khaled said" (one name, one ordinary word) and "Khaled Said"', () => {
    const khaled = person('Khaled Said');
    expect(summary(found([khaled], "Khaled said the officer took Khaled Said's phone."))).toEqual([
      'Khaled',
      'said?',
      'Khaled Said',
    ]);
  });

  it('a possessive or an elided article does not hide a name', () => {
    expect(
      summary(found([person('Nadia Benali')], "Nadia's brother and l'avocat de Benali.")),
    ).toEqual(['Nadia', 'Benali']);
  });
});

describe('ambiguity: names that are also ordinary words are never certain', () => {
  const reasonsOf = (subjects: NameSubject[], text: string, named: NameSubject[] = []) =>
    found(subjects, text, named).map((m) => [m.text, m.certain, m.reasons]);

  it('gives the reason: lower case, a common word, used as a word, a shared or short name part', () => {
    expect(reasonsOf([person('Grace Mbeki')], 'Grace spoke; by the grace of God.')).toEqual([
      ['Grace', false, ['common-word', 'used-as-word']],
      ['grace', false, ['lower-case', 'common-word']],
    ]);
    expect(reasonsOf([person('Brandy Fell')], 'He fell. Fell was arrested.')).toEqual([
      ['fell', false, ['lower-case']],
      ['Fell', false, ['used-as-word']],
    ]);
    expect(
      reasonsOf([person('Amal Hassan')], 'Hassan came, then Hassan Youssef.', [
        person('Hassan Youssef'),
      ]),
    ).toEqual([['Hassan', false, ['shared-name']]]);
    expect(reasonsOf([person('Li Wei')], 'Li said, and Li Wei agreed.')).toEqual([
      ['Li', false, ['short']],
      ['Li Wei', true, []],
    ]);
  });

  const corpus: { language: string; subjects: NameSubject[]; sentences: string[] }[] = [
    {
      language: 'English',
      subjects: [
        person('Khaled Said'),
        person('Grace Mbeki'),
        person('Tom Scope'),
        person('Hope Adeyemi'),
        person('Will Turner'),
        person('Rose Martin'),
        person('Mark Bishop'),
        person('Joy Baker'),
      ],
      sentences: [
        'The officer said nothing about the arrest.',
        'Said the judge: the hearing is adjourned.',
        'Grace was shown to no one in that prison.',
        'The scope of the inquiry is too narrow.',
        'Scope and method of the mission are set out below.',
        'We hope the court will act; there is little hope left.',
        'Hope is all the families have.',
        'Will the government answer within sixty days?',
        'The will of the detainee was ignored, and the turner lost his job.',
        'A rose was left at the gate; prices rose sharply.',
        'Mark the date: the bishop of the diocese wrote to the minister.',
        'There was no joy when the baker was released.',
      ],
    },
    {
      language: 'Russian',
      subjects: [
        person('Вера Смирнова'),
        person('Роман Орлов'),
        person('Надежда Ким'),
        person('Любовь Соколова'),
        person('Лев Морозов'),
        person('Мира Котова'),
      ],
      sentences: [
        'Его вера в справедливость не ослабла.',
        'Вера в закон здесь не помогает.',
        'Он потерял веру в суд.',
        'Она читала роман всю ночь; в этом романе всё правда.',
        'У нас есть надежда, и надежду не отнять.',
        'Любовь к родине не преступление; без любви нельзя.',
        'В клетке сидел лев, львы рычали.',
        'Мир хрупок, и миру нужны законы.',
      ],
    },
    {
      language: 'Ukrainian',
      subjects: [person('Віра Бондар'), person('Надія Мороз'), person('Роман Коваль')],
      sentences: [
        'Віра в людей лишилась; віру не втратили.',
        'Надія є завжди, надію не відняти.',
        'Мороз був сильний, і мороз тримався тиждень.',
        'Коваль кував підкову, а бондар робив бочку.',
        'Він дочитав роман.',
      ],
    },
    {
      language: 'Arabic',
      subjects: [person('أمل حسن'), person('سعيد كريم'), person('نور الهدى جميل')],
      sentences: [
        'لدينا أمل كبير في العدالة.',
        'وأمل الأسر أن يعود المعتقلون.',
        'كان يوما سعيد على الجميع.',
        'رجل كريم ساعد العائلة.',
        'حسن المعاملة حق لكل محتجز.',
        'النور مقطوع في الزنزانة، ولا نور فيها.',
        'كان المشهد جميل رغم كل شيء.',
      ],
    },
    {
      language: 'Spanish',
      subjects: [person('Dolores Paz'), person('Pilar Rosa Cruz'), person('Amparo Reyes')],
      sentences: [
        'Los dolores de cabeza no cesaron.',
        'Dolores de espalda y fiebre, según el médico.',
        'Pedimos paz y justicia.',
        'El pilar del puente cayó; una rosa quedó en la cruz.',
        'Sin amparo judicial, los reyes del lugar mandan.',
      ],
    },
    {
      language: 'French',
      subjects: [person('Pierre Blanc'), person('Rose Martin'), person('Claire Petit')],
      sentences: [
        'Une pierre blanche marque la tombe.',
        'Pierre après pierre, le mur fut reconstruit.',
        'Le vin blanc était servi; une rose était posée.',
        'Il est clair que le petit martin-pêcheur est parti.',
        'Claire et nette, la réponse fut donnée.',
      ],
    },
    {
      language: 'Chinese',
      subjects: [person('王英俊', { familyName: '王', givenName: '英俊' })],
      sentences: ['他长得很英俊。', '国王来了，王国很大。'],
    },
  ];

  for (const { language, subjects, sentences } of corpus) {
    it(`${language}: no ordinary word in the corpus is taken for certain as a name`, () => {
      const idx = index(...subjects);
      for (const sentence of sentences) {
        const certain = findMentions(idx, sentence).filter((m) => m.certain);
        expect({ sentence, certain: certain.map((m) => m.text) }).toEqual({
          sentence,
          certain: [],
        });
      }
    });
  }
});

describe('mention search: names that need more than their recorded form', () => {
  it('Chinese and Japanese names without a recorded split: the given name alone is shown for review', () => {
    const cases: [string, string, string][] = [
      // name, sentence with the given name alone, the given name
      ['王全璋', '全璋被带走以后，家人一直没有消息。', '全璋'],
      ['刘晓波', '晓波在狱中写信。', '晓波'],
      ['许志永', '我们去看了志永。', '志永'],
      ['欧阳明华', '明华说她被跟踪了。', '明华'],
      ['山田太郎', '太郎は逮捕された。', '太郎'],
    ];
    for (const [name, sentence, given] of cases) {
      const mentions = found([person(name)], sentence);
      expect({ name, mentions: summary(mentions) }).toEqual({ name, mentions: [`${given}?`] });
      expect(mentions[0]!.reasons).toEqual(['name-part']);
      // The whole name stays certain, and is one mention, not two parts.
      expect(summary(found([person(name)], `证人${name}。`))).toEqual([name]);
    }
    // A compound family name is one family name: 欧阳修's given name is 修, found only before an honorific.
    expect(summary(found([person('欧阳修')], '欧阳先生来了。'))).toEqual(['欧阳']);
    expect(found([person('欧阳修')], '他修了车。')).toEqual([]);
    // A family name of one character is found only before an honorific, and then reviewed.
    expect(summary(found([person('王全璋')], '王先生来了。'))).toEqual(['王?']);
    expect(found([person('王全璋')], '国王来了。')).toEqual([]);
    // The given name with an honorific is the person.
    expect(summary(found([person('王全璋')], '全璋先生来了。'))).toEqual(['全璋']);
    // A recorded split wins over the usual one.
    const recorded = person('司马相如', { familyName: '司马', givenName: '相如' });
    expect(summary(found([recorded], '相如写了赋。'))).toEqual(['相如?']);
    // Transliterated foreign names (five characters or more) are not split.
    expect(found([person('库兹涅佐娃')], '涅佐娃')).toEqual([]);
  });

  it('Ukrainian surnames in -енко and -чук are names, not ordinary words, in every case', () => {
    const people = [
      person('Олена Коваленко'),
      person('Тарас Мельниченко'),
      person('Ірина Кравчук'),
      person('Богдан Ковальчук'),
      person('Остап Козаченко'),
    ];
    expectCertain(people, [
      ['Коваленкові відмовили в побаченні.', 'Коваленкові'],
      ['Справа Коваленка.', 'Коваленка'],
      ['З Коваленком говорили погрозами.', 'Коваленком'],
      ['Мельниченкові погрожували.', 'Мельниченкові'],
      ['Кравчук затримали.', 'Кравчук'],
      ['Ковальчука допитали.', 'Ковальчука'],
      ['Козаченкові не дали адвоката.', 'Козаченкові'],
    ]);
    // Trades that are surnames stay ordinary words: never replaced without review.
    const miller = found([person('Андрій Мельник')], 'Мельник прийшов до суду.');
    expect(miller.map((m) => [m.text, m.certain, m.reasons])).toEqual([
      ['Мельник', false, ['common-word']],
    ]);
  });

  it("a name with an apostrophe (O'Brien, N'Diaye) is found whole, never as its second half", () => {
    expectCertain(
      [person("Siobhan O'Brien")],
      [
        ["O'Brien testified.", "O'Brien"],
        ['O’Brien testified.', 'O’Brien'],
        ["O'BRIEN TESTIFIED.", "O'BRIEN"],
        ["We spoke to Siobhan O'Brien.", "Siobhan O'Brien"],
        ["O'Brien's brother came.", "O'Brien"],
        ['Brien was there.', 'Brien'],
      ],
    );
    expectCertain(
      [person("Aminata N'Diaye")],
      [
        ["Le témoignage de N'Diaye.", "N'Diaye"],
        ["L'avocat de Mme N’Diaye.", 'N’Diaye'],
      ],
    );
    expectCertain([person("Marco D'Angelo")], [["Il signor D'Angelo.", "D'Angelo"]]);
    expectCertain([person("Lucia Dell'Acqua")], [["La signora Dell'Acqua.", "Dell'Acqua"]]);
    // An elided article before a name is not part of it.
    expectCertain([person('Olga Petit')], [["Le frère d'Olga.", 'Olga']]);
    // Nothing inside another word or another apostrophe name.
    expect(found([person("Siobhan O'Brien")], "O'Briens' Pub; Brienne")).toEqual([]);
  });
});
