import { z } from 'zod';
import type { errorSchema } from './schemas';
import { appChannels } from './channels/app';
import { evidenceChannels } from './channels/evidence';
import { vaultChannels } from './channels/vault';
import { recordsChannels } from './channels/records';
import { keysChannels } from './channels/keys';
import { dossierChannels } from './channels/dossier';
import { releaseChannels } from './channels/release';
import { backupChannels } from './channels/backup';
import { historyChannels } from './channels/history';

/**
 * The one IPC contract between the renderer and the main process: for each
 * channel, the schema of its input and of its output (one file per area in
 * ./channels). The preload exposes exactly these channels; main validates
 * every input against them (strict objects: extra fields are refused) and
 * parses every output (undeclared fields are dropped, so nothing like key
 * material can slip through).
 *
 * The renderer never sends a path to read: files and folders are chosen in
 * native dialogs opened by main, which hands back opaque references.
 */
export const contract = {
  ...appChannels,
  ...vaultChannels,
  ...evidenceChannels,
  ...recordsChannels,
  ...keysChannels,
  ...dossierChannels,
  ...releaseChannels,
  ...backupChannels,
  ...historyChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type In<C extends Channel> = z.input<Contract[C]['input']>;
export type Parsed<C extends Channel> = z.output<Contract[C]['input']>;
export type Out<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export type IpcError = z.infer<typeof errorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Events from main to the renderer. */
export const events = {
  progress: z.object({
    operationId: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    item: z.string().nullable(),
  }),
  /** The window is closing with unsaved drafts: the renderer asks the user (see app.closeWindow). */
  closeRequested: z.object({}),
  locked: z.object({
    reason: z.enum([
      'user',
      'panic',
      'quick-exit',
      'idle',
      'screen-lock',
      'suspend',
      'hidden',
      'quit',
    ]),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENTS = Object.keys(events) as EventName[];

/** Electron IPC channel names are prefixed, so no other listener can collide with ours. */
export const IPC_PREFIX = 'vigil:';
