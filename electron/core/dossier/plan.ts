import { createHash } from 'node:crypto';
import {
  DOSSIER_FORMAT,
  DOSSIER_VERSION,
  manifestSchema,
  type Audience,
  type DossierLanguage,
  missingItems,
  type ExportPreview,
  type FileRole,
  type Manifest,
  type OriginalReveal,
  REGIONAL_MECHANISMS,
  REGIONAL_TEMPLATES,
  type ChecklistItem,
  type RegionalTemplate,
  type Template,
  type WithheldItem,
} from '../../../shared/dossier';
import {
  AudienceError,
  audienceRule,
  describeAudience,
  type CaseDocument,
} from '../../../shared/domain';
import { coreWarning, type CoreWarning } from '../../../shared/warnings';
import { VocabularySet } from '../../../shared/vocabularies';
import { VigilError } from '../errors';
import { exportCaseDocument, loadOrganisation } from '../records';
import { exportPublicKey, getOrganisationKey, signDetached, type KeyInfo } from '../pgp';
import {
  assertValidDocument,
  pdfPageCount,
  renderDocx,
  renderPdf,
  unsupportedCharacters,
  type DocumentModel,
  type Inline,
} from '../render';
import type { Vault } from '../vault/vault';
import { listEvidence } from '../evidence';
import { caseDataFile, type PartnerWork } from './caseData';
import { selectEvidence, type DossierEvidence } from './evidence';
import { redactCase, type RedactedCase } from './redact';
import {
  audienceKey,
  describeFindings,
  describeIssues,
  releaseIssues,
  scanOutputs,
  type Releaser,
  type ScanTarget,
  type StoredReleases,
} from '../release';
import { loadReleases } from './releaseStore';
import { caseJsonRecord, docxTexts, jsonTarget, textTarget } from './outputScan';
import { revealOriginal } from './originals';
import { getSubmission, getWgadSubmission, hasSubmission, hasWgadSubmission } from './submissions';
import { Formatter } from './templates/format';
import { genericReport } from './templates/generic';
import { detainees, wgadCommunication } from './templates/wgad';
import {
  questionnaireChecklist,
  wgadQuestionnaire,
  type Questionnaire,
} from './templates/wgadQuestionnaire';
import {
  appealChecklist,
  appealDocument,
  onePageItem,
  urgentAppeal,
} from './templates/urgentAppeal';
import { achprForm } from './templates/achpr';
import { echrForm } from './templates/echr';
import {
  iachrPetitionForm,
  iachrPrecautionaryForm,
  keyNamesOrganisation,
  petitionerWithheld,
} from './templates/iachr';
import { formChecklist, formDocument, type MechanismForm } from './templates/mechanismForm';
import { formFacts } from './templates/regionalParts';
import { spChecklist, spCommunication, spDocument } from './templates/specialProcedures';
import { fill } from '../../../shared/i18n/fill';
import { WORDS } from './templates/words';
import { verifyInstructions } from './verifyText';

export const GENERATOR = 'Vigil 0.1.0';

export interface ExportRequest {
  caseId: string;
  template: Template;
  language: DossierLanguage;
  /** Who the dossier is for; by default the template's body (WGAD) or the public (generic report). */
  audience?: Audience;
  includePrivate: boolean;
  /**
   * Originals (by evidence id) to send as they are, with all their metadata,
   * chosen one by one; every other file goes as its stripped working copy.
   */
  originals?: string[];
  /** Only these originals (by id); by default every original of the case. */
  evidence?: string[];
}

/** A file of the dossier: its bytes in memory, or an evidence item streamed from its blob. */
export interface PlannedFile {
  path: string;
  role: FileRole;
  size: number;
  sha256: string;
  content: Buffer | { evidence: DossierEvidence };
}

export interface DossierPlan {
  manifest: Manifest;
  /** Every file, manifest.json and manifest.json.asc included, in writing order. */
  files: PlannedFile[];
  /** The withholding report: for the sender and the audit log, never written into the dossier. */
  withheld: WithheldItem[];
  /** The originals that go as they are, and what each reveals. */
  originals: OriginalReveal[];
  /** What the sender should know, as codes with their values and the CLI's English sentence. */
  warnings: CoreWarning[];
  signer: KeyInfo;
  /** The case document as case.json carries it to partners; null for other audiences. */
  partnerCase: CaseDocument | null;
}

/**
 * Who an export is for when the user does not say: partner organisations for
 * an encrypted bundle (only partners hold the keys it is encrypted to), else
 * the template's body (the WGAD) or, for the generic report, the public, the
 * most restrictive audience.
 */
export function defaultAudience(template: Template, bundle = false): Audience {
  // An urgent appeal is published: whoever it is sent to, only what may be published goes into it.
  if (template === 'urgent-appeal') return { kind: 'public' };
  // A regional body's form is made for that body, whoever carries it there.
  if (isRegional(template)) return { kind: 'mechanism', mechanism: REGIONAL_MECHANISMS[template] };
  if (bundle) return { kind: 'partners' };
  if (template === 'wgad') return { kind: 'mechanism', mechanism: 'wgad' };
  // A Special Procedures communication goes to the mandate holder: the SR on defenders unless told otherwise.
  if (template === 'sp') return { kind: 'mechanism', mechanism: 'sr-hrd' };
  return { kind: 'public' };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The submission's file name in the dossier, per template. */
const BASE_NAMES: Record<Template, string> = {
  generic: 'case-report',
  wgad: 'wgad-communication',
  'urgent-appeal': 'urgent-appeal',
  echr: 'echr-application-material',
  'iachr-petition': 'iachr-petition',
  'iachr-precautionary': 'iachr-precautionary-measures',
  sp: 'special-procedures-communication',
  achpr: 'achpr-communication',
};

export const isRegional = (template: Template): template is RegionalTemplate =>
  template in REGIONAL_MECHANISMS;

const BODY_NAMES: Record<RegionalTemplate, string> = {
  echr: 'The European Court material (--template echr) is made for the Court',
  'iachr-petition':
    'The Inter-American petition (--template iachr-petition) is made for the Commission',
  'iachr-precautionary':
    'The request for precautionary measures (--template iachr-precautionary) is made for the Inter-American Commission',
  achpr: 'The African Commission communication (--template achpr) is made for the Commission',
};

/**
 * Why `audience` cannot receive `template`, or null when it can: an urgent
 * appeal is published; a regional body's form goes to that body only, so
 * that consent for that body decides whom it names.
 */
export function templateAudienceError(template: Template, audience: Audience): string | null {
  if (template === 'urgent-appeal' && audience.kind !== 'public') return URGENT_APPEAL_PUBLIC;
  if (isRegional(template)) {
    const mechanism = REGIONAL_MECHANISMS[template];
    if (audience.kind !== 'mechanism' || audience.mechanism !== mechanism)
      return `${BODY_NAMES[template]}: it is made for --for ${mechanism} only, and consent for that body decides whom it names.`;
  }
  return null;
}

/**
 * The templates that print the case's mechanism facts: the Special
 * Procedures communication and the regional bodies' forms (a new template
 * that reads them is added here); the others leave them unread, so a fact's
 * text never holds up their export.
 */
export const FACT_TEMPLATES: ReadonlySet<Template> = new Set<Template>([
  'sp',
  ...REGIONAL_TEMPLATES,
]);

export const URGENT_APPEAL_PUBLIC =
  'An urgent appeal is published: it is made for the public only (--for public), and consent decides who it may name as for any publication.';

/** Every piece of text a document model will print. */
function modelTexts(model: DocumentModel): string[] {
  const texts: string[] = [
    model.title,
    model.subtitle ?? '',
    model.header ?? '',
    model.footer ?? '',
    model.meta?.title ?? '',
    model.meta?.author ?? '',
    model.meta?.subject ?? '',
    model.meta?.keywords ?? '',
  ];
  const inline = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(inline);
    else if (value && typeof value === 'object') {
      const v = value as Inline & Record<string, unknown>;
      for (const key of [
        'text',
        'missing',
        'withheld',
        'label',
        'value',
        'note',
        'title',
        'header',
        'rows',
        'items',
        'fields',
      ])
        if (key in v) inline(v[key]);
    }
  };
  model.blocks.forEach(inline);
  return texts;
}

export interface Prepared {
  original: CaseDocument;
  redacted: RedactedCase;
  audience: Audience;
  formatter: Formatter;
  /** The release versions approved for this case and audience. */
  stored: StoredReleases;
}

/**
 * The case as it may leave for the request's audience: consent applied, free
 * texts as released. With `allTexts` (the release review) every template's
 * texts are released, so that the review covers whatever a later export
 * carries.
 */
export async function prepareRedaction(
  vault: Vault,
  request: ExportRequest,
  allTexts = false,
): Promise<Prepared> {
  const audience = request.audience ?? defaultAudience(request.template);
  const refused = templateAudienceError(request.template, audience);
  if (refused) throw new VigilError('INVALID_INPUT', refused);
  try {
    audienceRule(audience, request.includePrivate);
  } catch (error) {
    if (error instanceof AudienceError) throw new VigilError('INVALID_INPUT', error.message);
    throw error;
  }
  const original = await exportCaseDocument(vault, request.caseId);
  const stored = await loadReleases(vault.db, request.caseId, audienceKey(audience));
  const submission =
    // Partners get the arguments with the case (see partnerWork), released like any other text.
    allTexts || request.template === 'wgad' || audience.kind === 'partners'
      ? await getWgadSubmission(vault, request.caseId)
      : null;
  const appeal =
    allTexts || request.template === 'urgent-appeal' || audience.kind === 'partners'
      ? await getSubmission(vault, request.caseId, 'urgent-appeal')
      : null;
  // The templates that print the case's mechanism facts read them (released); partners get them
  // with the case. Others leave them unread, so their texts never hold up another template's export.
  const facts =
    allTexts || FACT_TEMPLATES.has(request.template) || audience.kind === 'partners'
      ? await getSubmission(vault, request.caseId, 'facts')
      : null;
  // Partners get every template's arguments with the case (see partnerWork).
  const regional = REGIONAL_TEMPLATES.filter(
    (t) => allTexts || t === request.template || audience.kind === 'partners',
  );
  const args = await Promise.all(
    regional.map(async (t) => ({
      template: t,
      data: await getSubmission(vault, request.caseId, t),
    })),
  );
  const words = WORDS[request.language];
  const redacted = redactCase(original, submission, {
    audience,
    includePrivate: request.includePrivate,
    words: {
      person: (n) => fill(words.person, { n }),
      anonymousWitness: words.anonymousWitness,
    },
    approvedReleases: stored,
    appeal,
    facts,
    arguments: args,
  });
  return {
    original,
    redacted,
    audience,
    stored,
    formatter: new Formatter(request.language, words, new VocabularySet(original.customTerms)),
  };
}

/**
 * The submission arguments and the organisation's details that go with the
 * case to partners, so that they can go on with the work. The arguments go as
 * released to partners (names consent keeps from them replaced), and only
 * when the lawyer wrote some.
 */
async function partnerWork(
  vault: Vault,
  caseId: string,
  redacted: RedactedCase,
): Promise<PartnerWork> {
  if (redacted.rule.caseData !== 'full')
    return { wgad: null, appeal: null, facts: null, arguments: {}, submitter: null };
  const saved = await hasWgadSubmission(vault, caseId);
  const organisation = await loadOrganisation(vault.db);
  return {
    wgad: saved ? redacted.submission : null,
    appeal: (await hasSubmission(vault, caseId, 'urgent-appeal')) ? redacted.appeal : null,
    facts: (await hasSubmission(vault, caseId, 'facts')) ? redacted.facts : null,
    arguments: Object.fromEntries(
      (
        await Promise.all(
          REGIONAL_TEMPLATES.map(async (t) =>
            (await hasSubmission(vault, caseId, t)) && redacted.arguments[t]
              ? [[t, redacted.arguments[t]] as const]
              : [],
          ),
        )
      ).flat(),
    ),
    submitter: Object.values(organisation).some((v) => v !== '') ? organisation : null,
  };
}

/** The WGAD questionnaire of a prepared export: what the document prints and the checklist lists. */
async function questionnaireOf(
  vault: Vault,
  prepared: Prepared,
  request: ExportRequest,
  evidence: readonly DossierEvidence[],
  createdAt: Date,
): Promise<Questionnaire> {
  return wgadQuestionnaire({
    original: prepared.original,
    redacted: prepared.redacted,
    organisation: await loadOrganisation(vault.db),
    evidence,
    formatter: prepared.formatter,
    words: prepared.formatter.words.wgad,
    includePrivate: request.includePrivate,
    createdAt,
  });
}

/** The Special Procedures communication of a prepared export: its rows and its document. */
async function spOf(
  vault: Vault,
  prepared: Prepared,
  createdAt: Date,
): Promise<{ communication: ReturnType<typeof spCommunication>; model: DocumentModel }> {
  const communication = spCommunication(
    prepared.redacted,
    prepared.original,
    await loadOrganisation(vault.db),
    prepared.formatter,
    createdAt,
  );
  return {
    communication,
    model: spDocument(communication, prepared.original.case.reference ?? '', prepared.formatter),
  };
}

/** The urgent appeal of a prepared export: its rows (for the checklist) and its page. */
async function appealOf(
  vault: Vault,
  prepared: Prepared,
  request: ExportRequest,
  createdAt: Date,
): Promise<{ appeal: ReturnType<typeof urgentAppeal>; model: DocumentModel }> {
  const appeal = urgentAppeal(
    prepared.redacted,
    await loadOrganisation(vault.db),
    prepared.formatter,
    createdAt,
  );
  return {
    appeal,
    model: appealDocument(appeal, prepared.original.case.reference ?? '', prepared.formatter),
  };
}

/** A regional template's form of a prepared export: what the document prints and the checklist lists. */
async function regionalFormOf(
  vault: Vault,
  prepared: Prepared,
  template: RegionalTemplate,
  evidence: readonly DossierEvidence[],
  createdAt: Date,
): Promise<{ form: MechanismForm; model: DocumentModel }> {
  const input = {
    redacted: prepared.redacted,
    // The case's mechanism facts as released for this audience.
    facts: formFacts(
      prepared.redacted.facts,
      await hasSubmission(vault, prepared.original.case.id, 'facts'),
      prepared.redacted.document,
      prepared.formatter,
    ),
    organisation: await loadOrganisation(vault.db),
    evidence,
    formatter: prepared.formatter,
    createdAt,
    signerUserIds: await getOrganisationKey(vault).then(
      (key) => key.userIds,
      () => null,
    ),
  };
  const form = (
    {
      echr: echrForm,
      'iachr-petition': iachrPetitionForm,
      'iachr-precautionary': iachrPrecautionaryForm,
      achpr: achprForm,
    } satisfies Record<RegionalTemplate, unknown>
  )[template](input);
  return {
    form,
    model: formDocument(form, prepared.original.case.reference ?? '', prepared.formatter),
  };
}

/** The checklist item on a regional form's length: ok within the pages the body allows. */
function lengthItem(pages: number, f: Formatter): ChecklistItem {
  return {
    id: 'length:pages',
    part: 'length',
    field: 'pages',
    person: null,
    label: fill(f.words.echr.length, { pages }),
    ok: pages <= ECHR_MAX_PAGES,
    target: { kind: 'case', id: null, field: 'summary' },
  };
}

/** The European Court's cap on what is added to the application form (Practice Direction on institution of proceedings). */
const ECHR_MAX_PAGES = 20;

async function originalsOf(
  vault: Vault,
  caseId: string,
  ids: readonly string[],
  releaser: Releaser,
): Promise<OriginalReveal[]> {
  if (ids.length === 0) return [];
  const items = await listEvidence(vault, caseId);
  return ids.map((id) =>
    revealOriginal(
      items.find((item) => item.id === id)!,
      releaser,
    ),
  );
}

/**
 * What an export would do, without doing it: the template's checklist and
 * what it finds missing, how each person appears (if at all), the
 * withholding report, which evidence goes as which copy, and what each
 * original chosen to go as it is reveals. The sender sees this before
 * signing (`vigil export --check`, the wizard); none of it is exported.
 */
export async function previewExport(vault: Vault, request: ExportRequest): Promise<ExportPreview> {
  const prepared = await prepareRedaction(vault, request);
  const { redacted, audience } = prepared;
  const selection = await selectEvidence(vault, request.caseId, {
    originals: request.originals ?? [],
    only: request.evidence,
    preview: true,
  });
  const checklist =
    request.template === 'wgad'
      ? questionnaireChecklist(
          await questionnaireOf(vault, prepared, request, selection.items, vault.now()),
        )
      : request.template === 'urgent-appeal'
        ? await appealOf(vault, prepared, request, vault.now()).then(async ({ appeal, model }) => [
            ...appealChecklist(appeal),
            onePageItem(pdfPageCount(await renderPdf(model)), prepared.formatter),
          ])
        : isRegional(request.template)
          ? await regionalFormOf(
              vault,
              prepared,
              request.template,
              selection.items,
              vault.now(),
            ).then(async ({ form, model }) => [
              ...formChecklist(form),
              ...(request.template === 'echr'
                ? [lengthItem(pdfPageCount(await renderPdf(model)), prepared.formatter)]
                : []),
            ])
          : request.template === 'sp'
            ? spChecklist((await spOf(vault, prepared, vault.now())).communication)
            : [];
  const missing = missingItems(checklist);
  return {
    template: request.template,
    audience,
    checklist,
    missing,
    complete: missing.length === 0,
    signingKey: await getOrganisationKey(vault).then(
      () => true,
      () => false,
    ),
    consent: redacted.consent,
    withheld: [...redacted.withheld, ...selection.withheld],
    release: releaseIssues(redacted.releaser, request.caseId, audienceKey(audience)),
    evidence: [
      ...selection.items.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        copy: e.copy,
        reason: null,
      })),
      ...selection.withheld.map((w) => ({
        id: w.record.id ?? '',
        name: w.what,
        type: '',
        copy: 'withheld' as const,
        reason: `${w.what}: ${w.reason}`,
      })),
    ],
    originals: await originalsOf(vault, request.caseId, request.originals ?? [], redacted.releaser),
  };
}

/**
 * Builds everything a dossier holds, in memory except the evidence (which
 * streams from the vault when written): the redacted case rendered as PDF and
 * DOCX, the case data, the evidence copies, VERIFY.txt, the signer's public
 * key, SHA256SUMS and the manifest, both signed by the organisation's key.
 * Before anything is signed, every text is checked for names that consent
 * does not allow: if one is found, nothing is produced.
 */
export async function planDossier(vault: Vault, request: ExportRequest): Promise<DossierPlan> {
  const signer = await getOrganisationKey(vault).catch(() => {
    throw new VigilError(
      'NOT_FOUND',
      'There is no organisation key to sign the dossier: generate one (vigil keys generate) or import one first.',
    );
  });
  const prepared = await prepareRedaction(vault, request);
  const { original, redacted, audience, formatter } = prepared;
  // Texts whose release version nobody settled stop the export before anything is made.
  const issues = releaseIssues(redacted.releaser, request.caseId, audienceKey(audience));
  if (issues.length > 0)
    throw new VigilError('REVIEW_NEEDED', describeIssues(issues, audienceKey(audience)));
  const createdAt = vault.now();
  const selection = await selectEvidence(vault, request.caseId, {
    originals: request.originals ?? [],
    only: request.evidence,
  });
  const withheld: WithheldItem[] = [...redacted.withheld, ...selection.withheld];

  const model =
    request.template === 'wgad'
      ? wgadCommunication(
          await questionnaireOf(vault, prepared, request, selection.items, createdAt),
          original.case.reference ?? '',
          formatter,
        )
      : request.template === 'urgent-appeal'
        ? (await appealOf(vault, prepared, request, createdAt)).model
        : isRegional(request.template)
          ? (await regionalFormOf(vault, prepared, request.template, selection.items, createdAt))
              .model
          : request.template === 'sp'
            ? (await spOf(vault, prepared, createdAt)).model
            : genericReport(redacted, selection.items, formatter, createdAt);
  assertValidDocument(model);
  const warnings: CoreWarning[] = [];
  const unsupported = (await unsupportedCharacters(model)).slice(0, 20);
  if (unsupported.length > 0)
    warnings.push(
      coreWarning(
        'font-missing-characters',
        `Some characters cannot be drawn by the PDF fonts and will show as boxes: ${unsupported.join(' ')}`,
        { characters: unsupported },
      ),
    );
  if (request.template === 'wgad' && detainees(original).length === 0)
    warnings.push(
      coreWarning('no-detention-recorded', 'No arrest or detention is recorded in this case.'),
    );

  const base = BASE_NAMES[request.template];
  const documents: PlannedFile[] = [];
  const addBytes = (path: string, role: FileRole, bytes: Buffer) =>
    documents.push({ path, role, size: bytes.length, sha256: sha256(bytes), content: bytes });
  const caseData = caseDataFile(redacted, await partnerWork(vault, request.caseId, redacted));
  const docx = await renderDocx(model);
  const pdf = await renderPdf(model);
  if (request.template === 'urgent-appeal') {
    const pages = pdfPageCount(pdf);
    // Published as one page: a longer one is refused rather than cut, since a cut would change what the facts say.
    if (pages !== 1)
      throw new VigilError(
        'INVALID_INPUT',
        `The urgent appeal takes ${pages} pages; it must fit on one. Shorten the case summary, the events' descriptions, the requests or the addressees (vigil export --template urgent-appeal --check shows the checklist). Nothing was written.`,
      );
  }
  addBytes(`${base}.pdf`, 'submission-pdf', pdf);
  addBytes(`${base}.docx`, 'submission-docx', docx);
  addBytes('case.json', 'case-data', caseData);
  const evidenceFiles: PlannedFile[] = selection.items.map((e) => ({
    path: e.path,
    role: 'evidence',
    size: e.size,
    sha256: e.sha256,
    content: { evidence: e },
  }));
  const publicKey = Buffer.from(await exportPublicKey(vault, signer.fingerprint), 'utf8');
  addBytes('signer-key.asc', 'public-key', publicKey);
  // A petitioner whose identity is withheld from the State: manifest.json and VERIFY.txt name the
  // signer by fingerprint only; the key itself (and so the signatures) still carries its user id.
  const anonymous = petitionerWithheld(request.template, redacted.facts);
  const userId = anonymous ? '' : (signer.userIds[0] ?? signer.fingerprint);
  if (anonymous && keyNamesOrganisation(signer.userIds, await loadOrganisation(vault.db)))
    warnings.push(
      coreWarning(
        'signer-names-petitioner',
        `The petitioner's identity is withheld from the State, but the signing key's user id (${signer.userIds[0] ?? ''}) names the organisation: signer-key.asc and the signatures reveal it. manifest.json and VERIFY.txt give only the fingerprint; send the signed dossier to the Commission only, and let it transmit the petition's pages before the confidential annex.`,
        { userId: signer.userIds[0] ?? '' },
      ),
    );
  const verify = Buffer.from(
    verifyInstructions({
      userId: anonymous ? null : userId,
      fingerprint: signer.fingerprint,
      reference: original.case.reference ?? '',
      language: request.language,
    }),
    'utf8',
  );
  addBytes('VERIFY.txt', 'verification', verify);

  const covered = [...documents, ...evidenceFiles].sort((a, b) => a.path.localeCompare(b.path));
  const sums = Buffer.from(covered.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
  const sumsSignature = Buffer.from(await signDetached(vault, sums), 'utf8');
  const checksumFiles: PlannedFile[] = [
    {
      path: 'SHA256SUMS',
      role: 'checksums',
      size: sums.length,
      sha256: sha256(sums),
      content: sums,
    },
    {
      path: 'SHA256SUMS.asc',
      role: 'signature',
      size: sumsSignature.length,
      sha256: sha256(sumsSignature),
      content: sumsSignature,
    },
  ];

  const manifest = manifestSchema.parse({
    format: DOSSIER_FORMAT,
    version: DOSSIER_VERSION,
    generator: GENERATOR,
    createdAt: createdAt.toISOString(),
    template: request.template,
    language: request.language,
    audience,
    case: { reference: original.case.reference ?? '' },
    signer: { fingerprint: signer.fingerprint, userId },
    options: { includePrivate: request.includePrivate },
    files: [...covered, ...checksumFiles].map(({ path, sha256: hash, size, role }) => ({
      path,
      sha256: hash,
      size,
      role,
    })),
    evidence: selection.items.map((e) => ({
      path: e.path,
      copy: e.copy,
      originalSha256: e.originalSha256,
      type: e.type,
    })),
  });
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  // The last check: every output, read back as text, holds no name that may not be named here.
  const targets: ScanTarget[] = [
    {
      file: `${base}.pdf / ${base}.docx`,
      texts: modelTexts(model).map((text) => ({ where: 'text', text })),
    },
    { file: `${base}.docx`, texts: await docxTexts(docx) },
    jsonTarget('case.json', caseData),
    jsonTarget('manifest.json', manifestBytes),
    textTarget('VERIFY.txt', verify.toString('utf8')),
    {
      file: '(file names)',
      texts: [...covered, ...checksumFiles].map((f) => ({ where: f.path, text: f.path })),
    },
  ];
  const findings = scanOutputs(redacted.releaser, targets, (file, where) =>
    file === 'case.json' ? caseJsonRecord(redacted.document, where) : null,
  );
  if (findings.length > 0) throw new VigilError('REVIEW_NEEDED', describeFindings(findings));
  const manifestSignature = Buffer.from(await signDetached(vault, manifestBytes), 'utf8');
  const files: PlannedFile[] = [
    {
      path: 'manifest.json',
      role: 'case-data',
      size: manifestBytes.length,
      sha256: sha256(manifestBytes),
      content: manifestBytes,
    },
    {
      path: 'manifest.json.asc',
      role: 'signature',
      size: manifestSignature.length,
      sha256: sha256(manifestSignature),
      content: manifestSignature,
    },
    ...checksumFiles,
    ...covered,
  ];
  const originals = await originalsOf(
    vault,
    request.caseId,
    request.originals ?? [],
    redacted.releaser,
  );
  for (const original of originals.filter((o) => o.forbidden)) {
    const fields = original.reveals.filter((r) => r.forbiddenName);
    warnings.push(
      coreWarning(
        'original-names-forbidden',
        `The original ${original.name} goes with metadata that names someone consent does not allow ${describeAudience(audience)} to see: ${fields
          .map((r) => r.label)
          .join(', ')}.`,
        {
          name: original.name,
          audience: audience.kind,
          mechanism: audience.kind === 'mechanism' ? audience.mechanism : '',
          fields: fields.map((r) => r.key),
        },
      ),
    );
  }
  const partnerCase =
    redacted.rule.caseData === 'full'
      ? (JSON.parse(caseData.toString('utf8')) as CaseDocument)
      : null;
  return { manifest, files, withheld, originals, warnings, signer, partnerCase };
}
