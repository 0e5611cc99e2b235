import * as v from 'valibot';
import { MAX_REQUEST_ID_LENGTH, translateRequestSchema } from '../translate/request-schema';
import type { TranslateRequest } from '../translate/types';
import { describeIssues } from './message-rule';

/**
 * What the background accepts on the translation port. A page asks for a screen or two of units
 * per turn; these caps are far above that and far below what would flood the queue.
 */
export const MAX_BATCH_REQUESTS = 500;
export const MAX_BATCH_IDS = 2_000;

const requestId = v.pipe(v.string(), v.maxLength(MAX_REQUEST_ID_LENGTH));

const batchSchema = v.strictObject({
  type: v.literal('batch'),
  translate: v.pipe(v.array(v.unknown()), v.maxLength(MAX_BATCH_REQUESTS)),
  cancel: v.pipe(v.array(requestId), v.maxLength(MAX_BATCH_IDS)),
  prioritize: v.pipe(v.array(requestId), v.maxLength(MAX_BATCH_IDS)),
});

export type CheckedRequest =
  | { ok: true; request: TranslateRequest }
  /** A request that cannot be run; answered with this problem when it has an id to answer. */
  | { ok: false; requestId: string | undefined; problem: string };

export interface CheckedBatch {
  translate: CheckedRequest[];
  cancel: string[];
  prioritize: string[];
}

/**
 * Checks one port message. A malformed message is dropped whole (undefined); within a good one,
 * each request is checked on its own, so one bad request does not cost the others.
 */
export function checkPortBatch(message: unknown): CheckedBatch | undefined {
  const batch = v.safeParse(batchSchema, message);
  if (!batch.success) return undefined;
  return {
    translate: batch.output.translate.map((item): CheckedRequest => {
      const checked = v.safeParse(translateRequestSchema, item);
      if (checked.success) return { ok: true, request: checked.output };
      const id = (item as { requestId?: unknown } | null)?.requestId;
      const requestId = typeof id === 'string' && id.length <= MAX_REQUEST_ID_LENGTH ? id : undefined;
      return { ok: false, requestId, problem: describeIssues(checked.issues) };
    }),
    cancel: batch.output.cancel,
    prioritize: batch.output.prioritize,
  };
}
