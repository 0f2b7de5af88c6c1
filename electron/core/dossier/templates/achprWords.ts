import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the African Commission's communication prints, in each dossier
 * language: the parts article 56 of the African Charter makes conditions of
 * admissibility, in its order. The Commission works in English, French,
 * Arabic and Portuguese; Spanish and Russian serve the lawyer.
 */
export interface AchprWords {
  title: string;
  noticeTitle: string;
  notice: string;
  authors: string;
  authorsIntro: string;
  organisation: string;
  address: string;
  contact: string;
  /** The row: whether the authors ask that their identity be kept from the State. */
  anonymityRow: string;
  anonymityAsked: string;
  anonymityNotAsked: string;
  state: string;
  states: string;
  /** The row: every State named is a party to the Charter. */
  partyRow: string;
  /** "Not a party to the African Charter: {states}" */
  notParty: string;
  victims: string;
  victimsIntro: string;
  namedVictim: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  rights: string;
  rightsIntro: string;
  rightsRow: string;
  /** "How {provision} was violated". */
  argument: string;
  remedies: string;
  remediesIntro: string;
  remediesRow: string;
  finalDecision: string;
  timeLimit: string;
  timeLimitIntro: string;
  timeLimitRow: string;
  /** Remedies unavailable, ineffective or unduly prolonged: no final decision to count from. */
  noFinalDecision: string;
  sources: string;
  sourcesIntro: string;
  sourcesRow: string;
  firstHand: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  /** When another body has decided the matter: "Decided by another international body: {procedures}". */
  settled: string;
  language: string;
  languageIntro: string;
  languageRow: string;
  languageClear: string;
  /** A listed word found: "Disparaging or insulting word “{word}” in {where}: rephrase it". */
  insult: string;
  documents: string;
  documentsRow: string;
  preparedBy: string;
  preparedOn: string;
}

export const ACHPR_WORDS: Record<DossierLanguage, AchprWords> = {
  en: {
    title: 'African Commission on Human and Peoples’ Rights: communication',
    noticeTitle: 'How to submit',
    notice:
      'A communication under article 55 of the African Charter on Human and Peoples’ Rights, laid out in the order of the conditions of article 56. Sign it and send it to the Secretariat of the Commission in Banjul, The Gambia, by post or e-mail, with copies of the documents listed.',
    authors: '1. The authors (article 56(1))',
    authorsIntro:
      'The Charter requires the authors to be named, even when they ask for anonymity; the Commission may then keep their identity from the State.',
    organisation: 'Organisation',
    address: 'Address for correspondence',
    contact: 'E-mail and telephone',
    anonymityRow: 'Identity to be kept from the State',
    anonymityAsked:
      'Yes: the authors ask the Commission not to disclose their identity to the respondent State. They are named here only because article 56(1) requires it.',
    anonymityNotAsked: 'No: the authors’ identity may be disclosed to the State.',
    state: '2. The State concerned',
    states: 'State party considered responsible',
    partyRow: 'A State party to the African Charter',
    notParty: 'Not a party to the African Charter: {states}',
    victims: '3. The alleged victims',
    victimsIntro: 'The persons or peoples whose rights under the Charter were violated.',
    namedVictim: 'An alleged victim named with consent',
    facts: '4. The facts',
    factsIntro: 'An account of the facts, with the place and date of each.',
    factsRow: 'The facts',
    rights: '5. Rights of the Charter violated (article 56(2))',
    rightsIntro:
      'Compatibility with the Charter: the articles of the African Charter invoked, and how each was violated.',
    rightsRow: 'At least one article of the Charter invoked',
    argument: 'How {provision} was violated',
    remedies: '6. Local remedies (article 56(5))',
    remediesIntro:
      'The local remedies exhausted, or why they were unavailable, ineffective or unduly prolonged.',
    remediesRow: 'Local remedies exhausted, or unduly prolonged',
    finalDecision: 'Final domestic decision',
    timeLimit: '7. Reasonable time (article 56(6))',
    timeLimitIntro:
      'A communication must be submitted within a reasonable time of the exhaustion of local remedies; the Commission takes six months as its guide.',
    timeLimitRow: 'Submitted within a reasonable time',
    noFinalDecision:
      'Local remedies unavailable, ineffective or unduly prolonged: there is no final decision to count from; explain any long delay since the facts.',
    sources: '8. Sources (article 56(4))',
    sourcesIntro:
      'A communication must not be based exclusively on news disseminated through the mass media.',
    sourcesRow: 'First-hand information (testimony or a person’s own account)',
    firstHand: 'Yes: the facts rest on first-hand accounts, not on media reports alone.',
    otherProcedures: '9. Other international procedures (article 56(7))',
    otherProceduresIntro:
      'Whether the matter has been settled by, or is before, another international body.',
    otherProceduresRow: 'Not settled by another international body',
    settled: 'Decided by another international body: {procedures}',
    language: '10. Language (article 56(3))',
    languageIntro:
      'A communication must not be written in disparaging or insulting language directed against the State, its institutions or the African Union. The texts of this communication were checked against a short list of such words in five languages; nothing was changed.',
    languageRow: 'No disparaging or insulting language',
    languageClear: 'None of the listed words was found.',
    insult: 'Disparaging or insulting word “{word}” in {where}: rephrase it',
    documents: '11. Accompanying documents',
    documentsRow: 'Accompanying documents',
    preparedBy: 'Prepared by {organisation} on {date}.',
    preparedOn: 'Prepared on {date}.',
  },
  es: {
    title: 'Comisión Africana de Derechos Humanos y de los Pueblos: comunicación',
    noticeTitle: 'Cómo presentarla',
    notice:
      'Comunicación conforme al artículo 55 de la Carta Africana de Derechos Humanos y de los Pueblos, ordenada según las condiciones del artículo 56. Fírmela y envíela a la Secretaría de la Comisión en Banjul (Gambia) por correo postal o electrónico, con copia de los documentos enumerados.',
    authors: '1. Los autores (artículo 56.1)',
    authorsIntro:
      'La Carta exige que se indique quiénes son los autores, aunque pidan el anonimato; la Comisión puede entonces mantener su identidad en reserva frente al Estado.',
    organisation: 'Organización',
    address: 'Dirección para recibir correspondencia',
    contact: 'Correo electrónico y teléfono',
    anonymityRow: 'Identidad en reserva frente al Estado',
    anonymityAsked:
      'Sí: los autores piden a la Comisión que no revele su identidad al Estado demandado. Se indican aquí solo porque lo exige el artículo 56.1.',
    anonymityNotAsked: 'No: la identidad de los autores puede revelarse al Estado.',
    state: '2. El Estado de que se trata',
    states: 'Estado parte considerado responsable',
    partyRow: 'Un Estado parte en la Carta Africana',
    notParty: 'No es parte en la Carta Africana: {states}',
    victims: '3. Las presuntas víctimas',
    victimsIntro: 'Las personas o pueblos cuyos derechos reconocidos en la Carta fueron violados.',
    namedVictim: 'Una presunta víctima nombrada con su consentimiento',
    facts: '4. Los hechos',
    factsIntro: 'Una relación de los hechos, con el lugar y la fecha de cada uno.',
    factsRow: 'Los hechos',
    rights: '5. Derechos de la Carta violados (artículo 56.2)',
    rightsIntro:
      'Compatibilidad con la Carta: los artículos de la Carta Africana invocados y cómo se violó cada uno.',
    rightsRow: 'Al menos un artículo de la Carta invocado',
    argument: 'Cómo se violó {provision}',
    remedies: '6. Recursos internos (artículo 56.5)',
    remediesIntro:
      'Los recursos internos agotados, o por qué no estaban disponibles, eran ineficaces o se prolongaban indebidamente.',
    remediesRow: 'Recursos internos agotados o indebidamente prolongados',
    finalDecision: 'Decisión interna definitiva',
    timeLimit: '7. Plazo razonable (artículo 56.6)',
    timeLimitIntro:
      'La comunicación debe presentarse en un plazo razonable desde el agotamiento de los recursos internos; la Comisión toma seis meses como referencia.',
    timeLimitRow: 'Presentada en un plazo razonable',
    noFinalDecision:
      'Recursos internos no disponibles, ineficaces o indebidamente prolongados: no hay decisión definitiva desde la que contar; explique toda demora larga desde los hechos.',
    sources: '8. Fuentes (artículo 56.4)',
    sourcesIntro:
      'La comunicación no debe basarse exclusivamente en noticias difundidas por los medios de comunicación.',
    sourcesRow: 'Información de primera mano (testimonio o relato de una persona)',
    firstHand:
      'Sí: los hechos se basan en relatos de primera mano, no solo en informaciones de prensa.',
    otherProcedures: '9. Otros procedimientos internacionales (artículo 56.7)',
    otherProceduresIntro:
      'Si el asunto ya fue resuelto por otro organismo internacional, o está pendiente ante él.',
    otherProceduresRow: 'No resuelto por otro organismo internacional',
    settled: 'Resuelto por otro organismo internacional: {procedures}',
    language: '10. Lenguaje (artículo 56.3)',
    languageIntro:
      'La comunicación no debe redactarse en términos despectivos o injuriosos contra el Estado, sus instituciones o la Unión Africana. Los textos de esta comunicación se cotejaron con una breve lista de tales palabras en cinco idiomas; no se modificó nada.',
    languageRow: 'Sin lenguaje despectivo o injurioso',
    languageClear: 'No se encontró ninguna de las palabras de la lista.',
    insult: 'Palabra despectiva o injuriosa «{word}» en {where}: reformúlela',
    documents: '11. Documentos adjuntos',
    documentsRow: 'Documentos adjuntos',
    preparedBy: 'Preparado por {organisation} el {date}.',
    preparedOn: 'Preparado el {date}.',
  },
  fr: {
    title: 'Commission africaine des droits de l’homme et des peuples\u202f: communication',
    noticeTitle: 'Comment la présenter',
    notice:
      'Communication au titre de l’article 55 de la Charte africaine des droits de l’homme et des peuples, ordonnée selon les conditions de l’article 56. Signez-la et envoyez-la au Secrétariat de la Commission à Banjul (Gambie), par la poste ou par courriel, avec copie des documents énumérés.',
    authors: '1. Les auteurs (article 56.1)',
    authorsIntro:
      'La Charte exige que les auteurs soient indiqués, même s’ils demandent l’anonymat\u202f; la Commission peut alors taire leur identité à l’État.',
    organisation: 'Organisation',
    address: 'Adresse de correspondance',
    contact: 'Courriel et téléphone',
    anonymityRow: 'Identité à taire à l’égard de l’État',
    anonymityAsked:
      'Oui\u202f: les auteurs demandent à la Commission de ne pas révéler leur identité à l’État défendeur. Ils ne sont indiqués ici que parce que l’article 56.1 l’exige.',
    anonymityNotAsked: 'Non\u202f: l’identité des auteurs peut être révélée à l’État.',
    state: '2. L’État concerné',
    states: 'État partie mis en cause',
    partyRow: 'Un État partie à la Charte africaine',
    notParty: 'Non partie à la Charte africaine\u202f: {states}',
    victims: '3. Les victimes alléguées',
    victimsIntro:
      'Les personnes ou les peuples dont les droits garantis par la Charte ont été violés.',
    namedVictim: 'Une victime alléguée nommée avec son consentement',
    facts: '4. Les faits',
    factsIntro: 'Un exposé des faits, avec le lieu et la date de chacun.',
    factsRow: 'Les faits',
    rights: '5. Droits de la Charte violés (article 56.2)',
    rightsIntro:
      'Compatibilité avec la Charte\u202f: les articles de la Charte africaine invoqués et la manière dont chacun a été violé.',
    rightsRow: 'Au moins un article de la Charte invoqué',
    argument: 'Comment {provision} a été violé',
    remedies: '6. Recours internes (article 56.5)',
    remediesIntro:
      'Les recours internes épuisés, ou pourquoi ils étaient indisponibles, inefficaces ou anormalement prolongés.',
    remediesRow: 'Recours internes épuisés, ou anormalement prolongés',
    finalDecision: 'Décision interne définitive',
    timeLimit: '7. Délai raisonnable (article 56.6)',
    timeLimitIntro:
      'La communication doit être introduite dans un délai raisonnable après l’épuisement des recours internes\u202f; la Commission prend six mois pour repère.',
    timeLimitRow: 'Introduite dans un délai raisonnable',
    noFinalDecision:
      'Recours internes indisponibles, inefficaces ou anormalement prolongés\u202f: il n’y a pas de décision définitive à partir de laquelle compter\u202f; expliquez tout long délai depuis les faits.',
    sources: '8. Sources (article 56.4)',
    sourcesIntro:
      'La communication ne doit pas se limiter à rassembler des nouvelles diffusées par les moyens de communication de masse.',
    sourcesRow: 'Informations de première main (témoignage ou récit d’une personne)',
    firstHand:
      'Oui\u202f: les faits reposent sur des récits de première main, pas seulement sur des articles de presse.',
    otherProcedures: '9. Autres procédures internationales (article 56.7)',
    otherProceduresIntro:
      'Si l’affaire a déjà été réglée par une autre instance internationale, ou si elle en est saisie.',
    otherProceduresRow: 'Non réglée par une autre instance internationale',
    settled: 'Tranchée par une autre instance internationale\u202f: {procedures}',
    language: '10. Langage (article 56.3)',
    languageIntro:
      'La communication ne doit pas contenir de termes outrageants ou insultants à l’égard de l’État, de ses institutions ou de l’Union africaine. Ses textes ont été comparés à une courte liste de tels mots en cinq langues\u202f; rien n’a été modifié.',
    languageRow: 'Aucun terme outrageant ou insultant',
    languageClear: 'Aucun des mots de la liste n’a été trouvé.',
    insult: 'Mot outrageant ou insultant «\u202f{word}\u202f» dans {where}\u202f: reformulez-le',
    documents: '11. Documents joints',
    documentsRow: 'Documents joints',
    preparedBy: 'Préparée par {organisation} le {date}.',
    preparedOn: 'Préparée le {date}.',
  },
  ar: {
    title: 'اللجنة الأفريقية لحقوق الإنسان والشعوب: بلاغ',
    noticeTitle: 'طريقة التقديم',
    notice:
      'بلاغ بموجب المادة 55 من الميثاق الأفريقي لحقوق الإنسان والشعوب، مرتب وفق شروط المادة 56. يوقَّع ويُرسل إلى أمانة اللجنة في بانجول (غامبيا) بالبريد أو بالبريد الإلكتروني، مع نسخ من المستندات المذكورة.',
    authors: '1. مقدمو البلاغ (المادة 56(1))',
    authorsIntro:
      'يشترط الميثاق ذكر هوية مقدمي البلاغ حتى لو طلبوا عدم الكشف عنها؛ ويجوز للجنة عندئذ أن تحجب هويتهم عن الدولة.',
    organisation: 'المنظمة',
    address: 'عنوان المراسلة',
    contact: 'البريد الإلكتروني والهاتف',
    anonymityRow: 'حجب الهوية عن الدولة',
    anonymityAsked:
      'نعم: يطلب مقدمو البلاغ من اللجنة عدم الكشف عن هويتهم للدولة المدعى عليها. وهم مذكورون هنا فقط لأن المادة 56(1) تشترط ذلك.',
    anonymityNotAsked: 'لا: يجوز الكشف عن هوية مقدمي البلاغ للدولة.',
    state: '2. الدولة المعنية',
    states: 'الدولة الطرف التي تُعدّ مسؤولة',
    partyRow: 'دولة طرف في الميثاق الأفريقي',
    notParty: 'ليست طرفًا في الميثاق الأفريقي: {states}',
    victims: '3. الضحايا المزعومون',
    victimsIntro: 'الأشخاص أو الشعوب الذين انتُهكت حقوقهم المكفولة في الميثاق.',
    namedVictim: 'ضحية مزعومة مذكورة بموافقتها',
    facts: '4. الوقائع',
    factsIntro: 'عرض للوقائع، مع مكان كل واقعة وتاريخها.',
    factsRow: 'الوقائع',
    rights: '5. حقوق الميثاق المنتهكة (المادة 56(2))',
    rightsIntro: 'التوافق مع الميثاق: مواد الميثاق الأفريقي المحتج بها، وكيف انتُهكت كل منها.',
    rightsRow: 'مادة واحدة على الأقل من الميثاق محتج بها',
    argument: 'كيف انتُهكت {provision}',
    remedies: '6. سبل الانتصاف المحلية (المادة 56(5))',
    remediesIntro:
      'سبل الانتصاف المحلية المستنفدة، أو سبب عدم توفرها أو عدم فعاليتها أو إطالتها على نحو غير مبرر.',
    remediesRow: 'سبل الانتصاف المحلية مستنفدة أو مطوّلة على نحو غير مبرر',
    finalDecision: 'القرار المحلي النهائي',
    timeLimit: '7. المهلة المعقولة (المادة 56(6))',
    timeLimitIntro:
      'يجب تقديم البلاغ خلال مهلة معقولة من استنفاد سبل الانتصاف المحلية؛ وتعتمد اللجنة ستة أشهر معيارًا.',
    timeLimitRow: 'مقدَّم خلال مهلة معقولة',
    noFinalDecision:
      'سبل الانتصاف المحلية غير متاحة أو غير فعالة أو مطوّلة على نحو غير مبرر: لا يوجد قرار نهائي يُحسب منه؛ اشرح أي تأخير طويل منذ الوقائع.',
    sources: '8. المصادر (المادة 56(4))',
    sourcesIntro: 'يجب ألا يستند البلاغ حصرًا إلى أخبار تنشرها وسائل الإعلام الجماهيري.',
    sourcesRow: 'معلومات مباشرة (شهادة أو رواية شخص)',
    firstHand: 'نعم: تستند الوقائع إلى روايات مباشرة، لا إلى تقارير إعلامية وحدها.',
    otherProcedures: '9. الإجراءات الدولية الأخرى (المادة 56(7))',
    otherProceduresIntro: 'هل سوّت هيئة دولية أخرى المسألة، أو هل هي معروضة عليها.',
    otherProceduresRow: 'لم تسوّها هيئة دولية أخرى',
    settled: 'فصلت فيها هيئة دولية أخرى: {procedures}',
    language: '10. اللغة (المادة 56(3))',
    languageIntro:
      'يجب ألا يُكتب البلاغ بلغة مهينة أو مسيئة موجهة ضد الدولة أو مؤسساتها أو الاتحاد الأفريقي. وقد قورنت نصوص هذا البلاغ بقائمة قصيرة من هذه الكلمات بخمس لغات؛ ولم يُغيَّر شيء.',
    languageRow: 'لا لغة مهينة أو مسيئة',
    languageClear: 'لم تُوجد أي كلمة من القائمة.',
    insult: 'كلمة مهينة أو مسيئة «{word}» في {where}: أعد صياغتها',
    documents: '11. المستندات المرفقة',
    documentsRow: 'المستندات المرفقة',
    preparedBy: 'أعدّته {organisation} في {date}.',
    preparedOn: 'أُعدّ في {date}.',
  },
  ru: {
    title: 'Африканская комиссия по правам человека и народов: сообщение',
    noticeTitle: 'Как подать',
    notice:
      'Сообщение по статье 55 Африканской хартии прав человека и народов, изложенное в порядке условий статьи 56. Подпишите его и направьте в Секретариат Комиссии в Банжуле (Гамбия) почтой или по электронной почте с копиями перечисленных документов.',
    authors: '1. Авторы (статья 56(1))',
    authorsIntro:
      'Хартия требует указать авторов, даже если они просят об анонимности; Комиссия может тогда не раскрывать их личность государству.',
    organisation: 'Организация',
    address: 'Адрес для переписки',
    contact: 'Электронная почта и телефон',
    anonymityRow: 'Не раскрывать личность государству',
    anonymityAsked:
      'Да: авторы просят Комиссию не раскрывать их личность государству-ответчику. Они указаны здесь только потому, что этого требует статья 56(1).',
    anonymityNotAsked: 'Нет: личность авторов может быть раскрыта государству.',
    state: '2. Государство, о котором идёт речь',
    states: 'Государство-участник, считающееся ответственным',
    partyRow: 'Государство — участник Африканской хартии',
    notParty: 'Не участвует в Африканской хартии: {states}',
    victims: '3. Предполагаемые жертвы',
    victimsIntro: 'Лица или народы, чьи права по Хартии были нарушены.',
    namedVictim: 'Предполагаемая жертва, названная с её согласия',
    facts: '4. Факты',
    factsIntro: 'Изложение фактов с местом и датой каждого.',
    factsRow: 'Факты',
    rights: '5. Нарушенные права по Хартии (статья 56(2))',
    rightsIntro:
      'Совместимость с Хартией: статьи Африканской хартии, на которые делается ссылка, и как нарушена каждая.',
    rightsRow: 'Ссылка хотя бы на одну статью Хартии',
    argument: 'Как нарушена {provision}',
    remedies: '6. Внутренние средства защиты (статья 56(5))',
    remediesIntro:
      'Исчерпанные внутренние средства защиты или почему они были недоступны, неэффективны или чрезмерно затянуты.',
    remediesRow: 'Внутренние средства защиты исчерпаны или чрезмерно затянуты',
    finalDecision: 'Окончательное внутреннее решение',
    timeLimit: '7. Разумный срок (статья 56(6))',
    timeLimitIntro:
      'Сообщение должно быть подано в разумный срок после исчерпания внутренних средств защиты; Комиссия ориентируется на шесть месяцев.',
    timeLimitRow: 'Подано в разумный срок',
    noFinalDecision:
      'Внутренние средства защиты недоступны, неэффективны или чрезмерно затянуты: нет окончательного решения, от которого считать срок; объясните любую долгую задержку после событий.',
    sources: '8. Источники (статья 56(4))',
    sourcesIntro:
      'Сообщение не должно основываться исключительно на новостях, распространённых средствами массовой информации.',
    sourcesRow: 'Информация из первых рук (свидетельство или рассказ человека)',
    firstHand: 'Да: факты основаны на рассказах из первых рук, а не только на сообщениях прессы.',
    otherProcedures: '9. Другие международные процедуры (статья 56(7))',
    otherProceduresIntro:
      'Было ли дело урегулировано другим международным органом или находится ли на его рассмотрении.',
    otherProceduresRow: 'Не урегулировано другим международным органом',
    settled: 'Решено другим международным органом: {procedures}',
    language: '10. Формулировки (статья 56(3))',
    languageIntro:
      'Сообщение не должно содержать унизительных или оскорбительных выражений в адрес государства, его институтов или Африканского союза. Тексты этого сообщения сверены с кратким списком таких слов на пяти языках; ничего не изменено.',
    languageRow: 'Нет унизительных или оскорбительных выражений',
    languageClear: 'Ни одно слово из списка не найдено.',
    insult: 'Унизительное или оскорбительное слово «{word}» в разделе {where}: переформулируйте',
    documents: '11. Прилагаемые документы',
    documentsRow: 'Прилагаемые документы',
    preparedBy: 'Подготовлено {organisation} {date}.',
    preparedOn: 'Подготовлено {date}.',
  },
};
