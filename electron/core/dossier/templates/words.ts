import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * What the templates print, in each dossier language. Field labels follow the
 * wording of the WGAD model questionnaire; check them against the body's
 * current official form before relying on them in a filing.
 */
export interface Words {
  person: string; // "Person {n}"
  anonymousWitness: string;
  nameWithheld: string;
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
    withheld: string;
    withheldIntro: string;
    nothingWithheld: string;
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
    what: string;
    why: string;
  };
  wgad: {
    title: string;
    subtitle: string;
    checklist: string;
    checklistIntro: string;
    consent: string;
    consentIntro: string;
    shownAs: string;
    consentState: { recorded: string; missing: string; withdrawn: string; 'not-needed': string };
    covers: string;
    part1: string;
    familyName: string;
    firstName: string;
    idDocument: string;
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
    detentionForces: string;
    detentionPlaces: string;
    detentionAuthority: string;
    detentionReasons: string;
    detentionLegalBasis: string;
    part4: string;
    circumstances: string;
    categories: Record<'I' | 'II' | 'III' | 'IV' | 'V', string>;
    notArgued: string;
    part5: string;
    remedies: string;
    remediesNotExhausted: string;
    domesticSteps: string;
    otherProcedures: string;
    part6: string;
    submitterName: string;
    submitterOrganisation: string;
    submitterAddress: string;
    submitterContact: string;
    submissionDate: string;
    signature: string;
    sourceConfidential: string;
    urgentAction: string;
    detainee: string; // "Detained person {n}"
    noDetention: string;
    check: Record<string, string>;
  };
}

const en: Words = {
  person: 'Person {n}',
  anonymousWitness: 'Anonymous witness',
  nameWithheld: '[name withheld]',
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
    withheld: 'What this dossier leaves out',
    withheldIntro:
      'The following information stays in the organisation’s records and is not part of this dossier:',
    nothingWithheld: 'Nothing was left out.',
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
    what: 'What',
    why: 'Why',
  },
  wgad: {
    title: 'Communication to the Working Group on Arbitrary Detention',
    subtitle: 'Model questionnaire',
    checklist: 'Admissibility checklist',
    checklistIntro:
      'Items marked as missing should be completed before this communication is sent.',
    consent: 'Consent of the persons named',
    consentIntro: 'How each person appears in this communication, and the consent it rests on.',
    shownAs: 'Shown as',
    consentState: {
      recorded: 'recorded',
      missing: 'not recorded',
      withdrawn: 'withdrawn',
      'not-needed': 'not needed (alleged perpetrator or organisation)',
    },
    covers: 'Covers this communication',
    part1: 'I. Identity',
    familyName: 'Family name',
    firstName: 'First name',
    idDocument: 'Identity document (type, issued by, date, number)',
    profession: 'Profession and/or activity (if believed to be relevant to the arrest)',
    residence: 'Address of usual residence',
    part2: 'II. Arrest',
    arrestDate: 'Date of arrest',
    arrestPlace: 'Place of arrest (as detailed as possible)',
    arrestForces: 'Forces who carried out the arrest or are believed to have carried it out',
    warrantShown: 'Did they show a warrant or other decision by a public authority?',
    warrantAuthority: 'Authority who issued the warrant or decision',
    arrestReasons: 'Reasons for the arrest imputed by the authorities',
    arrestLegalBasis:
      'Legal basis for the arrest, including relevant legislation applied (if known)',
    part3: 'III. Detention',
    detentionDate: 'Date of detention',
    detentionDuration: 'Duration of detention (if not known, probable duration)',
    detentionForces: 'Forces holding the detainee under custody',
    detentionPlaces: 'Places of detention (indicate any transfer and present place of detention)',
    detentionAuthority: 'Authorities that ordered the detention',
    detentionReasons: 'Reasons for the detention imputed by the authorities',
    detentionLegalBasis:
      'Legal basis for the detention, including relevant legislation applied (if known)',
    part4:
      'IV. Circumstances of the arrest and detention, and reasons why the deprivation of liberty is arbitrary',
    circumstances: 'Circumstances',
    categories: {
      I: 'Category I: no legal basis can be invoked to justify the deprivation of liberty',
      II: 'Category II: the deprivation of liberty results from the exercise of rights or freedoms guaranteed by the UDHR and the ICCPR',
      III: 'Category III: non-observance of the norms of a fair trial is of such gravity as to make the deprivation of liberty arbitrary',
      IV: 'Category IV: prolonged administrative custody of asylum seekers, immigrants or refugees without administrative or judicial review',
      V: 'Category V: the deprivation of liberty constitutes discrimination',
    },
    notArgued: 'Not argued.',
    part5: 'V. Domestic remedies',
    remedies:
      'Internal steps taken, including domestic remedies, with the legal and administrative authorities, and their results',
    remediesNotExhausted: 'Reasons why such steps or remedies were ineffective or were not taken',
    domesticSteps: 'Recorded steps and communications',
    otherProcedures: 'Is the matter before another international procedure?',
    part6: 'VI. Full name and address of the person(s) submitting the information',
    submitterName: 'Name',
    submitterOrganisation: 'Organisation',
    submitterAddress: 'Address',
    submitterContact: 'Telephone, e-mail',
    submissionDate: 'Date',
    signature: 'Signature',
    sourceConfidential: 'The identity of the source must be kept confidential',
    urgentAction: 'Urgent action requested (risk to life, health or physical integrity)',
    detainee: 'Detained person {n}',
    noDetention: 'No arrest or detention is recorded in this case.',
    check: {
      detainee: 'A detained person is identified',
      detaineeConsent:
        'The consent of the detained person or their family is recorded and covers this communication',
      familyName: 'Family name of the detained person',
      arrestDate: 'Date of arrest',
      arrestPlace: 'Place of arrest',
      arrestForces: 'Forces who carried out the arrest',
      warrant: 'Whether a warrant was shown',
      legalBasis: 'Legal basis invoked by the authorities',
      detentionPlaces: 'Places of detention',
      detentionAuthority: 'Authority that ordered the detention',
      category: 'At least one category of arbitrary detention (I–V) is argued',
      circumstances: 'The circumstances of the arrest and detention are described',
      remedies: 'Domestic remedies, or why none were pursued',
      submitter: 'The submitter’s name',
      signingKey: 'The organisation’s signing key',
    },
  },
};

const es: Words = {
  person: 'Persona {n}',
  anonymousWitness: 'Testigo anónimo',
  nameWithheld: '[nombre reservado]',
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
    withheld: 'Lo que este expediente no incluye',
    withheldIntro:
      'La siguiente información permanece en los registros de la organización y no forma parte de este expediente:',
    nothingWithheld: 'No se omitió nada.',
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
    what: 'Qué',
    why: 'Por qué',
  },
  wgad: {
    title: 'Comunicación al Grupo de Trabajo sobre la Detención Arbitraria',
    subtitle: 'Cuestionario modelo',
    checklist: 'Lista de verificación de admisibilidad',
    checklistIntro:
      'Los elementos marcados como faltantes deberían completarse antes de enviar esta comunicación.',
    consent: 'Consentimiento de las personas mencionadas',
    consentIntro:
      'Cómo aparece cada persona en esta comunicación y el consentimiento en que se basa.',
    shownAs: 'Aparece como',
    consentState: {
      recorded: 'registrado',
      missing: 'no registrado',
      withdrawn: 'retirado',
      'not-needed': 'no necesario (presunto responsable u organización)',
    },
    covers: 'Cubre esta comunicación',
    part1: 'I. Identidad',
    familyName: 'Apellidos',
    firstName: 'Nombre',
    idDocument: 'Documento de identidad (tipo, expedido por, fecha, número)',
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
    detentionForces: 'Fuerzas que tienen al detenido bajo custodia',
    detentionPlaces: 'Lugares de detención (indique todo traslado y el lugar actual de detención)',
    detentionAuthority: 'Autoridades que ordenaron la detención',
    detentionReasons: 'Razones de la detención invocadas por las autoridades',
    detentionLegalBasis:
      'Fundamento jurídico de la detención, incluida la legislación aplicada (si se conoce)',
    part4:
      'IV. Circunstancias del arresto y la detención, y razones por las que la privación de libertad es arbitraria',
    circumstances: 'Circunstancias',
    categories: {
      I: 'Categoría I: no puede invocarse ningún fundamento jurídico que justifique la privación de libertad',
      II: 'Categoría II: la privación de libertad resulta del ejercicio de derechos o libertades garantizados por la DUDH y el PIDCP',
      III: 'Categoría III: la inobservancia de las normas de un juicio imparcial es de tal gravedad que confiere a la privación de libertad carácter arbitrario',
      IV: 'Categoría IV: detención administrativa prolongada de solicitantes de asilo, inmigrantes o refugiados sin revisión administrativa o judicial',
      V: 'Categoría V: la privación de libertad constituye discriminación',
    },
    notArgued: 'No se invoca.',
    part5: 'V. Recursos internos',
    remedies:
      'Gestiones realizadas, incluidos los recursos internos, ante las autoridades judiciales y administrativas, y sus resultados',
    remediesNotExhausted:
      'Razones por las que esas gestiones o recursos fueron ineficaces o no se emprendieron',
    domesticSteps: 'Gestiones y comunicaciones registradas',
    otherProcedures: '¿Está el asunto ante otro procedimiento internacional?',
    part6: 'VI. Nombre completo y dirección de la(s) persona(s) que presenta(n) la información',
    submitterName: 'Nombre',
    submitterOrganisation: 'Organización',
    submitterAddress: 'Dirección',
    submitterContact: 'Teléfono, correo electrónico',
    submissionDate: 'Fecha',
    signature: 'Firma',
    sourceConfidential: 'La identidad de la fuente debe mantenerse confidencial',
    urgentAction:
      'Se solicita acción urgente (riesgo para la vida, la salud o la integridad física)',
    detainee: 'Persona detenida {n}',
    noDetention: 'En este caso no se ha registrado ningún arresto ni detención.',
    check: {
      detainee: 'Se identifica a una persona detenida',
      detaineeConsent:
        'Consta el consentimiento de la persona detenida o de su familia y cubre esta comunicación',
      familyName: 'Apellidos de la persona detenida',
      arrestDate: 'Fecha del arresto',
      arrestPlace: 'Lugar del arresto',
      arrestForces: 'Fuerzas que efectuaron el arresto',
      warrant: 'Si se mostró una orden',
      legalBasis: 'Fundamento jurídico invocado por las autoridades',
      detentionPlaces: 'Lugares de detención',
      detentionAuthority: 'Autoridad que ordenó la detención',
      category: 'Se invoca al menos una categoría de detención arbitraria (I–V)',
      circumstances: 'Se describen las circunstancias del arresto y la detención',
      remedies: 'Recursos internos, o por qué no se interpusieron',
      submitter: 'Nombre de quien presenta la comunicación',
      signingKey: 'Clave de firma de la organización',
    },
  },
};

const fr: Words = {
  person: 'Personne {n}',
  anonymousWitness: 'Témoin anonyme',
  nameWithheld: '[nom non communiqué]',
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
    withheld: 'Ce que ce dossier ne contient pas',
    withheldIntro:
      'Les informations suivantes restent dans les archives de l’organisation et ne font pas partie de ce dossier :',
    nothingWithheld: 'Rien n’a été omis.',
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
    what: 'Quoi',
    why: 'Pourquoi',
  },
  wgad: {
    title: 'Communication au Groupe de travail sur la détention arbitraire',
    subtitle: 'Questionnaire type',
    checklist: 'Liste de contrôle de la recevabilité',
    checklistIntro:
      'Les éléments signalés comme manquants devraient être complétés avant l’envoi de cette communication.',
    consent: 'Consentement des personnes nommées',
    consentIntro:
      'La manière dont chaque personne apparaît dans cette communication, et le consentement sur lequel elle repose.',
    shownAs: 'Apparaît comme',
    consentState: {
      recorded: 'enregistré',
      missing: 'non enregistré',
      withdrawn: 'retiré',
      'not-needed': 'non requis (auteur présumé ou organisation)',
    },
    covers: 'Couvre cette communication',
    part1: 'I. Identité',
    familyName: 'Nom de famille',
    firstName: 'Prénom',
    idDocument: 'Pièce d’identité (type, délivrée par, date, numéro)',
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
    detentionForces: 'Forces ayant la garde du détenu',
    detentionPlaces: 'Lieux de détention (indiquer tout transfert et le lieu actuel de détention)',
    detentionAuthority: 'Autorités ayant ordonné la détention',
    detentionReasons: 'Motifs de la détention invoqués par les autorités',
    detentionLegalBasis:
      'Fondement juridique de la détention, y compris la législation appliquée (si elle est connue)',
    part4:
      'IV. Circonstances de l’arrestation et de la détention, et raisons pour lesquelles la privation de liberté est arbitraire',
    circumstances: 'Circonstances',
    categories: {
      I: 'Catégorie I : aucun fondement juridique ne peut être invoqué pour justifier la privation de liberté',
      II: 'Catégorie II : la privation de liberté résulte de l’exercice de droits ou de libertés garantis par la DUDH et le PIDCP',
      III: 'Catégorie III : l’inobservation des normes relatives au droit à un procès équitable est d’une gravité telle qu’elle rend la privation de liberté arbitraire',
      IV: 'Catégorie IV : rétention administrative prolongée de demandeurs d’asile, d’immigrants ou de réfugiés sans contrôle administratif ou juridictionnel',
      V: 'Catégorie V : la privation de liberté constitue une discrimination',
    },
    notArgued: 'Non invoquée.',
    part5: 'V. Recours internes',
    remedies:
      'Démarches entreprises, y compris les recours internes, auprès des autorités judiciaires et administratives, et leurs résultats',
    remediesNotExhausted:
      'Raisons pour lesquelles ces démarches ou recours ont été inefficaces ou n’ont pas été engagés',
    domesticSteps: 'Démarches et communications enregistrées',
    otherProcedures: 'L’affaire est-elle soumise à une autre procédure internationale ?',
    part6: 'VI. Nom complet et adresse de la ou des personnes soumettant l’information',
    submitterName: 'Nom',
    submitterOrganisation: 'Organisation',
    submitterAddress: 'Adresse',
    submitterContact: 'Téléphone, courriel',
    submissionDate: 'Date',
    signature: 'Signature',
    sourceConfidential: 'L’identité de la source doit rester confidentielle',
    urgentAction: 'Action urgente demandée (risque pour la vie, la santé ou l’intégrité physique)',
    detainee: 'Personne détenue {n}',
    noDetention: 'Aucune arrestation ni détention n’est enregistrée dans ce cas.',
    check: {
      detainee: 'Une personne détenue est identifiée',
      detaineeConsent:
        'Le consentement de la personne détenue ou de sa famille est enregistré et couvre cette communication',
      familyName: 'Nom de famille de la personne détenue',
      arrestDate: 'Date de l’arrestation',
      arrestPlace: 'Lieu de l’arrestation',
      arrestForces: 'Forces ayant procédé à l’arrestation',
      warrant: 'Si un mandat a été présenté',
      legalBasis: 'Fondement juridique invoqué par les autorités',
      detentionPlaces: 'Lieux de détention',
      detentionAuthority: 'Autorité ayant ordonné la détention',
      category: 'Au moins une catégorie de détention arbitraire (I à V) est invoquée',
      circumstances: 'Les circonstances de l’arrestation et de la détention sont décrites',
      remedies: 'Recours internes, ou pourquoi aucun n’a été engagé',
      submitter: 'Nom de l’auteur de la communication',
      signingKey: 'Clé de signature de l’organisation',
    },
  },
};

const ar: Words = {
  person: 'الشخص {n}',
  anonymousWitness: 'شاهد مجهول الهوية',
  nameWithheld: '[الاسم محجوب]',
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
    withheld: 'ما لا يتضمنه هذا الملف',
    withheldIntro: 'تبقى المعلومات التالية في سجلات المنظمة ولا تشكل جزءاً من هذا الملف:',
    nothingWithheld: 'لم يُحجب أي شيء.',
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
    what: 'ماذا',
    why: 'لماذا',
  },
  wgad: {
    title: 'بلاغ إلى الفريق العامل المعني بالاحتجاز التعسفي',
    subtitle: 'الاستبيان النموذجي',
    checklist: 'قائمة التحقق من المقبولية',
    checklistIntro: 'ينبغي استكمال البنود المشار إليها بأنها ناقصة قبل إرسال هذا البلاغ.',
    consent: 'موافقة الأشخاص المذكورين',
    consentIntro: 'كيف يظهر كل شخص في هذا البلاغ، والموافقة التي يستند إليها ذلك.',
    shownAs: 'يظهر باسم',
    consentState: {
      recorded: 'مسجلة',
      missing: 'غير مسجلة',
      withdrawn: 'مسحوبة',
      'not-needed': 'غير لازمة (جانٍ مزعوم أو منظمة)',
    },
    covers: 'تشمل هذا البلاغ',
    part1: 'أولاً - الهوية',
    familyName: 'اسم العائلة',
    firstName: 'الاسم الأول',
    idDocument: 'وثيقة الهوية (النوع، الجهة المصدرة، التاريخ، الرقم)',
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
    detentionForces: 'القوات التي تحتجز الشخص',
    detentionPlaces: 'أماكن الاحتجاز (مع بيان أي نقل ومكان الاحتجاز الحالي)',
    detentionAuthority: 'السلطات التي أمرت بالاحتجاز',
    detentionReasons: 'أسباب الاحتجاز التي تنسبها السلطات',
    detentionLegalBasis: 'الأساس القانوني للاحتجاز، بما في ذلك التشريعات المطبقة (إن كانت معروفة)',
    part4: 'رابعاً - ملابسات القبض والاحتجاز، وأسباب اعتبار الحرمان من الحرية تعسفياً',
    circumstances: 'الملابسات',
    categories: {
      I: 'الفئة الأولى: تعذّر الاحتجاج بأي أساس قانوني يبرر الحرمان من الحرية',
      II: 'الفئة الثانية: الحرمان من الحرية ناجم عن ممارسة حقوق أو حريات يكفلها الإعلان العالمي لحقوق الإنسان والعهد الدولي الخاص بالحقوق المدنية والسياسية',
      III: 'الفئة الثالثة: عدم مراعاة معايير المحاكمة العادلة بلغ من الخطورة حداً يضفي على الحرمان من الحرية طابعاً تعسفياً',
      IV: 'الفئة الرابعة: الاحتجاز الإداري المطوّل لملتمسي اللجوء أو المهاجرين أو اللاجئين دون مراجعة إدارية أو قضائية',
      V: 'الفئة الخامسة: الحرمان من الحرية يشكل تمييزاً',
    },
    notArgued: 'لا يُحتج بها.',
    part5: 'خامساً - سبل الانتصاف المحلية',
    remedies:
      'الخطوات المتخذة، بما فيها سبل الانتصاف المحلية، لدى السلطات القضائية والإدارية، ونتائجها',
    remediesNotExhausted: 'أسباب عدم فعالية هذه الخطوات أو سبل الانتصاف أو عدم اتخاذها',
    domesticSteps: 'الخطوات والمراسلات المسجلة',
    otherProcedures: 'هل المسألة معروضة على إجراء دولي آخر؟',
    part6: 'سادساً - الاسم الكامل وعنوان الشخص (الأشخاص) الذي يقدم المعلومات',
    submitterName: 'الاسم',
    submitterOrganisation: 'المنظمة',
    submitterAddress: 'العنوان',
    submitterContact: 'الهاتف، البريد الإلكتروني',
    submissionDate: 'التاريخ',
    signature: 'التوقيع',
    sourceConfidential: 'يجب الحفاظ على سرية هوية المصدر',
    urgentAction: 'يُطلب إجراء عاجل (خطر على الحياة أو الصحة أو السلامة الجسدية)',
    detainee: 'الشخص المحتجز {n}',
    noDetention: 'لم يُسجَّل أي قبض أو احتجاز في هذه الحالة.',
    check: {
      detainee: 'تحديد هوية شخص محتجز',
      detaineeConsent: 'موافقة الشخص المحتجز أو أسرته مسجلة وتشمل هذا البلاغ',
      familyName: 'اسم عائلة الشخص المحتجز',
      arrestDate: 'تاريخ القبض',
      arrestPlace: 'مكان القبض',
      arrestForces: 'القوات التي نفذت القبض',
      warrant: 'ما إذا أُبرز أمر قبض',
      legalBasis: 'الأساس القانوني الذي تحتج به السلطات',
      detentionPlaces: 'أماكن الاحتجاز',
      detentionAuthority: 'السلطة التي أمرت بالاحتجاز',
      category: 'الاحتجاج بفئة واحدة على الأقل من فئات الاحتجاز التعسفي (الأولى إلى الخامسة)',
      circumstances: 'وصف ملابسات القبض والاحتجاز',
      remedies: 'سبل الانتصاف المحلية، أو سبب عدم اللجوء إليها',
      submitter: 'اسم مقدم البلاغ',
      signingKey: 'مفتاح التوقيع الخاص بالمنظمة',
    },
  },
};

const ru: Words = {
  person: 'Лицо {n}',
  anonymousWitness: 'Анонимный свидетель',
  nameWithheld: '[имя скрыто]',
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
    withheld: 'Что не включено в это досье',
    withheldIntro: 'Следующие сведения остаются в записях организации и не входят в это досье:',
    nothingWithheld: 'Ничего не было исключено.',
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
    what: 'Что',
    why: 'Почему',
  },
  wgad: {
    title: 'Сообщение в Рабочую группу по произвольным задержаниям',
    subtitle: 'Типовой вопросник',
    checklist: 'Контрольный список приемлемости',
    checklistIntro:
      'Пункты, отмеченные как отсутствующие, следует заполнить до отправки сообщения.',
    consent: 'Согласие упомянутых лиц',
    consentIntro: 'Как каждое лицо представлено в этом сообщении и на каком согласии это основано.',
    shownAs: 'Указан(а) как',
    consentState: {
      recorded: 'зафиксировано',
      missing: 'не зафиксировано',
      withdrawn: 'отозвано',
      'not-needed': 'не требуется (предполагаемый виновный или организация)',
    },
    covers: 'Распространяется на это сообщение',
    part1: 'I. Личность',
    familyName: 'Фамилия',
    firstName: 'Имя',
    idDocument: 'Документ, удостоверяющий личность (вид, кем выдан, дата, номер)',
    profession: 'Профессия и/или деятельность (если считается, что она связана с арестом)',
    residence: 'Адрес обычного места жительства',
    part2: 'II. Арест',
    arrestDate: 'Дата ареста',
    arrestPlace: 'Место ареста (как можно подробнее)',
    arrestForces: 'Силы, осуществившие арест или предположительно осуществившие его',
    warrantShown: 'Был ли предъявлен ордер или иное решение государственного органа?',
    warrantAuthority: 'Орган, выдавший ордер или решение',
    arrestReasons: 'Основания ареста, выдвинутые властями',
    arrestLegalBasis:
      'Правовое основание ареста, включая применённое законодательство (если известно)',
    part3: 'III. Содержание под стражей',
    detentionDate: 'Дата заключения под стражу',
    detentionDuration: 'Срок содержания под стражей (если неизвестен — вероятный срок)',
    detentionForces: 'Силы, содержащие задержанного под стражей',
    detentionPlaces:
      'Места содержания под стражей (укажите все переводы и нынешнее место содержания)',
    detentionAuthority: 'Органы, распорядившиеся о содержании под стражей',
    detentionReasons: 'Основания содержания под стражей, выдвинутые властями',
    detentionLegalBasis:
      'Правовое основание содержания под стражей, включая применённое законодательство (если известно)',
    part4:
      'IV. Обстоятельства ареста и содержания под стражей и причины, по которым лишение свободы является произвольным',
    circumstances: 'Обстоятельства',
    categories: {
      I: 'Категория I: невозможно сослаться на какое-либо правовое основание, оправдывающее лишение свободы',
      II: 'Категория II: лишение свободы является следствием осуществления прав или свобод, гарантированных ВДПЧ и МПГПП',
      III: 'Категория III: несоблюдение норм справедливого судебного разбирательства настолько серьёзно, что придаёт лишению свободы произвольный характер',
      IV: 'Категория IV: длительное административное задержание просителей убежища, иммигрантов или беженцев без административного или судебного контроля',
      V: 'Категория V: лишение свободы представляет собой дискриминацию',
    },
    notArgued: 'Не заявляется.',
    part5: 'V. Внутренние средства правовой защиты',
    remedies:
      'Предпринятые шаги, включая внутренние средства правовой защиты, в судебных и административных органах, и их результаты',
    remediesNotExhausted:
      'Причины, по которым эти шаги или средства защиты оказались неэффективными или не были предприняты',
    domesticSteps: 'Зафиксированные шаги и обращения',
    otherProcedures: 'Рассматривается ли дело в рамках другой международной процедуры?',
    part6: 'VI. Полное имя и адрес лица (лиц), представляющего(-их) информацию',
    submitterName: 'Имя',
    submitterOrganisation: 'Организация',
    submitterAddress: 'Адрес',
    submitterContact: 'Телефон, электронная почта',
    submissionDate: 'Дата',
    signature: 'Подпись',
    sourceConfidential: 'Личность источника должна сохраняться в тайне',
    urgentAction:
      'Запрашиваются срочные меры (угроза жизни, здоровью или физической неприкосновенности)',
    detainee: 'Задержанное лицо {n}',
    noDetention: 'В этом деле не зафиксировано ни ареста, ни содержания под стражей.',
    check: {
      detainee: 'Задержанное лицо установлено',
      detaineeConsent:
        'Согласие задержанного лица или его семьи зафиксировано и распространяется на это сообщение',
      familyName: 'Фамилия задержанного лица',
      arrestDate: 'Дата ареста',
      arrestPlace: 'Место ареста',
      arrestForces: 'Силы, осуществившие арест',
      warrant: 'Был ли предъявлен ордер',
      legalBasis: 'Правовое основание, на которое ссылаются власти',
      detentionPlaces: 'Места содержания под стражей',
      detentionAuthority: 'Орган, распорядившийся о содержании под стражей',
      category: 'Заявлена хотя бы одна категория произвольного задержания (I–V)',
      circumstances: 'Описаны обстоятельства ареста и содержания под стражей',
      remedies: 'Внутренние средства правовой защиты или причина, по которой к ним не прибегали',
      submitter: 'Имя автора сообщения',
      signingKey: 'Ключ подписи организации',
    },
  },
};

export const WORDS: Record<DossierLanguage, Words> = { en, es, fr, ar, ru };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
