import { readFile } from 'node:fs/promises';
import { describeAudience, parseAudience } from '../../../shared/domain/audience';
import {
  DOSSIER_LANGUAGES,
  TEMPLATES,
  type Audience,
  type DossierLanguage,
  type ExportPreview,
  type Template,
} from '../../../shared/dossier';
import { EXIT, UsageError, type Command, type CommandContext } from '../command';
import { caseIdFrom, caseOption } from '../caseOption';
import {
  defaultAudience,
  exportDossier,
  getWgadSubmission,
  importBundle,
  previewExport,
  saveWgadSubmission,
  verifyDossier,
  type ExportRequest,
  type VerifyReport,
} from '../../core/dossier';

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
  return audience;
}

function exportRequest(context: CommandContext): ExportRequest {
  const evidence = context.strings('evidence');
  return {
    caseId: '',
    template: oneOf<Template>(context, 'template', TEMPLATES, 'generic'),
    language: oneOf<DossierLanguage>(context, 'language', DOSSIER_LANGUAGES, 'en'),
    audience: audienceOption(context),
    includePrivate: context.flag('include-private'),
    includeOriginals: context.flag('include-originals'),
    ...(evidence.length > 0 ? { evidence } : {}),
  };
}

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
  lines.push('', 'Persons named:');
  for (const c of preview.consent) {
    lines.push(
      `  ${c.shownAs ?? '(not named)'}  roles: ${c.roles.join(', ') || '—'}  consent: ${c.consent}${c.covers ? '' : `  LEFT OUT: ${c.reasons.join('; ')}`}`,
    );
  }
  lines.push(
    '',
    preview.withheld.length === 0
      ? 'Nothing will be withheld.'
      : `Withheld (${preview.withheld.length}):`,
  );
  for (const w of preview.withheld) lines.push(`  ${w.what}: ${w.reason}`);
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
      description: 'generic (the default: a case report) or wgad (the WGAD model questionnaire)',
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
        "who the export is for: partners (partner organisations), public, or a mechanism term (wgad, iachr…); default: partners for a bundle, else the template's body (wgad) or public",
    },
    'include-originals': {
      type: 'boolean',
      description:
        'include the original evidence files, with all their metadata, instead of stripped working copies',
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
      description: 'show the admissibility checklist, consent and withholdings, and export nothing',
    },
  },
  examples: [
    'vigil export --case 3f2a… --template wgad --check',
    'vigil export --case 3f2a… --template wgad --out ./wgad-dossier',
    'vigil export --case 3f2a… --encrypt-to 8E3F…C2A1 --encrypt-to 41D0…77B9 --out case.vigil.gpg',
  ],
  details: `A dossier folder holds manifest.json and its signature manifest.json.asc, the submission as PDF
and DOCX, case.json, the evidence (stripped working copies unless --include-originals), SHA256SUMS
with its signature, the signer's public key and VERIFY.txt, which explains the check with gpg and
sha256sum alone. Consent records decide who is named and which testimonies go; the manifest lists
everything withheld and why. A bundle is that folder zipped, signed and encrypted so that
gpg --decrypt opens it.`,
  async run(context) {
    const vault = await context.openVault();
    const request = { ...exportRequest(context), caseId: await caseIdFrom(vault, context) };
    const preview = await previewExport(vault, request);
    if (context.flag('check')) {
      context.output(preview, () => describePreview(preview));
      // Texts waiting for a release decision would stop the export: the dossier is not ready.
      return preview.release.length > 0 ? EXIT.integrity : EXIT.ok;
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
        withheld: result.manifest.withheld,
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
  const lines = [
    `${report.kind}: ${report.ok ? 'VERIFIED' : 'NOT VERIFIED'}`,
    `  signature: ${s.valid ? 'good' : 'BAD or missing'}${s.signerFingerprint ? `, by ${s.signerFingerprint}${s.signerUserId ? ` (${s.signerUserId})` : ''}` : ''}${s.signerKnown ? (s.signerTrusted ? ', trusted key' : ', key known but not trusted') : ', unknown key'}`,
  ];
  if (report.bundle)
    lines.push(
      `  bundle: encrypted to ${report.bundle.recipient}; its signature: ${report.bundle.signature.status}`,
    );
  if (report.manifest)
    lines.push(
      `  case ${report.manifest.reference}, ${report.manifest.template}, made ${report.manifest.createdAt}; ${report.files.checked} of ${report.manifest.files} files checked`,
    );
  for (const problem of report.problems) lines.push(`  PROBLEM: ${problem}`);
  return lines.join('\n');
}

const verifyCommand: Command = {
  name: 'verify',
  summary:
    'Verify a dossier folder, a dossier zip or an encrypted bundle: signatures, every hash, nothing missing or extra.',
  positionals: [
    { name: 'PATH', description: 'a dossier folder, a .zip, or a bundle', required: true },
  ],
  details: 'Exit code 0 only when everything holds; 3 with the list of problems otherwise.',
  async run(context) {
    const vault = await context.openVault();
    const report = await verifyDossier(vault, context.positionals[0]!);
    context.output(report, () => describeVerify(report));
    return report.ok ? EXIT.ok : EXIT.integrity;
  },
};

const importCommand: Command = {
  name: 'import',
  summary: "Import a partner's encrypted bundle as a new case, after verifying it completely.",
  options: {
    'accept-signer': {
      type: 'boolean',
      description:
        'accept a signer whose key is unknown or not marked trusted (you checked it another way)',
    },
  },
  positionals: [{ name: 'BUNDLE', description: 'the bundle file', required: true }],
  async run(context) {
    const vault = await context.openVault();
    const report = await importBundle(vault, context.positionals[0]!, {
      acceptSigner: context.flag('accept-signer'),
      onProgress: (done, total, item) =>
        context.progress(`${item}: ${Math.round((100 * done) / Math.max(1, total))}%`),
    });
    context.progress('');
    context.output(report, () =>
      [
        `Imported case ${report.reference} as ${report.caseId}.`,
        `  signed by ${report.signer.fingerprint ?? 'unknown'}${report.signer.userId ? ` (${report.signer.userId})` : ''}${report.signer.trusted ? '' : ' — accepted explicitly, not a trusted key'}`,
        `  ${report.records.persons} persons, ${report.records.events} events, ${report.records.testimonies} testimonies, ${report.records.interventions} interventions, ${report.evidence.length} evidence files`,
      ].join('\n'),
    );
  },
};

const submissionShow: Command = {
  name: 'submission show',
  summary:
    "Show a case's WGAD arguments (circumstances, categories I–V, domestic remedies, submitter).",
  options: { case: caseOption() },
  async run(context) {
    const vault = await context.openVault();
    const submission = await getWgadSubmission(vault, await caseIdFrom(vault, context));
    context.output(submission, () => JSON.stringify(submission, null, 2));
  },
};

const submissionSet: Command = {
  name: 'submission set',
  summary: "Replace a case's WGAD arguments with a JSON file (see submission show for the shape).",
  options: {
    case: caseOption(),
    file: { type: 'string', valueName: 'FILE', description: 'the JSON file', required: true },
  },
  async run(context) {
    const file = context.requireString('file');
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${file} as JSON (${(error as Error).message}).`);
    }
    const vault = await context.openVault();
    const saved = await saveWgadSubmission(vault, await caseIdFrom(vault, context), data);
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
