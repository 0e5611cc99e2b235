import type { FetchLike } from '../types';

/** Test support: a FetchLike that records each request and answers from a script. */

export interface RecordedRequest {
  url: string;
  method: string;
  /** Header names lower-cased, as they go on the wire. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | null | undefined;
}

/** A Response to return, a function building one, or anything else to throw (errors, DOMExceptions). */
export type ScriptedAnswer =
  Response | ((request: RecordedRequest) => Response | Promise<Response>) | Error | DOMException;

export function recordedFetch(...answers: ScriptedAnswer[]): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const request: RecordedRequest = {
      url: input,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal,
    };
    requests.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    if (answer instanceof Response) return answer;
    if (typeof answer === 'function') return answer(request);
    throw answer;
  };
  return { fetch, requests };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...init.headers },
  });
}

export function textResponse(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, ...init });
}

/** What `fetch` rejects with when the network is gone, in browsers and in Node alike. */
export function networkFailure(): TypeError {
  return new TypeError('Failed to fetch');
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}
