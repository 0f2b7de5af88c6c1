import type { DossierLanguage } from '../../../shared/dossier';
import { gpgFingerprint } from '../pgp/fingerprint';

/**
 * VERIFY.txt: how a recipient checks the dossier with GnuPG and sha256sum
 * alone, without Vigil, in the dossier's language. The commands are the
 * same in every language and are run as written by the tests. It explains
 * the warning gpg prints for a key the reader has not certified ("This key
 * is not certified with a trusted signature"), which alarms readers though
 * it says nothing about the signature, and how to compare the fingerprint,
 * which is the one step that proves who signed.
 */
export interface VerifyTextInput {
  /** The signer's user id; null when it must not be named (a petitioner withheld from the State): the fingerprint alone. */
  userId: string | null;
  /** 40 hexadecimal digits. */
  fingerprint: string;
  reference: string;
  language: DossierLanguage;
}

interface Words {
  title: string;
  reference: string;
  signedBy: string;
  fingerprint: string;
  confirm: string;
  needs: string;
  step1: string;
  step2: string;
  warningIntro: string;
  warningMeaning: string;
  localised: string;
  certify: string;
  step3: string;
  mac: string;
  vigil: string;
  manifest: string;
  fails: string;
}

// gpg's own messages are quoted as gpg prints them in English; a translated gpg prints them in the reader's language.
const GPG_GOOD = 'Good signature from';
const GPG_WARNING = [
  'gpg: WARNING: This key is not certified with a trusted signature!',
  'gpg:          There is no indication that the signature belongs to the owner.',
];

const WORDS: Record<DossierLanguage, Words> = {
  en: {
    title: 'HOW TO VERIFY THIS DOSSIER',
    reference: 'Case reference:',
    signedBy: 'Signed by:',
    fingerprint: "Signer's key fingerprint (as gpg prints it):",
    confirm:
      'The fingerprint above is what proves who signed this dossier. Before you rely on the dossier, confirm it with the organisation through a channel you trust: in person, by phone, or from a copy you received earlier. The key file in this folder (signer-key.asc) proves nothing by itself: whoever altered the dossier could have replaced it, and this text too.',
    needs: 'You need GnuPG (gpg) and sha256sum. Open a terminal in this folder, then:',
    step1:
      "1. Import the organisation's public key (once), and show its fingerprint. It must be the one above, and the one the organisation gave you:",
    step2: `2. Check the two signatures. Each must report "${GPG_GOOD}" and the organisation's name:`,
    warningIntro: 'gpg will most likely also print these lines:',
    warningMeaning:
      'This is normal, and it does not mean that the signature is bad. The signature is good; gpg only says that it cannot know by itself whose key made it, because you have not told it yet. That is exactly what the fingerprint is for: compare the "Primary key fingerprint" line, group by group, with the fingerprint the organisation gave you. If they are the same, the organisation signed this dossier. If they differ, do not use the dossier.',
    localised: 'A translated gpg prints these messages in its own language.',
    certify:
      'Once you have confirmed the fingerprint, you can record that in gpg, and the warning goes away (this needs a key of your own):',
    step3: '3. Check every file against the signed list. Every line must end in "OK":',
    mac: 'On macOS:',
    vigil:
      'With Vigil, one command makes all these checks; it prints the fingerprint to compare, and --key FILE checks against a key you already have:',
    manifest:
      'manifest.json lists the same files with their sizes and SHA-256 hashes, and says which copy of each piece of evidence is included: a working copy with its metadata removed, or the unaltered original with the SHA-256 taken when the organisation received it.',
    fails:
      'If any step fails, do not use the dossier: ask the organisation to send it again through another channel.',
  },
  fr: {
    title: 'COMMENT VÉRIFIER CE DOSSIER',
    reference: "Référence de l'affaire :",
    signedBy: 'Signé par :',
    fingerprint: 'Empreinte de la clé du signataire (telle que gpg l’affiche) :',
    confirm:
      "C'est l'empreinte ci-dessus qui prouve qui a signé ce dossier. Avant de vous fier au dossier, confirmez-la auprès de l'organisation par un moyen de confiance : en personne, par téléphone, ou d'après une copie reçue auparavant. Le fichier de clé de ce dossier (signer-key.asc) ne prouve rien à lui seul : quiconque aurait modifié le dossier aurait pu le remplacer, ainsi que ce texte.",
    needs: 'Il vous faut GnuPG (gpg) et sha256sum. Ouvrez un terminal dans ce dossier, puis :',
    step1:
      "1. Importez la clé publique de l'organisation (une seule fois) et affichez son empreinte. Ce doit être celle indiquée ci-dessus, et celle que l'organisation vous a donnée :",
    step2: `2. Vérifiez les deux signatures. Chacune doit indiquer « ${GPG_GOOD} » (en français : « Bonne signature de ») suivi du nom de l'organisation :`,
    warningIntro: 'gpg affichera très probablement aussi ces lignes :',
    warningMeaning:
      "C'est normal, et cela ne veut pas dire que la signature est mauvaise. La signature est bonne ; gpg dit seulement qu'il ne peut pas savoir de lui-même à qui appartient la clé qui l'a faite, parce que vous ne le lui avez pas encore dit. C'est précisément à cela que sert l'empreinte : comparez la ligne « Primary key fingerprint » (en français : « Empreinte de clef principale »), groupe par groupe, avec l'empreinte que l'organisation vous a donnée. Si elles sont identiques, c'est bien l'organisation qui a signé ce dossier. Si elles diffèrent, n'utilisez pas le dossier.",
    localised:
      "En français, gpg affiche ces messages ainsi : « Attention : cette clef n'est pas certifiée avec une signature de confiance. »",

    certify:
      "Une fois l'empreinte confirmée, vous pouvez l'enregistrer dans gpg, et l'avertissement disparaît (il vous faut pour cela votre propre clé) :",
    step3:
      '3. Vérifiez chaque fichier d’après la liste signée. Chaque ligne doit se terminer par « OK » :',
    mac: 'Sous macOS :',
    vigil:
      "Avec Vigil, une seule commande fait toutes ces vérifications ; elle affiche l'empreinte à comparer, et --key FICHIER vérifie avec une clé que vous avez déjà :",
    manifest:
      "manifest.json énumère les mêmes fichiers avec leur taille et leur empreinte SHA-256, et indique quelle copie de chaque élément de preuve est incluse : une copie de travail dont les métadonnées ont été retirées, ou l'original inchangé avec l'empreinte SHA-256 relevée à sa réception par l'organisation.",
    fails:
      "Si une étape échoue, n'utilisez pas le dossier : demandez à l'organisation de vous l'envoyer à nouveau par un autre moyen.",
  },
  es: {
    title: 'CÓMO VERIFICAR ESTE EXPEDIENTE',
    reference: 'Referencia del caso:',
    signedBy: 'Firmado por:',
    fingerprint: 'Huella de la clave del firmante (tal como la muestra gpg):',
    confirm:
      'La huella de arriba es lo que prueba quién firmó este expediente. Antes de fiarse del expediente, confírmela con la organización por un medio de confianza: en persona, por teléfono o con una copia que haya recibido antes. El archivo de clave de esta carpeta (signer-key.asc) no prueba nada por sí solo: quien hubiera alterado el expediente podría haberlo sustituido, y también este texto.',
    needs: 'Necesita GnuPG (gpg) y sha256sum. Abra una terminal en esta carpeta y luego:',
    step1:
      '1. Importe la clave pública de la organización (una sola vez) y muestre su huella. Debe ser la indicada arriba y la que le dio la organización:',
    step2: `2. Compruebe las dos firmas. Cada una debe indicar «${GPG_GOOD}» (en español: «Firma correcta de») y el nombre de la organización:`,
    warningIntro: 'Lo más probable es que gpg muestre también estas líneas:',
    warningMeaning:
      'Es normal y no significa que la firma sea mala. La firma es correcta; gpg solo dice que no puede saber por sí mismo de quién es la clave que la hizo, porque usted todavía no se lo ha indicado. Para eso sirve precisamente la huella: compare la línea «Primary key fingerprint» (en español: «Huellas dactilares de la clave primaria»), grupo por grupo, con la huella que le dio la organización. Si son iguales, la organización firmó este expediente. Si difieren, no utilice el expediente.',
    localised:
      'En español, gpg muestra estos mensajes así: «ATENCIÓN: ¡Esta clave no está certificada por una firma de confianza!»',

    certify:
      'Una vez confirmada la huella, puede registrarlo en gpg y el aviso desaparece (para ello necesita una clave propia):',
    step3: '3. Compruebe cada archivo con la lista firmada. Cada línea debe terminar en «OK»:',
    mac: 'En macOS:',
    vigil:
      'Con Vigil, una sola orden hace todas estas comprobaciones; muestra la huella que hay que comparar, y --key ARCHIVO comprueba con una clave que usted ya tiene:',
    manifest:
      'manifest.json enumera los mismos archivos con su tamaño y su hash SHA-256, e indica qué copia de cada prueba se incluye: una copia de trabajo sin metadatos, o el original inalterado con el SHA-256 calculado cuando la organización lo recibió.',
    fails:
      'Si algún paso falla, no utilice el expediente: pida a la organización que se lo envíe de nuevo por otro medio.',
  },
  ru: {
    title: 'КАК ПРОВЕРИТЬ ЭТО ДОСЬЕ',
    reference: 'Номер дела:',
    signedBy: 'Подписано:',
    fingerprint: 'Отпечаток ключа подписавшего (в том виде, в каком его выводит gpg):',
    confirm:
      'Именно отпечаток выше доказывает, кто подписал это досье. Прежде чем полагаться на досье, сверьте его с организацией по надёжному каналу: лично, по телефону или по копии, полученной ранее. Файл ключа в этой папке (signer-key.asc) сам по себе ничего не доказывает: тот, кто изменил бы досье, мог заменить и его, и этот текст.',
    needs: 'Вам понадобятся GnuPG (gpg) и sha256sum. Откройте терминал в этой папке и выполните:',
    step1:
      '1. Импортируйте открытый ключ организации (один раз) и выведите его отпечаток. Он должен совпадать с указанным выше и с тем, который вам сообщила организация:',
    step2: `2. Проверьте обе подписи. Для каждой gpg должен сообщить «${GPG_GOOD}» (по-русски: «Действительная подпись пользователя») и имя организации:`,
    warningIntro: 'Скорее всего, gpg выведет также такие строки:',
    warningMeaning:
      'Это нормально и не означает, что подпись плохая. Подпись действительна; gpg лишь сообщает, что сам не может знать, чей это ключ, потому что вы ему этого ещё не сказали. Для этого и нужен отпечаток: сравните строку «Primary key fingerprint» (по-русски: «Отпечаток первичного ключа») группа за группой с отпечатком, который вам сообщила организация. Если они совпадают, досье подписала организация. Если различаются, не используйте досье.',
    localised:
      'По-русски gpg выводит эти сообщения так: «Внимание: Данный ключ не заверен доверенной подписью!»',

    certify:
      'Сверив отпечаток, вы можете отметить это в gpg, и предупреждение исчезнет (для этого нужен ваш собственный ключ):',
    step3:
      '3. Проверьте каждый файл по подписанному списку. Каждая строка должна заканчиваться на «OK»:',
    mac: 'В macOS:',
    vigil:
      'В Vigil все эти проверки выполняет одна команда; она выводит отпечаток для сверки, а --key ФАЙЛ проверяет по ключу, который у вас уже есть:',
    manifest:
      'manifest.json перечисляет те же файлы с их размерами и хешами SHA-256 и указывает, какая копия каждого доказательства включена: рабочая копия без метаданных или неизменённый оригинал с хешем SHA-256, вычисленным при его получении организацией.',
    fails:
      'Если какой-либо шаг не проходит, не используйте досье: попросите организацию прислать его ещё раз по другому каналу.',
  },
  ar: {
    title: 'كيفية التحقق من هذا الملف',
    reference: 'مرجع القضية:',
    signedBy: 'وقّعه:',
    fingerprint: 'بصمة مفتاح الموقِّع (كما يعرضها gpg):',
    confirm:
      'البصمة أعلاه هي ما يثبت من وقّع هذا الملف. قبل الاعتماد على الملف، تأكّد منها مع المنظمة عبر قناة تثق بها: شخصيًا أو بالهاتف أو من نسخة تلقيتها سابقًا. ملف المفتاح في هذا المجلد (signer-key.asc) لا يثبت شيئًا بمفرده: فمن يعدّل الملف يمكنه أن يستبدله ويستبدل هذا النص أيضًا.',
    needs: 'تحتاج إلى GnuPG (gpg) و sha256sum. افتح نافذة طرفية في هذا المجلد ثم:',
    step1:
      '1. استورد المفتاح العام للمنظمة (مرة واحدة) واعرض بصمته. يجب أن تكون هي البصمة المذكورة أعلاه، وهي التي أعطتك إياها المنظمة:',
    step2: `2. تحقّق من التوقيعين. يجب أن يعرض gpg لكلٍّ منهما «${GPG_GOOD}» (أي «توقيع صحيح من») واسم المنظمة:`,
    warningIntro: 'على الأرجح سيعرض gpg أيضًا هذه الأسطر:',
    warningMeaning:
      'هذا أمر طبيعي ولا يعني أن التوقيع سيّئ. التوقيع صحيح؛ وكل ما يقوله gpg أنه لا يستطيع أن يعرف بنفسه لمن المفتاح الذي صنعه، لأنك لم تخبره بعد. ولهذا بالضبط توجد البصمة: قارن سطر «Primary key fingerprint» (أي «بصمة المفتاح الرئيسي») مجموعةً مجموعة بالبصمة التي أعطتك إياها المنظمة. إن تطابقتا فالمنظمة هي التي وقّعت هذا الملف. وإن اختلفتا فلا تستخدم الملف.',
    localised: 'يعرض gpg هذه الرسائل بالإنكليزية، كما هي أعلاه.',
    certify:
      'بعد التأكد من البصمة يمكنك تسجيل ذلك في gpg فيختفي التحذير (يتطلب ذلك مفتاحًا خاصًا بك):',
    step3: '3. تحقّق من كل ملف مقابل القائمة الموقّعة. يجب أن ينتهي كل سطر بـ «OK»:',
    mac: 'على macOS:',
    vigil:
      'في Vigil يقوم أمر واحد بكل هذه الفحوص؛ فهو يعرض البصمة للمقارنة، ويتحقق الخيار --key FILE بمفتاح موجود لديك:',
    manifest:
      'يسرد manifest.json الملفات نفسها مع أحجامها وتجزئات SHA-256 الخاصة بها، ويبيّن أي نسخة من كل دليل مُدرجة: نسخة عمل أُزيلت منها البيانات الوصفية، أو الأصل دون تعديل مع تجزئة SHA-256 المحسوبة عند استلام المنظمة له.',
    fails: 'إذا فشلت أي خطوة فلا تستخدم الملف: اطلب من المنظمة إرساله مرة أخرى عبر قناة أخرى.',
  },
};

/**
 * Wraps a paragraph at 76 columns (words are never split), indented by
 * `indent` spaces; a numbered step ("1. …") hangs its later lines under its text.
 */
function wrap(text: string, indent = 0): string {
  const hang = /^\d\. /.test(text) ? 3 : indent;
  const lines: string[] = [];
  let line = '';
  const width = () => 76 - (lines.length === 0 ? indent : hang);
  for (const word of text.split(/\s+/u)) {
    if (line && [...line].length + 1 + [...word].length > width()) {
      lines.push(' '.repeat(lines.length === 0 ? indent : hang) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(lines.length === 0 ? indent : hang) + line);
  return lines.join('\n');
}

/** Command lines: indented five spaces, alone on their lines, the same in every language. */
const commands = (...lines: string[]) => lines.map((l) => `     ${l}`).join('\n');

export function verifyInstructions(input: VerifyTextInput): string {
  const w = WORDS[input.language];
  const fpr = input.fingerprint.toUpperCase();
  const shown = gpgFingerprint(fpr);
  const parts = [
    `${w.title}\n${'='.repeat([...w.title].length)}`,
    [
      `${w.reference} ${input.reference}`,
      ...(input.userId === null ? [] : [`${w.signedBy} ${input.userId}`]),
      `${w.fingerprint}\n  ${shown}`,
    ].join('\n'),
    wrap(w.confirm),
    wrap(w.needs),
    `${wrap(w.step1)}\n\n${commands('gpg --import signer-key.asc', `gpg --fingerprint ${fpr}`)}`,
    `${wrap(w.step2)}\n\n${commands('gpg --verify manifest.json.asc manifest.json', 'gpg --verify SHA256SUMS.asc SHA256SUMS')}`,
    `${wrap(w.warningIntro, 3)}\n\n${[...GPG_WARNING, `Primary key fingerprint: ${shown}`].map((l) => `     ${l}`).join('\n')}`,
    `${wrap(w.warningMeaning, 3)}\n${wrap(`(${w.localised})`, 3)}`,
    `${wrap(w.certify, 3)}\n\n${commands(`gpg --quick-lsign-key ${fpr}`)}`,
    `${wrap(w.step3)}\n\n${commands('sha256sum --strict -c SHA256SUMS')}\n\n${wrap(w.mac, 3)}\n\n${commands('shasum -a 256 --strict -c SHA256SUMS')}`,
    `${wrap(w.vigil)}\n\n${commands('vigil verify .', 'vigil verify . --key ~/keys/organisation.asc')}`,
    wrap(w.manifest),
    wrap(w.fails),
  ];
  return `${parts.join('\n\n')}\n`;
}
