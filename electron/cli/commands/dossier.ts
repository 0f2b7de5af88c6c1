import { readFile } from 'node:fs/promises';
import {
  AudienceError,
  audienceRule,
  describeAudience,
  parseAudience,
} from '../../../shared/domain/audience';
import {
  DOSSIER_LANGUAGES,
  TEMPLATES,
  type Audience,
  type DossierLanguage,
  type ExportPreview,
  type OriginalReveal,
  type Template,
} from '../../../shared/dossier';
import { EXIT, UsageError, type Command, type CommandContext } from '../command';
import { caseIdFrom, caseOption } from '../caseOption';
import {
  defaultAudience,
  exportDossier,
  getSubmission,
  importDossier,
  previewExport,
  saveSubmission,
  templateAudienceError,
  type SubmissionKind,
  verifyDossier,
  DuplicateCaseError,
  type ExportRequest,
  type ImportReport,
  type VerifyReport,
} from '../../core/dossier';
import { MAX_CASE_TERMS } from '../../core/records';
import { gpgFingerprint } from '../../core/pgp';

function oneOf<T extends string>(
  context: CommandContext,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = context.string(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}

function audienceOption(context: CommandContext): Audience {
  const value = context.string('for');
  const template = oneOf<Template>(context, 'template', TEMPLATES, 'generic');
  if (value === undefined)
    return defaultAudience(template, context.strings('encrypt-to').length > 0);
  const audience = parseAudience(value);
  if ('error' in audience) throw new UsageError(`--for ${audience.error}`);
  const refused = templateAudienceError(template, audience);
  if (refused) throw new UsageError(refused);
  return audience;
}

function exportRequest(context: CommandContext): ExportRequest {
  const evidence = context.strings('evidence');
  const audience = audienceOption(context);
  const includePrivate = context.flag('include-private');
  try {
    audienceRule(audience, includePrivate);
  } catch (error) {
    if (error instanceof AudienceError) throw new UsageError(error.message);
    throw error;
  }
  return {
    caseId: '',
    template: oneOf<Template>(context, 'template', TEMPLATES, 'generic'),
    language: oneOf<DossierLanguage>(context, 'language', DOSSIER_LANGUAGES, 'en'),
    audience,
    includePrivate,
    originals: [...new Set(context.strings('include-original'))],
    ...(evidence.length > 0 ? { evidence } : {}),
  };
}

const GROUP_NAMES: Record<OriginalReveal['reveals'][number]['group'], string> = {
  location: 'location',
  device: 'device',
  people: 'people',
  time: 'time',
  other: 'other',
};

/**
 * What `--check` prints (and what export shows before it writes): the
 * checklist, who is named how, the withholding report, which evidence goes
 * as which copy, and what each original reveals. For the sender's eyes: it
 * names the people who are left out.
 */
function describePreview(preview: ExportPreview): string {
  const lines: string[] = [];
  lines.push(`Template ${preview.template}, for ${describeAudience(preview.audience)}.`);
  if (preview.checklist.length > 0) {
    const missing = preview.checklist.filter((i) => !i.ok);
    lines.push(
      '',
      `Admissibility checklist: ${preview.checklist.length - missing.length} of ${preview.checklist.length} complete.`,
    );
    for (const item of preview.checklist)
      lines.push(
        `  ${item.ok ? 'ok     ' : 'MISSING'} [${item.part}] ${item.label}${item.ok || !item.target.id ? '' : ` (${item.target.kind} ${item.target.id}, ${item.target.field})`}`,
      );
  }
  lines.push(
    '',
    preview.complete
      ? 'Nothing required is missing.'
      : `Missing: ${preview.missing.length} required item(s).`,
  );
  if (!preview.signingKey)
    lines.push('No key signs dossiers in this vault yet: create one with `vigil keys generate`.');

  lines.push('', 'Who is named, and how:');
  if (preview.consent.length === 0) lines.push('  nobody');
  for (const c of preview.consent) {
    const roles = c.roles.length ? ` (${c.roles.join(', ')})` : '';
    const how = !c.covers
      ? `LEFT OUT: ${c.reasons.join('; ')}`
      : c.shownAs === c.name
        ? 'full name'
        : c.shownAs
          ? `as "${c.shownAs}"`
          : `not named, as "${c.label ?? ''}"`;
    lines.push(`  ${c.name}${roles}: ${how}`);
  }

  lines.push(
    '',
    preview.withheld.length === 0
      ? 'Nothing will be withheld.'
      : `Withheld (${preview.withheld.length}), for you only: the dossier shows no trace of it.`,
  );
  for (const w of preview.withheld) lines.push(`  ${w.kind.padEnd(9)} ${w.what}: ${w.reason}`);
  if (preview.release.length > 0) {
    lines.push(
      '',
      `Texts to settle before the export (release review, ${preview.release.length}):`,
    );
    for (const issue of preview.release) {
      lines.push(
        `  ${issue.recordKind} ${issue.recordId} (${issue.field}): ${
          issue.status === 'stale'
            ? (issue.problem ?? 'its approval no longer holds')
            : `${issue.words.map((w, i) => `"${w}" (change ${issue.changes[i]})`).join(', ')} may be ordinary words or a name`
        }`,
      );
      for (const command of issue.commands) lines.push(`    ${command}`);
    }
  }

  if (preview.evidence.length > 0) {
    lines.push('', 'Evidence:');
    for (const e of preview.evidence)
      lines.push(
        `  ${e.name}: ${e.copy === 'stripped' ? 'stripped working copy' : e.copy === 'original' ? 'ORIGINAL, with all its metadata' : `left out (${e.reason ?? ''})`}`,
      );
  }
  for (const o of preview.originals) {
    lines.push('', `The original ${o.name} (${o.type}, ${o.id}) reveals:`);
    if (!o.readable)
      lines.push(
        `  UNKNOWN: ${o.unreadableReason ?? 'Vigil could not read its metadata'}; nothing in it is known to be safe.`,
      );
    else if (o.reveals.length === 0) lines.push('  no location, device, owner or author metadata');
    for (const r of o.reveals)
      lines.push(
        `  ${GROUP_NAMES[r.group].padEnd(8)} ${r.label}: ${r.value}${r.forbiddenName ? `  <- NAMES SOMEONE CONSENT FORBIDS FOR ${describeAudience(preview.audience).toUpperCase()} ("${r.forbiddenName}")` : ''}`,
      );
  }
  return lines.join('\n');
}

const exportCommand: Command = {
  name: 'export',
  summary: 'Export a case as a signed dossier folder, or as a bundle encrypted to partners.',
  options: {
    case: caseOption('the case to export (id or reference)'),
    out: {
      type: 'string',
      valueName: 'PATH',
      description: 'the dossier folder to create (or, with --encrypt-to, the bundle file)',
    },
    template: {
      type: 'string',
      valueName: 'NAME',
      description:
        "generic (the default: a case report), wgad (the WGAD model questionnaire), sp (a communication to the UN Special Procedures, the SR on human rights defenders by default), urgent-appeal (a one-page urgent appeal for publication), echr (the European Court of Human Rights: material for its application form, on violations of the European Convention by a Council of Europe State, within four months of the final domestic decision), iachr-petition (a petition to the Inter-American Commission on violations by an OAS State, within six months of the final decision), iachr-precautionary (a request to the Inter-American Commission for precautionary measures for persons at serious, urgent risk of irreparable harm) or achpr (a communication to the African Commission on Human and Peoples' Rights on violations of the African Charter by a State party, once local remedies are exhausted or unduly prolonged, within a reasonable time)",
    },
    language: {
      type: 'string',
      valueName: 'LANG',
      description: 'the language of the submission: en (default), es, fr, ar, ru',
    },
    for: {
      type: 'string',
      valueName: 'WHO',
      description:
        "who the export is for: partners (partner organisations), public, or a mechanism term (wgad, sr-hrd, iachr…); default: partners for a bundle, else the template's body (wgad, sr-hrd for sp) or public",
    },
    'include-original': {
      type: 'string',
      multiple: true,
      valueName: 'ID',
      description:
        'send this evidence item as its original, with all its metadata, instead of the stripped working copy (repeatable; see --check for what each reveals)',
    },
    'include-private': {
      type: 'boolean',
      description:
        'include private fields (contacts, addresses, document numbers, exact coordinates…)',
    },
    'encrypt-to': {
      type: 'string',
      multiple: true,
      valueName: 'FPR',
      description: 'make a bundle encrypted to this partner key (repeatable)',
    },
    evidence: {
      type: 'string',
      multiple: true,
      valueName: 'ID',
      description: 'include only these evidence items (repeatable; default: all)',
    },
    check: {
      type: 'boolean',
      description:
        'show the checklist, who is named how, what is withheld and what each original reveals, and export nothing (exit 3 when something required is missing)',
    },
  },
  examples: [
    'vigil export --case 3f2a… --template wgad --check',
    'vigil export --case 3f2a… --template wgad --check --json',
    'vigil export --case 3f2a… --for partners --include-original 9c1e… --check',
    'vigil export --case 3f2a… --template wgad --out ./wgad-dossier',
    'vigil export --case 3f2a… --template urgent-appeal --language fr --check',
    'vigil export --case 3f2a… --template echr --language fr --out ./echr',
    'vigil export --case 3f2a… --template sp --language es --out ./sp-communication',
    'vigil export --case 3f2a… --encrypt-to 8E3F…C2A1 --encrypt-to 41D0…77B9 --out case.vigil.gpg',
  ],
  details: `A dossier folder holds manifest.json and its signature manifest.json.asc, the submission as PDF
and DOCX, case.json, the evidence (stripped working copies, except the originals named with
--include-original), SHA256SUMS with its signature, the signer's public key and VERIFY.txt, which
explains the check with gpg and sha256sum alone. Every export is for one audience (--for). Consent
records decide who is named and which persons and testimonies go; nothing in the dossier shows what
was left out. --check prints the withholding report for you; it is kept in the vault with the
export's audit entry. With --check --json: {"complete", "missing": [{"section", "person", "field",
"label"}], "withheld": […], "signingKey", "release": […], …}; exit 0 when nothing required is
missing, the vault has a signing key and no text waits for a release decision, 3 otherwise. A bundle is the folder zipped, signed and encrypted so
that gpg --decrypt opens it.
--template urgent-appeal makes the one page NGO networks publish about defenders at risk: who
(the victims consent lets the public see named, with their work as defenders and organisation),
what happened, where and when (the case summary and events), who is responsible, what is asked
of the authorities and to whom to write (vigil submission set --template urgent-appeal). It is
published, so it is made for the public only (--for public, the default): consent decides as for
any publication. Its checklist asks for a named defender, the work of each, the facts with date
and place, those responsible, the requests and the addressees, and that the page fits on one; an
appeal that takes more than one page is refused (nothing is cut), so shorten the texts.
--template echr lays out what the European Court's application form (Rule 47) asks, in the form's
sections: A the applicant (named in full: consent for the Court must allow it), B the respondent
State, C the representative (the organisation profile), E the facts (summary and events), F each
complaint with the Article invoked and the argument (vigil submission set --template echr), G
domestic remedies, the final domestic decision and the four months counted from its notification,
H other international proceedings (B, G and H from vigil case facts), I the accompanying
documents (the dossier's evidence). It is material to transfer into the Court's official form, which must be
used, and is made for the Court only (--for echr). The checklist flags a text longer than the 20
pages an annex may take.
--template iachr-petition follows article 28 of the Commission's Rules of Procedure: the petitioner
(the organisation profile), whether its identity is withheld from the State, the facts with place
and date, the victims, the State, the rights violated (vigil submission set --template
iachr-petition), domestic remedies, the six months from notification of the final decision (or a
reasonable time when remedies are unavailable or ineffective) and other international
proceedings. When the identity is withheld (vigil case facts; unrecorded counts as withheld) the
organisation is named only in a confidential annex after a page break, marked not to be
transmitted to the State, and the checklist fails if its name appears anywhere before it;
manifest.json and VERIFY.txt then name the signer by fingerprint only, and a signing key whose
user id names the organisation is a checklist gap and a warning (the key travels with the
signatures).
--template iachr-precautionary follows article 25: the requesting party, the State, the
beneficiaries (vigil case facts) with their consent, the serious and urgent situation (the facts
in order), the risk of irreparable harm and the measures requested ({"risk": "…", "measures":
["…"]}, vigil submission set --template iachr-precautionary), and whether the authorities were
informed. Both are made for the Commission only (--for iachr).
--template sp makes a communication to the UN Special Procedures (for the mandates the case's facts
name, vigil case facts --set mandates=…; the Special Rapporteur on human rights defenders by
default, and --for sr-hrd): the alleged victims, each violation with date, place and description,
how the violations relate to the victims' human-rights work, the alleged perpetrators of every
kind (State forces, companies, groups), the action of the authorities (final decision, remedies, risk reported), other
international procedures, consent (the victim knows the Government will be contacted; the name
or initials in the public report) and the submitter in a section marked confidential. It asks
for an urgent appeal when a violation is ongoing, an allegation letter otherwise. Its checklist
refuses an anonymous communication (no identified victim or submitter) and flags a case resting
on media reports alone, a missing link to human-rights work and missing consent.
--template achpr makes a communication to the African Commission on Human and Peoples' Rights in
the order of the conditions of article 56 of the African Charter: the authors (the organisation
profile, named even when they ask for anonymity; whether they ask the Commission to keep their
identity from the State, vigil case facts --set identityWithheldFromState=true), the State (each a
party to the Charter), the victims, the facts with place and date, the Charter's articles invoked
(vigil submission set --template achpr), local remedies exhausted or unduly prolonged, the final
decision and a reasonable time (past the six months the Commission takes as its guide, flagged),
a first-hand source (not the mass media alone), other international procedures (one that has
decided the matter is flagged), and the language: every text is checked against one short list
of disparaging or insulting words in five languages, and each word found is a gap marked after
the text that holds it, never rewritten. Made for the Commission only (--for achpr).`,
  async run(context) {
    const vault = await context.openVault();
    const request = { ...exportRequest(context), caseId: await caseIdFrom(vault, context) };
    const preview = await previewExport(vault, request);
    if (context.flag('check')) {
      context.output(
        {
          complete: preview.complete,
          missing: preview.missing,
          withheld: preview.withheld,
          signingKey: preview.signingKey,
          template: preview.template,
          audience: preview.audience,
          checklist: preview.checklist,
          persons: preview.consent,
          evidence: preview.evidence,
          originals: preview.originals,
          release: preview.release,
        },
        () => describePreview(preview),
      );
      // Not ready: something required is missing, no key signs it, or texts wait for a release
      // decision (the export would stop).
      return preview.complete && preview.signingKey && preview.release.length === 0
        ? EXIT.ok
        : EXIT.integrity;
    }
    const out = context.requireString('out');
    if (!context.json) context.io.stderr.write(`${describePreview(preview)}\n\n`);
    const recipients = context.strings('encrypt-to');
    const result = await exportDossier(
      vault,
      request,
      recipients.length > 0
        ? { kind: 'bundle', path: out, recipients }
        : { kind: 'directory', path: out },
      {
        signal: context.signal,
        onProgress: (done, total, file) =>
          context.progress(`${file}: ${Math.round((100 * done) / Math.max(1, total))}%`),
      },
    );
    context.progress('');
    for (const warning of result.warnings) context.warn(warning);
    context.output(
      {
        out: result.out,
        kind: result.kind,
        manifestSha256: result.manifestSha256,
        signer: result.manifest.signer.fingerprint,
        recipients: result.recipients,
        files: result.manifest.files.length,
        withheld: result.withheld,
        originals: result.originals,
        checklist: preview.checklist,
        warnings: result.warnings,
      },
      () =>
        result.kind === 'bundle'
          ? `Wrote the bundle ${result.out} (${result.bytes} bytes), signed by ${result.manifest.signer.fingerprint}, for ${result.recipients.join(', ')}.`
          : `Wrote the dossier ${result.out}: ${result.manifest.files.length} files, signed by ${result.manifest.signer.fingerprint}. See VERIFY.txt inside.`,
    );
  },
};

function describeVerify(report: VerifyReport): string {
  const s = report.signature;
  const fingerprint = s.signerFingerprint ? gpgFingerprint(s.signerFingerprint) : null;
  const key =
    !s.valid || !fingerprint
      ? ''
      : s.signerOrigin === 'pinned'
        ? ', the key you gave (--key)'
        : s.signerOrigin === 'dossier'
          ? ', a key shipped inside the dossier: NOT YET TRUSTED'
          : s.signerTrusted
            ? ', a trusted key in the vault'
            : ', a key in the vault that is not marked trusted';
  const headline = !report.ok
    ? 'NOT VERIFIED'
    : report.trusted
      ? 'VERIFIED'
      : "VERIFIED: every signature and hash holds, but the signer's key is not yet trusted";
  const lines = [
    `${report.kind}: ${headline}`,
    `  signature: ${s.valid ? 'good' : 'BAD or missing'}${s.signerUserId ? `, by ${s.signerUserId}` : ''}${key}`,
  ];
  if (fingerprint) lines.push(`  signer's fingerprint: ${fingerprint}`);
  if (report.bundle)
    lines.push(
      `  bundle: encrypted to ${report.bundle.recipient}; its signature: ${report.bundle.signature.status}`,
    );
  if (report.manifest)
    lines.push(
      `  case ${report.manifest.reference}, ${report.manifest.template}, made ${report.manifest.createdAt}; ${report.files.checked} of ${report.manifest.files} files checked`,
    );
  if (report.duplicateOf)
    lines.push(
      `  already in the vault as ${report.duplicateOf.reference} (${report.duplicateOf.caseId}): import with --update or --as-new`,
    );
  for (const note of report.notes) lines.push(`  NOTE: ${note}`);
  for (const problem of report.problems) lines.push(`  PROBLEM: ${problem}`);
  return lines.join('\n');
}

const verifyCommand: Command = {
  name: 'verify',
  access: 'read',
  summary:
    'Verify a dossier folder, a dossier zip or an encrypted bundle: signatures, every hash, nothing missing or extra.',
  options: {
    key: {
      type: 'string',
      valueName: 'FILE',
      description:
        "the expected signer's public key: every signature must be by it (exit code 3 otherwise)",
    },
  },
  positionals: [
    { name: 'PATH', description: 'a dossier folder, a .zip, or a bundle', required: true },
  ],
  examples: [
    'vigil verify ./wgad-dossier',
    'vigil verify ./wgad-dossier --key defenders-watch.asc',
    'vigil verify case.vigil.gpg --vault ~/vault',
  ],
  details: `The same checks as an import: the signatures of manifest.json and SHA256SUMS, every file's
SHA-256 and size, nothing missing, extra or listed twice, SHA256SUMS equal to the manifest, case.json
a valid case, regular files only (never a link, FIFO or device).
Without a vault (no --vault, no VIGIL_VAULT) the signer's key shipped inside the dossier
(signer-key.asc) checks it: the report says that this key is not yet trusted and prints its
fingerprint to compare with the organisation's. With a vault, the vault's keys are used and a
signer it does not trust is a problem. --key FILE pins the signer. A bundle can only be verified
with the vault holding the key it was encrypted to.
Exit code 0 only when every signature and hash holds; 3 with the list of problems otherwise.`,
  async run(context) {
    const keyFile = context.string('key');
    let key: Buffer | undefined;
    if (keyFile !== undefined) {
      key = await readFile(keyFile).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          `cannot read the key file ${keyFile} (${error.code ?? error.message}).`,
        );
      });
    }
    const vault = context.hasVault() ? await context.openVault() : null;
    const report = await verifyDossier(vault, context.positionals[0]!, key ? { key } : {});
    context.output(report, () => describeVerify(report));
    return report.ok ? EXIT.ok : EXIT.integrity;
  },
};

function describeImport(report: ImportReport): string {
  const lines = [
    report.mode === 'update'
      ? `Updated case ${report.reference} (${report.caseId}) from the partner's newer version.`
      : report.mode === 'as-new'
        ? `Imported case ${report.reference} as ${report.caseId}, a copy kept apart from ${report.duplicateOf?.reference ?? 'the one already here'}.`
        : `Imported case ${report.reference} as ${report.caseId}.`,
    `  signed by ${report.signer.fingerprint ?? 'unknown'}${report.signer.userId ? ` (${report.signer.userId})` : ''}${report.signer.trusted ? '' : ' — accepted explicitly, not a trusted key'}`,
  ];
  const r = report.records;
  if (report.update) {
    const u = report.update;
    const sum = (c: typeof u.added) =>
      c.cases + c.persons + c.events + c.testimonies + c.interventions;
    lines.push(
      `  ${sum(u.added)} records added, ${sum(u.updated)} updated with the partner's changes, ${u.unchanged} unchanged, ${report.evidence.length} evidence files added`,
    );
    for (const c of u.conflicts)
      lines.push(
        `  KEPT YOURS: ${c.kind} ${c.id} was changed both here and by the partner (${c.fields.join(', ')}); your version was kept. Import with --as-new to see theirs.`,
      );
    for (const c of u.restored)
      lines.push(
        `  RESTORED: a ${c.kind} deleted here is still in the partner's case; it was added again as ${c.id}.`,
      );
  } else {
    lines.push(
      `  ${r.persons} persons, ${r.events} events, ${r.testimonies} testimonies, ${r.interventions} interventions, ${report.evidence.length} evidence files`,
    );
  }
  if (report.customTermsKept > 0)
    lines.push(
      `  ${report.customTermsKept} vocabulary terms of the partner's kept with this case (not added to the vault's vocabularies)`,
    );
  if (report.submission === 'added')
    lines.push("  the partner's WGAD arguments came with the case (vigil submission show)");
  if (report.submission === 'kept-local')
    lines.push(
      "  KEPT YOURS: the case's WGAD arguments here differ from the partner's; yours were kept. Import with --as-new to see theirs.",
    );
  if (report.appeal === 'added')
    lines.push(
      "  the partner's urgent appeal came with the case (vigil submission show --template urgent-appeal)",
    );
  if (report.appeal === 'kept-local')
    lines.push(
      "  KEPT YOURS: the case's urgent appeal here differs from the partner's; yours was kept. Import with --as-new to see theirs.",
    );
  if (report.submitter?.name) lines.push(`  submitted by ${report.submitter.name}`);
  return lines.join('\n');
}

const importCommand: Command = {
  name: 'import',
  summary:
    "Import a partner's dossier (an encrypted bundle, a dossier zip or folder) as a case, after verifying it completely.",
  options: {
    'accept-signer': {
      type: 'boolean',
      description:
        'accept a signer whose key is unknown or not marked trusted (you checked it another way)',
    },
    update: {
      type: 'boolean',
      description:
        "the case is already in the vault: merge the partner's newer version into it (local edits are kept)",
    },
    'as-new': {
      type: 'boolean',
      description: 'the case is already in the vault: import it as a separate copy',
    },
  },
  positionals: [
    { name: 'PATH', description: 'the bundle, dossier zip or dossier folder', required: true },
  ],
  examples: [
    'vigil import case.vigil.gpg',
    'vigil import case.vigil.gpg --update',
    'vigil import ./partner-dossier --accept-signer --as-new',
  ],
  details: `The dossier gets exactly the checks of vigil verify; anything verify refuses, import refuses
with the same words and exit code 3, and nothing is imported.
A case that is already in the vault (the same case, begun here or imported before: its origin
travels in case.json) is recognised: without --update or --as-new the import stops, reports
duplicateOf and changes nothing (exit code 2). --update merges the partner's version: records
they added are added, records they changed are updated unless they were also changed here (then
your version is kept and the conflict is listed), nothing is deleted, roles and evidence are only
added. --as-new imports a separate copy. A partner's own vocabulary terms stay with the case and
do not join the vault's vocabularies (at most ${MAX_CASE_TERMS} per case).`,
  async run(context) {
    const update = context.flag('update');
    const asNew = context.flag('as-new');
    if (update && asNew) throw new UsageError('choose --update or --as-new, not both.');
    const vault = await context.openVault();
    let report: ImportReport;
    try {
      report = await importDossier(vault, context.positionals[0]!, {
        acceptSigner: context.flag('accept-signer'),
        signal: context.signal,
        ...(update
          ? { duplicate: 'update' as const }
          : asNew
            ? { duplicate: 'as-new' as const }
            : {}),
        onProgress: (done, total, item) =>
          context.progress(`${item}: ${Math.round((100 * done) / Math.max(1, total))}%`),
      });
    } catch (error) {
      if (!(error instanceof DuplicateCaseError)) throw error;
      context.progress('');
      context.warn(error.message);
      const d = error.duplicateOf;
      context.output({ imported: false, duplicateOf: d, choose: ['--update', '--as-new'] }, () =>
        [
          `Not imported: this case is already in the vault as ${d.reference} (${d.caseId}), ${d.begunHere ? 'begun here' : 'imported before'}${d.others > 0 ? `, and ${d.others} more copies` : ''}.`,
          "  --update   merge the partner's changes into it (your own edits are kept)",
          '  --as-new   import a separate copy',
          'Nothing was changed.',
        ].join('\n'),
      );
      return EXIT.usage;
    }
    context.progress('');
    context.output(report, () => describeImport(report));
  },
};

const SUBMISSION_KINDS = [
  'wgad',
  'urgent-appeal',
  'echr',
  'iachr-petition',
  'iachr-precautionary',
  'achpr',
] as const satisfies readonly SubmissionKind[];
const submissionTemplate = {
  type: 'string',
  valueName: 'NAME',
  description:
    'wgad (the default: the WGAD arguments), urgent-appeal (the requests to the authorities and the addressees), echr, iachr-petition or achpr (the complaints: each provision invoked and the argument) or iachr-precautionary (the risk and the measures requested)',
} as const;

const submissionShow: Command = {
  name: 'submission show',
  access: 'read',
  summary:
    "Show a case's WGAD arguments (circumstances, categories I–V, domestic remedies, submitter) or urgent appeal (requests, addressees).",
  options: { case: caseOption(), template: submissionTemplate },
  async run(context) {
    const kind = oneOf(context, 'template', SUBMISSION_KINDS, 'wgad');
    const vault = await context.openVault();
    const submission = await getSubmission(vault, await caseIdFrom(vault, context), kind);
    context.output(submission, () => JSON.stringify(submission, null, 2));
  },
};

const submissionSet: Command = {
  name: 'submission set',
  summary:
    "Replace a case's WGAD arguments or urgent appeal with a JSON file (see submission show for the shape).",
  options: {
    case: caseOption(),
    template: submissionTemplate,
    file: { type: 'string', valueName: 'FILE', description: 'the JSON file', required: true },
  },
  examples: [
    'vigil submission set --case 3f2a… --file wgad.json',
    'vigil submission set --case 3f2a… --template urgent-appeal --file appeal.json',
    'vigil submission set --case 3f2a… --template echr --file complaints.json',
  ],
  details: `An urgent appeal's file: {"requests": ["Release … immediately and unconditionally", …],
"addressees": [{"name": "Prosecutor General", "address": "…"}, …]} (at most 20 of each).
The European Court's: {"violations": [{"provision": "Article 10", "argument": "…"}, …]} (at most 30).`,
  async run(context) {
    const kind = oneOf(context, 'template', SUBMISSION_KINDS, 'wgad');
    const file = context.requireString('file');
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${file} as JSON (${(error as Error).message}).`);
    }
    const vault = await context.openVault();
    const saved = await saveSubmission(vault, await caseIdFrom(vault, context), kind, data);
    context.output(saved, () => 'Saved.');
  },
};

export const dossierCommands: Command[] = [
  exportCommand,
  verifyCommand,
  importCommand,
  submissionShow,
  submissionSet,
];
