import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVault } from '../../../electron/core';
import { listEvidence } from '../../../electron/core/evidence';
import { exportPublicKey, getOrganisationKey, importKeys } from '../../../electron/core/pgp';
import { findCanaries } from '../../helpers/canary';
import {
  canaryVault,
  folderExportArgs,
  markedIn,
  originalExportArgs,
} from '../../helpers/killRuns';
import { startVigil, waitUntil, type Running } from '../../helpers/processes';
import { tempDir } from '../../helpers/tmp';
import { PASSPHRASE, reopen } from '../../helpers/vault';

const stdin = `${PASSPHRASE}\n`;

/** Sends `signal` once the command has started writing (`started` true), and waits for its end. */
async function interruptWhen(
  run: Running,
  started: () => Promise<boolean>,
  signal: NodeJS.Signals,
) {
  expect(await waitUntil(started, run, 2), 'the command must get to its write').toBe(true);
  run.child.kill(signal);
  return run.done;
}

function oneLine(stderr: string, signal: string, what: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^vigil: interrupted by ${signal}; `));
  expect(lines[0]).toMatch(what);
}

/** After an interruption: nothing recorded as in progress, nothing to clean, a clean check. */
async function vaultIsClean(dir: string) {
  const vault = await reopen(dir);
  try {
    expect(vault.recovered).toEqual([]);
    const report = await checkVault(vault);
    expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
  } finally {
    await vault.lock();
  }
}

describe('Ctrl-C (SIGINT) and SIGTERM stop a command and leave nothing behind', () => {
  it('SIGINT during a folder export: one line, exit 130, no temporary folder, no plaintext', async () => {
    const { dir, caseId, evidenceId, canaries } = await canaryVault();
    const outputs = await tempDir();
    const tmp = await tempDir();
    const out = join(outputs, 'dossier');
    const run = startVigil(folderExportArgs(dir, caseId, out, [evidenceId]), {
      stdin,
      env: { TMPDIR: tmp },
    });
    const ended = await interruptWhen(
      run,
      async () => (await markedIn([outputs])).length > 0,
      'SIGINT',
    );
    expect(ended.code).toBe(130);
    oneLine(ended.stderr, 'SIGINT', /removed the unfinished dossier folder .*dossier/);
    expect(await markedIn([outputs])).toEqual([]);
    expect((await findCanaries([outputs, dir, tmp], canaries)).hits).toEqual([]);
    await vaultIsClean(dir);
  });

  it('SIGTERM during an export of the original: one line, exit 143, no partial file', async () => {
    const { dir, evidenceId, canaries } = await canaryVault({ evidenceMiB: 24, withKey: false });
    const outputs = await tempDir();
    const run = startVigil(originalExportArgs(dir, evidenceId, join(outputs, 'o.txt')), { stdin });
    const ended = await interruptWhen(
      run,
      async () => (await markedIn([outputs])).length > 0,
      'SIGTERM',
    );
    expect(ended.code).toBe(143);
    oneLine(ended.stderr, 'SIGTERM', /removed the unfinished evidence file .*o\.txt/);
    expect(await markedIn([outputs])).toEqual([]);
    expect((await findCanaries([outputs, dir], canaries)).hits).toEqual([]);
    await vaultIsClean(dir);
  });

  it('SIGINT during a large intake: one line, no large hidden file in the vault, no orphan', async () => {
    const { dir, caseId } = await canaryVault({ evidenceMiB: 1, withKey: false });
    const big = join(await tempDir(), 'video.bin');
    await writeFile(big, randomBytes(48 * 1024 * 1024));
    const blobs = join(dir, 'blobs');
    const run = startVigil(['evidence', 'add', '--vault', dir, '--case', caseId, big], { stdin });
    const ended = await interruptWhen(
      run,
      async () => (await markedIn([blobs])).length > 0,
      'SIGINT',
    );
    expect(ended.code).toBe(130);
    oneLine(ended.stderr, 'SIGINT', /removed the evidence file being stored in the vault/);
    expect(await markedIn([blobs])).toEqual([]);
    const vault = await reopen(dir);
    expect(await listEvidence(vault, caseId)).toHaveLength(1);
    await vault.lock();
    await vaultIsClean(dir);
  });

  it('SIGINT during a bundle export, SIGTERM during its import: nothing left on either side', async () => {
    const sender = await canaryVault({ evidenceMiB: 16 });
    const receiver = await canaryVault({ evidenceMiB: 1 });
    const a = await reopen(sender.dir);
    const b = await reopen(receiver.dir);
    await importKeys(a, await exportPublicKey(b), { trust: true });
    await importKeys(b, await exportPublicKey(a), { trust: true });
    const recipient = (await getOrganisationKey(b)).fingerprint;
    await a.lock();
    await b.lock();
    const outputs = await tempDir();
    const bundle = join(outputs, 'case.vigil.gpg');
    const exportArgs = [
      'export',
      '--json',
      '--vault',
      sender.dir,
      '--case',
      sender.caseId,
      '--include-original',
      sender.evidenceId,
      '--encrypt-to',
      recipient,
      '--out',
      bundle,
    ];
    const stopped = await interruptWhen(
      startVigil(exportArgs, { stdin }),
      async () => (await markedIn([outputs])).length > 0,
      'SIGINT',
    );
    expect(stopped.code, stopped.stderr).toBe(130);
    oneLine(stopped.stderr, 'SIGINT', /removed the unfinished bundle .*case\.vigil\.gpg/);
    expect(await markedIn([outputs])).toEqual([]);
    await vaultIsClean(sender.dir);

    const made = await startVigil(exportArgs, { stdin }).done;
    expect(made.code, made.stderr).toBe(0);
    const vaultFiles = [receiver.dir, join(receiver.dir, 'blobs')];
    const importing = await interruptWhen(
      startVigil(['import', bundle, '--vault', receiver.dir], { stdin }),
      async () => (await markedIn(vaultFiles)).length > 0,
      'SIGTERM',
    );
    expect(importing.code).toBe(143);
    oneLine(
      importing.stderr,
      'SIGTERM',
      /removed .*(sealed temporary copy|evidence file being stored)/,
    );
    expect(await markedIn(vaultFiles)).toEqual([]);
    expect((await findCanaries([outputs, receiver.dir], sender.canaries)).hits).toEqual([]);
    await vaultIsClean(receiver.dir);
  });
});
