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
}

/** How the API reaches main: Electron IPC in the app, a Playwright binding in the end-to-end tests. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

const channels: ReadonlySet<string> = new Set(CHANNELS);
const events: ReadonlySet<string> = new Set(EVENTS);

/**
 * Builds `window.vigil` over a transport. Unknown channels and events are
 * refused here already; main validates everything again, since a
 * compromised page could call the transport some other way.
 */
export function createVigilApi(transport: Transport): VigilApi {
  const api: VigilApi = {
    invoke(channel, input) {
      if (!channels.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'Unknown request.' },
        });
      }
      return transport.invoke(channel, input) as never;
    },
    on(event, listener) {
      if (!events.has(event)) throw new Error(`Unknown event ${String(event)}.`);
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
  return Object.freeze(api);
}
