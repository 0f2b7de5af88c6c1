import { labels, term, type Vocabulary } from './types';

export const testimonyMethod: Vocabulary = {
  name: 'testimony-method',
  version: 1,
  extensible: true,
  title: labels(
    'How the testimony was taken',
    'Cómo se tomó el testimonio',
    'Mode de recueil du témoignage',
    'طريقة أخذ الشهادة',
    'Способ получения показаний',
  ),
  terms: [
    term('in-person', 'In person', 'En persona', 'En personne', 'شخصيًا', 'Лично'),
    term(
      'phone',
      'Phone call',
      'Llamada telefónica',
      'Appel téléphonique',
      'مكالمة هاتفية',
      'Телефонный звонок',
    ),
    term('video-call', 'Video call', 'Videollamada', 'Appel vidéo', 'مكالمة فيديو', 'Видеозвонок'),
    term(
      'secure-messaging',
      'Secure messaging',
      'Mensajería segura',
      'Messagerie sécurisée',
      'مراسلة آمنة',
      'Защищённый мессенджер',
    ),
    term(
      'email',
      'Email',
      'Correo electrónico',
      'Courriel',
      'البريد الإلكتروني',
      'Электронная почта',
    ),
    term(
      'written-statement',
      'Written statement',
      'Declaración escrita',
      'Déclaration écrite',
      'إفادة مكتوبة',
      'Письменное заявление',
    ),
    term('other', 'Other', 'Otro', 'Autre', 'أخرى', 'Другое'),
  ],
};
