import { labels, term, type Vocabulary } from './types';

// The consent vocabularies are closed: exporters act on each term's meaning,
// so an organisation cannot add a scope or a naming rule they would not know.

export const consentScope: Vocabulary = {
  name: 'consent-scope',
  version: 2,
  extensible: false,
  title: labels(
    'Consent: where it may go',
    'Consentimiento: alcance',
    'Consentement : portée',
    'الموافقة: النطاق',
    'Согласие: пределы',
  ),
  terms: [
    term(
      'internal-only',
      'Internal use only',
      'Solo uso interno',
      'Usage interne uniquement',
      'للاستخدام الداخلي فقط',
      'Только для внутреннего использования',
    ),
    term(
      'partners',
      'Partner organisations only',
      'Solo organizaciones aliadas',
      'Organisations partenaires uniquement',
      'المنظمات الشريكة فقط',
      'Только партнёрские организации',
    ),
    term(
      'named-mechanisms',
      'Named mechanisms only',
      'Solo los mecanismos indicados',
      'Uniquement les mécanismes nommés',
      'الآليات المحددة فقط',
      'Только указанные механизмы',
    ),
    term('public', 'Public', 'Público', 'Public', 'علني', 'Публично'),
  ],
};

export const consentNaming: Vocabulary = {
  name: 'consent-naming',
  version: 1,
  extensible: false,
  title: labels(
    'Name in outputs',
    'Nombre en los documentos',
    'Nom dans les documents',
    'الاسم في المخرجات',
    'Имя в материалах',
  ),
  terms: [
    term('name', 'Full name', 'Nombre completo', 'Nom complet', 'الاسم الكامل', 'Полное имя'),
    term(
      'initials',
      'Initials only',
      'Solo iniciales',
      'Initiales uniquement',
      'الأحرف الأولى فقط',
      'Только инициалы',
    ),
    term('pseudonym', 'Pseudonym', 'Seudónimo', 'Pseudonyme', 'اسم مستعار', 'Псевдоним'),
    term('none', 'Not named', 'Sin nombre', 'Non nommé·e', 'دون ذكر الاسم', 'Без имени'),
  ],
};

export const consentGivenBy: Vocabulary = {
  name: 'consent-given-by',
  version: 1,
  extensible: false,
  title: labels(
    'Consent given by',
    'Consentimiento otorgado por',
    'Consentement donné par',
    'الموافقة صادرة عن',
    'Согласие дано',
  ),
  terms: [
    term(
      'self',
      'The person themselves',
      'La propia persona',
      'La personne elle-même',
      'الشخص نفسه',
      'Самим человеком',
    ),
    term(
      'family-member',
      'A family member',
      'Un familiar',
      'Un membre de la famille',
      'أحد أفراد العائلة',
      'Членом семьи',
    ),
    term(
      'legal-representative',
      'A legal representative',
      'Un representante legal',
      'Un représentant légal',
      'ممثل قانوني',
      'Законным представителем',
    ),
  ],
};

export const consentForm: Vocabulary = {
  name: 'consent-form',
  version: 1,
  extensible: false,
  title: labels(
    'How consent was given',
    'Forma del consentimiento',
    'Forme du consentement',
    'شكل الموافقة',
    'Форма согласия',
  ),
  terms: [
    term('oral', 'Oral', 'Verbal', 'Orale', 'شفهية', 'Устное'),
    term('written', 'Written', 'Por escrito', 'Écrite', 'كتابية', 'Письменное'),
    term(
      'recorded',
      'Recorded (audio or video)',
      'Grabado (audio o vídeo)',
      'Enregistrée (audio ou vidéo)',
      'مسجَّلة (صوت أو فيديو)',
      'Записанное (аудио или видео)',
    ),
  ],
};

/** The bodies a case may be sent to; consent names them, interventions record them. */
export const mechanism: Vocabulary = {
  name: 'mechanism',
  version: 1,
  extensible: true,
  title: labels('Mechanism', 'Mecanismo', 'Mécanisme', 'الآلية', 'Механизм'),
  terms: [
    term(
      'wgad',
      'UN Working Group on Arbitrary Detention',
      'Grupo de Trabajo de la ONU sobre la Detención Arbitraria',
      "Groupe de travail de l'ONU sur la détention arbitraire",
      'الفريق العامل المعني بالاحتجاز التعسفي التابع للأمم المتحدة',
      'Рабочая группа ООН по произвольным задержаниям',
    ),
    term(
      'wgeid',
      'UN Working Group on Enforced or Involuntary Disappearances',
      'Grupo de Trabajo de la ONU sobre Desapariciones Forzadas o Involuntarias',
      "Groupe de travail de l'ONU sur les disparitions forcées ou involontaires",
      'الفريق العامل المعني بحالات الاختفاء القسري أو غير الطوعي',
      'Рабочая группа ООН по насильственным или недобровольным исчезновениям',
    ),
    term(
      'sr-hrd',
      'UN Special Rapporteur on human rights defenders',
      'Relatoría Especial de la ONU sobre los defensores de derechos humanos',
      "Rapporteur spécial de l'ONU sur les défenseurs des droits de l'homme",
      'المقرر الخاص للأمم المتحدة المعني بحالة المدافعين عن حقوق الإنسان',
      'Специальный докладчик ООН по вопросу о положении правозащитников',
    ),
    term(
      'sr-torture',
      'UN Special Rapporteur on torture',
      'Relatoría Especial de la ONU sobre la tortura',
      "Rapporteur spécial de l'ONU sur la torture",
      'المقرر الخاص للأمم المتحدة المعني بالتعذيب',
      'Специальный докладчик ООН по вопросу о пытках',
    ),
    term(
      'sr-expression',
      'UN Special Rapporteur on freedom of expression',
      'Relatoría Especial de la ONU sobre la libertad de expresión',
      "Rapporteur spécial de l'ONU sur la liberté d'expression",
      'المقرر الخاص للأمم المتحدة المعني بحرية الرأي والتعبير',
      'Специальный докладчик ООН по вопросу о свободе мнений и их свободном выражении',
    ),
    term(
      'un-special-procedures',
      'Other UN Special Procedures',
      'Otros procedimientos especiales de la ONU',
      "Autres procédures spéciales de l'ONU",
      'الإجراءات الخاصة الأخرى للأمم المتحدة',
      'Другие специальные процедуры ООН',
    ),
    term(
      'un-treaty-body',
      'UN treaty body',
      'Órgano de tratado de la ONU',
      "Organe conventionnel de l'ONU",
      'هيئة معاهدات تابعة للأمم المتحدة',
      'Договорный орган ООН',
    ),
    term(
      'iachr',
      'Inter-American Commission on Human Rights',
      'Comisión Interamericana de Derechos Humanos',
      "Commission interaméricaine des droits de l'homme",
      'لجنة البلدان الأمريكية لحقوق الإنسان',
      'Межамериканская комиссия по правам человека',
    ),
    term(
      'achpr',
      "African Commission on Human and Peoples' Rights",
      'Comisión Africana de Derechos Humanos y de los Pueblos',
      "Commission africaine des droits de l'homme et des peuples",
      'اللجنة الأفريقية لحقوق الإنسان والشعوب',
      'Африканская комиссия по правам человека и народов',
    ),
    term(
      'echr',
      'European Court of Human Rights',
      'Tribunal Europeo de Derechos Humanos',
      "Cour européenne des droits de l'homme",
      'المحكمة الأوروبية لحقوق الإنسان',
      'Европейский суд по правам человека',
    ),
    term(
      'partner-ngos',
      'Partner organisations (urgent appeals)',
      'Organizaciones aliadas (acciones urgentes)',
      'Organisations partenaires (appels urgents)',
      'المنظمات الشريكة (النداءات العاجلة)',
      'Партнёрские организации (срочные призывы)',
    ),
    term(
      'national-authorities',
      'National authorities',
      'Autoridades nacionales',
      'Autorités nationales',
      'السلطات الوطنية',
      'Национальные органы власти',
    ),
  ],
};
