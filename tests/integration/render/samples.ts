// Sample documents that exercise every block type, in English, Russian and
// Arabic (right to left), with names in other scripts mixed in. The texts are
// invented for tests.
import type { DocumentModel } from '../../../electron/core/render';
import { bold, italic, missing, withheld } from '../../../electron/core/render';

export const ARABIC_NAME = 'عبد الله الحسيني';
export const ARABIC_NAME_2 = 'فاطمة الزهراء';
export const CYRILLIC_NAME = 'Ольга Петровна Смирнова';

export function englishSample(): DocumentModel {
  return {
    title: 'Submission to the Working Group on Arbitrary Detention',
    subtitle: `Case of ${ARABIC_NAME}`,
    language: 'en',
    header: 'WGAD model questionnaire — confidential',
    footer: 'Confidential: for the Working Group only',
    blocks: [
      { type: 'heading', level: 1, text: 'I. Identity' },
      {
        type: 'fields',
        fields: [
          { label: 'Family name', value: 'Al-Husseini' },
          { label: 'First name', value: ARABIC_NAME },
          { label: 'Sex', value: 'Male' },
          { label: 'Birth date or age', value: missing('birth date') },
          { label: 'Nationality', value: 'Fictional Republic' },
          { label: 'Identity document', value: withheld('consent') },
          { label: 'Profession', value: '' },
          { label: 'Mother', value: ARABIC_NAME_2 },
          { label: 'Lawyer', value: CYRILLIC_NAME },
        ],
      },
      { type: 'heading', level: 2, text: 'II. Arrest' },
      {
        type: 'paragraph',
        text: [
          'On 3 March 2024 ',
          bold(ARABIC_NAME),
          ' was arrested at his home by officers who showed no warrant. His lawyer, ',
          italic(CYRILLIC_NAME),
          ', was not informed. The legal basis was ',
          missing('legal basis'),
          '.',
        ],
      },
      {
        type: 'table',
        header: ['Date', 'Place of detention', 'Authority'],
        widths: [1, 2, 2],
        rows: [
          ['2024-03-03', 'Central police station (Room 4)', 'Police'],
          ['2024-03-10', 'سجن المدينة المركزي', missing('authority')],
          ['2024-04-01', 'Следственный изолятор № 1', withheld('source safety')],
        ],
      },
      { type: 'heading', level: 3, text: 'Categories invoked' },
      {
        type: 'list',
        items: [
          'Category II: exercise of the freedom of expression',
          ['Category III: no access to a lawyer (', CYRILLIC_NAME, ')'],
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: ['Petition to the prosecutor', 'Habeas corpus request'],
      },
      {
        type: 'checklist',
        items: [
          { text: 'Consent of the detained person or family', state: 'ok' },
          { text: 'Legal basis of the detention', state: 'missing', note: 'ask the lawyer' },
        ],
      },
      {
        type: 'note',
        tone: 'warning',
        title: 'Reprisals',
        text: `The family of ${ARABIC_NAME_2} fears reprisals; keep the source confidential.`,
      },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: 'VI. Submitter' },
      { type: 'paragraph', text: 'Submitted on behalf of the family.' },
    ],
  };
}

export function russianSample(): DocumentModel {
  return {
    title: 'Сообщение в Рабочую группу по произвольным задержаниям',
    subtitle: `Дело: ${CYRILLIC_NAME}`,
    language: 'ru',
    footer: 'Конфиденциально',
    blocks: [
      { type: 'heading', level: 1, text: 'I. Личность' },
      {
        type: 'fields',
        fields: [
          { label: 'Фамилия', value: 'Смирнова' },
          { label: 'Имя и отчество', value: 'Ольга Петровна' },
          { label: 'Дата рождения', value: missing('дата рождения') },
          { label: 'Документ', value: withheld('согласие') },
        ],
      },
      {
        type: 'paragraph',
        text: [`${CYRILLIC_NAME} была задержана вместе с `, bold(ARABIC_NAME), ' в Москве.'],
      },
      {
        type: 'table',
        header: ['Дата', 'Место'],
        rows: [['01.04.2024', 'Следственный изолятор № 1']],
      },
      { type: 'list', items: ['Категория II', 'Категория III'] },
      { type: 'checklist', items: [{ text: 'Согласие семьи', state: 'missing' }] },
      { type: 'note', text: 'Источник просит не раскрывать его имя.' },
    ],
  };
}

export function arabicSample(): DocumentModel {
  return {
    title: 'بلاغ إلى الفريق العامل المعني بالاحتجاز التعسفي',
    subtitle: `قضية ${ARABIC_NAME}`,
    language: 'ar',
    header: 'استبيان نموذجي — سري',
    footer: 'سري',
    blocks: [
      { type: 'heading', level: 1, text: 'أولاً: الهوية' },
      {
        type: 'fields',
        fields: [
          { label: 'الاسم الكامل', value: ARABIC_NAME },
          { label: 'اسم الأم', value: ARABIC_NAME_2 },
          { label: 'تاريخ الميلاد', value: missing('تاريخ الميلاد') },
          { label: 'وثيقة الهوية', value: withheld('الموافقة') },
          { label: 'المحامية', value: CYRILLIC_NAME },
          { label: 'البريد', value: 'family@example.org' },
        ],
      },
      { type: 'heading', level: 2, text: 'ثانياً: الاعتقال' },
      {
        type: 'paragraph',
        text: [
          `اعتُقل ${ARABIC_NAME} في 3 آذار 2024 (الساعة 10:30) دون مذكرة، وفقاً لتقرير `,
          bold('Human Rights Watch'),
          '. لا يوجد أساس قانوني: ',
          missing('الأساس القانوني'),
          '.',
        ],
      },
      {
        type: 'table',
        header: ['التاريخ', 'مكان الاحتجاز'],
        rows: [
          ['٢٠٢٤/٣/٣', 'سجن المدينة المركزي'],
          ['2024-04-01', 'Central prison'],
        ],
      },
      { type: 'list', items: ['الفئة الثانية: حرية التعبير', 'الفئة الثالثة: المحاكمة العادلة'] },
      { type: 'list', ordered: true, items: ['شكوى إلى النيابة', 'طلب مثول أمام القضاء'] },
      {
        type: 'checklist',
        items: [
          { text: 'موافقة الأسرة', state: 'ok' },
          { text: 'الأساس القانوني', state: 'missing' },
        ],
      },
      { type: 'note', title: 'تنبيه', text: `تخشى عائلة ${ARABIC_NAME_2} من الانتقام.` },
    ],
  };
}
