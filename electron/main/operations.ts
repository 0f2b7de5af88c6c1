import type { EventPayload } from '../../shared/ipc/contract';

/** Long operations (intake, export, import) by id: their cancellation and their progress events. */
export class Operations {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emitProgress: (payload: EventPayload<'progress'>) => void) {}

  async run<T>(
    operationId: string,
    work: (
      signal: AbortSignal,
      progress: (p: Omit<EventPayload<'progress'>, 'operationId'>) => void,
    ) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    this.running.set(operationId, controller);
    try {
      return await work(controller.signal, (p) => this.emitProgress({ operationId, ...p }));
    } finally {
      this.running.delete(operationId);
    }
  }

  cancel(operationId: string): boolean {
    const controller = this.running.get(operationId);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
