import {
  CHANNELS,
  EVENTS,
  type Channel,
  type EventName,
  type EventPayload,
  type In,
  type Out,
  type Result,
} from './contract';

/** What `window.vigil` offers the renderer: the contract's channels and events, nothing else. */
export interface VigilApi {
  invoke<C extends Channel>(channel: C, input: In<C>): Promise<Result<Out<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Files dropped on the page, handed to main by the paths their File objects carry. */
  dropFiles(files: readonly File[]): Promise<Result<Out<'evidence.droppedFiles'>>>;
}

/** How the API reaches main: Electron IPC in the app, a Playwright binding in the end-to-end tests. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** The path of each dropped file on disk ('' when it has none, e.g. a File made by a script). */
  pathsOfFiles(files: readonly File[]): string[];
}

/** Channels that carry paths: only this module may send them, from the files' own paths. */
const NOT_FOR_THE_PAGE: ReadonlySet<string> = new Set<Channel>(['evidence.droppedFiles']);
const channels: ReadonlySet<string> = new Set(CHANNELS.filter((c) => !NOT_FOR_THE_PAGE.has(c)));
const events: ReadonlySet<string> = new Set(EVENTS);

const refused = (message: string) =>
  Promise.resolve({ ok: false as const, error: { code: 'INVALID_INPUT' as const, message } });

/**
 * Builds `window.vigil` over a transport. Unknown channels and events are
 * refused here already; main validates everything again, since a
 * compromised page could call the transport some other way.
 */
export function createVigilApi(transport: Transport): VigilApi {
  const api: VigilApi = {
    invoke(channel, input) {
      if (!channels.has(channel)) return refused('Unknown request.');
      return transport.invoke(channel, input) as never;
    },
    dropFiles(files) {
      const paths = transport.pathsOfFiles(files).filter((path) => path !== '');
      if (paths.length === 0 || paths.length !== files.length)
        return refused('Only files from your computer can be dropped here.');
      return transport.invoke('evidence.droppedFiles', { paths }) as never;
    },
    on(event, listener) {
      if (!events.has(event)) throw new Error(`Unknown event ${String(event)}.`);
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
  return Object.freeze(api);
}
