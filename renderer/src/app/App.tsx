import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { CreateVaultScreen } from '../features/vault/CreateVaultScreen';
import { RecoverScreen } from '../features/vault/RecoverScreen';
import { RecoveryKeyScreen } from '../features/vault/RecoveryKeyScreen';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import { WelcomeScreen } from '../features/vault/WelcomeScreen';
import { endSession } from '../lib/sessionMemory';
import type { VaultLocation } from '../lib/types';
import { vigil } from '../lib/vigil';
import { Loading } from '../components/Loading';
import { Shell } from './Shell';

export type LockReason = EventPayload<'locked'>['reason'];

type Phase =
  | { name: 'starting' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'unlock'; location: VaultLocation; reason?: LockReason; notice?: 'recovered' }
  | { name: 'recover'; location: VaultLocation }
  | { name: 'recovery-key'; recoveryKey: string; label: string }
  | { name: 'open'; label: string };

function isPanicShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'l';
}

/** After a panic or a quick exit the lock screen names neither the vault nor why it locked. */
const NEUTRAL: ReadonlySet<LockReason> = new Set(['panic', 'quick-exit']);

function neutralLocation(location: VaultLocation, reason: LockReason): VaultLocation {
  return NEUTRAL.has(reason) ? { ...location, label: '' } : location;
}

/**
 * The root: which gate the user is at (welcome, create, unlock, recover) or
 * the open vault. Locking, for whatever reason, forgets every screen: the
 * session tree is remounted under a new key, module memory is cleared, and
 * the unlock screen comes back.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [generation, setGeneration] = useState(0);
  const location = useRef<VaultLocation | null>(null);

  const phaseRef = useRef(phase);
  useEffect(() => {
    phaseRef.current = phase;
  });

  // Called by the lock button and the panic shortcut at once, and again when main confirms with
  // its `locked` event (which may come late, when the user is already back at the unlock screen:
  // that second call must not reset what they are typing there).
  const dropSession = useCallback((reason: LockReason) => {
    endSession();
    const current = phaseRef.current;
    if (current.name !== 'open' && current.name !== 'recovery-key') return;
    const next: Phase = location.current
      ? {
          name: 'unlock',
          location: neutralLocation(location.current, reason),
          reason: NEUTRAL.has(reason) ? undefined : reason,
        }
      : { name: 'welcome' };
    phaseRef.current = next;
    setGeneration((g) => g + 1);
    setPhase(next);
  }, []);

  const lock = useCallback(
    (reason: 'user' | 'panic' | 'quick-exit') => {
      dropSession(reason);
      vigil.vault.lock({ reason }).catch(() => undefined);
    },
    [dropSession],
  );

  useEffect(() => vigil.on('locked', ({ reason }) => dropSession(reason)), [dropSession]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPanicShortcut(event)) return;
      event.preventDefault();
      lock('panic');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lock]);

  // A fresh window (at start, or after a panic closed every window) goes where main says:
  // the open vault, the neutral unlock screen of the vault locked last, or the welcome screen.
  useEffect(() => {
    vigil.vault.status().then(
      (status) => {
        if (status.unlocked) {
          // A reload with the vault open: a later lock must come back to this vault's unlock
          // screen, not to the welcome screen (the page lost where it was opened from).
          location.current = status.open;
          // This page holds no draft yet, whatever the page before it reported.
          void vigil.drafts.report({ counts: {} }).catch(() => undefined);
          setPhase({ name: 'open', label: status.label ?? '' });
        } else if (status.locked) {
          location.current = status.locked;
          setPhase({ name: 'unlock', location: status.locked });
        } else setPhase({ name: 'welcome' });
      },
      () => setPhase({ name: 'welcome' }),
    );
  }, []);

  const chooseVault = (chosen: VaultLocation) => {
    location.current = chosen;
    setPhase({ name: 'unlock', location: chosen });
  };

  switch (phase.name) {
    case 'starting':
      return (
        <main className="gate">
          <Loading />
        </main>
      );
    case 'welcome':
      return <WelcomeScreen onChoose={chooseVault} onCreate={() => setPhase({ name: 'create' })} />;
    case 'create':
      return (
        <CreateVaultScreen
          onCancel={() => setPhase({ name: 'welcome' })}
          onCreated={(chosen, recoveryKey) => {
            location.current = chosen;
            setPhase({ name: 'recovery-key', recoveryKey, label: chosen.label });
          }}
        />
      );
    case 'recovery-key':
      return (
        <RecoveryKeyScreen
          recoveryKey={phase.recoveryKey}
          onDone={() => setPhase({ name: 'open', label: phase.label })}
        />
      );
    case 'unlock':
      return (
        <UnlockScreen
          key={generation}
          location={phase.location}
          reason={phase.reason}
          notice={phase.notice}
          onUnlocked={(label) => setPhase({ name: 'open', label })}
          onRecover={() => setPhase({ name: 'recover', location: phase.location })}
          onOtherVault={() => setPhase({ name: 'welcome' })}
        />
      );
    case 'recover':
      return (
        <RecoverScreen
          location={phase.location}
          onDone={() => setPhase({ name: 'unlock', location: phase.location, notice: 'recovered' })}
          onCancel={() => setPhase({ name: 'unlock', location: phase.location })}
        />
      );
    case 'open':
      return (
        <Shell
          key={generation}
          vaultLabel={phase.label}
          onLock={() => lock('user')}
          onQuickExit={() => lock('quick-exit')}
        />
      );
  }
}
