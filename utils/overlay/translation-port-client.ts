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
  /**
   * How long requests for units that are only near the viewport may wait in the content script for
   * company. The background holds them anyway until something in view needs sending, so waiting
   * here costs nothing visible and saves a message (each one costs the page's main thread).
   */
  nearDelayMs?: number;
}

interface Waiting {
  request: TranslateRequest;
  resolve: (result: TranslateResult) => void;
  reject: (error: MessageError) => void;
  /** When it fails with a timeout (Date.now() time). */
  deadline: number;
  /**
   * Sent in a message that also carried something in view: the background sends it with that
   * (see `flush`), so scrolling it into view later needs no separate promotion.
   */
  leaving: boolean;
}

/** An outgoing message being gathered; `urgent` once it carries something in view. */
interface Outbox extends PortBatch {
  urgent: boolean;
}

/**
 * How soon what is added must leave: `visible` (in view) and `prompt` (a cancellation) at the end of
 * the turn, `near` within `nearDelayMs`. Only `visible` makes what travels with it urgent too.
 */
type Urgency = 'visible' | 'prompt' | 'near';

/**
 * Talks to the background over one long-lived port instead of one message per unit: everything a
 * turn of the page's loop asks for leaves in one message, and answers that settle together come
 * back in one. When the port drops (Chrome stopped the worker mid-batch, the extension reloaded),
 * the requests still waiting are sent again on a new port, so nothing is lost; each still settles
 * within `timeoutMs` at the latest.
 *
 * Every message costs the page's main thread (serialising and handing it to the browser), so they
 * are few: what is in view leaves at the end of the turn; what is only near waits up to
 * `nearDelayMs` for the next message; a promotion of a request not sent yet changes it in place.
 */
export function createPortTranslationClient(options: PortClientOptions) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const reconnectDelayMs = options.reconnectDelayMs ?? 200;
  const nearDelayMs = options.nearDelayMs ?? 250;
  /** In the order they were asked, which is also the order of their deadlines. */
  const waiting = new Map<string, Waiting>();
  let outbox: Outbox | undefined;
  /** The outbox's requests by id, to change one in place before it leaves. */
  let unsent = new Map<string, TranslateRequest>();
  let flushQueued = false;
  let nearTimer: ReturnType<typeof setTimeout> | undefined;
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

  const resend = () => {
    reconnectTimer = undefined;
    if (waiting.size === 0) return;
    const requests = [...waiting.values()].map((entry) => entry.request);
    const urgent = requests.some((request) => request.priority === 'visible');
    enqueue(urgent ? 'visible' : 'near', (batch) => {
      for (const request of requests) {
        batch.translate.push(request);
        unsent.set(request.requestId, request);
      }
    });
  };

  const flush = () => {
    flushQueued = false;
    clearTimeout(nearTimer);
    nearTimer = undefined;
    const batch = outbox;
    outbox = undefined;
    const requests = unsent;
    unsent = new Map();
    if (!batch) return;
    const { urgent, ...message } = batch;
    if (!message.translate.length && !message.cancel.length && !message.prioritize.length) return;
    if (urgent) {
      // Units near the viewport that travel with one in view are sent with it, not held for later:
      // one provider request either way, and no promotion message when they scroll into view.
      for (const request of requests.values()) {
        if (request.priority === 'near') request.priority = 'visible';
        const entry = waiting.get(request.requestId);
        if (entry) entry.leaving = true;
      }
    }
    try {
      open()?.postMessage(message);
    } catch {
      // The port died between the check and the send; its disconnect handler will resend.
      port = undefined;
      reconnectTimer ??= setTimeout(resend, reconnectDelayMs);
    }
  };

  const enqueue = (urgency: Urgency, add: (batch: Outbox) => void) => {
    outbox ??= { type: 'batch', translate: [], cancel: [], prioritize: [], urgent: false };
    add(outbox);
    if (urgency === 'visible') outbox.urgent = true;
    if (urgency !== 'near' || outbox.urgent) {
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flush);
      }
    } else {
      nearTimer ??= setTimeout(flush, nearDelayMs);
    }
  };

  return {
    translate(request: TranslateRequest): Promise<TranslateResult> {
      return new Promise<TranslateResult>((resolve, reject) => {
        waiting.delete(request.requestId);
        waiting.set(request.requestId, {
          request,
          resolve,
          reject,
          deadline: Date.now() + timeoutMs,
          leaving: false,
        });
        watchDeadlines();
        enqueue(request.priority === 'visible' ? 'visible' : 'near', (batch) => {
          batch.translate.push(request);
          unsent.set(request.requestId, request);
        });
      });
    },
    cancel(requestIds: string[]): void {
      const told: string[] = [];
      for (const requestId of requestIds) {
        fail(requestId, { kind: 'cancelled', message: 'cancelled' });
        // Never sent: take it out of the message instead of sending it and its cancellation.
        const request = unsent.get(requestId);
        if (request && outbox) {
          unsent.delete(requestId);
          outbox.translate.splice(outbox.translate.indexOf(request), 1);
        } else told.push(requestId);
      }
      if (told.length) enqueue('prompt', (batch) => batch.cancel.push(...told));
    },
    prioritize(requestIds: string[]): void {
      const told: string[] = [];
      for (const requestId of requestIds) {
        const request = unsent.get(requestId);
        if (request) request.priority = 'visible';
        else if (waiting.get(requestId)?.leaving === false) told.push(requestId);
        else continue;
        const entry = waiting.get(requestId);
        if (entry) entry.leaving = true;
      }
      if (told.length || requestIds.some((requestId) => unsent.has(requestId)))
        enqueue('visible', (batch) => batch.prioritize.push(...told));
    },
    dispose(): void {
      clearTimeout(reconnectTimer);
      clearTimeout(deadlineTimer);
      clearTimeout(nearTimer);
      deadlineTimer = undefined;
      nearTimer = undefined;
      waiting.clear();
      outbox = undefined;
      unsent.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}
