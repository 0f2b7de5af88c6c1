import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the Special Procedures communication prints, in each dossier
 * language: the sections OHCHR's submission form asks for (alleged victims,
 * the violations and their link to human-rights work, alleged perpetrators,
 * action by the authorities, consent, the confidential submitter) and the
 * checklist's labels, which are the same words.
 */
export interface SpWords {
  title: string;
  /** An urgent appeal is asked for (ongoing or imminent violations). */
  urgent: string;
  /** An allegation letter is asked for (violations that have taken place). */
  allegation: string;
  mandates: string;
  states: string;
  victims: string;
  /** An organisation's nature and scope of work. */
  natureOfWork: string;
  violations: string;
  /** "Violation {n}". */
  violation: string;
  hrdLink: string;
  perpetrators: string;
  authorities: string;
  finalDecision: string;
  decidedOn: string;
  notifiedOn: string;
  remedies: string;
  remedyStatus: Record<'exhausted' | 'pending' | 'unavailable' | 'ineffective', string>;
  steps: string;
  whyNot: string;
  informedOfRisk: string;
  informedHow: string;
  otherProcedures: string;
  procedureStatus: Record<'pending' | 'decided' | 'closed' | 'withdrawn', string>;
  consent: string;
  knowsGovernment: string;
  publicName: string;
  fullName: string;
  initials: string;
  pseudonym: string;
  submitter: string;
  confidential: string;
  submittedOn: string;
  /** Checklist labels. */
  identifiedVictim: string;
  identifiedSubmitter: string;
  firstHand: string;
}

export const SP_WORDS: Record<DossierLanguage, SpWords> = {
  en: {
    title: 'Communication to the United Nations Special Procedures',
    urgent: 'Urgent appeal requested: the violations are ongoing or imminent.',
    allegation: 'Allegation letter requested: the violations have taken place.',
    mandates: 'Mandates addressed',
    states: 'State(s) concerned',
    victims: 'Alleged victims',
    natureOfWork: 'Nature and scope of work',
    violations: 'The alleged violations',
    violation: 'Violation {n}',
    hrdLink: 'How the violations relate to the victims’ human rights work',
    perpetrators: 'Alleged perpetrators',
    authorities: 'Action taken by the authorities',
    finalDecision: 'Final domestic decision',
    decidedOn: 'Decided on',
    notifiedOn: 'Notified on',
    remedies: 'Domestic remedies',
    remedyStatus: {
      exhausted: 'Exhausted',
      pending: 'Pending',
      unavailable: 'Unavailable',
      ineffective: 'Ineffective',
    },
    steps: 'Steps taken and their results',
    whyNot: 'Why remedies were not pursued or were ineffective',
    informedOfRisk: 'The authorities were informed of the risk',
    informedHow: 'When, how, and their response',
    otherProcedures: 'Other international procedures',
    procedureStatus: {
      pending: 'pending',
      decided: 'decided',
      closed: 'closed',
      withdrawn: 'withdrawn',
    },
    consent: 'Consent',
    knowsGovernment: 'The victim knows that the Government will be contacted',
    publicName: 'Name in the public report',
    fullName: 'full name',
    initials: 'initials',
    pseudonym: 'pseudonym',
    submitter: 'Submitter (confidential)',
    confidential:
      'For OHCHR only: the identity of the source is kept confidential and is not transmitted to the Government.',
    submittedOn: 'Submitted on {date}.',
    identifiedVictim: 'An identified alleged victim (anonymous communications are not considered)',
    identifiedSubmitter: 'An identified submitter (anonymous communications are not considered)',
    firstHand: 'A first-hand source (a testimony or a witness), not media reports alone',
  },
  es: {
    title: 'Comunicación a los procedimientos especiales de las Naciones Unidas',
    urgent: 'Se solicita un llamamiento urgente: las violaciones continúan o son inminentes.',
    allegation: 'Se solicita una carta de denuncia: las violaciones ya se han producido.',
    mandates: 'Mandatos a los que se dirige',
    states: 'Estado(s) concernido(s)',
    victims: 'Presuntas víctimas',
    natureOfWork: 'Naturaleza y alcance de su labor',
    violations: 'Las presuntas violaciones',
    violation: 'Violación {n}',
    hrdLink: 'Relación de las violaciones con la labor de derechos humanos de las víctimas',
    perpetrators: 'Presuntos autores',
    authorities: 'Medidas adoptadas por las autoridades',
    finalDecision: 'Decisión interna definitiva',
    decidedOn: 'Fecha de la decisión',
    notifiedOn: 'Fecha de notificación',
    remedies: 'Recursos internos',
    remedyStatus: {
      exhausted: 'Agotados',
      pending: 'En trámite',
      unavailable: 'No disponibles',
      ineffective: 'Ineficaces',
    },
    steps: 'Gestiones realizadas y sus resultados',
    whyNot: 'Por qué no se interpusieron recursos o resultaron ineficaces',
    informedOfRisk: 'Se informó a las autoridades del riesgo',
    informedHow: 'Cuándo, cómo y su respuesta',
    otherProcedures: 'Otros procedimientos internacionales',
    procedureStatus: {
      pending: 'en trámite',
      decided: 'resuelto',
      closed: 'cerrado',
      withdrawn: 'retirado',
    },
    consent: 'Consentimiento',
    knowsGovernment: 'La víctima sabe que se contactará al Gobierno',
    publicName: 'Nombre en el informe público',
    fullName: 'nombre completo',
    initials: 'iniciales',
    pseudonym: 'seudónimo',
    submitter: 'Remitente (confidencial)',
    confidential:
      'Solo para el ACNUDH: la identidad de la fuente se mantiene confidencial y no se transmite al Gobierno.',
    submittedOn: 'Presentada el {date}.',
    identifiedVictim: 'Una presunta víctima identificada (no se examinan comunicaciones anónimas)',
    identifiedSubmitter: 'Un remitente identificado (no se examinan comunicaciones anónimas)',
    firstHand: 'Una fuente directa (un testimonio o un testigo), no solo informaciones de prensa',
  },
  fr: {
    title: 'Communication aux procédures spéciales des Nations Unies',
    urgent: 'Appel urgent demandé\u202f: les violations se poursuivent ou sont imminentes.',
    allegation: 'Lettre d’allégation demandée\u202f: les violations ont eu lieu.',
    mandates: 'Mandats saisis',
    states: 'État(s) concerné(s)',
    victims: 'Victimes présumées',
    natureOfWork: 'Nature et portée de son action',
    violations: 'Les violations alléguées',
    violation: 'Violation {n}',
    hrdLink: 'Lien entre les violations et l’action des victimes en faveur des droits humains',
    perpetrators: 'Auteurs présumés',
    authorities: 'Mesures prises par les autorités',
    finalDecision: 'Décision interne définitive',
    decidedOn: 'Rendue le',
    notifiedOn: 'Notifiée le',
    remedies: 'Recours internes',
    remedyStatus: {
      exhausted: 'Épuisés',
      pending: 'En cours',
      unavailable: 'Indisponibles',
      ineffective: 'Inefficaces',
    },
    steps: 'Démarches entreprises et leurs résultats',
    whyNot: 'Pourquoi les recours n’ont pas été exercés ou ont été inefficaces',
    informedOfRisk: 'Les autorités ont été informées du risque',
    informedHow: 'Quand, comment, et leur réponse',
    otherProcedures: 'Autres procédures internationales',
    procedureStatus: {
      pending: 'en cours',
      decided: 'tranchée',
      closed: 'close',
      withdrawn: 'retirée',
    },
    consent: 'Consentement',
    knowsGovernment: 'La victime sait que le gouvernement sera contacté',
    publicName: 'Nom dans le rapport public',
    fullName: 'nom complet',
    initials: 'initiales',
    pseudonym: 'pseudonyme',
    submitter: 'Auteur de la communication (confidentiel)',
    confidential:
      'Réservé au HCDH\u202f: l’identité de la source reste confidentielle et n’est pas communiquée au gouvernement.',
    submittedOn: 'Présentée le {date}.',
    identifiedVictim:
      'Une victime présumée identifiée (les communications anonymes ne sont pas examinées)',
    identifiedSubmitter: 'Un auteur identifié (les communications anonymes ne sont pas examinées)',
    firstHand:
      'Une source directe (un témoignage ou un témoin), pas seulement des articles de presse',
  },
  ar: {
    title: 'بلاغ إلى الإجراءات الخاصة للأمم المتحدة',
    urgent: 'يطلب توجيه نداء عاجل: الانتهاكات مستمرة أو وشيكة.',
    allegation: 'يطلب توجيه رسالة ادعاء: الانتهاكات وقعت بالفعل.',
    mandates: 'الولايات الموجه إليها البلاغ',
    states: 'الدولة أو الدول المعنية',
    victims: 'الضحايا المزعومون',
    natureOfWork: 'طبيعة العمل ونطاقه',
    violations: 'الانتهاكات المزعومة',
    violation: 'الانتهاك {n}',
    hrdLink: 'صلة الانتهاكات بعمل الضحايا في مجال حقوق الإنسان',
    perpetrators: 'الجناة المزعومون',
    authorities: 'الإجراءات التي اتخذتها السلطات',
    finalDecision: 'القرار المحلي النهائي',
    decidedOn: 'تاريخ صدوره',
    notifiedOn: 'تاريخ الإخطار به',
    remedies: 'سبل الانتصاف المحلية',
    remedyStatus: {
      exhausted: 'استنفدت',
      pending: 'قيد النظر',
      unavailable: 'غير متاحة',
      ineffective: 'غير فعالة',
    },
    steps: 'الخطوات المتخذة ونتائجها',
    whyNot: 'أسباب عدم اللجوء إلى سبل الانتصاف أو عدم فعاليتها',
    informedOfRisk: 'أبلغت السلطات بالخطر',
    informedHow: 'متى وكيف، وما كان ردها',
    otherProcedures: 'إجراءات دولية أخرى',
    procedureStatus: {
      pending: 'قيد النظر',
      decided: 'صدر فيه قرار',
      closed: 'أغلق',
      withdrawn: 'سحب',
    },
    consent: 'الموافقة',
    knowsGovernment: 'تعلم الضحية أنه سيجري الاتصال بالحكومة',
    publicName: 'الاسم في التقرير العلني',
    fullName: 'الاسم الكامل',
    initials: 'الأحرف الأولى',
    pseudonym: 'اسم مستعار',
    submitter: 'مقدم البلاغ (سري)',
    confidential: 'للمفوضية السامية لحقوق الإنسان فقط: تبقى هوية المصدر سرية ولا تحال إلى الحكومة.',
    submittedOn: 'قدم في {date}.',
    identifiedVictim: 'ضحية مزعومة محددة الهوية (لا ينظر في البلاغات مجهولة المصدر)',
    identifiedSubmitter: 'مقدم بلاغ محدد الهوية (لا ينظر في البلاغات مجهولة المصدر)',
    firstHand: 'مصدر مباشر (شهادة أو شاهد)، لا تقارير إعلامية فحسب',
  },
  ru: {
    title: 'Сообщение в специальные процедуры Организации Объединённых Наций',
    urgent: 'Просьба о срочном призыве: нарушения продолжаются или неминуемы.',
    allegation: 'Просьба о письме с утверждениями: нарушения уже совершены.',
    mandates: 'Мандаты, которым адресовано сообщение',
    states: 'Государство (государства)',
    victims: 'Предполагаемые жертвы',
    natureOfWork: 'Характер и сфера деятельности',
    violations: 'Предполагаемые нарушения',
    violation: 'Нарушение {n}',
    hrdLink: 'Связь нарушений с правозащитной деятельностью жертв',
    perpetrators: 'Предполагаемые виновные',
    authorities: 'Меры, принятые властями',
    finalDecision: 'Окончательное внутреннее решение',
    decidedOn: 'Дата решения',
    notifiedOn: 'Дата вручения',
    remedies: 'Внутренние средства правовой защиты',
    remedyStatus: {
      exhausted: 'Исчерпаны',
      pending: 'На рассмотрении',
      unavailable: 'Недоступны',
      ineffective: 'Неэффективны',
    },
    steps: 'Предпринятые шаги и их результаты',
    whyNot: 'Почему средства защиты не использовались или оказались неэффективными',
    informedOfRisk: 'Власти были уведомлены об угрозе',
    informedHow: 'Когда, как и каков был ответ',
    otherProcedures: 'Другие международные процедуры',
    procedureStatus: {
      pending: 'на рассмотрении',
      decided: 'вынесено решение',
      closed: 'закрыто',
      withdrawn: 'отозвано',
    },
    consent: 'Согласие',
    knowsGovernment: 'Жертва знает, что с правительством свяжутся',
    publicName: 'Имя в публичном докладе',
    fullName: 'полное имя',
    initials: 'инициалы',
    pseudonym: 'псевдоним',
    submitter: 'Автор сообщения (конфиденциально)',
    confidential:
      'Только для УВКПЧ: личность источника остаётся конфиденциальной и не сообщается правительству.',
    submittedOn: 'Представлено {date}.',
    identifiedVictim:
      'Установленная предполагаемая жертва (анонимные сообщения не рассматриваются)',
    identifiedSubmitter: 'Установленный автор сообщения (анонимные сообщения не рассматриваются)',
    firstHand: 'Первичный источник (показания или свидетель), а не только сообщения СМИ',
  },
};
