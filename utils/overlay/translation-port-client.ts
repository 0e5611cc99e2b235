import {
  MessageError,
  type MessageFailure,
  type PortBatch,
  type PortResults,
  type TranslateRequest,
  type TranslateResult,
} from '../messages';

/** The parts of `runtime.Port` the client uses, so tests can hand it a fake. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface PortClientOptions {
  connect: () => PortLike;
  timeoutMessage: string;
  /** The longest a unit may wait for an answer before it shows an error with a retry control. */
  timeoutMs?: number;
  /** Pause before reconnecting to a background that went away with requests in flight. */
  reconnectDelayMs?: number;
}

interface Waiting {
  request: TranslateRequest;
  resolve: (result: TranslateResult) => void;
  reject: (error: MessageError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Talks to the background over one long-lived port instead of one message per unit: everything a
 * turn of the page's loop asks for leaves in one message, and answers that settle together come
 * back in one. When the port drops (Chrome stopped the worker mid-batch, the extension reloaded),
 * the requests still waiting are sent again on a new port, so nothing is lost; each still settles
 * within `timeoutMs` at the latest.
 */
export function createPortTranslationClient(options: PortClientOptions) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const reconnectDelayMs = options.reconnectDelayMs ?? 200;
  const waiting = new Map<string, Waiting>();
  let outbox: PortBatch | undefined;
  let port: PortLike | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const fail = (requestId: string, failure: MessageFailure) => {
    const entry = waiting.get(requestId);
    if (!entry) return;
    waiting.delete(requestId);
    clearTimeout(entry.timer);
    entry.reject(new MessageError(failure));
  };

  const onMessage = (message: unknown) => {
    const results =
      (message as PortResults | undefined)?.type === 'results' ? (message as PortResults).results : [];
    for (const outcome of results) {
      const entry = waiting.get(outcome.requestId);
      if (!entry) continue;
      if (!outcome.ok) {
        fail(outcome.requestId, outcome.error);
        continue;
      }
      waiting.delete(outcome.requestId);
      clearTimeout(entry.timer);
      entry.resolve(outcome.value);
    }
  };

  const open = (): PortLike | undefined => {
    if (port) return port;
    try {
      const opened = options.connect();
      opened.onMessage.addListener(onMessage);
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = undefined;
        // Whatever was in flight is lost with the worker: ask again on a new port.
        if (waiting.size > 0) reconnectTimer ??= setTimeout(resend, reconnectDelayMs);
      });
      port = opened;
      return port;
    } catch (error) {
      // The extension was reloaded or removed: this content script can no longer reach it.
      const message = error instanceof Error ? error.message : String(error);
      for (const requestId of [...waiting.keys()]) fail(requestId, { kind: 'internal', message });
      return undefined;
    }
  };

  const resend = () => {
    reconnectTimer = undefined;
    if (waiting.size === 0) return;
    enqueue((batch) => batch.translate.push(...[...waiting.values()].map((entry) => entry.request)));
  };

  const flush = () => {
    const batch = outbox;
    outbox = undefined;
    if (!batch) return;
    try {
      open()?.postMessage(batch);
    } catch {
      // The port died between the check and the send; its disconnect handler will resend.
      port = undefined;
      reconnectTimer ??= setTimeout(resend, reconnectDelayMs);
    }
  };

  const enqueue = (add: (batch: PortBatch) => void) => {
    if (!outbox) {
      outbox = { type: 'batch', translate: [], cancel: [], prioritize: [] };
      queueMicrotask(flush);
    }
    add(outbox);
  };

  return {
    translate(request: TranslateRequest): Promise<TranslateResult> {
      return new Promise<TranslateResult>((resolve, reject) => {
        const timer = setTimeout(
          () => fail(request.requestId, { kind: 'timeout', message: options.timeoutMessage }),
          timeoutMs,
        );
        waiting.set(request.requestId, { request, resolve, reject, timer });
        enqueue((batch) => batch.translate.push(request));
      });
    },
    cancel(requestIds: string[]): void {
      for (const requestId of requestIds) fail(requestId, { kind: 'cancelled', message: 'cancelled' });
      enqueue((batch) => batch.cancel.push(...requestIds));
    },
    prioritize(requestIds: string[]): void {
      enqueue((batch) => batch.prioritize.push(...requestIds));
    },
    dispose(): void {
      clearTimeout(reconnectTimer);
      for (const entry of waiting.values()) clearTimeout(entry.timer);
      waiting.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}
