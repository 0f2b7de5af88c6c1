import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * The fixed text of a WGAD communication, in the Working Group's working
 * languages (English, French, Spanish) and in Arabic and Russian. Field
 * labels follow the wording of the model questionnaire; check them against
 * the Working Group's current form before relying on them in a filing.
 * `{name}` and the like are filled in by the template.
 */
export interface WgadWords {
  title: string;
  subtitle: string;
  concerning: string;
  preparedOn: string;
  urgentAction: string;
  noDetention: string;
  /** "Detained person {n}: {name}" */
  detainee: string;

  part1: string;
  name: string;
  familyName: string;
  firstName: string;
  familyNameLatin: string;
  firstNameLatin: string;
  sex: string;
  birth: string;
  birthWithAge: string;
  ageOnly: string;
  nationality: string;
  idDocument: string;
  idIssuedBy: string;
  idIssuedOn: string;
  idNumber: string;
  profession: string;
  residence: string;

  part2: string;
  arrestDate: string;
  arrestPlace: string;
  arrestForces: string;
  warrantShown: string;
  warrantAuthority: string;
  arrestReasons: string;
  arrestLegalBasis: string;

  part3: string;
  detentionDate: string;
  detentionDuration: string;
  durationHeld: string;
  durationHeldNoLength: string;
  durationEnded: string;
  durationEndedNoLength: string;
  approximately: string;
  detentionForces: string;
  detentionPlaces: string;
  placeFromTo: string;
  placeFrom: string;
  placeUntil: string;
  presentPlace: string;
  presentPlaceLabel: string;
  detentionAuthority: string;
  detentionReasons: string;
  detentionLegalBasis: string;
  legalCounsel: string;
  familyInformed: string;
  broughtBeforeJudge: string;

  part4: string;
  circumstances: string;
  chronology: string;
  perpetrators: string;
  statements: string;
  statementsIntro: string;
  statementEntry: string;
  inLanguage: string;
  withTranslation: string;
  categories: Record<'I' | 'II' | 'III' | 'IV' | 'V', string>;
  categoryArgued: string;

  part5: string;
  remedies: string;
  remediesNotExhausted: string;
  domesticSteps: string;
  otherProcedures: string;

  part6: string;
  orgName: string;
  orgAddress: string;
  orgEmail: string;
  orgPhone: string;
  orgContact: string;
  signatory: string;
  submissionDate: string;
  signature: string;
  sourceConfidential: string;

  consent: string;
  consentGivenBy: string;
  givenBy: Record<'self' | 'family-member' | 'legal-representative', string>;
  consentDate: string;
  consentForm: string;
  forms: Record<'oral' | 'written' | 'recorded', string>;
  knowsGovernment: string;
  publicName: string;
  namings: Record<'name' | 'initials' | 'pseudonym', string>;

  annex: string;
  annexStatements: string;
  statement: string;
  witness: string;
  takenOn: string;
  language: string;
  method: string;
  original: string;
  translationInto: string;
  annexEvidence: string;
  evidenceIntro: string;
  evidenceNumber: string;
  evidenceDescription: string;
  evidenceFile: string;
  capturedOn: string;
  copyStripped: string;
  copyOriginal: string;
  /** Labels the generic report borrows for detention details. */
  detentionDetails: {
    forces: string;
    warrantShown: string;
    authority: string;
    reasons: string;
    legalBasis: string;
    places: string;
  };
}

const en: WgadWords = {
  title: 'Communication to the Working Group on Arbitrary Detention',
  subtitle: 'Model questionnaire to be completed by persons alleging arbitrary arrest or detention',
  concerning: 'Detained persons concerned',
  preparedOn: 'Date of this communication',
  urgentAction:
    'Urgent action is requested: the life, health or physical integrity of a detained person is at risk.',
  noDetention: 'No arrest or detention is recorded in this case.',
  detainee: 'Detained person {n}: {name}',

  part1: 'I. Identity',
  name: 'Name',
  familyName: 'Family name',
  firstName: 'First name(s)',
  familyNameLatin: 'Family name in Latin letters',
  firstNameLatin: 'First name(s) in Latin letters',
  sex: 'Sex',
  birth: 'Date of birth or age (at the time of the arrest)',
  birthWithAge: '{date} (aged {age} at the time of the arrest)',
  ageOnly: '{age} years old at the time of the arrest',
  nationality: 'Nationality or nationalities',
  idDocument: 'Identity document (type, issued by, date, number)',
  idIssuedBy: 'issued by {who}',
  idIssuedOn: 'date of issue: {date}',
  idNumber: 'No. {number}',
  profession: 'Profession and/or activity (if believed to be relevant to the arrest)',
  residence: 'Address of usual residence',

  part2: 'II. Arrest',
  arrestDate: 'Date of arrest',
  arrestPlace: 'Place of arrest (as detailed as possible)',
  arrestForces: 'Forces who carried out the arrest or are believed to have carried it out',
  warrantShown: 'Did they show a warrant or other decision by a public authority?',
  warrantAuthority: 'Authority who issued the warrant or decision',
  arrestReasons: 'Reasons for the arrest imputed by the authorities',
  arrestLegalBasis: 'Legal basis for the arrest, including relevant legislation applied (if known)',

  part3: 'III. Detention',
  detentionDate: 'Date of detention',
  detentionDuration: 'Duration of detention (if not known, probable duration)',
  durationHeld: 'Still detained at the date of this communication: {duration} since {date}',
  durationHeldNoLength: 'Still detained at the date of this communication, since {date}',
  durationEnded: '{duration} ({from} – {to})',
  durationEndedNoLength: '{from} – {to}',
  approximately: 'about {duration}',
  detentionForces: 'Forces holding the detainee under custody',
  detentionPlaces: 'Places of detention (indicate any transfer and present place of detention)',
  placeFromTo: '{from} – {to}',
  placeFrom: 'from {date}',
  placeUntil: 'until {date}',
  presentPlace: 'to date (present place of detention)',
  presentPlaceLabel: 'Present place of detention',
  detentionAuthority: 'Authorities that ordered the detention',
  detentionReasons: 'Reasons for the detention imputed by the authorities',
  detentionLegalBasis:
    'Legal basis for the detention, including relevant legislation applied (if known)',
  legalCounsel: 'Access to a lawyer',
  familyInformed: 'Family informed of the detention',
  broughtBeforeJudge: 'Brought before a judge',

  part4:
    'IV. Circumstances of the arrest and detention, and reasons why the deprivation of liberty is arbitrary',
  circumstances: 'Circumstances',
  chronology: 'Chronology of the facts',
  perpetrators: 'Alleged perpetrators: {names}.',
  statements: 'Witness statements',
  statementsIntro: 'The following statements are reproduced in full in Annex {annex}:',
  statementEntry: 'Statement {n}: {witness}',
  inLanguage: 'in {language}',
  withTranslation: 'in {language}, with a translation into {translation}',
  categories: {
    I: 'Category I: no legal basis can be invoked to justify the deprivation of liberty',
    II: 'Category II: the deprivation of liberty results from the exercise of rights or freedoms guaranteed by the UDHR and the ICCPR',
    III: 'Category III: non-observance of the norms of a fair trial is of such gravity as to make the deprivation of liberty arbitrary',
    IV: 'Category IV: prolonged administrative custody of asylum seekers, immigrants or refugees without administrative or judicial review',
    V: 'Category V: the deprivation of liberty constitutes discrimination',
  },
  categoryArgued: 'Category of arbitrary detention argued (I to V)',

  part5: 'V. Domestic remedies',
  remedies:
    'Internal steps taken, including domestic remedies, with the legal and administrative authorities, and their results',
  remediesNotExhausted: 'Reasons why such steps or remedies were ineffective or were not taken',
  domesticSteps: 'Steps and communications recorded',
  otherProcedures: 'Is the matter before another international procedure?',

  part6: 'VI. Submitter',
  orgName: 'Organisation submitting this communication',
  orgAddress: 'Address',
  orgEmail: 'E-mail',
  orgPhone: 'Telephone',
  orgContact: 'E-mail or telephone',
  signatory: 'Signed for the organisation by',
  submissionDate: 'Date',
  signature: 'Signature',
  sourceConfidential: 'Should the identity of the source be kept confidential?',

  consent: 'Consent of the detained persons or their families',
  consentGivenBy: 'Consent given by',
  givenBy: {
    self: 'the detained person',
    'family-member': 'a member of the family',
    'legal-representative': 'a legal representative',
  },
  consentDate: 'Date of consent',
  consentForm: 'Form of consent',
  forms: { oral: 'oral', written: 'written', recorded: 'recorded' },
  knowsGovernment: 'Knows that the Government will be contacted',
  publicName: 'Name to be used in public reports',
  namings: { name: 'full name', initials: 'initials only', pseudonym: 'a pseudonym' },

  annex: 'Annex {n}: {title}',
  annexStatements: 'Witness statements',
  statement: 'Statement {n}',
  witness: 'Witness',
  takenOn: 'Date of the statement',
  language: 'Language',
  method: 'How it was taken',
  original: 'Statement',
  translationInto: 'Translation into {language}',
  annexEvidence: 'Evidence',
  evidenceIntro:
    'The files listed below accompany this communication; each is identified by its SHA-256 hash.',
  evidenceNumber: 'No.',
  evidenceDescription: 'Description',
  evidenceFile: 'File',
  capturedOn: 'Date in the file: {date}',
  copyStripped: 'copy without metadata',
  copyOriginal: 'original file',
  detentionDetails: {
    forces: 'Forces holding the detainee under custody',
    warrantShown: 'Did they show a warrant or other decision by a public authority?',
    authority: 'Authority who issued the warrant or ordered the detention',
    reasons: 'Reasons imputed by the authorities',
    legalBasis: 'Legal basis, including relevant legislation applied',
    places: 'Places of detention',
  },
};

const fr: WgadWords = {
  title: 'Communication au Groupe de travail sur la détention arbitraire',
  subtitle:
    'Questionnaire type à remplir par les personnes qui allèguent une arrestation ou une détention arbitraire',
  concerning: 'Personnes détenues concernées',
  preparedOn: 'Date de la présente communication',
  urgentAction:
    'Une action urgente est demandée : la vie, la santé ou l’intégrité physique d’une personne détenue est en danger.',
  noDetention: 'Aucune arrestation ni détention n’est enregistrée dans ce dossier.',
  detainee: 'Personne détenue {n} : {name}',

  part1: 'I. Identité',
  name: 'Nom',
  familyName: 'Nom de famille',
  firstName: 'Prénom(s)',
  familyNameLatin: 'Nom de famille en caractères latins',
  firstNameLatin: 'Prénom(s) en caractères latins',
  sex: 'Sexe',
  birth: 'Date de naissance ou âge (au moment de l’arrestation)',
  birthWithAge: '{date} ({age} ans au moment de l’arrestation)',
  ageOnly: '{age} ans au moment de l’arrestation',
  nationality: 'Nationalité(s)',
  idDocument: 'Pièce d’identité (type, délivrée par, date, numéro)',
  idIssuedBy: 'délivré(e) par {who}',
  idIssuedOn: 'date de délivrance : {date}',
  idNumber: 'n° {number}',
  profession: 'Profession et/ou activité (si elle est jugée en rapport avec l’arrestation)',
  residence: 'Adresse de résidence habituelle',

  part2: 'II. Arrestation',
  arrestDate: 'Date de l’arrestation',
  arrestPlace: 'Lieu de l’arrestation (aussi précis que possible)',
  arrestForces: 'Forces ayant procédé à l’arrestation ou présumées l’avoir fait',
  warrantShown: 'Un mandat ou une autre décision d’une autorité publique a-t-il été présenté ?',
  warrantAuthority: 'Autorité ayant délivré le mandat ou la décision',
  arrestReasons: 'Motifs de l’arrestation invoqués par les autorités',
  arrestLegalBasis:
    'Fondement juridique de l’arrestation, y compris la législation appliquée (si elle est connue)',

  part3: 'III. Détention',
  detentionDate: 'Date de la détention',
  detentionDuration: 'Durée de la détention (si elle n’est pas connue, durée probable)',
  durationHeld:
    'Toujours détenu(e) à la date de la présente communication, soit {duration} (début de la détention : {date})',
  durationHeldNoLength:
    'Toujours détenu(e) à la date de la présente communication (début de la détention : {date})',
  durationEnded: '{duration} ({from} – {to})',
  durationEndedNoLength: '{from} – {to}',
  approximately: 'environ {duration}',
  detentionForces: 'Forces ayant la garde du détenu',
  detentionPlaces: 'Lieux de détention (indiquer tout transfert et le lieu actuel de détention)',
  placeFromTo: '{from} – {to}',
  placeFrom: 'début : {date}',
  placeUntil: 'fin : {date}',
  presentPlace: 'à ce jour (lieu actuel de détention)',
  presentPlaceLabel: 'Lieu actuel de détention',
  detentionAuthority: 'Autorités ayant ordonné la détention',
  detentionReasons: 'Motifs de la détention invoqués par les autorités',
  detentionLegalBasis:
    'Fondement juridique de la détention, y compris la législation appliquée (si elle est connue)',
  legalCounsel: 'Accès à un avocat',
  familyInformed: 'Famille informée de la détention',
  broughtBeforeJudge: 'Présenté(e) à un juge',

  part4:
    'IV. Circonstances de l’arrestation et de la détention, et raisons pour lesquelles la privation de liberté est arbitraire',
  circumstances: 'Circonstances',
  chronology: 'Chronologie des faits',
  perpetrators: 'Auteurs présumés : {names}.',
  statements: 'Déclarations de témoins',
  statementsIntro: 'Les déclarations suivantes sont reproduites intégralement à l’annexe {annex} :',
  statementEntry: 'Déclaration {n} : {witness}',
  inLanguage: 'en {language}',
  withTranslation: 'en {language}, avec une traduction en {translation}',
  categories: {
    I: 'Catégorie I : aucun fondement juridique ne peut être invoqué pour justifier la privation de liberté',
    II: 'Catégorie II : la privation de liberté résulte de l’exercice de droits ou de libertés garantis par la DUDH et le PIDCP',
    III: 'Catégorie III : l’inobservation des normes relatives au droit à un procès équitable est d’une gravité telle qu’elle rend la privation de liberté arbitraire',
    IV: 'Catégorie IV : rétention administrative prolongée de demandeurs d’asile, d’immigrants ou de réfugiés sans contrôle administratif ou juridictionnel',
    V: 'Catégorie V : la privation de liberté constitue une discrimination',
  },
  categoryArgued: 'Catégorie de détention arbitraire invoquée (I à V)',

  part5: 'V. Recours internes',
  remedies:
    'Démarches entreprises, y compris les recours internes, auprès des autorités judiciaires et administratives, et leurs résultats',
  remediesNotExhausted:
    'Raisons pour lesquelles ces démarches ou recours ont été inefficaces ou n’ont pas été entrepris',
  domesticSteps: 'Démarches et communications enregistrées',
  otherProcedures: 'L’affaire est-elle soumise à une autre procédure internationale ?',

  part6: 'VI. Auteur de la communication',
  orgName: 'Organisation qui soumet la présente communication',
  orgAddress: 'Adresse',
  orgEmail: 'Courriel',
  orgPhone: 'Téléphone',
  orgContact: 'Courriel ou téléphone',
  signatory: 'Signé pour l’organisation par',
  submissionDate: 'Date',
  signature: 'Signature',
  sourceConfidential: 'L’identité de la source doit-elle rester confidentielle ?',

  consent: 'Consentement des personnes détenues ou de leur famille',
  consentGivenBy: 'Consentement donné par',
  givenBy: {
    self: 'la personne détenue',
    'family-member': 'un membre de la famille',
    'legal-representative': 'un représentant légal',
  },
  consentDate: 'Date du consentement',
  consentForm: 'Forme du consentement',
  forms: { oral: 'oral', written: 'écrit', recorded: 'enregistré' },
  knowsGovernment: 'Sait que le Gouvernement sera contacté',
  publicName: 'Nom à utiliser dans les rapports publics',
  namings: { name: 'nom complet', initials: 'initiales seulement', pseudonym: 'un pseudonyme' },

  annex: 'Annexe {n} : {title}',
  annexStatements: 'Déclarations de témoins',
  statement: 'Déclaration {n}',
  witness: 'Témoin',
  takenOn: 'Date de la déclaration',
  language: 'Langue',
  method: 'Mode de recueil',
  original: 'Déclaration',
  translationInto: 'Traduction en {language}',
  annexEvidence: 'Éléments de preuve',
  evidenceIntro:
    'Les fichiers ci-dessous accompagnent la présente communication ; chacun est identifié par son empreinte SHA-256.',
  evidenceNumber: 'N°',
  evidenceDescription: 'Description',
  evidenceFile: 'Fichier',
  capturedOn: 'Date indiquée dans le fichier : {date}',
  copyStripped: 'copie sans métadonnées',
  copyOriginal: 'fichier original',
  detentionDetails: {
    forces: 'Forces ayant la garde du détenu',
    warrantShown: 'Un mandat ou une autre décision d’une autorité publique a-t-il été présenté ?',
    authority: 'Autorité ayant délivré le mandat ou ordonné la détention',
    reasons: 'Motifs invoqués par les autorités',
    legalBasis: 'Fondement juridique, y compris la législation appliquée',
    places: 'Lieux de détention',
  },
};

const es: WgadWords = {
  title: 'Comunicación al Grupo de Trabajo sobre la Detención Arbitraria',
  subtitle:
    'Cuestionario modelo que deben completar las personas que denuncien un arresto o una detención arbitrarios',
  concerning: 'Personas detenidas de que se trata',
  preparedOn: 'Fecha de la presente comunicación',
  urgentAction:
    'Se solicita una acción urgente: la vida, la salud o la integridad física de una persona detenida corren peligro.',
  noDetention: 'En este caso no se ha registrado ningún arresto ni detención.',
  detainee: 'Persona detenida {n}: {name}',

  part1: 'I. Identidad',
  name: 'Nombre',
  familyName: 'Apellidos',
  firstName: 'Nombre(s)',
  familyNameLatin: 'Apellidos en caracteres latinos',
  firstNameLatin: 'Nombre(s) en caracteres latinos',
  sex: 'Sexo',
  birth: 'Fecha de nacimiento o edad (en el momento del arresto)',
  birthWithAge: '{date} ({age} años en el momento del arresto)',
  ageOnly: '{age} años en el momento del arresto',
  nationality: 'Nacionalidad o nacionalidades',
  idDocument: 'Documento de identidad (tipo, expedido por, fecha, número)',
  idIssuedBy: 'expedido por {who}',
  idIssuedOn: 'fecha de expedición: {date}',
  idNumber: 'n.º {number}',
  profession: 'Profesión y/o actividad (si se considera relacionada con el arresto)',
  residence: 'Domicilio habitual',

  part2: 'II. Arresto',
  arrestDate: 'Fecha del arresto',
  arrestPlace: 'Lugar del arresto (con el mayor detalle posible)',
  arrestForces: 'Fuerzas que efectuaron el arresto o que se cree que lo efectuaron',
  warrantShown: '¿Mostraron una orden u otra decisión de una autoridad pública?',
  warrantAuthority: 'Autoridad que emitió la orden o decisión',
  arrestReasons: 'Razones del arresto invocadas por las autoridades',
  arrestLegalBasis:
    'Fundamento jurídico del arresto, incluida la legislación aplicada (si se conoce)',

  part3: 'III. Detención',
  detentionDate: 'Fecha de la detención',
  detentionDuration: 'Duración de la detención (si se desconoce, duración probable)',
  durationHeld:
    'Sigue detenido/a en la fecha de la presente comunicación, es decir, {duration} (inicio de la detención: {date})',
  durationHeldNoLength:
    'Sigue detenido/a en la fecha de la presente comunicación (inicio de la detención: {date})',
  durationEnded: '{duration} ({from} – {to})',
  durationEndedNoLength: '{from} – {to}',
  approximately: 'aproximadamente {duration}',
  detentionForces: 'Fuerzas que tienen al detenido bajo custodia',
  detentionPlaces: 'Lugares de detención (indique todo traslado y el lugar actual de detención)',
  placeFromTo: '{from} – {to}',
  placeFrom: 'inicio: {date}',
  placeUntil: 'fin: {date}',
  presentPlace: 'hasta hoy (lugar actual de detención)',
  presentPlaceLabel: 'Lugar actual de detención',
  detentionAuthority: 'Autoridades que ordenaron la detención',
  detentionReasons: 'Razones de la detención invocadas por las autoridades',
  detentionLegalBasis:
    'Fundamento jurídico de la detención, incluida la legislación aplicada (si se conoce)',
  legalCounsel: 'Acceso a un abogado',
  familyInformed: 'Familia informada de la detención',
  broughtBeforeJudge: 'Llevado/a ante un juez',

  part4:
    'IV. Circunstancias del arresto y la detención, y razones por las que la privación de libertad es arbitraria',
  circumstances: 'Circunstancias',
  chronology: 'Cronología de los hechos',
  perpetrators: 'Presuntos responsables: {names}.',
  statements: 'Declaraciones de testigos',
  statementsIntro: 'Las siguientes declaraciones se reproducen íntegramente en el anexo {annex}:',
  statementEntry: 'Declaración {n}: {witness}',
  inLanguage: 'en {language}',
  withTranslation: 'en {language}, con una traducción al {translation}',
  categories: {
    I: 'Categoría I: no puede invocarse ningún fundamento jurídico que justifique la privación de libertad',
    II: 'Categoría II: la privación de libertad resulta del ejercicio de derechos o libertades garantizados por la DUDH y el PIDCP',
    III: 'Categoría III: la inobservancia de las normas de un juicio imparcial es de tal gravedad que confiere a la privación de libertad carácter arbitrario',
    IV: 'Categoría IV: detención administrativa prolongada de solicitantes de asilo, inmigrantes o refugiados sin revisión administrativa o judicial',
    V: 'Categoría V: la privación de libertad constituye discriminación',
  },
  categoryArgued: 'Categoría de detención arbitraria invocada (I a V)',

  part5: 'V. Recursos internos',
  remedies:
    'Gestiones realizadas, incluidos los recursos internos, ante las autoridades judiciales y administrativas, y sus resultados',
  remediesNotExhausted:
    'Razones por las que esas gestiones o recursos fueron ineficaces o no se emprendieron',
  domesticSteps: 'Gestiones y comunicaciones registradas',
  otherProcedures: '¿Está el asunto ante otro procedimiento internacional?',

  part6: 'VI. Autor de la comunicación',
  orgName: 'Organización que presenta esta comunicación',
  orgAddress: 'Dirección',
  orgEmail: 'Correo electrónico',
  orgPhone: 'Teléfono',
  orgContact: 'Correo electrónico o teléfono',
  signatory: 'Firmado en nombre de la organización por',
  submissionDate: 'Fecha',
  signature: 'Firma',
  sourceConfidential: '¿Debe mantenerse confidencial la identidad de la fuente?',

  consent: 'Consentimiento de las personas detenidas o de sus familias',
  consentGivenBy: 'Consentimiento otorgado por',
  givenBy: {
    self: 'la persona detenida',
    'family-member': 'un miembro de la familia',
    'legal-representative': 'un representante legal',
  },
  consentDate: 'Fecha del consentimiento',
  consentForm: 'Forma del consentimiento',
  forms: { oral: 'verbal', written: 'escrito', recorded: 'grabado' },
  knowsGovernment: 'Sabe que se contactará al Gobierno',
  publicName: 'Nombre que debe utilizarse en los informes públicos',
  namings: { name: 'nombre completo', initials: 'solo las iniciales', pseudonym: 'un seudónimo' },

  annex: 'Anexo {n}: {title}',
  annexStatements: 'Declaraciones de testigos',
  statement: 'Declaración {n}',
  witness: 'Testigo',
  takenOn: 'Fecha de la declaración',
  language: 'Idioma',
  method: 'Cómo se tomó',
  original: 'Declaración',
  translationInto: 'Traducción al {language}',
  annexEvidence: 'Pruebas',
  evidenceIntro:
    'Los archivos que se enumeran a continuación acompañan a esta comunicación; cada uno se identifica por su huella SHA-256.',
  evidenceNumber: 'N.º',
  evidenceDescription: 'Descripción',
  evidenceFile: 'Archivo',
  capturedOn: 'Fecha que indica el archivo: {date}',
  copyStripped: 'copia sin metadatos',
  copyOriginal: 'archivo original',
  detentionDetails: {
    forces: 'Fuerzas que tienen al detenido bajo custodia',
    warrantShown: '¿Mostraron una orden u otra decisión de una autoridad pública?',
    authority: 'Autoridad que emitió la orden u ordenó la detención',
    reasons: 'Razones invocadas por las autoridades',
    legalBasis: 'Fundamento jurídico, incluida la legislación aplicada',
    places: 'Lugares de detención',
  },
};

const ar: WgadWords = {
  title: 'بلاغ إلى الفريق العامل المعني بالاحتجاز التعسفي',
  subtitle: 'الاستبيان النموذجي الذي يملؤه من يدّعون التعرض للقبض أو الاحتجاز التعسفي',
  concerning: 'الأشخاص المحتجزون المعنيون',
  preparedOn: 'تاريخ هذا البلاغ',
  urgentAction: 'يُطلب إجراء عاجل: حياة شخص محتجز أو صحته أو سلامته الجسدية في خطر.',
  noDetention: 'لم يُسجَّل أي قبض أو احتجاز في هذه الحالة.',
  detainee: 'الشخص المحتجز {n}: {name}',

  part1: 'أولاً - الهوية',
  name: 'الاسم',
  familyName: 'اسم العائلة',
  firstName: 'الاسم الشخصي',
  familyNameLatin: 'اسم العائلة بالحروف اللاتينية',
  firstNameLatin: 'الاسم الشخصي بالحروف اللاتينية',
  sex: 'الجنس',
  birth: 'تاريخ الميلاد أو العمر (وقت القبض)',
  birthWithAge: '{date} (العمر {age} سنة وقت القبض)',
  ageOnly: 'العمر {age} سنة وقت القبض',
  nationality: 'الجنسية أو الجنسيات',
  idDocument: 'وثيقة الهوية (النوع، الجهة المصدرة، التاريخ، الرقم)',
  idIssuedBy: 'صادرة عن {who}',
  idIssuedOn: 'تاريخ الإصدار: {date}',
  idNumber: 'رقم {number}',
  profession: 'المهنة و/أو النشاط (إذا اعتُبر ذا صلة بالقبض)',
  residence: 'عنوان محل الإقامة المعتاد',

  part2: 'ثانياً - القبض',
  arrestDate: 'تاريخ القبض',
  arrestPlace: 'مكان القبض (بأكبر قدر ممكن من التفصيل)',
  arrestForces: 'القوات التي نفذت القبض أو يُعتقد أنها نفذته',
  warrantShown: 'هل أُبرز أمر قبض أو قرار آخر صادر عن سلطة عامة؟',
  warrantAuthority: 'السلطة التي أصدرت الأمر أو القرار',
  arrestReasons: 'أسباب القبض التي تنسبها السلطات',
  arrestLegalBasis: 'الأساس القانوني للقبض، بما في ذلك التشريعات المطبقة (إن كانت معروفة)',

  part3: 'ثالثاً - الاحتجاز',
  detentionDate: 'تاريخ الاحتجاز',
  detentionDuration: 'مدة الاحتجاز (وإن لم تكن معروفة، المدة المحتملة)',
  durationHeld: 'لا يزال محتجزاً في تاريخ هذا البلاغ: {duration} (بداية الاحتجاز: {date})',
  durationHeldNoLength: 'لا يزال محتجزاً في تاريخ هذا البلاغ (بداية الاحتجاز: {date})',
  durationEnded: '{duration} ({from} – {to})',
  durationEndedNoLength: '{from} – {to}',
  approximately: 'نحو {duration}',
  detentionForces: 'القوات التي تحتجز الشخص',
  detentionPlaces: 'أماكن الاحتجاز (مع بيان أي نقل ومكان الاحتجاز الحالي)',
  placeFromTo: '{from} – {to}',
  placeFrom: 'البداية: {date}',
  placeUntil: 'النهاية: {date}',
  presentPlace: 'حتى الآن (مكان الاحتجاز الحالي)',
  presentPlaceLabel: 'مكان الاحتجاز الحالي',
  detentionAuthority: 'السلطات التي أمرت بالاحتجاز',
  detentionReasons: 'أسباب الاحتجاز التي تنسبها السلطات',
  detentionLegalBasis: 'الأساس القانوني للاحتجاز، بما في ذلك التشريعات المطبقة (إن كانت معروفة)',
  legalCounsel: 'إمكانية الاستعانة بمحامٍ',
  familyInformed: 'إبلاغ الأسرة بالاحتجاز',
  broughtBeforeJudge: 'المثول أمام قاضٍ',

  part4: 'رابعاً - ملابسات القبض والاحتجاز، وأسباب اعتبار الحرمان من الحرية تعسفياً',
  circumstances: 'الملابسات',
  chronology: 'التسلسل الزمني للوقائع',
  perpetrators: 'الجناة المزعومون: {names}.',
  statements: 'إفادات الشهود',
  statementsIntro: 'ترد الإفادات التالية كاملة في المرفق {annex}:',
  statementEntry: 'الإفادة {n}: {witness}',
  inLanguage: 'باللغة {language}',
  withTranslation: 'باللغة {language}، مع ترجمة إلى اللغة {translation}',
  categories: {
    I: 'الفئة الأولى: تعذّر الاحتجاج بأي أساس قانوني يبرر الحرمان من الحرية',
    II: 'الفئة الثانية: الحرمان من الحرية ناجم عن ممارسة حقوق أو حريات يكفلها الإعلان العالمي لحقوق الإنسان والعهد الدولي الخاص بالحقوق المدنية والسياسية',
    III: 'الفئة الثالثة: عدم مراعاة معايير المحاكمة العادلة بلغ من الخطورة حداً يضفي على الحرمان من الحرية طابعاً تعسفياً',
    IV: 'الفئة الرابعة: الاحتجاز الإداري المطوّل لملتمسي اللجوء أو المهاجرين أو اللاجئين دون مراجعة إدارية أو قضائية',
    V: 'الفئة الخامسة: الحرمان من الحرية يشكل تمييزاً',
  },
  categoryArgued: 'فئة الاحتجاز التعسفي المحتج بها (من الأولى إلى الخامسة)',

  part5: 'خامساً - سبل الانتصاف المحلية',
  remedies:
    'الخطوات المتخذة داخلياً، بما فيها سبل الانتصاف المحلية، لدى السلطات القضائية والإدارية، ونتائجها',
  remediesNotExhausted: 'أسباب عدم فعالية هذه الخطوات أو سبل الانتصاف أو عدم اتخاذها',
  domesticSteps: 'الخطوات والمراسلات المسجلة',
  otherProcedures: 'هل المسألة معروضة على إجراء دولي آخر؟',

  part6: 'سادساً - مقدّم البلاغ',
  orgName: 'المنظمة التي تقدّم هذا البلاغ',
  orgAddress: 'العنوان',
  orgEmail: 'البريد الإلكتروني',
  orgPhone: 'الهاتف',
  orgContact: 'البريد الإلكتروني أو الهاتف',
  signatory: 'وقّعه باسم المنظمة',
  submissionDate: 'التاريخ',
  signature: 'التوقيع',
  sourceConfidential: 'هل يجب الحفاظ على سرية هوية المصدر؟',

  consent: 'موافقة الأشخاص المحتجزين أو أسرهم',
  consentGivenBy: 'الموافقة صادرة عن',
  givenBy: {
    self: 'الشخص المحتجز نفسه',
    'family-member': 'أحد أفراد الأسرة',
    'legal-representative': 'ممثل قانوني',
  },
  consentDate: 'تاريخ الموافقة',
  consentForm: 'شكل الموافقة',
  forms: { oral: 'شفهية', written: 'مكتوبة', recorded: 'مسجَّلة' },
  knowsGovernment: 'يعلم أنه سيتم الاتصال بالحكومة',
  publicName: 'الاسم الذي يُستخدم في التقارير العلنية',
  namings: { name: 'الاسم الكامل', initials: 'الأحرف الأولى فقط', pseudonym: 'اسم مستعار' },

  annex: 'المرفق {n}: {title}',
  annexStatements: 'إفادات الشهود',
  statement: 'الإفادة {n}',
  witness: 'الشاهد',
  takenOn: 'تاريخ الإفادة',
  language: 'اللغة',
  method: 'طريقة أخذ الإفادة',
  original: 'الإفادة',
  translationInto: 'الترجمة إلى اللغة {language}',
  annexEvidence: 'الأدلة',
  evidenceIntro: 'ترافق الملفات المدرجة أدناه هذا البلاغ، ويُعرَّف كل منها ببصمة SHA-256 الخاصة به.',
  evidenceNumber: 'الرقم',
  evidenceDescription: 'الوصف',
  evidenceFile: 'الملف',
  capturedOn: 'التاريخ المسجّل في الملف: {date}',
  copyStripped: 'نسخة دون بيانات وصفية',
  copyOriginal: 'الملف الأصلي',
  detentionDetails: {
    forces: 'القوات التي تحتجز الشخص',
    warrantShown: 'هل أُبرز أمر قبض أو قرار آخر صادر عن سلطة عامة؟',
    authority: 'السلطة التي أصدرت الأمر أو أمرت بالاحتجاز',
    reasons: 'الأسباب التي تنسبها السلطات',
    legalBasis: 'الأساس القانوني، بما في ذلك التشريعات المطبقة',
    places: 'أماكن الاحتجاز',
  },
};

const ru: WgadWords = {
  title: 'Сообщение в Рабочую группу по произвольным задержаниям',
  subtitle: 'Типовой вопросник для лиц, сообщающих о произвольном аресте или задержании',
  concerning: 'Задержанные лица, о которых идёт речь',
  preparedOn: 'Дата настоящего сообщения',
  urgentAction:
    'Просим о срочных действиях: жизнь, здоровье или физическая неприкосновенность задержанного лица под угрозой.',
  noDetention: 'В этом деле не зарегистрировано ни ареста, ни задержания.',
  detainee: 'Задержанное лицо {n}: {name}',

  part1: 'I. Личность',
  name: 'Имя',
  familyName: 'Фамилия',
  firstName: 'Имя (имена)',
  familyNameLatin: 'Фамилия латинскими буквами',
  firstNameLatin: 'Имя латинскими буквами',
  sex: 'Пол',
  birth: 'Дата рождения или возраст (на момент ареста)',
  birthWithAge: '{date} (на момент ареста — {age})',
  ageOnly: 'Возраст на момент ареста: {age}',
  nationality: 'Гражданство',
  idDocument: 'Документ, удостоверяющий личность (вид, кем выдан, дата, номер)',
  idIssuedBy: 'выдан: {who}',
  idIssuedOn: 'дата выдачи: {date}',
  idNumber: '№ {number}',
  profession: 'Профессия и/или деятельность (если она, как считается, связана с арестом)',
  residence: 'Адрес обычного места жительства',

  part2: 'II. Арест',
  arrestDate: 'Дата ареста',
  arrestPlace: 'Место ареста (как можно подробнее)',
  arrestForces: 'Силы, осуществившие арест или предположительно его осуществившие',
  warrantShown: 'Был ли предъявлен ордер или иное решение государственного органа?',
  warrantAuthority: 'Орган, выдавший ордер или вынесший решение',
  arrestReasons: 'Основания ареста, выдвинутые властями',
  arrestLegalBasis:
    'Правовое основание ареста, включая применённое законодательство (если известно)',

  part3: 'III. Содержание под стражей',
  detentionDate: 'Дата заключения под стражу',
  detentionDuration: 'Срок содержания под стражей (если неизвестен, предполагаемый срок)',
  durationHeld:
    'По-прежнему под стражей на дату настоящего сообщения: {duration} (начало содержания под стражей: {date})',
  durationHeldNoLength:
    'По-прежнему под стражей на дату настоящего сообщения (начало содержания под стражей: {date})',
  durationEnded: '{duration} ({from} – {to})',
  durationEndedNoLength: '{from} – {to}',
  approximately: 'около {duration}',
  detentionForces: 'Силы, содержащие задержанного под стражей',
  detentionPlaces: 'Места содержания под стражей (укажите все переводы и нынешнее место)',
  placeFromTo: '{from} – {to}',
  placeFrom: 'начало: {date}',
  placeUntil: 'окончание: {date}',
  presentPlace: 'по настоящее время (нынешнее место содержания)',
  presentPlaceLabel: 'Нынешнее место содержания под стражей',
  detentionAuthority: 'Органы, распорядившиеся о заключении под стражу',
  detentionReasons: 'Основания заключения под стражу, выдвинутые властями',
  detentionLegalBasis:
    'Правовое основание заключения под стражу, включая применённое законодательство (если известно)',
  legalCounsel: 'Доступ к адвокату',
  familyInformed: 'Семья уведомлена о задержании',
  broughtBeforeJudge: 'Доставлен(а) к судье',

  part4:
    'IV. Обстоятельства ареста и содержания под стражей и причины, по которым лишение свободы является произвольным',
  circumstances: 'Обстоятельства',
  chronology: 'Хронология событий',
  perpetrators: 'Предполагаемые виновные: {names}.',
  statements: 'Показания свидетелей',
  statementsIntro: 'Следующие показания полностью приводятся в приложении {annex}:',
  statementEntry: 'Показания {n}: {witness}',
  inLanguage: 'язык: {language}',
  withTranslation: 'язык: {language}, с переводом (язык перевода: {translation})',
  categories: {
    I: 'Категория I: невозможно сослаться ни на какое правовое основание, оправдывающее лишение свободы',
    II: 'Категория II: лишение свободы является следствием осуществления прав или свобод, гарантированных ВДПЧ и МПГПП',
    III: 'Категория III: несоблюдение норм справедливого судебного разбирательства настолько серьёзно, что придаёт лишению свободы произвольный характер',
    IV: 'Категория IV: длительное административное задержание просителей убежища, иммигрантов или беженцев без административного или судебного контроля',
    V: 'Категория V: лишение свободы представляет собой дискриминацию',
  },
  categoryArgued: 'Категория произвольного задержания, на которую ссылается автор (I–V)',

  part5: 'V. Внутренние средства правовой защиты',
  remedies:
    'Меры, принятые внутри страны, включая внутренние средства правовой защиты, в судебных и административных органах, и их результаты',
  remediesNotExhausted:
    'Причины, по которым такие меры или средства защиты оказались неэффективными или не были приняты',
  domesticSteps: 'Зарегистрированные обращения и сообщения',
  otherProcedures: 'Рассматривается ли дело в рамках другой международной процедуры?',

  part6: 'VI. Автор сообщения',
  orgName: 'Организация, направляющая настоящее сообщение',
  orgAddress: 'Адрес',
  orgEmail: 'Электронная почта',
  orgPhone: 'Телефон',
  orgContact: 'Электронная почта или телефон',
  signatory: 'Подписано от имени организации',
  submissionDate: 'Дата',
  signature: 'Подпись',
  sourceConfidential: 'Следует ли сохранить в тайне личность источника?',

  consent: 'Согласие задержанных лиц или их семей',
  consentGivenBy: 'Согласие дано',
  givenBy: {
    self: 'самим задержанным лицом',
    'family-member': 'членом семьи',
    'legal-representative': 'законным представителем',
  },
  consentDate: 'Дата согласия',
  consentForm: 'Форма согласия',
  forms: { oral: 'устная', written: 'письменная', recorded: 'записанная' },
  knowsGovernment: 'Знает, что с правительством свяжутся',
  publicName: 'Имя для публичных докладов',
  namings: { name: 'полное имя', initials: 'только инициалы', pseudonym: 'псевдоним' },

  annex: 'Приложение {n}: {title}',
  annexStatements: 'Показания свидетелей',
  statement: 'Показания {n}',
  witness: 'Свидетель',
  takenOn: 'Дата показаний',
  language: 'Язык',
  method: 'Как получены',
  original: 'Показания',
  translationInto: 'Перевод (язык перевода: {language})',
  annexEvidence: 'Доказательства',
  evidenceIntro:
    'Перечисленные ниже файлы прилагаются к настоящему сообщению; каждый из них определяется своим хешем SHA-256.',
  evidenceNumber: '№',
  evidenceDescription: 'Описание',
  evidenceFile: 'Файл',
  capturedOn: 'Дата в файле: {date}',
  copyStripped: 'копия без метаданных',
  copyOriginal: 'исходный файл',
  detentionDetails: {
    forces: 'Силы, содержащие задержанного под стражей',
    warrantShown: 'Был ли предъявлен ордер или иное решение государственного органа?',
    authority: 'Орган, выдавший ордер или распорядившийся о заключении под стражу',
    reasons: 'Основания, выдвинутые властями',
    legalBasis: 'Правовое основание, включая применённое законодательство',
    places: 'Места содержания под стражей',
  },
};

export const WGAD_WORDS: Record<DossierLanguage, WgadWords> = { en, fr, es, ar, ru };
