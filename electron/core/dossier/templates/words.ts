import type { DossierLanguage } from '../../../../shared/dossier';
import { ACHPR_WORDS, type AchprWords } from './achprWords';
import { APPEAL_WORDS, type AppealWords } from './appealWords';
import { ECHR_WORDS, type EchrWords } from './echrWords';
import { IACHR_WORDS, type IachrWords } from './iachrWords';
import { REGIONAL_WORDS, type RegionalWords } from './regionalWords';
import { SP_WORDS, type SpWords } from './spWords';
import { WGAD_WORDS, type WgadWords } from './wgadWords';

/**
 * What the templates print, in each dossier language. Field labels follow the
 * wording of the WGAD model questionnaire; check them against the body's
 * current official form before relying on them in a filing.
 */
export interface Words {
  person: string; // "Person {n}"
  anonymousWitness: string;
  yes: string;
  no: string;
  unknown: string;
  ongoing: string;
  approximately: string; // "approximately {date}"
  before: string; // "before {date}"
  after: string; // "after {date}"
  dateUnknown: string;
  none: string;
  reference: string;
  generatedOn: string; // "Prepared on {date}"
  generic: {
    title: string;
    summary: string;
    status: string;
    countries: string;
    persons: string;
    events: string;
    testimonies: string;
    interventions: string;
    evidence: string;
    noRecords: string;
  };
  field: {
    name: string;
    roles: string;
    type: string;
    sex: string;
    age: string;
    birthDate: string;
    nationalities: string;
    identityDocuments: string;
    occupation: string;
    hrdWork: string;
    affiliation: string;
    residence: string;
    deceased: string;
    date: string;
    end: string;
    place: string;
    description: string;
    victims: string;
    perpetrators: string;
    sources: string;
    witness: string;
    takenOn: string;
    language: string;
    method: string;
    statement: string;
    translation: string;
    recipient: string;
    mechanism: string;
    sentOn: string;
    status: string;
    response: string;
    responseOn: string;
    outcome: string;
    followUp: string;
    file: string;
    copy: string;
    sha256: string;
    stripped: string;
    original: string;
  };
  wgad: WgadWords;
  appeal: AppealWords;
  echr: EchrWords;
  iachr: IachrWords;
  achpr: AchprWords;
  regional: RegionalWords;
  sp: SpWords;
}

const en: Words = {
  person: 'Person {n}',
  anonymousWitness: 'Anonymous witness',
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown',
  ongoing: 'ongoing',
  approximately: 'approximately {date}',
  before: 'before {date}',
  after: 'after {date}',
  dateUnknown: 'date unknown',
  none: 'None',
  reference: 'Reference',
  generatedOn: 'Prepared on {date}',
  generic: {
    title: 'Case report',
    summary: 'Summary',
    status: 'Status',
    countries: 'Countries',
    persons: 'Persons',
    events: 'Timeline of events',
    testimonies: 'Testimonies',
    interventions: 'Interventions',
    evidence: 'Evidence',
    noRecords: 'None recorded.',
  },
  field: {
    name: 'Name',
    roles: 'Role in the case',
    type: 'Type',
    sex: 'Sex / gender',
    age: 'Age',
    birthDate: 'Date of birth',
    nationalities: 'Nationality',
    identityDocuments: 'Identity document',
    occupation: 'Profession or activity',
    hrdWork: 'Human-rights work',
    affiliation: 'Affiliation',
    residence: 'Usual residence',
    deceased: 'Deceased',
    date: 'Date',
    end: 'Until',
    place: 'Place',
    description: 'Description',
    victims: 'Victims',
    perpetrators: 'Alleged perpetrators',
    sources: 'Sources',
    witness: 'Witness',
    takenOn: 'Date of the testimony',
    language: 'Language',
    method: 'How it was taken',
    statement: 'Statement',
    translation: 'Translation',
    recipient: 'Recipient',
    mechanism: 'Mechanism',
    sentOn: 'Sent on',
    status: 'Status',
    response: 'Response',
    responseOn: 'Response received on',
    outcome: 'Outcome',
    followUp: 'Follow-up due',
    file: 'File',
    copy: 'Copy',
    sha256: 'SHA-256',
    stripped: 'working copy (metadata removed)',
    original: 'original (unaltered)',
  },
  wgad: WGAD_WORDS.en,
  appeal: APPEAL_WORDS.en,
  echr: ECHR_WORDS.en,
  iachr: IACHR_WORDS.en,
  achpr: ACHPR_WORDS.en,
  regional: REGIONAL_WORDS.en,
  sp: SP_WORDS.en,
};

const es: Words = {
  person: 'Persona {n}',
  anonymousWitness: 'Testigo anónimo',
  yes: 'Sí',
  no: 'No',
  unknown: 'Se desconoce',
  ongoing: 'en curso',
  approximately: 'aproximadamente {date}',
  before: 'antes de {date}',
  after: 'después de {date}',
  dateUnknown: 'fecha desconocida',
  none: 'Ninguno',
  reference: 'Referencia',
  generatedOn: 'Preparado el {date}',
  generic: {
    title: 'Informe del caso',
    summary: 'Resumen',
    status: 'Estado',
    countries: 'Países',
    persons: 'Personas',
    events: 'Cronología de los hechos',
    testimonies: 'Testimonios',
    interventions: 'Intervenciones',
    evidence: 'Pruebas',
    noRecords: 'Nada registrado.',
  },
  field: {
    name: 'Nombre',
    roles: 'Papel en el caso',
    type: 'Tipo',
    sex: 'Sexo / género',
    age: 'Edad',
    birthDate: 'Fecha de nacimiento',
    nationalities: 'Nacionalidad',
    identityDocuments: 'Documento de identidad',
    occupation: 'Profesión o actividad',
    hrdWork: 'Labor de derechos humanos',
    affiliation: 'Afiliación',
    residence: 'Residencia habitual',
    deceased: 'Fallecido/a',
    date: 'Fecha',
    end: 'Hasta',
    place: 'Lugar',
    description: 'Descripción',
    victims: 'Víctimas',
    perpetrators: 'Presuntos responsables',
    sources: 'Fuentes',
    witness: 'Testigo',
    takenOn: 'Fecha del testimonio',
    language: 'Idioma',
    method: 'Cómo se tomó',
    statement: 'Declaración',
    translation: 'Traducción',
    recipient: 'Destinatario',
    mechanism: 'Mecanismo',
    sentOn: 'Enviado el',
    status: 'Estado',
    response: 'Respuesta',
    responseOn: 'Respuesta recibida el',
    outcome: 'Resultado',
    followUp: 'Seguimiento previsto',
    file: 'Archivo',
    copy: 'Copia',
    sha256: 'SHA-256',
    stripped: 'copia de trabajo (sin metadatos)',
    original: 'original (sin alterar)',
  },
  wgad: WGAD_WORDS.es,
  appeal: APPEAL_WORDS.es,
  echr: ECHR_WORDS.es,
  iachr: IACHR_WORDS.es,
  achpr: ACHPR_WORDS.es,
  regional: REGIONAL_WORDS.es,
  sp: SP_WORDS.es,
};

const fr: Words = {
  person: 'Personne {n}',
  anonymousWitness: 'Témoin anonyme',
  yes: 'Oui',
  no: 'Non',
  unknown: 'Inconnu',
  ongoing: 'en cours',
  approximately: 'vers {date}',
  before: 'avant le {date}',
  after: 'après le {date}',
  dateUnknown: 'date inconnue',
  none: 'Aucun',
  reference: 'Référence',
  generatedOn: 'Établi le {date}',
  generic: {
    title: 'Rapport de cas',
    summary: 'Résumé',
    status: 'Statut',
    countries: 'Pays',
    persons: 'Personnes',
    events: 'Chronologie des faits',
    testimonies: 'Témoignages',
    interventions: 'Interventions',
    evidence: 'Éléments de preuve',
    noRecords: 'Rien d’enregistré.',
  },
  field: {
    name: 'Nom',
    roles: 'Rôle dans l’affaire',
    type: 'Type',
    sex: 'Sexe / genre',
    age: 'Âge',
    birthDate: 'Date de naissance',
    nationalities: 'Nationalité',
    identityDocuments: 'Pièce d’identité',
    occupation: 'Profession ou activité',
    hrdWork: 'Action en faveur des droits humains',
    affiliation: 'Affiliation',
    residence: 'Résidence habituelle',
    deceased: 'Décédé(e)',
    date: 'Date',
    end: 'Jusqu’au',
    place: 'Lieu',
    description: 'Description',
    victims: 'Victimes',
    perpetrators: 'Auteurs présumés',
    sources: 'Sources',
    witness: 'Témoin',
    takenOn: 'Date du témoignage',
    language: 'Langue',
    method: 'Mode de recueil',
    statement: 'Déclaration',
    translation: 'Traduction',
    recipient: 'Destinataire',
    mechanism: 'Mécanisme',
    sentOn: 'Envoyé le',
    status: 'Statut',
    response: 'Réponse',
    responseOn: 'Réponse reçue le',
    outcome: 'Résultat',
    followUp: 'Suivi prévu',
    file: 'Fichier',
    copy: 'Copie',
    sha256: 'SHA-256',
    stripped: 'copie de travail (métadonnées supprimées)',
    original: 'original (non modifié)',
  },
  wgad: WGAD_WORDS.fr,
  appeal: APPEAL_WORDS.fr,
  echr: ECHR_WORDS.fr,
  iachr: IACHR_WORDS.fr,
  achpr: ACHPR_WORDS.fr,
  regional: REGIONAL_WORDS.fr,
  sp: SP_WORDS.fr,
};

const ar: Words = {
  person: 'الشخص {n}',
  anonymousWitness: 'شاهد مجهول الهوية',
  yes: 'نعم',
  no: 'لا',
  unknown: 'غير معروف',
  ongoing: 'مستمر',
  approximately: 'نحو {date}',
  before: 'قبل {date}',
  after: 'بعد {date}',
  dateUnknown: 'التاريخ غير معروف',
  none: 'لا شيء',
  reference: 'المرجع',
  generatedOn: 'أُعدّ في {date}',
  generic: {
    title: 'تقرير الحالة',
    summary: 'ملخص',
    status: 'الحالة',
    countries: 'البلدان',
    persons: 'الأشخاص',
    events: 'التسلسل الزمني للأحداث',
    testimonies: 'الشهادات',
    interventions: 'التدخلات',
    evidence: 'الأدلة',
    noRecords: 'لا شيء مسجل.',
  },
  field: {
    name: 'الاسم',
    roles: 'الدور في الحالة',
    type: 'النوع',
    sex: 'الجنس / النوع الاجتماعي',
    age: 'العمر',
    birthDate: 'تاريخ الميلاد',
    nationalities: 'الجنسية',
    identityDocuments: 'وثيقة الهوية',
    occupation: 'المهنة أو النشاط',
    hrdWork: 'العمل في مجال حقوق الإنسان',
    affiliation: 'الانتماء',
    residence: 'محل الإقامة المعتاد',
    deceased: 'متوفى',
    date: 'التاريخ',
    end: 'حتى',
    place: 'المكان',
    description: 'الوصف',
    victims: 'الضحايا',
    perpetrators: 'الجناة المزعومون',
    sources: 'المصادر',
    witness: 'الشاهد',
    takenOn: 'تاريخ الشهادة',
    language: 'اللغة',
    method: 'طريقة أخذ الشهادة',
    statement: 'الإفادة',
    translation: 'الترجمة',
    recipient: 'الجهة المرسل إليها',
    mechanism: 'الآلية',
    sentOn: 'تاريخ الإرسال',
    status: 'الحالة',
    response: 'الرد',
    responseOn: 'تاريخ تلقي الرد',
    outcome: 'النتيجة',
    followUp: 'موعد المتابعة',
    file: 'الملف',
    copy: 'النسخة',
    sha256: 'SHA-256',
    stripped: 'نسخة عمل (أزيلت البيانات الوصفية)',
    original: 'الأصل (دون تعديل)',
  },
  wgad: WGAD_WORDS.ar,
  appeal: APPEAL_WORDS.ar,
  echr: ECHR_WORDS.ar,
  iachr: IACHR_WORDS.ar,
  achpr: ACHPR_WORDS.ar,
  regional: REGIONAL_WORDS.ar,
  sp: SP_WORDS.ar,
};

const ru: Words = {
  person: 'Лицо {n}',
  anonymousWitness: 'Анонимный свидетель',
  yes: 'Да',
  no: 'Нет',
  unknown: 'Неизвестно',
  ongoing: 'продолжается',
  approximately: 'приблизительно {date}',
  before: 'до {date}',
  after: 'после {date}',
  dateUnknown: 'дата неизвестна',
  none: 'Нет',
  reference: 'Номер',
  generatedOn: 'Подготовлено {date}',
  generic: {
    title: 'Отчёт по делу',
    summary: 'Краткое изложение',
    status: 'Статус',
    countries: 'Страны',
    persons: 'Лица',
    events: 'Хронология событий',
    testimonies: 'Свидетельские показания',
    interventions: 'Обращения',
    evidence: 'Доказательства',
    noRecords: 'Нет записей.',
  },
  field: {
    name: 'Имя',
    roles: 'Роль в деле',
    type: 'Тип',
    sex: 'Пол / гендер',
    age: 'Возраст',
    birthDate: 'Дата рождения',
    nationalities: 'Гражданство',
    identityDocuments: 'Документ, удостоверяющий личность',
    occupation: 'Профессия или род деятельности',
    hrdWork: 'Правозащитная деятельность',
    affiliation: 'Принадлежность к организации',
    residence: 'Обычное место жительства',
    deceased: 'Скончался(-ась)',
    date: 'Дата',
    end: 'До',
    place: 'Место',
    description: 'Описание',
    victims: 'Пострадавшие',
    perpetrators: 'Предполагаемые виновные',
    sources: 'Источники',
    witness: 'Свидетель',
    takenOn: 'Дата показаний',
    language: 'Язык',
    method: 'Как получены',
    statement: 'Показания',
    translation: 'Перевод',
    recipient: 'Адресат',
    mechanism: 'Механизм',
    sentOn: 'Отправлено',
    status: 'Статус',
    response: 'Ответ',
    responseOn: 'Ответ получен',
    outcome: 'Результат',
    followUp: 'Срок контроля',
    file: 'Файл',
    copy: 'Копия',
    sha256: 'SHA-256',
    stripped: 'рабочая копия (метаданные удалены)',
    original: 'оригинал (без изменений)',
  },
  wgad: WGAD_WORDS.ru,
  appeal: APPEAL_WORDS.ru,
  echr: ECHR_WORDS.ru,
  iachr: IACHR_WORDS.ru,
  achpr: ACHPR_WORDS.ru,
  regional: REGIONAL_WORDS.ru,
  sp: SP_WORDS.ru,
};

export const WORDS: Record<DossierLanguage, Words> = { en, es, fr, ar, ru };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
