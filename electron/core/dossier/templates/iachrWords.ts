import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the Inter-American Commission's templates print, in each dossier
 * language: the petition in the order of article 28 of the Commission's
 * Rules of Procedure, and the request for precautionary measures in the
 * order of article 25. The Commission works in Spanish, English,
 * Portuguese and French; the other languages serve the lawyer.
 */
export interface IachrWords {
  petitionTitle: string;
  petitionNotice: string;
  precautionaryTitle: string;
  precautionaryNotice: string;
  noticeTitle: string;
  petitioner: string;
  petitionerIntro: string;
  organisation: string;
  address: string;
  contact: string;
  identity: string;
  /** The row: "Identity withheld from the State (art. 28(2))". */
  identityRow: string;
  /** When withheld: the petition names the petitioner only in the confidential annex. */
  identityWithheld: string;
  identityDisclosed: string;
  /** The annex that holds the petitioner's identity when it is withheld from the State. */
  confidentialAnnex: string;
  confidentialAnnexIntro: string;
  /** The check that the petitioner's name appears nowhere else: "The petitioner's name only in the confidential annex". */
  identityKept: string;
  /** Withheld identity: what the dossier's signature says of the petitioner, in the annex. */
  signerNote: string;
  /** The row: the signing key's user id does not name the petitioner. */
  signerKept: string;
  /** Its value when the key's user id names neither the organisation nor its e-mail. */
  signerNeutral: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  victims: string;
  victimsIntro: string;
  namedVictim: string;
  state: string;
  states: string;
  rights: string;
  rightsIntro: string;
  rightsRow: string;
  /** "How {provision} was violated". */
  argument: string;
  remedies: string;
  remediesIntro: string;
  remediesRow: string;
  timeLimit: string;
  timeLimitRow: string;
  /** "Final decision notified on {decision}: the six months end on {due}". */
  dueOn: string;
  daysLeft: string;
  daysLate: string;
  /** Art. 32(2): remedies unavailable or ineffective, the petition is lodged within a reasonable time. */
  reasonableTime: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  documents: string;
  documentsRow: string;
  requester: string;
  beneficiaries: string;
  beneficiariesIntro: string;
  beneficiariesRow: string;
  /** A beneficiary's consent to the request: "Consent to this request". */
  consent: string;
  consentGiven: string;
  situation: string;
  situationIntro: string;
  risk: string;
  riskRow: string;
  measures: string;
  measuresRow: string;
  authorities: string;
  authoritiesIntro: string;
  authoritiesRow: string;
  preparedBy: string;
  preparedOn: string;
}

export const IACHR_WORDS: Record<DossierLanguage, IachrWords> = {
  en: {
    petitionTitle: 'Inter-American Commission on Human Rights: petition',
    petitionNotice:
      'A petition under article 44 of the American Convention, laid out as article 28 of the Commission’s Rules of Procedure asks. It may be lodged through the Commission’s online petition system or sent with these pages; it must be signed.',
    precautionaryTitle:
      'Inter-American Commission on Human Rights: request for precautionary measures',
    precautionaryNotice:
      'A request under article 25 of the Commission’s Rules of Procedure, for a serious and urgent situation presenting a risk of irreparable harm to persons. It may be sent through the Commission’s online system or by e-mail.',
    noticeTitle: 'How to submit',
    petitioner: '1. The petitioner',
    petitionerIntro:
      'Name, address for correspondence and contact of the petitioner, or of the organisation and its legal representative.',
    organisation: 'Organisation',
    address: 'Address for correspondence',
    contact: 'E-mail and telephone',
    identity: '2. Identity of the petitioner and the State',
    identityRow: 'Identity withheld from the State (art. 28(2))',
    identityWithheld:
      'Yes: the petitioner asks that their identity be withheld from the State. It is given only in the confidential annex at the end, which is not to be transmitted to the State.',
    identityDisclosed: 'No: the petitioner’s identity may be disclosed to the State.',
    confidentialAnnex:
      'Confidential annex: identity of the petitioner — not to be transmitted to the State',
    confidentialAnnexIntro: 'Article 28(2) of the Rules of Procedure.',
    identityKept: 'The petitioner’s name only in the confidential annex',
    signerNote:
      'The dossier that carries this petition is signed with the petitioner’s key. manifest.json and VERIFY.txt give only the key’s fingerprint, but the key (signer-key.asc) and its user id go with the signatures: the signed dossier is for the Commission only. Transmit to the State only the pages of the petition before this annex.',
    signerKept: 'The signing key’s user id does not name the petitioner',
    signerNeutral: 'It names neither the organisation nor its e-mail address.',
    facts: '3. The facts',
    factsIntro: 'An account of the facts, with the place and date of each.',
    factsRow: 'The facts',
    victims: '4. The alleged victims',
    victimsIntro: 'The persons whose rights were violated.',
    namedVictim: 'An alleged victim named with consent',
    state: '5. The State',
    states: 'State considered responsible',
    rights: '6. Rights violated',
    rightsIntro:
      'The provisions of the American Convention or other instruments, and how each was violated.',
    rightsRow: 'At least one right alleged to be violated',
    argument: 'How {provision} was violated',
    remedies: '7. Domestic remedies',
    remediesIntro:
      'The steps taken to exhaust domestic remedies, or why that was impossible (article 31).',
    remediesRow: 'Domestic remedies exhausted, or why not',
    timeLimit: '8. Time limit',
    timeLimitRow: 'Six months from notification of the final decision (article 32)',
    dueOn: 'Final decision notified on {decision}: the six months end on {due}',
    daysLeft: '{days} days left',
    daysLate: '{days} days late',
    reasonableTime:
      'Remedies unavailable or ineffective: the petition is lodged within a reasonable time (article 32(2)).',
    otherProcedures: '9. Other international proceedings',
    otherProceduresIntro:
      'Whether the matter is pending before, or was settled by, another international body (article 33).',
    otherProceduresRow: 'Other international proceedings',
    documents: '10. Accompanying documents',
    documentsRow: 'Accompanying documents',
    requester: '1. The requesting party',
    beneficiaries: '2. The proposed beneficiaries',
    beneficiariesIntro:
      'The persons at risk (a group may be named as such), and their consent to the request.',
    beneficiariesRow: 'A proposed beneficiary named with consent',
    consent: 'Consent to this request',
    consentGiven: 'Given',
    situation: '3. The serious and urgent situation',
    situationIntro: 'A chronological account of the facts.',
    risk: '4. The risk of irreparable harm',
    riskRow: 'Why the harm is imminent and irreparable',
    measures: '5. The measures requested',
    measuresRow: 'The measures requested',
    authorities: '6. The authorities',
    authoritiesIntro:
      'Whether the risk was reported to the authorities, and what they did, or why it was not reported.',
    authoritiesRow: 'Authorities informed of the risk',
    preparedBy: 'Prepared by {organisation} on {date}.',
    preparedOn: 'Prepared on {date}.',
  },
  es: {
    petitionTitle: 'Comisión Interamericana de Derechos Humanos: petición',
    petitionNotice:
      'Petición conforme al artículo 44 de la Convención Americana, ordenada como lo pide el artículo 28 del Reglamento de la Comisión. Puede presentarse por el sistema de peticiones en línea de la Comisión o enviarse con estas páginas; debe estar firmada.',
    precautionaryTitle:
      'Comisión Interamericana de Derechos Humanos: solicitud de medidas cautelares',
    precautionaryNotice:
      'Solicitud conforme al artículo 25 del Reglamento de la Comisión, para una situación de gravedad y urgencia que presenta un riesgo de daño irreparable a las personas. Puede enviarse por el sistema en línea de la Comisión o por correo electrónico.',
    noticeTitle: 'Cómo presentarla',
    petitioner: '1. La parte peticionaria',
    petitionerIntro:
      'Nombre, dirección para correspondencia y contacto de la parte peticionaria, o de la organización y su representante legal.',
    organisation: 'Organización',
    address: 'Dirección para recibir correspondencia',
    contact: 'Correo electrónico y teléfono',
    identity: '2. Identidad de la parte peticionaria y el Estado',
    identityRow: 'Reserva de identidad frente al Estado (art. 28.2)',
    identityWithheld:
      'Sí: la parte peticionaria solicita que su identidad se mantenga en reserva frente al Estado. Figura solo en el anexo confidencial al final, que no debe transmitirse al Estado.',
    identityDisclosed: 'No: la identidad de la parte peticionaria puede revelarse al Estado.',
    confidentialAnnex:
      'Anexo confidencial: identidad de la parte peticionaria — no transmitir al Estado',
    confidentialAnnexIntro: 'Artículo 28.2 del Reglamento.',
    identityKept: 'El nombre de la parte peticionaria solo en el anexo confidencial',
    signerNote:
      'El expediente que contiene esta petición está firmado con la clave de la parte peticionaria. manifest.json y VERIFY.txt solo indican la huella de la clave, pero la clave (signer-key.asc) y su identificador de usuario acompañan a las firmas: el expediente firmado es solo para la Comisión. Al Estado solo deben transmitirse las páginas de la petición anteriores a este anexo.',
    signerKept:
      'El identificador de usuario de la clave de firma no nombra a la parte peticionaria',
    signerNeutral: 'No nombra ni a la organización ni su dirección de correo electrónico.',
    facts: '3. Los hechos',
    factsIntro: 'Una relación de los hechos, con el lugar y la fecha de cada uno.',
    factsRow: 'Los hechos',
    victims: '4. Las presuntas víctimas',
    victimsIntro: 'Las personas cuyos derechos fueron violados.',
    namedVictim: 'Una presunta víctima nombrada con su consentimiento',
    state: '5. El Estado',
    states: 'Estado considerado responsable',
    rights: '6. Derechos violados',
    rightsIntro:
      'Las disposiciones de la Convención Americana u otros instrumentos, y cómo se violó cada una.',
    rightsRow: 'Al menos un derecho presuntamente violado',
    argument: 'Cómo se violó {provision}',
    remedies: '7. Recursos internos',
    remediesIntro:
      'Las gestiones para agotar los recursos internos, o la imposibilidad de hacerlo (artículo 31).',
    remediesRow: 'Recursos internos agotados, o por qué no',
    timeLimit: '8. Plazo',
    timeLimitRow: 'Seis meses desde la notificación de la decisión definitiva (artículo 32)',
    dueOn: 'Decisión definitiva notificada el {decision}: los seis meses vencen el {due}',
    daysLeft: 'quedan {days} días',
    daysLate: '{days} días de retraso',
    reasonableTime:
      'Recursos no disponibles o ineficaces: la petición se presenta dentro de un plazo razonable (artículo 32.2).',
    otherProcedures: '9. Otros procedimientos internacionales',
    otherProceduresIntro:
      'Si la materia está pendiente ante otro organismo internacional, o ya fue resuelta por él (artículo 33).',
    otherProceduresRow: 'Otros procedimientos internacionales',
    documents: '10. Documentos adjuntos',
    documentsRow: 'Documentos adjuntos',
    requester: '1. La parte solicitante',
    beneficiaries: '2. Las personas propuestas como beneficiarias',
    beneficiariesIntro:
      'Las personas en riesgo (un grupo puede nombrarse como tal) y su consentimiento a la solicitud.',
    beneficiariesRow: 'Una persona beneficiaria nombrada con su consentimiento',
    consent: 'Consentimiento a esta solicitud',
    consentGiven: 'Otorgado',
    situation: '3. La situación de gravedad y urgencia',
    situationIntro: 'Una relación cronológica de los hechos.',
    risk: '4. El riesgo de daño irreparable',
    riskRow: 'Por qué el daño es inminente e irreparable',
    measures: '5. Las medidas solicitadas',
    measuresRow: 'Las medidas solicitadas',
    authorities: '6. Las autoridades',
    authoritiesIntro:
      'Si el riesgo se denunció ante las autoridades y qué hicieron, o por qué no se denunció.',
    authoritiesRow: 'Autoridades informadas del riesgo',
    preparedBy: 'Preparado por {organisation} el {date}.',
    preparedOn: 'Preparado el {date}.',
  },
  fr: {
    petitionTitle: 'Commission interaméricaine des droits de l’homme\u202f: pétition',
    petitionNotice:
      'Pétition au titre de l’article 44 de la Convention américaine, ordonnée comme le demande l’article 28 du règlement de la Commission. Elle peut être déposée par le système de pétitions en ligne de la Commission ou envoyée avec ces pages\u202f; elle doit être signée.',
    precautionaryTitle:
      'Commission interaméricaine des droits de l’homme\u202f: demande de mesures conservatoires',
    precautionaryNotice:
      'Demande au titre de l’article 25 du règlement de la Commission, pour une situation grave et urgente présentant un risque de préjudice irréparable pour des personnes. Elle peut être envoyée par le système en ligne de la Commission ou par courriel.',
    noticeTitle: 'Comment la présenter',
    petitioner: '1. Le pétitionnaire',
    petitionerIntro:
      'Nom, adresse de correspondance et coordonnées du pétitionnaire, ou de l’organisation et de son représentant légal.',
    organisation: 'Organisation',
    address: 'Adresse de correspondance',
    contact: 'Courriel et téléphone',
    identity: '2. Identité du pétitionnaire et État',
    identityRow: 'Identité tenue secrète à l’égard de l’État (art. 28.2)',
    identityWithheld:
      'Oui\u202f: le pétitionnaire demande que son identité ne soit pas révélée à l’État. Elle ne figure que dans l’annexe confidentielle à la fin, qui ne doit pas être transmise à l’État.',
    identityDisclosed: 'Non\u202f: l’identité du pétitionnaire peut être révélée à l’État.',
    confidentialAnnex:
      'Annexe confidentielle\u202f: identité du pétitionnaire — à ne pas transmettre à l’État',
    confidentialAnnexIntro: 'Article 28.2 du règlement.',
    identityKept: 'Le nom du pétitionnaire uniquement dans l’annexe confidentielle',
    signerNote:
      'Le dossier qui contient cette pétition est signé avec la clé du pétitionnaire. manifest.json et VERIFY.txt ne donnent que l’empreinte de la clé, mais la clé (signer-key.asc) et son identifiant d’utilisateur accompagnent les signatures\u202f: le dossier signé est destiné à la seule Commission. Ne transmettre à l’État que les pages de la pétition qui précèdent cette annexe.',
    signerKept: 'L’identifiant d’utilisateur de la clé de signature ne nomme pas le pétitionnaire',
    signerNeutral: 'Il ne nomme ni l’organisation ni son adresse électronique.',
    facts: '3. Les faits',
    factsIntro: 'Un exposé des faits, avec le lieu et la date de chacun.',
    factsRow: 'Les faits',
    victims: '4. Les victimes présumées',
    victimsIntro: 'Les personnes dont les droits ont été violés.',
    namedVictim: 'Une victime présumée nommée avec son consentement',
    state: '5. L’État',
    states: 'État considéré comme responsable',
    rights: '6. Droits violés',
    rightsIntro:
      'Les dispositions de la Convention américaine ou d’autres instruments, et en quoi chacune a été violée.',
    rightsRow: 'Au moins un droit prétendument violé',
    argument: 'En quoi {provision} a été violé',
    remedies: '7. Voies de recours internes',
    remediesIntro:
      'Les démarches pour épuiser les voies de recours internes, ou pourquoi c’était impossible (article 31).',
    remediesRow: 'Voies de recours internes épuisées, ou pourquoi non',
    timeLimit: '8. Délai',
    timeLimitRow: 'Six mois après la notification de la décision définitive (article 32)',
    dueOn: 'Décision définitive notifiée le {decision}\u202f: les six mois expirent le {due}',
    daysLeft: '{days} jours restants',
    daysLate: '{days} jours de retard',
    reasonableTime:
      'Recours indisponibles ou inefficaces\u202f: la pétition est présentée dans un délai raisonnable (article 32.2).',
    otherProcedures: '9. Autres procédures internationales',
    otherProceduresIntro:
      'Si l’affaire est pendante devant une autre instance internationale, ou a été réglée par elle (article 33).',
    otherProceduresRow: 'Autres procédures internationales',
    documents: '10. Documents joints',
    documentsRow: 'Documents joints',
    requester: '1. Le demandeur',
    beneficiaries: '2. Les bénéficiaires proposés',
    beneficiariesIntro:
      'Les personnes en danger (un groupe peut être désigné comme tel) et leur consentement à la demande.',
    beneficiariesRow: 'Un bénéficiaire nommé avec son consentement',
    consent: 'Consentement à cette demande',
    consentGiven: 'Donné',
    situation: '3. La situation grave et urgente',
    situationIntro: 'Un exposé chronologique des faits.',
    risk: '4. Le risque de préjudice irréparable',
    riskRow: 'Pourquoi le préjudice est imminent et irréparable',
    measures: '5. Les mesures demandées',
    measuresRow: 'Les mesures demandées',
    authorities: '6. Les autorités',
    authoritiesIntro:
      'Si le risque a été signalé aux autorités et ce qu’elles ont fait, ou pourquoi il ne l’a pas été.',
    authoritiesRow: 'Autorités informées du risque',
    preparedBy: 'Préparé par {organisation} le {date}.',
    preparedOn: 'Préparé le {date}.',
  },
  ar: {
    petitionTitle: 'لجنة البلدان الأمريكية لحقوق الإنسان: عريضة',
    petitionNotice:
      'عريضة بموجب المادة 44 من الاتفاقية الأمريكية، مرتبة كما تطلب المادة 28 من النظام الداخلي للجنة. يمكن تقديمها عبر نظام العرائض الإلكتروني للجنة أو إرسالها مع هذه الصفحات، ويجب توقيعها.',
    precautionaryTitle: 'لجنة البلدان الأمريكية لحقوق الإنسان: طلب تدابير احترازية',
    precautionaryNotice:
      'طلب بموجب المادة 25 من النظام الداخلي للجنة، في حالة خطيرة وعاجلة تنطوي على خطر إلحاق ضرر لا يمكن جبره بأشخاص. يمكن إرساله عبر النظام الإلكتروني للجنة أو بالبريد الإلكتروني.',
    noticeTitle: 'طريقة التقديم',
    petitioner: '1. مقدم العريضة',
    petitionerIntro:
      'اسم مقدم العريضة وعنوان المراسلة ووسيلة الاتصال، أو اسم المنظمة وممثلها القانوني.',
    organisation: 'المنظمة',
    address: 'عنوان المراسلة',
    contact: 'البريد الإلكتروني والهاتف',
    identity: '2. هوية مقدم العريضة والدولة',
    identityRow: 'حجب الهوية عن الدولة (المادة 28(2))',
    identityWithheld:
      'نعم: يطلب مقدم العريضة حجب هويته عن الدولة. ولا ترد هويته إلا في الملحق السري في النهاية، الذي لا يُحال إلى الدولة.',
    identityDisclosed: 'لا: يجوز الكشف عن هوية مقدم العريضة للدولة.',
    confidentialAnnex: 'ملحق سري: هوية مقدم العريضة — لا يُحال إلى الدولة',
    confidentialAnnexIntro: 'المادة 28(2) من النظام الداخلي.',
    identityKept: 'لا يرد اسم مقدم العريضة إلا في الملحق السري',
    signerNote:
      'الملف الذي يحمل هذه العريضة موقَّع بمفتاح مقدم العريضة. لا يذكر manifest.json وVERIFY.txt إلا بصمة المفتاح، لكن المفتاح (signer-key.asc) ومعرّف مستخدمه يرافقان التوقيعين: فالملف الموقَّع للجنة وحدها. لا تُحال إلى الدولة إلا صفحات العريضة السابقة لهذا الملحق.',
    signerKept: 'معرّف مستخدم مفتاح التوقيع لا يسمّي مقدم العريضة',
    signerNeutral: 'لا يسمّي المنظمة ولا عنوان بريدها الإلكتروني.',
    facts: '3. الوقائع',
    factsIntro: 'عرض للوقائع مع مكان كل منها وتاريخه.',
    factsRow: 'الوقائع',
    victims: '4. الضحايا المزعومون',
    victimsIntro: 'الأشخاص الذين انتُهكت حقوقهم.',
    namedVictim: 'ضحية مزعومة مذكورة باسمها بموافقتها',
    state: '5. الدولة',
    states: 'الدولة التي تُعتبر مسؤولة',
    rights: '6. الحقوق المنتهكة',
    rightsIntro: 'أحكام الاتفاقية الأمريكية أو غيرها من الصكوك، وكيف انتُهك كل منها.',
    rightsRow: 'حق واحد على الأقل يُدعى انتهاكه',
    argument: 'كيف انتُهكت {provision}',
    remedies: '7. سبل الانتصاف المحلية',
    remediesIntro: 'الخطوات المتخذة لاستنفاد سبل الانتصاف المحلية، أو سبب تعذر ذلك (المادة 31).',
    remediesRow: 'سبل الانتصاف المحلية المستنفدة، أو سبب عدم استنفادها',
    timeLimit: '8. المهلة',
    timeLimitRow: 'ستة أشهر من الإبلاغ بالقرار النهائي (المادة 32)',
    dueOn: 'أُبلغ بالقرار النهائي في {decision}: تنتهي الأشهر الستة في {due}',
    daysLeft: 'الأيام المتبقية: {days}',
    daysLate: 'أيام التأخير: {days}',
    reasonableTime:
      'سبل الانتصاف غير متاحة أو غير فعالة: تُقدم العريضة في غضون مهلة معقولة (المادة 32(2)).',
    otherProcedures: '9. الإجراءات الدولية الأخرى',
    otherProceduresIntro: 'هل المسألة معروضة على هيئة دولية أخرى أو سبق أن فصلت فيها (المادة 33).',
    otherProceduresRow: 'الإجراءات الدولية الأخرى',
    documents: '10. المستندات المرفقة',
    documentsRow: 'المستندات المرفقة',
    requester: '1. الجهة الطالبة',
    beneficiaries: '2. المستفيدون المقترحون',
    beneficiariesIntro: 'الأشخاص المعرضون للخطر (يجوز تحديد مجموعة بصفتها)، وموافقتهم على الطلب.',
    beneficiariesRow: 'مستفيد مذكور باسمه بموافقته',
    consent: 'الموافقة على هذا الطلب',
    consentGiven: 'ممنوحة',
    situation: '3. الحالة الخطيرة والعاجلة',
    situationIntro: 'عرض زمني للوقائع.',
    risk: '4. خطر الضرر الذي لا يمكن جبره',
    riskRow: 'لماذا الضرر وشيك ولا يمكن جبره',
    measures: '5. التدابير المطلوبة',
    measuresRow: 'التدابير المطلوبة',
    authorities: '6. السلطات',
    authoritiesIntro: 'هل أُبلغت السلطات بالخطر وماذا فعلت، أو لماذا لم تُبلغ.',
    authoritiesRow: 'إبلاغ السلطات بالخطر',
    preparedBy: 'أعدته {organisation} في {date}.',
    preparedOn: 'أُعد في {date}.',
  },
  ru: {
    petitionTitle: 'Межамериканская комиссия по правам человека: петиция',
    petitionNotice:
      'Петиция по статье 44 Американской конвенции, составленная в порядке, которого требует статья 28 Регламента Комиссии. Её можно подать через онлайн-систему петиций Комиссии или направить с этими страницами; она должна быть подписана.',
    precautionaryTitle:
      'Межамериканская комиссия по правам человека: просьба о предварительных мерах',
    precautionaryNotice:
      'Просьба по статье 25 Регламента Комиссии в серьёзной и срочной ситуации, создающей риск непоправимого вреда для людей. Её можно направить через онлайн-систему Комиссии или по электронной почте.',
    noticeTitle: 'Как подать',
    petitioner: '1. Заявитель петиции',
    petitionerIntro:
      'Имя, адрес для переписки и контакты заявителя или организации и её законного представителя.',
    organisation: 'Организация',
    address: 'Адрес для переписки',
    contact: 'Электронная почта и телефон',
    identity: '2. Личность заявителя и государство',
    identityRow: 'Сохранение личности в тайне от государства (ст. 28(2))',
    identityWithheld:
      'Да: заявитель просит не раскрывать его личность государству. Она указана только в конфиденциальном приложении в конце, которое не передаётся государству.',
    identityDisclosed: 'Нет: личность заявителя может быть раскрыта государству.',
    confidentialAnnex:
      'Конфиденциальное приложение: личность заявителя — не передавать государству',
    confidentialAnnexIntro: 'Статья 28(2) Регламента.',
    identityKept: 'Имя заявителя только в конфиденциальном приложении',
    signerNote:
      'Досье с этой петицией подписано ключом заявителя. manifest.json и VERIFY.txt указывают только отпечаток ключа, но сам ключ (signer-key.asc) и его идентификатор пользователя сопровождают подписи: подписанное досье предназначено только для Комиссии. Государству следует передавать только страницы петиции до этого приложения.',
    signerKept: 'Идентификатор пользователя ключа подписи не называет заявителя',
    signerNeutral: 'Он не называет ни организацию, ни её адрес электронной почты.',
    facts: '3. Факты',
    factsIntro: 'Изложение фактов с указанием места и даты каждого.',
    factsRow: 'Факты',
    victims: '4. Предполагаемые жертвы',
    victimsIntro: 'Люди, чьи права были нарушены.',
    namedVictim: 'Предполагаемая жертва, названная с её согласия',
    state: '5. Государство',
    states: 'Государство, считающееся ответственным',
    rights: '6. Нарушенные права',
    rightsIntro:
      'Положения Американской конвенции или других документов и в чём нарушение каждого.',
    rightsRow: 'Хотя бы одно предположительно нарушенное право',
    argument: 'В чём нарушение: {provision}',
    remedies: '7. Внутренние средства защиты',
    remediesIntro:
      'Шаги по исчерпанию внутренних средств защиты или почему это было невозможно (статья 31).',
    remediesRow: 'Внутренние средства защиты исчерпаны, или почему нет',
    timeLimit: '8. Срок',
    timeLimitRow: 'Шесть месяцев с уведомления об окончательном решении (статья 32)',
    dueOn: 'Об окончательном решении уведомлён {decision}: шесть месяцев истекают {due}',
    daysLeft: 'осталось дней: {days}',
    daysLate: 'просрочено дней: {days}',
    reasonableTime:
      'Средства защиты недоступны или неэффективны: петиция подаётся в разумный срок (статья 32(2)).',
    otherProcedures: '9. Другие международные разбирательства',
    otherProceduresIntro:
      'Рассматривается ли дело другим международным органом или уже урегулировано им (статья 33).',
    otherProceduresRow: 'Другие международные разбирательства',
    documents: '10. Прилагаемые документы',
    documentsRow: 'Прилагаемые документы',
    requester: '1. Заявитель просьбы',
    beneficiaries: '2. Предлагаемые бенефициары',
    beneficiariesIntro:
      'Люди в опасности (группа может быть названа как таковая) и их согласие на просьбу.',
    beneficiariesRow: 'Бенефициар, названный с его согласия',
    consent: 'Согласие на эту просьбу',
    consentGiven: 'Дано',
    situation: '3. Серьёзная и срочная ситуация',
    situationIntro: 'Изложение фактов в хронологическом порядке.',
    risk: '4. Риск непоправимого вреда',
    riskRow: 'Почему вред неминуем и непоправим',
    measures: '5. Запрашиваемые меры',
    measuresRow: 'Запрашиваемые меры',
    authorities: '6. Власти',
    authoritiesIntro: 'Сообщалось ли властям о риске и что они сделали, или почему не сообщалось.',
    authoritiesRow: 'Власти уведомлены о риске',
    preparedBy: 'Подготовлено: {organisation}, {date}.',
    preparedOn: 'Подготовлено {date}.',
  },
};
