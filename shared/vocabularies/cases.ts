import { labels, term, type Vocabulary } from './types';

export const caseStatus: Vocabulary = {
  name: 'case-status',
  version: 1,
  extensible: true,
  title: labels(
    'Case status',
    'Estado del caso',
    'Statut du dossier',
    'حالة القضية',
    'Статус дела',
  ),
  terms: [
    term('open', 'Open', 'Abierto', 'Ouvert', 'مفتوحة', 'Открыто'),
    term(
      'documenting',
      'Being documented',
      'En documentación',
      'En cours de documentation',
      'قيد التوثيق',
      'Документируется',
    ),
    term('submitted', 'Submitted', 'Presentado', 'Soumis', 'مقدَّمة', 'Подано'),
    term('follow-up', 'In follow-up', 'En seguimiento', 'En suivi', 'قيد المتابعة', 'На контроле'),
    term('closed', 'Closed', 'Cerrado', 'Clos', 'مغلقة', 'Закрыто'),
    term('archived', 'Archived', 'Archivado', 'Archivé', 'مؤرشفة', 'В архиве'),
  ],
};

export const confidentiality: Vocabulary = {
  name: 'confidentiality',
  version: 1,
  // Exports decide what to withhold from these levels: their meaning is fixed.
  extensible: false,
  title: labels(
    'Confidentiality',
    'Confidencialidad',
    'Confidentialité',
    'درجة السرية',
    'Конфиденциальность',
  ),
  terms: [
    term('public', 'Public', 'Pública', 'Publique', 'علنية', 'Открытая'),
    term('internal', 'Internal', 'Interna', 'Interne', 'داخلية', 'Внутренняя'),
    term(
      'confidential',
      'Confidential',
      'Confidencial',
      'Confidentielle',
      'سرية',
      'Конфиденциальная',
    ),
    term(
      'restricted',
      'Strictly restricted',
      'Estrictamente reservada',
      'Strictement restreinte',
      'مقيدة بشدة',
      'Строго ограниченная',
    ),
  ],
};
