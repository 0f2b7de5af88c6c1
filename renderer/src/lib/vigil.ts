import type { ErrorCode } from '../../../shared/errors';
import type { FieldProblem } from '../../../shared/domain/issues';
import type {
  Channel,
  EventName,
  EventPayload,
  In,
  Out,
  Result,
} from '../../../shared/ipc/contract';

/**
 * The only module that touches `window.vigil`. Every request resolves to its
 * value or throws a UiError carrying the stable code (which the UI
 * translates) and the core's plain English sentence (shown as detail).
 */
export class UiError extends Error {
  override readonly name = 'UiError';
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    /** For invalid input: each problem by field path, as a code the UI words in its language. */
    readonly issues: readonly UiIssue[] = [],
  ) {
    super(detail);
  }
}

export interface UiIssue {
  path: string;
  problem: FieldProblem;
}

export function isUiError(error: unknown): error is UiError {
  return error instanceof UiError;
}

/** The value of a request, or its error as a UiError. */
async function settle<T>(send: () => Promise<Result<T>>): Promise<T> {
  let result: Awaited<ReturnType<typeof send>>;
  try {
    result = await send();
  } catch {
    throw new UiError('INTERNAL', 'The request did not reach the main process.');
  }
  if (!result.ok)
    throw new UiError(result.error.code, result.error.message, result.error.issues ?? []);
  return result.value;
}

function call<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>> {
  return settle(() => window.vigil.invoke(channel, input));
}

const request =
  <C extends Channel>(channel: C) =>
  (input: In<C>): Promise<Out<C>> =>
    call(channel, input);

const noInput =
  <C extends Channel>(channel: C) =>
  (): Promise<Out<C>> =>
    call(channel, {} as In<C>);

/** Typed requests by area; the rest of the renderer never sees a channel name. */
export const vigil = {
  app: {
    info: noInput('app.info'),
    forgetRecent: request('app.forgetRecent'),
    showInFolder: request('app.showInFolder'),
    closeWindow: noInput('app.closeWindow'),
  },
  clipboard: { copy: request('clipboard.copy') },
  settings: { get: noInput('settings.get'), set: request('settings.set') },
  operations: { cancel: request('operation.cancel') },
  drafts: { report: request('drafts.report'), discarded: noInput('drafts.discarded') },
  backup: { create: request('backup.create'), status: noInput('backup.status') },
  due: { list: request('due.list') },
  vault: {
    chooseNewLocation: noInput('vault.chooseNewLocation'),
    chooseExisting: noInput('vault.chooseExisting'),
    create: request('vault.create'),
    unlock: request('vault.unlock'),
    lock: request('vault.lock'),
    status: noInput('vault.status'),
    info: noInput('vault.info'),
    changePassphrase: request('vault.changePassphrase'),
    recover: request('vault.recover'),
    newRecoveryKey: request('vault.newRecoveryKey'),
    check: noInput('vault.check'),
  },
  cases: {
    list: request('cases.list'),
    get: request('cases.get'),
    create: request('cases.create'),
    update: request('cases.update'),
    audit: request('cases.audit'),
    remove: request('cases.delete'),
  },
  persons: {
    list: request('persons.list'),
    create: request('persons.create'),
    update: request('persons.update'),
    link: request('persons.link'),
    unlink: request('persons.unlink'),
    find: request('persons.find'),
    cases: request('persons.cases'),
    remove: request('persons.delete'),
    versions: request('persons.versions'),
    version: request('persons.version'),
    restoreVersion: request('persons.restoreVersion'),
  },
  events: {
    list: request('events.list'),
    create: request('events.create'),
    update: request('events.update'),
    remove: request('events.delete'),
  },
  testimonies: {
    list: request('testimonies.list'),
    get: request('testimonies.get'),
    create: request('testimonies.create'),
    update: request('testimonies.update'),
    withdrawConsent: request('testimonies.withdrawConsent'),
    remove: request('testimonies.delete'),
    versions: request('testimonies.versions'),
    version: request('testimonies.version'),
    restoreVersion: request('testimonies.restoreVersion'),
    seal: request('testimonies.seal'),
  },
  interventions: {
    list: request('interventions.list'),
    create: request('interventions.create'),
    update: request('interventions.update'),
    remove: request('interventions.delete'),
    steps: request('interventions.steps'),
    move: request('interventions.move'),
  },
  trash: {
    list: request('trash.list'),
    restore: request('trash.restore'),
    empty: request('trash.empty'),
  },
  search: { query: request('search.query') },
  timeline: { ofCase: request('timeline.case') },
  vocabularies: { list: noInput('vocabularies.list') },
  evidence: {
    chooseFiles: noInput('evidence.chooseFiles'),
    /** Files dropped on the page: main gets their paths from the preload, never from the page. */
    dropFiles: (files: readonly File[]) => settle(() => window.vigil.dropFiles(files)),
    intake: request('evidence.intake'),
    list: request('evidence.list'),
    get: request('evidence.get'),
    preview: request('evidence.preview'),
    strip: request('evidence.strip'),
    stripMany: request('evidence.stripMany'),
    removeMany: request('evidence.deleteMany'),
    exportCopy: request('evidence.export'),
    verify: request('evidence.verify'),
    update: request('evidence.update'),
    remove: request('evidence.delete'),
  },
  dossier: {
    preview: request('dossier.preview'),
    getSubmission: request('dossier.getSubmission'),
    saveSubmission: request('dossier.saveSubmission'),
    getFacts: request('dossier.getFacts'),
    saveFacts: request('dossier.saveFacts'),
    getArguments: request('dossier.getArguments'),
    saveArguments: request('dossier.saveArguments'),
    getAppeal: request('dossier.getAppeal'),
    saveAppeal: request('dossier.saveAppeal'),
    exportDossier: request('dossier.export'),
    verify: request('dossier.verify'),
    chooseBundle: noInput('dossier.chooseBundle'),
    inspectBundle: request('dossier.inspectBundle'),
    importBundle: request('dossier.import'),
  },
  release: {
    review: request('release.review'),
    approve: request('release.approve'),
    edit: request('release.edit'),
  },
  organisation: {
    get: noInput('organisation.get'),
    update: request('organisation.update'),
  },
  keys: {
    list: noInput('keys.list'),
    generate: request('keys.generate'),
    chooseFile: noInput('keys.chooseFile'),
    importFile: request('keys.import'),
    setTrust: request('keys.setTrust'),
    exportPublic: request('keys.exportPublic'),
    exportSecret: request('keys.exportSecret'),
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return window.vigil.on(event, listener);
  },
};

export type Output<C extends Channel> = Out<C>;
export type Input<C extends Channel> = In<C>;

/** A fresh id for a long operation (its progress events and its cancel button). */
export function newOperationId(): string {
  return `op-${crypto.randomUUID()}`;
}
