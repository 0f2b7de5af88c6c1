import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, saveSubmission } from '../../../electron/core/dossier';
import { createEvent } from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import {
  DOSSIER_LANGUAGES,
  TEMPLATES,
  type Audience,
  type Template,
} from '../../../shared/dossier';
import {
  buildAudienceCase,
  nameForms,
  type AudienceCase,
  type PersonKey,
} from '../../helpers/audienceCase';
import { findInOutputs, readableText, readDossierOutputs } from '../../helpers/dossierOutputs';
import { hasTool } from '../../helpers/peers';
import { newVault } from '../../helpers/vault';

/**
 * Every template, not only the WGAD's: people whom consent keeps out of an
 * export stay out of it in whatever form the free text names them (written
 * without accents or hyphens, in capitals, in another script, in the other
 * order, with a possessive or an Arabic prefix), wherever the text sits: an
 * event's description, the mechanism facts, a regional body's arguments, an
 * urgent appeal's requests and addressees.
 */

const canRead = hasTool('pdftotext') && hasTool('pdfinfo');

/** Who may not be named by any body but the WGAD (and Li Wei not even by it, but as initials). */
const KEPT_OUT: PersonKey[] = ['tamimi', 'li', 'dubois', 'kovalenko'];
const MENTIONS = [
  "Olena Kovalenko's brother",
  'KOVALENKO',
  'Коваленко',
  'Aurelie Dubois Marchand',
  'Dubois\u2011Marchand',
  'AURÉLIE',
  'Yasmin al Tamimi',
  'Jasmin at-Tamimi',
  'وياسمين التميمي',
  'Wei Li',
  '李伟',
  'Olena',
];
const OPENING = 'The court heard';
const mentioning = (where: string) => `${OPENING} ${MENTIONS.join(', ')} (${where}).`;
const withoutMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

const AUDIENCE: Record<Template, Audience> = {
  generic: { kind: 'public' },
  wgad: { kind: 'mechanism', mechanism: 'wgad' },
  'urgent-appeal': { kind: 'public' },
  echr: { kind: 'mechanism', mechanism: 'echr' },
  'iachr-petition': { kind: 'mechanism', mechanism: 'iachr' },
  'iachr-precautionary': { kind: 'mechanism', mechanism: 'iachr' },
  sp: { kind: 'mechanism', mechanism: 'sr-hrd' },
  achpr: { kind: 'mechanism', mechanism: 'achpr' },
};

describe.runIf(canRead)('no template names whom consent keeps out, in any form', () => {
  let root: string;
  let vault: Vault;
  let built: AudienceCase;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-name-forms-'));
    vault = (await newVault({ root })).vault;
    built = await buildAudienceCase(vault);
    await createEvent(vault, built.caseId, {
      eventType: 'threats',
      start: { value: '2024-05-01', qualifier: 'exact' },
      description: mentioning('event'),
      victims: [built.persons.volkov],
    });
    await saveSubmission(vault, built.caseId, 'facts', {
      states: ['RU'],
      finalDecision: {
        authority: 'District court',
        reference: 'R-1',
        decision: mentioning('decision'),
        decidedOn: '2024-05-02',
        notifiedOn: '2024-05-03',
      },
      remedies: { status: 'pending', steps: mentioning('steps'), whyNot: mentioning('why not') },
      beneficiaries: [built.persons.volkov],
      authoritiesInformedOfRisk: true,
      authoritiesInformedHow: mentioning('informed'),
    });
    for (const kind of ['echr', 'iachr-petition', 'iachr-precautionary', 'achpr'] as const)
      await saveSubmission(vault, built.caseId, kind, {
        violations: [{ provision: 'Article 5', argument: mentioning(kind) }],
        risk: mentioning('risk'),
        measures: [mentioning('measure')],
      });
    await saveSubmission(vault, built.caseId, 'urgent-appeal', {
      requests: [mentioning('request')],
      addressees: [{ name: 'Prosecutor General', address: mentioning('address') }],
    });
  }, 300_000);

  afterAll(async () => {
    await vault?.lock();
    await rm(root, { recursive: true, force: true });
  });

  // One language per template, turning through all five, to keep the file short.
  TEMPLATES.forEach((template, i) => {
    const language = DOSSIER_LANGUAGES[i % DOSSIER_LANGUAGES.length]!;
    it(`${template} (${language})`, async () => {
      const out = join(root, `${template}-${language}`);
      await exportDossier(
        vault,
        {
          caseId: built.caseId,
          template,
          language,
          audience: AUDIENCE[template],
          includePrivate: false,
        },
        { kind: 'directory', path: out },
      );
      const outputs = await readDossierOutputs(out);
      // The sentences are there (so the search below has something to search), their names replaced.
      expect(readableText(outputs)).toContain(OPENING);
      const keptOut = KEPT_OUT.filter((key) => !(template === 'wgad' && key === 'li'));
      const needles = [
        ...keptOut.flatMap((key) => nameForms(key)),
        ...MENTIONS.filter((m) => m !== 'Wei Li' && m !== '李伟'),
        ...(template === 'wgad' ? [] : ['Wei Li', '李伟']),
      ].map(withoutMarks);
      const found = findInOutputs(
        outputs.map((o) => ({ ...o, text: withoutMarks(o.text) })),
        needles,
      );
      expect(found.map((f) => `${f.source}: ${f.needle} in "${f.context}"`)).toEqual([]);
    });
  });
});
