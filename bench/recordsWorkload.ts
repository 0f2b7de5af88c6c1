import type { CaseDocumentInput } from '../shared/domain/caseDocument';

/**
 * A deterministic, realistic workload for the records benchmark: cases with
 * persons (names in Latin, Arabic and Cyrillic scripts), events and ~2 KB
 * testimonies in five languages. Text mixes sentence templates with a
 * Zipf-distributed vocabulary, so the full-text index sees both very common
 * and rare words, as a real corpus does.
 */

export interface WorkloadSize {
  cases: number;
  personsPerCase: number;
  eventsPerCase: number;
  testimoniesPerCase: number;
}

export const FULL: WorkloadSize = {
  cases: 2000,
  personsPerCase: 5,
  eventsPerCase: 10,
  testimoniesPerCase: 50,
};
export const QUICK: WorkloadSize = {
  cases: 200,
  personsPerCase: 5,
  eventsPerCase: 10,
  testimoniesPerCase: 50,
};

/** mulberry32: small, fast and good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const FIRST = {
  latin: [
    'José',
    'María',
    'Amal',
    'Ahmed',
    'Lucía',
    'Jean',
    'Aïcha',
    'Mohamed',
    'Sofía',
    'Pedro',
    'Fatou',
    'Óscar',
    'Inès',
    'Kofi',
    'Zeynep',
    'Nasrin',
  ],
  arabic: [
    'محمد',
    'أحمد',
    'فاطمة',
    'عائشة',
    'عمر',
    'إبراهيم',
    'آمنة',
    'يوسف',
    'مريم',
    'خالد',
    'سلمى',
    'حسن',
  ],
  cyrillic: [
    'Фёдор',
    'Алексей',
    'Мария',
    'Ольга',
    'Дмитрий',
    'Анна',
    'Сергей',
    'Наталья',
    'Иван',
    'Екатерина',
    'Пётр',
    'Юлия',
  ],
};
const LAST = {
  latin: [
    'Pérez',
    'Hassan',
    'Núñez',
    'Diallo',
    'García',
    'Benali',
    'Ouédraogo',
    'Rodríguez',
    'Yılmaz',
    'Mensah',
    'Abdallah',
    'Gómez',
  ],
  arabic: ['حسن', 'الأحمد', 'عبد الله', 'إسماعيل', 'الخطيب', 'منصور', 'القاسم', 'يوسف'],
  cyrillic: [
    'Семёнов',
    'Иванова',
    'Петров',
    'Кузнецова',
    'Смирнов',
    'Соловьёва',
    'Орлов',
    'Королёв',
  ],
};

export function personName(r: () => number): string {
  const script = r() < 0.6 ? 'latin' : r() < 0.5 ? 'arabic' : 'cyrillic';
  return `${pick(r, FIRST[script])} ${pick(r, LAST[script])}`;
}

const SENTENCES = {
  en: [
    'They came before dawn and took {name} from the flat without showing any warrant.',
    'We did not know where {name} was held for {n} days; the police denied the arrest.',
    'At the {place} the officers beat him and forced him to sign a statement he could not read.',
    'The lawyer was refused access to the file and the hearing was postponed again.',
    'I saw {name} at the court in {place}; he had bruises on his face and could barely walk.',
    'They accused her of spreading false news and belonging to a banned organisation.',
    'My family received threatening calls after I spoke to the journalists about the raid.',
    'The judge extended the pre-trial detention by forty-five days without hearing the defence.',
  ],
  es: [
    'Llegaron de madrugada y se llevaron a {name} sin mostrar ninguna orden judicial.',
    'Durante {n} días no supimos dónde estaba detenido {name}; la policía negó la detención.',
    'En la {place} lo golpearon y lo obligaron a firmar una declaración que no pudo leer.',
    'A la abogada le negaron el acceso al expediente y la audiencia se aplazó otra vez.',
    'Las amenazas contra los defensores de la tierra aumentaron después del desalojo.',
    'El fiscal presentó cargos de terrorismo contra los dirigentes sindicales.',
  ],
  fr: [
    'Ils sont arrivés avant l’aube et ont emmené {name} sans présenter de mandat.',
    'Pendant {n} jours, nous ne savions pas où {name} était détenu ; la police niait l’arrestation.',
    'Au {place}, les agents l’ont frappé et l’ont forcé à signer des aveux.',
    'L’avocate n’a pas pu consulter le dossier et l’audience a de nouveau été reportée.',
    'La journaliste a été placée sous surveillance après la publication de son enquête.',
  ],
  ar: [
    'جاءوا قبل الفجر واقتادوا {name} من الشقة دون إبراز أي إذن قضائي.',
    'لم نعرف مكان احتجاز {name} لمدة {n} يومًا، وأنكرت الشرطة القبض عليه.',
    'في {place} ضربه الضباط وأجبروه على التوقيع على اعتراف لم يقرأه.',
    'مُنِعَ المحامي من الاطلاع على ملف القضية وتأجلت الجلسة مرة أخرى.',
    'تلقت أسرتي مكالمات تهديد بعد أن تحدثت إلى الصحفيين عن المداهمة.',
  ],
  ru: [
    'Они пришли до рассвета и увезли {name} из квартиры, не предъявив ордера.',
    '{n} дней мы не знали, где содержится {name}; полиция отрицала задержание.',
    'В {place} сотрудники избили его и заставили подписать признание.',
    'Адвокату отказали в доступе к материалам дела, заседание снова перенесли.',
    'После публикации расследования журналистку поставили под наблюдение.',
  ],
} as const;

const PLACES = {
  en: ['police station', 'security directorate', 'checkpoint', 'courthouse'],
  es: ['comisaría', 'fiscalía', 'base militar', 'cárcel'],
  fr: ['commissariat', 'poste de gendarmerie', 'tribunal', 'centre de détention'],
  ar: ['قسم الشرطة', 'مقر الأمن الوطني', 'المحكمة', 'السجن'],
  ru: ['отделении полиции', 'изоляторе', 'суде', 'колонии'],
} as const;

type Lang = keyof typeof SENTENCES;
const LANGS: readonly Lang[] = ['en', 'en', 'es', 'es', 'fr', 'ar', 'ru'];

/** A lexicon per language with Zipf-like frequencies: a few very common words, a long tail of rare ones. */
const SYLLABLES = {
  en: [
    'ka',
    'lo',
    'mi',
    'ran',
    'tor',
    'ne',
    'su',
    'de',
    'fa',
    'ri',
    'ash',
    'el',
    'or',
    'is',
    'ul',
    'bes',
  ],
  es: [
    'ca',
    'lo',
    'mi',
    'ra',
    'to',
    'ne',
    'ción',
    'de',
    'fa',
    'rí',
    'an',
    'el',
    'or',
    'es',
    'ul',
    'bá',
  ],
  fr: [
    'ca',
    'lou',
    'mi',
    'ra',
    'té',
    'ne',
    'sion',
    'de',
    'fa',
    'ri',
    'an',
    'el',
    'or',
    'ès',
    'ul',
    'ba',
  ],
  ar: [
    'كا',
    'لو',
    'مي',
    'را',
    'تو',
    'نا',
    'سو',
    'دي',
    'فا',
    'ري',
    'أن',
    'إل',
    'عر',
    'يس',
    'حل',
    'با',
  ],
  ru: [
    'ка',
    'ло',
    'ми',
    'ра',
    'то',
    'не',
    'су',
    'де',
    'фа',
    'ри',
    'ан',
    'ёл',
    'ор',
    'ис',
    'ул',
    'ба',
  ],
} as const;
const LEXICON_SIZE = 6000;

function lexicon(lang: Lang): string[] {
  const r = rng(lang.length * 7919 + lang.charCodeAt(0));
  const words = new Set<string>();
  while (words.size < LEXICON_SIZE) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i += 1) w += pick(r, SYLLABLES[lang]);
    words.add(w);
  }
  return [...words];
}

const LEXICONS = Object.fromEntries(
  (Object.keys(SENTENCES) as Lang[]).map((l) => [l, lexicon(l)]),
) as Record<Lang, string[]>;
const ZIPF: number[] = (() => {
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < LEXICON_SIZE; i += 1) cum.push((total += 1 / (i + 1)));
  return cum.map((c) => c / total);
})();

function zipfWord(r: () => number, lang: Lang): string {
  const x = r();
  let lo = 0;
  let hi = LEXICON_SIZE - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return LEXICONS[lang][lo]!;
}

/** About `bytes` bytes of testimony in one language, naming some of the case's persons. */
export function statement(
  r: () => number,
  names: readonly string[],
  bytes = 2000,
): { text: string; lang: Lang } {
  const lang = pick(r, LANGS);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let sentence: string;
    if (r() < 0.6) {
      sentence = pick(r, SENTENCES[lang])
        .replace('{name}', pick(r, names))
        .replace('{place}', pick(r, PLACES[lang]))
        .replace('{n}', String(2 + Math.floor(r() * 60)));
    } else {
      const n = 6 + Math.floor(r() * 10);
      const words = Array.from({ length: n }, () => zipfWord(r, lang));
      sentence = `${words.join(' ')}.`;
    }
    parts.push(sentence);
    size += Buffer.byteLength(sentence) + 1;
  }
  return { text: parts.join(' '), lang };
}

const EVENT_TYPES = [
  'arbitrary-arrest',
  'arbitrary-detention',
  'incommunicado-detention',
  'enforced-disappearance',
  'torture',
  'ill-treatment',
  'judicial-harassment',
  'threats',
  'physical-attack',
  'surveillance',
  'raid',
  'travel-ban',
  'defamation-campaign',
];
const COUNTRIES = [
  'EG',
  'RU',
  'CO',
  'MX',
  'SY',
  'BY',
  'HN',
  'TN',
  'SA',
  'GT',
  'PH',
  'IR',
  'AZ',
  'SD',
];
const ROLES = ['victim', 'witness', 'family-member', 'perpetrator', 'source'];

const uuid = (r: () => number): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(r() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const partialDate = (r: () => number): string => {
  const year = 2015 + Math.floor(r() * 10);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const x = r();
  if (x < 0.1) return String(year);
  if (x < 0.35) return `${year}-${month}`;
  if (x < 0.45) return `~${year}-${month}-${day}`;
  if (x < 0.5) return `before ${year}-${month}`;
  return `${year}-${month}-${day}`;
};

/** The case document of case number `index`: the same every run. */
export function caseDocument(index: number, size: WorkloadSize): CaseDocumentInput {
  const r = rng(index + 1);
  const persons = Array.from({ length: size.personsPerCase }, (_, i) => ({
    id: uuid(r),
    name: personName(r),
    aliases: r() < 0.3 ? [personName(r)] : [],
    nationalities: [pick(r, COUNTRIES)],
    roles: [ROLES[i % ROLES.length]!],
  }));
  const names = persons.map((p) => p.name);
  const events = Array.from({ length: size.eventsPerCase }, () => ({
    id: uuid(r),
    eventType: pick(r, EVENT_TYPES),
    start: partialDate(r),
    description: statement(r, names, 300).text,
    location: { country: pick(r, COUNTRIES), place: pick(r, PLACES.en) },
    victims: [persons[0]!.id],
  }));
  const testimonies = Array.from({ length: size.testimoniesPerCase }, () => {
    const { text, lang } = statement(r, names);
    return {
      id: uuid(r),
      witnessId: r() < 0.7 ? pick(r, persons).id : null,
      statement: text,
      language: lang,
      takenOn: partialDate(r),
    };
  });
  return {
    format: 'vigil-case',
    version: 1,
    case: {
      id: uuid(r),
      reference: `BENCH-${String(index + 1).padStart(5, '0')}`,
      title: `${pick(r, EVENT_TYPES).replace(/-/g, ' ')} of ${names[0]}`,
      countries: [pick(r, COUNTRIES)],
    },
    persons,
    events,
    testimonies,
  };
}

/** Queries users type: names (in three scripts) and words of the testimonies, common and rare. */
export function searchQueries(count: number, terms: 1 | 2): string[] {
  const r = rng(terms * 104729);
  const single = (): string => {
    const x = r();
    if (x < 0.3)
      return pick(r, [
        ...FIRST.latin,
        ...LAST.latin,
        ...FIRST.arabic,
        ...LAST.arabic,
        ...FIRST.cyrillic,
        ...LAST.cyrillic,
      ]).split(' ')[0]!;
    if (x < 0.55)
      return pick(r, [
        'arrest',
        'torture',
        'lawyer',
        'warrant',
        'hearing',
        'detención',
        'audiencia',
        'avocate',
        'الشرطة',
        'المحامي',
        'задержание',
        'адвокату',
        'journalist',
        'threatening',
      ]);
    const lang = pick(r, LANGS);
    // Mostly the long tail, sometimes a very common word.
    return r() < 0.2
      ? LEXICONS[lang][Math.floor(r() * 20)]!
      : LEXICONS[lang][20 + Math.floor(r() * (LEXICON_SIZE - 20))]!;
  };
  return Array.from({ length: count }, () => (terms === 1 ? single() : `${single()} ${single()}`));
}
