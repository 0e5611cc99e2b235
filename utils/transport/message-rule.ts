import * as v from 'valibot';
import { joinProblems, problemsOf } from '../validation/bad-request';
import type { Caller } from './senders';

/**
 * Who may send a message and what its payload must look like. `site` messages are the few a
 * content script needs (a page may ask them through a compromised renderer, so they must be safe
 * to answer for anyone on the site); everything else is for RedBridge's own pages.
 */
export interface MessageRule {
  access: 'site' | 'extension';
  payload: v.GenericSchema;
}

/** A message's payload when it carries nothing: `{}` and nothing else. */
export const NO_PAYLOAD = v.strictObject({});

export function mayCall(rule: MessageRule, caller: Caller): boolean {
  return caller === 'extension-page' || rule.access === 'site';
}

/** What is wrong with a payload that failed its schema: `path: message`, one line per problem. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return joinProblems(problemsOf(issues)) || 'invalid payload';
}
