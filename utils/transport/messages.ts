import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ComposeProtocol } from '../compose/protocol';
import type { GlossaryProtocol } from '../glossary/protocol';
import type { LearningProtocol } from '../learning/protocol';
import type { ProviderSetupProtocol } from '../translate/setup-protocol';
import {
  isProviderId,
  type ProviderErrorKind,
  type ProviderHealthView,
  type ProviderId,
  type StatsView,
} from '../translate/types';
import type { WelcomeProtocol } from '../welcome-protocol';
import { describeIssues, mayCall } from './message-rule';
import { ruleOf } from './message-rules';
import { callerOf, extensionIdentity, type SenderLike } from './senders';

/**
 * The one protocol between extension contexts. Pages call `sendMessage`; the background registers
 * one handler per message type with `onMessage`. Translation traffic from content scripts, which is
 * high-volume, goes over a port instead (`translation-port.ts` beside this file).
 * Every request is answered with `{ ok: true, value }` or `{ ok: false, error }`, so a failure in
 * the background reaches the caller as data instead of a lost promise.
 */

/** Messages of the translation engine and the extension itself. */
export interface CoreProtocol {
  /** `startedAt` tells one run of the (restartable) service worker from the next. */
  ping: { request: Record<string, never>; response: { version: string; startedAt: number } };
  getStats: { request: Record<string, never>; response: StatsView };
  getProviderHealth: { request: Record<string, never>; response: ProviderHealthView[] };
  clearCache: { request: Record<string, never>; response: { removed: number } };
}

/** Every message; each feature declares its own messages beside its code. */
export interface ProtocolMap
  extends
    CoreProtocol,
    ComposeProtocol,
    GlossaryProtocol,
    LearningProtocol,
    ProviderSetupProtocol,
    WelcomeProtocol {}

export type MessageType = keyof ProtocolMap;

export interface Envelope<K extends MessageType = MessageType> {
  rb: 1;
  type: K;
  payload: ProtocolMap[K]['request'];
}

export interface MessageFailure {
  /** `forbidden`: the sender may not send this message; `bad-request`: its payload is malformed. */
  kind: ProviderErrorKind | 'internal' | 'bad-request' | 'forbidden';
  message: string;
  /** The provider whose error this is, when one provider's failure is being reported. */
  provider?: ProviderId;
}

export type Reply<K extends MessageType> =
  { ok: true; value: ProtocolMap[K]['response'] } | { ok: false; error: MessageFailure };

/** Raised in the caller when the background answered with a failure. */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(readonly failure: MessageFailure) {
    super(failure.message);
  }
}

export async function sendMessage<K extends MessageType>(
  type: K,
  payload: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  const envelope: Envelope<K> = { rb: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply) throw new MessageError({ kind: 'internal', message: 'No answer from the background' });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}

export type Handler<K extends MessageType> = (
  payload: ProtocolMap[K]['request'],
  sender: { tabId?: number; url?: string },
) => Promise<ProtocolMap[K]['response']> | ProtocolMap[K]['response'];

export type HandlerMap = { [K in MessageType]?: Handler<K> };

function isEnvelope(message: unknown): message is Envelope {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as Envelope).rb === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

/** Converts whatever a handler threw into a failure the caller can show. */
export function toFailure(error: unknown): MessageFailure {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const provider = (error as { details?: { provider?: unknown } }).details?.provider;
    return {
      kind: (error as MessageFailure).kind,
      message: String((error as MessageFailure).message),
      ...(isProviderId(provider) ? { provider } : {}),
    };
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Registers the background's handlers. Each message is answered only for a sender allowed to send
 * it (`message-rules.ts`), and only with a payload of the declared shape; anything else gets a
 * clear failure and reaches no handler. Returns a function that removes the listener.
 */
export function onMessage(handlers: HandlerMap): () => void {
  const listener = (message: unknown, sender: SenderLike) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type] as Handler<MessageType> | undefined;
    if (typeof handler !== 'function') return undefined;
    const refuse = (error: MessageFailure) => Promise.resolve({ ok: false, error });
    const rule = ruleOf(message.type);
    const caller = callerOf(sender, extensionIdentity());
    if (!rule || !caller || !mayCall(rule, caller))
      return refuse({ kind: 'forbidden', message: `${message.type} may not be sent from here` });
    // Every payload is an object; arrays and primitives never reach a schema.
    const { payload } = message as { payload: unknown };
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
      return refuse({ kind: 'bad-request', message: `${message.type}: the payload must be an object` });
    const checked = v.safeParse(rule.payload, payload);
    if (!checked.success)
      return refuse({ kind: 'bad-request', message: `${message.type}: ${describeIssues(checked.issues)}` });
    return Promise.resolve()
      .then(() =>
        handler(checked.output as ProtocolMap[MessageType]['request'], {
          tabId: sender.tab?.id,
          url: sender.url,
        }),
      )
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: toFailure(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
