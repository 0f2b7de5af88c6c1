import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the European Court template prints, in each dossier language: the
 * sections of the Court's application form (Rule 47 of the Rules of Court,
 * form version 2021 and later: A, B, C, E, F, G, H, I), the material's
 * warning that only the official form is examined, and the checklist's
 * labels, which are the same words. The Court's official languages are
 * English and French; the others serve the lawyer who transfers the material.
 */
export interface EchrWords {
  title: string;
  /** Between the applicant and the State in the case's name: "v.", "c.", "ضد". */
  versus: string;
  noticeTitle: string;
  notice: string;
  applicant: string;
  applicantIntro: string;
  /** The checklist's item when no one may be named as applicant: "An applicant named in full with consent". */
  namedApplicant: string;
  /** "Full name". */
  name: string;
  /** The gap when consent shows only initials: "Full name (consent for the Court allows only initials or a pseudonym)". */
  fullName: string;
  address: string;
  state: string;
  states: string;
  representative: string;
  representativeIntro: string;
  organisation: string;
  contact: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  violations: string;
  violationsIntro: string;
  /** The checklist's item when no complaint is written: "At least one complaint, with the Article invoked". */
  violationsRow: string;
  /** "How {provision} was infringed". */
  argument: string;
  admissibility: string;
  admissibilityIntro: string;
  finalDecision: string;
  remedies: string;
  timeLimit: string;
  /** "Final decision on {decision}: the four months end on {due}". */
  dueOn: string;
  /** "{days} days left" / "{days} days late". */
  daysLeft: string;
  daysLate: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  documents: string;
  documentsIntro: string;
  documentsRow: string;
  /** The checklist's item on length: "Within the 20 pages of an annex ({pages} now)". */
  length: string;
  /** "Prepared by {organisation} on {date}." / "Prepared on {date}." */
  preparedBy: string;
  preparedOn: string;
}

export const ECHR_WORDS: Record<DossierLanguage, EchrWords> = {
  en: {
    title: 'European Court of Human Rights: material for the application form',
    versus: 'v.',
    noticeTitle: 'To transfer into the official application form',
    notice:
      "This is not an application. Only the Court's official application form (Rule 47 of the Rules of Court), filled in completely and signed, is examined; an incomplete form is not. Each section below follows the form's own: transfer it into the matching section. Any additional document setting out the facts and complaints may not exceed 20 pages; annex copies of the decisions.",
    applicant: 'A. The applicant',
    applicantIntro: 'Name, date of birth, nationality and address of each applicant.',
    namedApplicant: 'An applicant named in full with consent',
    name: 'Full name',
    fullName: 'Full name (consent for the Court allows only initials or a pseudonym)',
    address: 'Address',
    state: 'B. State(s) against which the application is directed',
    states: 'Respondent State(s)',
    representative: 'C. Representative of the applicant',
    representativeIntro:
      'The representative signs the authority section of the form with the applicant.',
    organisation: 'Organisation',
    contact: 'E-mail and telephone',
    facts: 'E. Statement of the facts',
    factsIntro: 'A concise statement of the facts, in the order they happened.',
    factsRow: 'The facts',
    violations:
      'F. Statement of alleged violation(s) of the Convention and/or Protocols and relevant arguments',
    violationsIntro: 'For each complaint, the Article invoked and how it was infringed.',
    violationsRow: 'At least one complaint, with the Article invoked',
    argument: 'How {provision} was infringed',
    admissibility:
      'G. Compliance with the admissibility criteria of Article 35 § 1 of the Convention',
    admissibilityIntro:
      'Domestic remedies used, the final domestic decision, and the four-month time limit.',
    finalDecision: 'Final domestic decision (date)',
    remedies: 'Domestic remedies exhausted',
    timeLimit: 'Four-month time limit',
    dueOn: 'Final decision on {decision}: the four months end on {due}',
    daysLeft: '{days} days left',
    daysLate: '{days} days late',
    otherProcedures: 'H. Information concerning other international proceedings',
    otherProceduresIntro:
      'Whether the complaints have been submitted to another international procedure.',
    otherProceduresRow: 'Other international proceedings',
    documents: 'I. List of accompanying documents',
    documentsIntro: 'Copies of the decisions and of the documents that support the complaints.',
    documentsRow: 'Accompanying documents',
    length: 'Within the 20 pages of an annex ({pages} now)',
    preparedBy: 'Prepared by {organisation} on {date}.',
    preparedOn: 'Prepared on {date}.',
  },
  es: {
    title: 'Tribunal Europeo de Derechos Humanos: material para el formulario de demanda',
    versus: 'c.',
    noticeTitle: 'Para trasladar al formulario oficial de demanda',
    notice:
      'Esto no es una demanda. Solo se examina el formulario oficial de demanda del Tribunal (artículo 47 del Reglamento del Tribunal), cumplimentado en su totalidad y firmado; un formulario incompleto no se examina. Cada sección de abajo sigue la del formulario: trasládela a la sección correspondiente. Todo documento adicional que exponga los hechos y las quejas no puede superar 20 páginas; adjunte copia de las decisiones.',
    applicant: 'A. La parte demandante',
    applicantIntro: 'Nombre, fecha de nacimiento, nacionalidad y dirección de cada demandante.',
    namedApplicant: 'Una parte demandante nombrada por completo con su consentimiento',
    name: 'Nombre completo',
    fullName:
      'Nombre completo (el consentimiento para el Tribunal solo permite iniciales o un seudónimo)',
    address: 'Dirección',
    state: 'B. Estado(s) contra el (los) que se dirige la demanda',
    states: 'Estado(s) demandado(s)',
    representative: 'C. Representante de la parte demandante',
    representativeIntro:
      'El representante firma con la parte demandante la sección de poder del formulario.',
    organisation: 'Organización',
    contact: 'Correo electrónico y teléfono',
    facts: 'E. Exposición de los hechos',
    factsIntro: 'Una exposición concisa de los hechos, en el orden en que ocurrieron.',
    factsRow: 'Los hechos',
    violations:
      'F. Exposición de la(s) violación(es) alegada(s) del Convenio y/o de los Protocolos y argumentos pertinentes',
    violationsIntro: 'Para cada queja, el artículo invocado y cómo fue vulnerado.',
    violationsRow: 'Al menos una queja, con el artículo invocado',
    argument: 'Cómo se vulneró {provision}',
    admissibility:
      'G. Cumplimiento de los criterios de admisibilidad del artículo 35 § 1 del Convenio',
    admissibilityIntro:
      'Recursos internos utilizados, la decisión interna definitiva y el plazo de cuatro meses.',
    finalDecision: 'Decisión interna definitiva (fecha)',
    remedies: 'Recursos internos agotados',
    timeLimit: 'Plazo de cuatro meses',
    dueOn: 'Decisión definitiva del {decision}: los cuatro meses vencen el {due}',
    daysLeft: 'quedan {days} días',
    daysLate: '{days} días de retraso',
    otherProcedures: 'H. Información sobre otros procedimientos internacionales',
    otherProceduresIntro: 'Si las quejas se han sometido a otro procedimiento internacional.',
    otherProceduresRow: 'Otros procedimientos internacionales',
    documents: 'I. Lista de documentos adjuntos',
    documentsIntro: 'Copias de las decisiones y de los documentos que sustentan las quejas.',
    documentsRow: 'Documentos adjuntos',
    length: 'Dentro de las 20 páginas de un anexo (ahora {pages})',
    preparedBy: 'Preparado por {organisation} el {date}.',
    preparedOn: 'Preparado el {date}.',
  },
  fr: {
    title: 'Cour européenne des droits de l’homme\u202f: éléments pour le formulaire de requête',
    versus: 'c.',
    noticeTitle: 'À reporter dans le formulaire de requête officiel',
    notice:
      'Ceci n’est pas une requête. Seul le formulaire de requête officiel de la Cour (article 47 du règlement de la Cour), rempli intégralement et signé, est examiné\u202f; un formulaire incomplet ne l’est pas. Chaque section ci-dessous suit celle du formulaire\u202f: reportez-la dans la section correspondante. Tout document complémentaire exposant les faits et les griefs ne peut dépasser 20 pages\u202f; joignez copie des décisions.',
    applicant: 'A. Le requérant',
    applicantIntro: 'Nom, date de naissance, nationalité et adresse de chaque requérant.',
    namedApplicant: 'Un requérant nommé en entier avec son consentement',
    name: 'Nom complet',
    fullName:
      'Nom complet (le consentement pour la Cour ne permet que des initiales ou un pseudonyme)',
    address: 'Adresse',
    state: 'B. État(s) contre le(s)quel(s) la requête est dirigée',
    states: 'État(s) défendeur(s)',
    representative: 'C. Représentant du requérant',
    representativeIntro:
      'Le représentant signe avec le requérant la section du pouvoir dans le formulaire.',
    organisation: 'Organisation',
    contact: 'Courriel et téléphone',
    facts: 'E. Exposé des faits',
    factsIntro: 'Un exposé concis des faits, dans l’ordre où ils se sont produits.',
    factsRow: 'Les faits',
    violations:
      'F. Exposé de la ou des violation(s) de la Convention et/ou des Protocoles alléguée(s) et des arguments pertinents',
    violationsIntro: 'Pour chaque grief, l’article invoqué et la manière dont il a été violé.',
    violationsRow: 'Au moins un grief, avec l’article invoqué',
    argument: 'En quoi {provision} a été violé',
    admissibility:
      'G. Respect des critères de recevabilité énoncés à l’article 35 § 1 de la Convention',
    admissibilityIntro:
      'Voies de recours internes exercées, décision interne définitive et délai de quatre mois.',
    finalDecision: 'Décision interne définitive (date)',
    remedies: 'Voies de recours internes épuisées',
    timeLimit: 'Délai de quatre mois',
    dueOn: 'Décision définitive du {decision}\u202f: les quatre mois expirent le {due}',
    daysLeft: '{days} jours restants',
    daysLate: '{days} jours de retard',
    otherProcedures: 'H. Informations concernant d’autres procédures internationales',
    otherProceduresIntro: 'Si les griefs ont été soumis à une autre instance internationale.',
    otherProceduresRow: 'Autres procédures internationales',
    documents: 'I. Liste des documents joints',
    documentsIntro: 'Copies des décisions et des documents à l’appui des griefs.',
    documentsRow: 'Documents joints',
    length: 'Dans les 20 pages d’une annexe ({pages} actuellement)',
    preparedBy: 'Préparé par {organisation} le {date}.',
    preparedOn: 'Préparé le {date}.',
  },
  ar: {
    title: 'المحكمة الأوروبية لحقوق الإنسان: مواد لاستمارة الطلب',
    versus: 'ضد',
    noticeTitle: 'للنقل إلى استمارة الطلب الرسمية',
    notice:
      'هذه الوثيقة ليست طلبًا. لا تنظر المحكمة إلا في استمارة الطلب الرسمية (المادة 47 من لائحة المحكمة) مستوفاة بالكامل وموقعة، ولا تنظر في استمارة ناقصة. يتبع كل قسم أدناه قسم الاستمارة نفسه: انقله إلى القسم المقابل. لا يجوز أن تتجاوز أي وثيقة إضافية تعرض الوقائع والشكاوى 20 صفحة؛ أرفق نسخًا من القرارات.',
    applicant: 'ألف. مقدم الطلب',
    applicantIntro: 'اسم كل مقدم طلب وتاريخ ميلاده وجنسيته وعنوانه.',
    namedApplicant: 'مقدم طلب مذكور باسمه الكامل بموافقته',
    name: 'الاسم الكامل',
    fullName: 'الاسم الكامل (الموافقة الممنوحة للمحكمة لا تسمح إلا بالأحرف الأولى أو باسم مستعار)',
    address: 'العنوان',
    state: 'باء. الدولة (الدول) المقدم ضدها الطلب',
    states: 'الدولة (الدول) المدعى عليها',
    representative: 'جيم. ممثل مقدم الطلب',
    representativeIntro: 'يوقع الممثل مع مقدم الطلب قسم التوكيل في الاستمارة.',
    organisation: 'المنظمة',
    contact: 'البريد الإلكتروني والهاتف',
    facts: 'هاء. بيان الوقائع',
    factsIntro: 'بيان موجز للوقائع بحسب ترتيب حدوثها.',
    factsRow: 'الوقائع',
    violations:
      'واو. بيان الانتهاك (الانتهاكات) المزعومة للاتفاقية و/أو البروتوكولات والحجج ذات الصلة',
    violationsIntro: 'لكل شكوى: المادة المحتج بها وكيف انتُهكت.',
    violationsRow: 'شكوى واحدة على الأقل مع المادة المحتج بها',
    argument: 'كيف انتُهكت {provision}',
    admissibility: 'زاي. استيفاء معايير المقبولية الواردة في المادة 35 § 1 من الاتفاقية',
    admissibilityIntro:
      'سبل الانتصاف المحلية المستنفدة والقرار المحلي النهائي ومهلة الأشهر الأربعة.',
    finalDecision: 'القرار المحلي النهائي (التاريخ)',
    remedies: 'سبل الانتصاف المحلية المستنفدة',
    timeLimit: 'مهلة الأشهر الأربعة',
    dueOn: 'القرار النهائي بتاريخ {decision}: تنتهي الأشهر الأربعة في {due}',
    daysLeft: 'الأيام المتبقية: {days}',
    daysLate: 'أيام التأخير: {days}',
    otherProcedures: 'حاء. معلومات عن الإجراءات الدولية الأخرى',
    otherProceduresIntro: 'هل عُرضت الشكاوى على إجراء دولي آخر.',
    otherProceduresRow: 'الإجراءات الدولية الأخرى',
    documents: 'طاء. قائمة المستندات المرفقة',
    documentsIntro: 'نسخ من القرارات ومن المستندات التي تدعم الشكاوى.',
    documentsRow: 'المستندات المرفقة',
    length: 'في حدود 20 صفحة للملحق (حاليًا {pages})',
    preparedBy: 'أعدته {organisation} في {date}.',
    preparedOn: 'أُعد في {date}.',
  },
  ru: {
    title: 'Европейский суд по правам человека: материалы для формуляра жалобы',
    versus: 'против',
    noticeTitle: 'Для переноса в официальный формуляр жалобы',
    notice:
      'Это не жалоба. Суд рассматривает только официальный формуляр жалобы (правило 47 Регламента Суда), заполненный полностью и подписанный; неполный формуляр не рассматривается. Каждый раздел ниже соответствует разделу формуляра: перенесите его в соответствующий раздел. Дополнительный документ с изложением фактов и жалоб не может превышать 20 страниц; приложите копии решений.',
    applicant: 'A. Заявитель',
    applicantIntro: 'Имя, дата рождения, гражданство и адрес каждого заявителя.',
    namedApplicant: 'Заявитель, названный полным именем с его согласия',
    name: 'Полное имя',
    fullName: 'Полное имя (согласие для Суда допускает только инициалы или псевдоним)',
    address: 'Адрес',
    state: 'B. Государство (государства), против которого (которых) подана жалоба',
    states: 'Государство (государства)-ответчик(и)',
    representative: 'C. Представитель заявителя',
    representativeIntro:
      'Представитель подписывает вместе с заявителем раздел о полномочиях в формуляре.',
    organisation: 'Организация',
    contact: 'Электронная почта и телефон',
    facts: 'E. Изложение фактов',
    factsIntro: 'Краткое изложение фактов в порядке их наступления.',
    factsRow: 'Факты',
    violations:
      'F. Изложение предполагаемых нарушений Конвенции и (или) Протоколов к ней и соответствующие доводы',
    violationsIntro:
      'Для каждой жалобы: статья, на которую ссылается заявитель, и в чём её нарушение.',
    violationsRow: 'Хотя бы одна жалоба со ссылкой на статью',
    argument: 'В чём нарушение: {provision}',
    admissibility:
      'G. Соблюдение критериев приемлемости, предусмотренных пунктом 1 статьи 35 Конвенции',
    admissibilityIntro:
      'Использованные внутренние средства защиты, окончательное внутреннее решение и четырёхмесячный срок.',
    finalDecision: 'Окончательное внутреннее решение (дата)',
    remedies: 'Исчерпанные внутренние средства защиты',
    timeLimit: 'Четырёхмесячный срок',
    dueOn: 'Окончательное решение от {decision}: четыре месяца истекают {due}',
    daysLeft: 'осталось дней: {days}',
    daysLate: 'просрочено дней: {days}',
    otherProcedures: 'H. Сведения о других международных разбирательствах',
    otherProceduresIntro: 'Подавались ли жалобы в другую международную инстанцию.',
    otherProceduresRow: 'Другие международные разбирательства',
    documents: 'I. Перечень прилагаемых документов',
    documentsIntro: 'Копии решений и документов, подтверждающих жалобы.',
    documentsRow: 'Прилагаемые документы',
    length: 'Не более 20 страниц приложения (сейчас {pages})',
    preparedBy: 'Подготовлено: {organisation}, {date}.',
    preparedOn: 'Подготовлено {date}.',
  },
};
