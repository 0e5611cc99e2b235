import type { TFunction } from 'i18next';
import { MessageError, type MessageFailure } from '@/utils/transport/messages';

/**
 * A failed test or save in the reader's words: what went wrong and what to do, by error kind,
 * naming the host for network errors. The background's own (English) message is kept apart as
 * details, since it carries the status and the server's answer.
 */
export function describeFailure(
  t: TFunction,
  error: unknown,
  context: { name: string; hosts: readonly string[] },
): { summary: string; details: string } {
  const failure: MessageFailure =
    error instanceof MessageError
      ? error.failure
      : { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
  const host = context.hosts.join(', ');
  const key = failure.kind === 'network' && !host ? 'networkNoHost' : failure.kind;
  return {
    summary: t(`providerSetup.failure.${key}`, { name: context.name, host }),
    details: failure.message,
  };
}
