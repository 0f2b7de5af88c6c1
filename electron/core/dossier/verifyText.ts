import type { DossierLanguage } from '../../../shared/dossier';
import { DOSSIER_WORDS } from '../../../shared/i18n/dossier';
import { fill } from '../../../shared/i18n/fill';
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

/** VERIFY.txt's words (`dossier.json`, `verify`); `{good}` is gpg's own "Good signature from". */
const WORDS: Record<DossierLanguage, Words> = {
  en: DOSSIER_WORDS.en.verify,
  es: DOSSIER_WORDS.es.verify,
  fr: DOSSIER_WORDS.fr.verify,
  ar: DOSSIER_WORDS.ar.verify,
  ru: DOSSIER_WORDS.ru.verify,
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
    `${wrap(fill(w.step2, { good: GPG_GOOD }))}\n\n${commands('gpg --verify manifest.json.asc manifest.json', 'gpg --verify SHA256SUMS.asc SHA256SUMS')}`,
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
