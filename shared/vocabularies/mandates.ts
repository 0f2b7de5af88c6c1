import { labels, term, type Vocabulary } from './types';

/**
 * The thematic UN Special Procedures mandates a communication can be
 * addressed to (the mechanism facts' `mandates`). Closed: the Special
 * Procedures communication names each in the body's own words, so an
 * organisation's own term would have no official title to print. The
 * Special Rapporteur on human rights defenders (`hrd`) is the default when
 * none is chosen.
 */
export const spMandate: Vocabulary = {
  name: 'sp-mandate',
  version: 1,
  extensible: false,
  title: labels(
    'Special Procedures mandate',
    'Mandato de procedimientos especiales',
    'Mandat de procédure spéciale',
    'ولاية الإجراءات الخاصة',
    'Мандат специальных процедур',
  ),
  terms: [
    term(
      'hrd',
      'Special Rapporteur on the situation of human rights defenders',
      'Relator Especial sobre la situación de los defensores de derechos humanos',
      "Rapporteur spécial sur la situation des défenseurs des droits de l'homme",
      'المقرر الخاص المعني بحالة المدافعين عن حقوق الإنسان',
      'Специальный докладчик по вопросу о положении правозащитников',
    ),
    term(
      'expression',
      'Special Rapporteur on the promotion and protection of the right to freedom of opinion and expression',
      'Relator Especial sobre la promoción y protección del derecho a la libertad de opinión y de expresión',
      "Rapporteur spécial sur la promotion et la protection du droit à la liberté d'opinion et d'expression",
      'المقرر الخاص المعني بتعزيز وحماية الحق في حرية الرأي والتعبير',
      'Специальный докладчик по вопросу о поощрении и защите права на свободу мнений и их свободное выражение',
    ),
    term(
      'assembly-association',
      'Special Rapporteur on the rights to freedom of peaceful assembly and of association',
      'Relator Especial sobre los derechos a la libertad de reunión pacífica y de asociación',
      'Rapporteur spécial sur le droit de réunion pacifique et la liberté d’association',
      'المقرر الخاص المعني بالحق في حرية التجمع السلمي وتكوين الجمعيات',
      'Специальный докладчик по вопросу о праве на свободу мирных собраний и праве на свободу ассоциации',
    ),
    term(
      'torture',
      'Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment',
      'Relator Especial sobre la tortura y otros tratos o penas crueles, inhumanos o degradantes',
      'Rapporteur spécial sur la torture et autres peines ou traitements cruels, inhumains ou dégradants',
      'المقرر الخاص المعني بمسألة التعذيب وغيره من ضروب المعاملة أو العقوبة القاسية أو اللاإنسانية أو المهينة',
      'Специальный докладчик по вопросу о пытках и других жестоких, бесчеловечных или унижающих достоинство видах обращения и наказания',
    ),
    term(
      'judges-lawyers',
      'Special Rapporteur on the independence of judges and lawyers',
      'Relator Especial sobre la independencia de los magistrados y abogados',
      'Rapporteur spécial sur l’indépendance des juges et des avocats',
      'المقرر الخاص المعني باستقلال القضاة والمحامين',
      'Специальный докладчик по вопросу о независимости судей и адвокатов',
    ),
    term(
      'executions',
      'Special Rapporteur on extrajudicial, summary or arbitrary executions',
      'Relator Especial sobre las ejecuciones extrajudiciales, sumarias o arbitrarias',
      'Rapporteur spécial sur les exécutions extrajudiciaires, sommaires ou arbitraires',
      'المقرر الخاص المعني بحالات الإعدام خارج نطاق القضاء أو بإجراءات موجزة أو تعسفاً',
      'Специальный докладчик по вопросу о внесудебных казнях, казнях без надлежащего судебного разбирательства или произвольных казнях',
    ),
    term(
      'arbitrary-detention',
      'Working Group on Arbitrary Detention',
      'Grupo de Trabajo sobre la Detención Arbitraria',
      'Groupe de travail sur la détention arbitraire',
      'الفريق العامل المعني بالاحتجاز التعسفي',
      'Рабочая группа по произвольным задержаниям',
    ),
    term(
      'disappearances',
      'Working Group on Enforced or Involuntary Disappearances',
      'Grupo de Trabajo sobre las Desapariciones Forzadas o Involuntarias',
      'Groupe de travail sur les disparitions forcées ou involontaires',
      'الفريق العامل المعني بحالات الاختفاء القسري أو غير الطوعي',
      'Рабочая группа по насильственным или недобровольным исчезновениям',
    ),
    term(
      'counter-terrorism',
      'Special Rapporteur on the promotion and protection of human rights and fundamental freedoms while countering terrorism',
      'Relator Especial sobre la promoción y la protección de los derechos humanos y las libertades fundamentales en la lucha contra el terrorismo',
      'Rapporteur spécial sur la promotion et la protection des droits de l’homme et des libertés fondamentales dans la lutte antiterroriste',
      'المقرر الخاص المعني بتعزيز وحماية حقوق الإنسان والحريات الأساسية في سياق مكافحة الإرهاب',
      'Специальный докладчик по вопросу о поощрении и защите прав человека и основных свобод в условиях борьбы с терроризмом',
    ),
    term(
      'privacy',
      'Special Rapporteur on the right to privacy',
      'Relator Especial sobre el derecho a la privacidad',
      'Rapporteur spécial sur le droit à la vie privée',
      'المقرر الخاص المعني بالحق في الخصوصية',
      'Специальный докладчик по вопросу о праве на неприкосновенность частной жизни',
    ),
    term(
      'religion-belief',
      'Special Rapporteur on freedom of religion or belief',
      'Relator Especial sobre la libertad de religión o de creencias',
      'Rapporteur spécial sur la liberté de religion ou de conviction',
      'المقرر الخاص المعني بحرية الدين أو المعتقد',
      'Специальный докладчик по вопросу о свободе религии или убеждений',
    ),
    term(
      'violence-against-women',
      'Special Rapporteur on violence against women and girls, its causes and consequences',
      'Relatora Especial sobre la violencia contra las mujeres y las niñas, sus causas y consecuencias',
      'Rapporteuse spéciale sur la violence contre les femmes et les filles, ses causes et ses conséquences',
      'المقررة الخاصة المعنية بالعنف ضد النساء والفتيات وأسبابه وعواقبه',
      'Специальный докладчик по вопросу о насилии в отношении женщин и девочек, его причинах и последствиях',
    ),
    term(
      'indigenous-peoples',
      'Special Rapporteur on the rights of Indigenous Peoples',
      'Relator Especial sobre los derechos de los pueblos indígenas',
      'Rapporteur spécial sur les droits des peuples autochtones',
      'المقرر الخاص المعني بحقوق الشعوب الأصلية',
      'Специальный докладчик по вопросу о правах коренных народов',
    ),
    term(
      'environment',
      'Special Rapporteur on human rights and the environment',
      'Relator Especial sobre los derechos humanos y el medio ambiente',
      'Rapporteur spécial sur les droits de l’homme et l’environnement',
      'المقرر الخاص المعني بمسألة حقوق الإنسان والبيئة',
      'Специальный докладчик по вопросу о правах человека и окружающей среде',
    ),
    term(
      'business',
      'Working Group on the issue of human rights and transnational corporations and other business enterprises',
      'Grupo de Trabajo sobre la cuestión de los derechos humanos y las empresas transnacionales y otras empresas',
      'Groupe de travail sur la question des droits de l’homme et des sociétés transnationales et autres entreprises',
      'الفريق العامل المعني بمسألة حقوق الإنسان والشركات عبر الوطنية وغيرها من مؤسسات الأعمال',
      'Рабочая группа по вопросу о правах человека и транснациональных корпорациях и других предприятиях',
    ),
  ],
};

/** The mandate a communication is addressed to when none is chosen. */
export const DEFAULT_SP_MANDATE = 'hrd';
export const SP_MANDATES = spMandate.terms.map((t) => t.id);
