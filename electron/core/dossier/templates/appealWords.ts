import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the urgent appeal prints, in each dossier language: the headings of
 * the one page NGO networks publish (who, what happened, who is responsible,
 * what is asked of the authorities, to whom to write) and the checklist's
 * labels, which are the same words.
 */
export interface AppealWords {
  title: string;
  who: string;
  /** A defender's work as a defender (the human-rights work recorded, and the profession). */
  work: string;
  organisation: string;
  /** The checklist's item when no defender may be named: "A defender named with consent to publication". */
  namedDefender: string;
  what: string;
  /** The checklist's item when the case holds no facts: "What happened". */
  facts: string;
  responsible: string;
  requests: string;
  requestsIntro: string;
  addressees: string;
  /** "Issued by {organisation} on {date}." */
  issuedBy: string;
  /** "Issued on {date}." (no organisation profile). */
  issuedOn: string;
  /** The checklist's item on length: "Fits on one page ({pages} now)". */
  onePage: string;
}

export const APPEAL_WORDS: Record<DossierLanguage, AppealWords> = {
  en: {
    title: 'Urgent appeal',
    who: 'Human rights defenders at risk',
    work: 'Work as a defender',
    organisation: 'Organisation',
    namedDefender: 'A defender named with consent to publication',
    what: 'What happened',
    facts: 'What happened',
    responsible: 'Who is responsible',
    requests: 'What we ask of the authorities',
    requestsIntro: 'Please write to the authorities below, urging them to:',
    addressees: 'Write to',
    issuedBy: 'Issued by {organisation} on {date}.',
    issuedOn: 'Issued on {date}.',
    onePage: 'Fits on one page ({pages} now)',
  },
  es: {
    title: 'Llamamiento urgente',
    who: 'Personas defensoras de derechos humanos en riesgo',
    work: 'Labor como persona defensora',
    organisation: 'Organización',
    namedDefender: 'Una persona defensora nombrada con su consentimiento a la publicación',
    what: 'Los hechos',
    facts: 'Los hechos',
    responsible: 'Presuntos responsables',
    requests: 'Lo que pedimos a las autoridades',
    requestsIntro: 'Escriban a las autoridades indicadas abajo, instándolas a:',
    addressees: 'Escribir a',
    issuedBy: 'Emitido por {organisation} el {date}.',
    issuedOn: 'Emitido el {date}.',
    onePage: 'Cabe en una página (ahora {pages})',
  },
  fr: {
    title: 'Appel urgent',
    who: 'Défenseurs des droits humains en danger',
    work: 'Action de défense des droits humains',
    organisation: 'Organisation',
    namedDefender: 'Un défenseur nommé avec son consentement à la publication',
    what: 'Les faits',
    facts: 'Les faits',
    responsible: 'Responsables présumés',
    requests: 'Ce que nous demandons aux autorités',
    requestsIntro: 'Écrivez aux autorités ci-dessous pour les exhorter à\u202f:',
    addressees: 'Écrire à',
    issuedBy: 'Publié par {organisation} le {date}.',
    issuedOn: 'Publié le {date}.',
    onePage: 'Tient sur une page ({pages} actuellement)',
  },
  ar: {
    title: 'نداء عاجل',
    who: 'المدافعون عن حقوق الإنسان المعرضون للخطر',
    work: 'العمل في الدفاع عن حقوق الإنسان',
    organisation: 'المنظمة',
    namedDefender: 'مدافع مذكور باسمه بموافقته على النشر',
    what: 'ما حدث',
    facts: 'ما حدث',
    responsible: 'الجهات المسؤولة',
    requests: 'ما نطلبه من السلطات',
    requestsIntro: 'يرجى الكتابة إلى السلطات المذكورة أدناه وحثها على ما يلي:',
    addressees: 'يرجى الكتابة إلى',
    issuedBy: 'صادر عن {organisation} في {date}.',
    issuedOn: 'صادر في {date}.',
    onePage: 'لا يتجاوز صفحة واحدة (حاليًا {pages})',
  },
  ru: {
    title: 'Срочный призыв',
    who: 'Правозащитники под угрозой',
    work: 'Правозащитная деятельность',
    organisation: 'Организация',
    namedDefender: 'Правозащитник, названный с его согласия на публикацию',
    what: 'Что произошло',
    facts: 'Что произошло',
    responsible: 'Кто несёт ответственность',
    requests: 'Чего мы требуем от властей',
    requestsIntro: 'Пожалуйста, напишите властям, указанным ниже, и призовите их:',
    addressees: 'Кому писать',
    issuedBy: 'Выпущено: {organisation}, {date}.',
    issuedOn: 'Выпущено {date}.',
    onePage: 'Умещается на одной странице (сейчас страниц: {pages})',
  },
};
