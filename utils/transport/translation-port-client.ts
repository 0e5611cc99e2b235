import type { TranslateRequest } from '../translate/types';
import { MessageError, type MessageFailure } from './messages';
import type { PortBatch, PortLike, PortResults, TranslatedUnit } from './translation-port';

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
  resolve: (result: TranslatedUnit) => void;
  reject: (error: MessageError) => void;
  /** When it fails with a timeout (Date.now() time). */
  deadline: number;
}

/** The page's end of the translation port. */
export interface TranslationTransport {
  translate(request: TranslateRequest): Promise<TranslatedUnit>;
  cancel(requestIds: readonly string[]): void;
  /** The units of these requests came into view: the background sends them without waiting. */
  prioritize(requestIds: readonly string[]): void;
  dispose(): void;
}

/**
 * Carries a content script's translation traffic to the background over one long-lived port: what
 * one turn of the page's loop asks for leaves in one message at the end of that turn, and answers
 * that settle together come back in one. It decides nothing about when text is sent (the
 * background's queue does). When the port drops (Chrome stopped the worker mid-batch, the extension
 * reloaded), the requests still waiting are sent again on a new port, so nothing is lost; each still
 * settles within `timeoutMs` at the latest.
 */
export function createPortTranslationClient(options: PortClientOptions): TranslationTransport {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const reconnectDelayMs = options.reconnectDelayMs ?? 200;
  /** In the order they were asked, which is also the order of their deadlines. */
  const waiting = new Map<string, Waiting>();
  /** This turn's message, and its requests by id (changed in place until it leaves). */
  let outbox: PortBatch | undefined;
  let unsent = new Map<string, TranslateRequest>();
  let port: PortLike | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  // One timer for every deadline instead of one per request: a timer costs the page a little too.
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;

  const fail = (requestId: string, failure: MessageFailure) => {
    const entry = waiting.get(requestId);
    if (!entry) return;
    waiting.delete(requestId);
    entry.reject(new MessageError(failure));
  };

  const checkDeadlines = () => {
    deadlineTimer = undefined;
    const now = Date.now();
    for (const [requestId, entry] of waiting) {
      if (entry.deadline > now) break;
      fail(requestId, { kind: 'timeout', message: options.timeoutMessage });
    }
    watchDeadlines();
  };

  const watchDeadlines = () => {
    if (deadlineTimer !== undefined) return;
    const first = waiting.values().next().value;
    if (first) deadlineTimer = setTimeout(checkDeadlines, Math.max(0, first.deadline - Date.now()));
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

  const flush = () => {
    const batch = outbox;
    outbox = undefined;
    unsent = new Map();
    if (!batch || batch.translate.length + batch.cancel.length + batch.prioritize.length === 0) return;
    try {
      open()?.postMessage(batch);
    } catch {
      // The port died between the check and the send; its disconnect handler will resend.
      port = undefined;
      reconnectTimer ??= setTimeout(resend, reconnectDelayMs);
    }
  };

  /** This turn's outgoing message, opened on first use and sent when the turn ends. */
  const thisTurn = (): PortBatch => {
    if (!outbox) {
      outbox = { type: 'batch', translate: [], cancel: [], prioritize: [] };
      queueMicrotask(flush);
    }
    return outbox;
  };

  const send = (request: TranslateRequest) => {
    thisTurn().translate.push(request);
    unsent.set(request.requestId, request);
  };

  const resend = () => {
    reconnectTimer = undefined;
    for (const entry of waiting.values()) send(entry.request);
  };

  return {
    translate(request) {
      return new Promise<TranslatedUnit>((resolve, reject) => {
        waiting.delete(request.requestId);
        waiting.set(request.requestId, { request, resolve, reject, deadline: Date.now() + timeoutMs });
        watchDeadlines();
        send(request);
      });
    },
    cancel(requestIds) {
      const told: string[] = [];
      for (const requestId of requestIds) {
        fail(requestId, { kind: 'cancelled', message: 'cancelled' });
        // Not sent yet: take it out of the message instead of sending it and its cancellation.
        const request = unsent.get(requestId);
        if (request && outbox) {
          unsent.delete(requestId);
          outbox.translate.splice(outbox.translate.indexOf(request), 1);
        } else told.push(requestId);
      }
      if (told.length) thisTurn().cancel.push(...told);
    },
    prioritize(requestIds) {
      const told: string[] = [];
      for (const requestId of requestIds) {
        const request = unsent.get(requestId);
        if (request) request.priority = 'visible';
        else if (waiting.has(requestId)) told.push(requestId);
      }
      if (told.length) thisTurn().prioritize.push(...told);
    },
    dispose() {
      clearTimeout(reconnectTimer);
      clearTimeout(deadlineTimer);
      deadlineTimer = undefined;
      waiting.clear();
      outbox = undefined;
      unsent.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}
