import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/contract';
import type { Dispatch } from './ipc/dispatch';
import { isAppUrl } from './security';

/**
 * A request is accepted only from the top frame of our own window showing
 * our own page: not from an iframe, another window, or a page that
 * navigated elsewhere.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: () => WebContents | null,
): boolean {
  const contents = trusted();
  const frame = event.senderFrame;
  if (!contents || event.sender !== contents || !frame) return false;
  if (frame !== contents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Registers one ipcMain handler per contract channel, all through the same dispatcher. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  trusted: () => WebContents | null,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(
      `${IPC_PREFIX}${channel}`,
      async (event, input: unknown): Promise<Result<unknown>> => {
        if (!isTrustedSender(event, trusted)) {
          return {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: 'Request refused: it did not come from Vigil’s own page.',
            },
          };
        }
        return dispatch(channel, input);
      },
    );
  }
}
