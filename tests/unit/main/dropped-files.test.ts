import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVigilApi, type Transport } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/ipc/contract';
import { listEvidence } from '../../../electron/core/evidence';
import { createCase } from '../../../electron/core/records';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { newVault } from '../../helpers/vault';

async function openServices() {
  const services = await testServices();
  const { vault } = await newVault();
  await services.context.session.open(vault);
  return { ...services, vault };
}

type Chosen = { fileId: string; name: string; size: number }[];

describe('files dropped on the window', () => {
  it('are remembered by an opaque id and taken into the vault like chosen files', async () => {
    const { dispatch, vault, calls } = await openServices();
    const dir = await tempDir();
    const photo = join(dir, 'photo.jpg');
    await writeFile(photo, 'not really a photo, but bytes all the same');
    const dropped = (await dispatch('evidence.droppedFiles', { paths: [photo] })) as Result<Chosen>;
    expect(dropped).toMatchObject({ ok: true, value: [{ name: 'photo.jpg', size: 42 }] });
    if (!dropped.ok) return;
    expect(JSON.stringify(dropped.value)).not.toContain(dir);
    const kase = await createCase(vault, { title: 'Dropped' });
    const intake = (await dispatch('evidence.intake', {
      caseId: kase.id,
      fileIds: [dropped.value[0]!.fileId],
      operationId: 'op-drop-1',
    })) as Result<unknown[]>;
    expect(intake.ok).toBe(true);
    expect((await listEvidence(vault, kase.id)).map((e) => e.originalName)).toEqual(['photo.jpg']);
    expect(calls).toContain('evidence.intake');
  });

  it('refuses what is not an existing regular file at an absolute, normal path, and remembers nothing', async () => {
    const { dispatch } = await openServices();
    const dir = await tempDir();
    const folder = join(dir, 'folder');
    await mkdir(folder);
    const file = join(dir, 'a.txt');
    await writeFile(file, 'a');
    await symlink(folder, join(dir, 'link-to-folder'));
    const cases: [unknown, string, RegExp][] = [
      [{ paths: ['relative/a.txt'] }, 'INVALID_INPUT', /usable location/],
      [{ paths: [`${dir}/../${dir}/a.txt`] }, 'INVALID_INPUT', /usable location/],
      [{ paths: [`${file}\0.jpg`] }, 'INVALID_INPUT', /usable location/],
      [{ paths: [join(dir, 'missing.jpg')] }, 'NOT_FOUND', /cannot be found/],
      [{ paths: [folder] }, 'INVALID_INPUT', /not a file/],
      [{ paths: [join(dir, 'link-to-folder')] }, 'INVALID_INPUT', /not a file/],
      [{ paths: [] }, 'INVALID_INPUT', /.+/],
      [{ paths: Array.from({ length: 1001 }, () => file) }, 'INVALID_INPUT', /.+/],
      [{ paths: ['x'.repeat(5000)] }, 'INVALID_INPUT', /.+/],
      [{ paths: [file], extra: true }, 'INVALID_INPUT', /.+/],
    ];
    for (const [input, code, message] of cases) {
      const result = (await dispatch('evidence.droppedFiles', input)) as Result<Chosen>;
      expect(result.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it('need an unlocked vault', async () => {
    const services = await testServices();
    const file = join(await tempDir(), 'a.txt');
    await writeFile(file, 'a');
    const result = await services.dispatch('evidence.droppedFiles', {
      paths: [file],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});

describe('window.vigil and dropped files', () => {
  const transport = (paths: string[]) => {
    const sent: { channel: string; input: unknown }[] = [];
    const t: Transport = {
      invoke: async (channel, input) => {
        sent.push({ channel, input });
        return { ok: true, value: [] };
      },
      subscribe: () => () => undefined,
      pathsOfFiles: () => paths,
    };
    return { sent, api: createVigilApi(t) };
  };
  const files = (n: number) => Array.from({ length: n }, (_, i) => new File(['x'], `f${i}.jpg`));

  it('the page cannot send paths itself: invoke refuses the channel', async () => {
    const { api, sent } = transport([]);
    const result = await api.invoke('evidence.droppedFiles', { paths: ['/etc/passwd'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(sent).toEqual([]);
  });

  it('sends the paths the transport reads from the files, and refuses files without one', async () => {
    const ok = transport(['/home/u/a.jpg', '/home/u/b.jpg']);
    expect((await ok.api.dropFiles(files(2))).ok).toBe(true);
    expect(ok.sent).toEqual([
      { channel: 'evidence.droppedFiles', input: { paths: ['/home/u/a.jpg', '/home/u/b.jpg'] } },
    ]);
    const made = transport(['/home/u/a.jpg', '']);
    expect(await made.api.dropFiles(files(2))).toMatchObject({
      ok: false,
      error: { message: /Only files from your computer/ },
    });
    expect(made.sent).toEqual([]);
    expect((await transport([]).api.dropFiles([])).ok).toBe(false);
  });
});
