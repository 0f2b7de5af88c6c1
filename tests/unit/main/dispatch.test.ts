import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { createDispatcher, toIpcError } from '../../../electron/main/ipc/dispatch';
import { VigilError } from '../../../electron/core/errors';
import { InvalidInput } from '../../../electron/core/records/validate';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';

describe('IPC contract and dispatcher', () => {
  it('has one schema and one handler for every channel', async () => {
    const { handlers } = await testServices();
    const channels = Object.keys(contract).sort();
    expect(Object.keys(handlers).sort()).toEqual(channels);
    expect([...CHANNELS].sort()).toEqual(channels);
    expect(channels.length).toBeGreaterThan(20);
    for (const spec of Object.values(contract)) {
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });

  it('rejects hostile payloads on every channel with INVALID_INPUT before any handler runs', async () => {
    const { dispatch, calls } = await testServices();
    const hostile: unknown[] = [
      null,
      undefined,
      'a string',
      42,
      [],
      { extra: 'field' },
      { constructor: { prototype: { polluted: true } } },
      { id: '../../../etc/passwd' },
      { locationId: '../../etc', passphrase: 'x'.repeat(5000) },
      { caseId: 'not-a-uuid', fileIds: ['/etc/passwd'], operationId: 'op-12345678' },
      { passphrase: 'p'.repeat(2_000_000), kdf: 'standard', locationId: 'abcdefgh' },
      { reason: 'reboot' },
      { operationId: 'x'.repeat(1000) },
      { id: 123 },
    ];
    for (const channel of CHANNELS) {
      for (const payload of hostile) {
        const result = await dispatch(channel, payload);
        if (result.ok) {
          // Only a channel whose input is legitimately this exact shape may accept it.
          expect(
            contract[channel].input.safeParse(payload).success,
            `${channel} accepted ${JSON.stringify(payload)?.slice(0, 80)}`,
          ).toBe(true);
        } else {
          expect(['INVALID_INPUT', 'VAULT_LOCKED', 'NOT_FOUND']).toContain(result.error.code);
        }
      }
    }
    // A handler ran only for payloads its schema accepts (e.g. {} on a no-input channel was never sent).
    const accepted = calls.filter((c) => c !== 'operation.cancel' && c !== 'vault.lock');
    for (const channel of accepted) {
      const schema = contract[channel as keyof typeof contract].input;
      expect(
        hostile.some((p) => schema.safeParse(p).success),
        channel,
      ).toBe(true);
    }
    expect((await dispatch('vault.__proto__', {})).ok).toBe(false);
    expect((await dispatch('toString', {})).ok).toBe(false);
    expect((await dispatch(undefined, {})).ok).toBe(false);
  });

  it('accepts a valid request and refuses the same request with one field too many', async () => {
    const { dispatch, dialogs } = await testServices();
    dialogs.folders.push(join(await tempDir(), 'new-vault'));
    const chosen = await dispatch('vault.chooseNewLocation', {});
    expect(chosen.ok).toBe(true);
    const locationId = (chosen as { value: { locationId: string } }).value.locationId;
    const extra = await dispatch('vault.create', {
      locationId,
      passphrase: 'a good long passphrase',
      kdf: 'standard',
      memoryMiB: 8,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((extra as { error: { message: string } }).error.message).toMatch(
      /memoryMiB|Unrecognized/,
    );
  });

  it('names each problem of an invalid request by field path and code, not only in English words', async () => {
    const { dispatch } = await testServices();
    const caseId = '0b7c2f1e-0000-4000-8000-000000000001';
    const result = await dispatch('persons.create', {
      caseId,
      role: 'victim',
      person: {
        name: '',
        consent: { scope: 'named-mechanisms', mechanisms: [] },
        birthDate: { value: '2024-02-30', qualifier: 'exact' },
      },
    });
    expect(result.ok).toBe(false);
    const issues = (result as { error: { issues?: { path: string; problem: string }[] } }).error
      .issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'person.consent.mechanisms', problem: 'mechanisms-required' },
        { path: 'person.name', problem: 'required' },
        { path: 'person.birthDate', problem: 'not-a-date' },
      ]),
    );
    // Core validation (InvalidInput) carries its issues too.
    const core = toIpcError(
      new InvalidInput('event', [
        { path: 'end', message: 'is before the start', problem: 'end-before-start' },
        { path: 'title', message: 'something' },
      ]),
    );
    expect(core).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [
        { path: 'end', problem: 'end-before-start' },
        { path: 'title', problem: 'invalid' },
      ],
    });
  });

  it('maps VigilErrors to their code and message, and anything else to INTERNAL without detail', () => {
    expect(toIpcError(new VigilError('WRONG_PASSPHRASE', 'Wrong passphrase.'))).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'Wrong passphrase.',
    });
    const internal = toIpcError(
      new Error('ENOENT /home/jane/secret-case/file.jpg at Object.<anonymous> (main.js:1:1)'),
    );
    expect(internal.code).toBe('INTERNAL');
    expect(internal.message).not.toMatch(/jane|ENOENT|main\.js/);
  });

  it('drops output fields the contract does not declare, so key material cannot leak by accident', async () => {
    const { handlers } = await testServices();
    const leaky = createDispatcher({
      ...handlers,
      'vault.create': async () =>
        ({ vaultId: 'v', recoveryKey: 'r', vaultKey: 'secret-key-material' }) as never,
    });
    const result = await leaky('vault.create', {
      locationId: 'abcdefgh',
      passphrase: 'a good long passphrase',
      kdf: 'standard',
    });
    expect(result).toEqual({ ok: true, value: { vaultId: 'v', recoveryKey: 'r' } });
  });

  it('turns a handler output that breaks the contract into INTERNAL, not into data', async () => {
    const { handlers } = await testServices();
    const broken = createDispatcher({
      ...handlers,
      'vault.status': async () => ({ unlocked: 'yes' }) as never,
    });
    expect(await broken('vault.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
