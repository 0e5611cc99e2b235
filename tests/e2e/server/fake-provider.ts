import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A stand-in for every translation service RedBridge talks to, speaking each one's real wire
 * format so the extension's provider code runs unmodified against it. Node built-ins only: the
 * e2e server imports it directly.
 *
 * Answers come from a fixture table; anything not in it comes back as `⟦<target>⟧ <text>`, which
 * is impossible to mistake for a real translation in a screenshot. Faults (status codes, hangs,
 * misaligned batches) are queued per provider and consumed one per request.
 */

export type FakeProviderId =
  'google-html' | 'microsoft-edge' | 'google-gtx' | 'deepl' | 'openai-compatible' | 'libretranslate';

export type FakeFault =
  /** Answer with this status (and a Retry-After header when given) instead of translating. */
  | { status: number; retryAfterSeconds?: number }
  /** Say nothing for this long, then answer normally; released early when the client or server goes. */
  | { hangMs: number }
  /** Answer with one translation fewer than asked. */
  | { misaligned: true };

export type StatusFault = Extract<FakeFault, { status: number }>;

export interface LoggedRequest {
  /** `Date.now()` when the request arrived. */
  time: number;
  provider: FakeProviderId;
  /** Texts as the service understood them (HTML decoded for translateHtml). */
  texts: string[];
  items: number;
  characters: number;
  /** Target language, in RedBridge's codes (`en`, `zh-CN`…). */
  target: string;
  /** Status answered; 0 while unanswered or when the client went away first. */
  status: number;
  fault?: FakeFault;
}

export type TranslationTable = Record<string, Partial<Record<string, string>>>;

export interface FakeProviderOptions {
  /** `translations[sourceText][targetCode]`; source texts are matched whitespace-normalised. */
  translations: TranslationTable;
  /** What a language model asked for notes on slang says of these terms, wherever a segment has one. */
  slangNotes?: Record<string, string>;
  latencyMs?: number;
}

interface ParsedRequest {
  texts: string[];
  target: string;
  /** Builds the success body from one answer per text (possibly one fewer, when misaligned). */
  respond(answers: string[]): { contentType: string; body: string };
}

class BadRequest extends Error {}

const JSON_TYPE = 'application/json; charset=utf-8';

export function createFakeProvider(options: FakeProviderOptions) {
  const table = normaliseTable(options.translations);
  const initialLatency = options.latencyMs ?? 0;
  let latencyMs = initialLatency;
  const queued = new Map<FakeProviderId, FakeFault[]>();
  const failing = new Map<FakeProviderId, StatusFault>();
  const log: LoggedRequest[] = [];
  /** Pending waits, so `close()` can release them instead of leaving timers behind. */
  const waits = new Set<() => void>();

  function translate(text: string, target: string): string {
    return table.get(normaliseText(text))?.[target] ?? `⟦${target}⟧ ${text.trim()}`;
  }

  function nextFault(provider: FakeProviderId): FakeFault | undefined {
    return failing.get(provider) ?? queued.get(provider)?.shift();
  }

  /** Resolves true when the time passed, false when the response closed or the fake was closed. */
  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed);
    return new Promise((resolve) => {
      const finish = (elapsed: boolean) => {
        clearTimeout(timer);
        res.off('close', release);
        waits.delete(release);
        resolve(elapsed);
      };
      const release = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.once('close', release);
      waits.add(release);
    });
  }

  async function serve(
    provider: FakeProviderId,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const raw = await readBody(req);
    const authProblem = authFailure(provider, req, url, raw);
    let parsed: ParsedRequest;
    try {
      parsed = parseRequest(provider, raw, url, options.slangNotes ?? {});
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      // Logged too: a request the fake cannot read is a wire-format bug worth seeing in a test.
      log.push({ time: Date.now(), provider, texts: [], items: 0, characters: 0, target: '', status: 400 });
      send(res, 400, JSON_TYPE, errorBody(provider, 400, error.message));
      return;
    }
    const entry: LoggedRequest = {
      time: Date.now(),
      provider,
      texts: parsed.texts,
      items: parsed.texts.length,
      characters: parsed.texts.reduce((sum, text) => sum + text.length, 0),
      target: parsed.target,
      status: 0,
    };
    log.push(entry);

    const fault = authProblem ? undefined : nextFault(provider);
    if (fault) entry.fault = fault;
    if (!(await wait(latencyMs, res))) return;
    if (fault && 'hangMs' in fault && !(await wait(fault.hangMs, res))) return;

    if (authProblem) {
      entry.status = authProblem;
      send(res, authProblem, JSON_TYPE, errorBody(provider, authProblem, 'invalid or missing API key'));
      return;
    }
    if (fault && 'status' in fault) {
      entry.status = fault.status;
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      send(res, fault.status, JSON_TYPE, errorBody(provider, fault.status, 'injected fault'), headers);
      return;
    }
    const answers = parsed.texts.map((text) => translate(text, parsed.target));
    if (fault && 'misaligned' in fault) answers.pop();
    const { contentType, body } = parsed.respond(answers);
    entry.status = 200;
    send(res, 200, contentType, body);
  }

  return {
    /**
     * Serves the request if it is for a translation service, choosing the service by host and
     * path. Returns false (and writes nothing) for anything else, so the caller can serve it.
     */
    handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
      const provider = routeFor(requestHost(req, url), url.pathname);
      if (!provider) return false;
      if (req.method === 'OPTIONS') {
        answerPreflight(req, res);
        return true;
      }
      serve(provider, req, res, url).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) send(res, 500, 'text/plain; charset=utf-8', String(error));
      });
      return true;
    },

    /** Added to every answer, faults included; change it at any time. */
    get latencyMs(): number {
      return latencyMs;
    },
    set latencyMs(value: number) {
      latencyMs = Math.max(0, value);
    },

    faults: {
      /** Queues faults for the next requests to `provider`, one per request, in order. */
      push(provider: FakeProviderId, ...faults: FakeFault[]): void {
        queued.set(provider, [...(queued.get(provider) ?? []), ...faults]);
      },
      /** Every request to `provider` fails this way until `recover` or `clear`. */
      failAlways(provider: FakeProviderId, fault: StatusFault): void {
        failing.set(provider, fault);
      },
      recover(provider: FakeProviderId): void {
        failing.delete(provider);
      },
      /** Faults still queued for `provider`. */
      pending(provider: FakeProviderId): number {
        return queued.get(provider)?.length ?? 0;
      },
      /** Drops queued faults and always-fail switches, for one provider or all of them. */
      clear(provider?: FakeProviderId): void {
        if (provider) {
          queued.delete(provider);
          failing.delete(provider);
        } else {
          queued.clear();
          failing.clear();
        }
      },
    },

    /** Every translation request so far, oldest first (preflights are not logged). */
    get requests(): readonly LoggedRequest[] {
      return log;
    },
    requestsFor(provider: FakeProviderId): LoggedRequest[] {
      return log.filter((entry) => entry.provider === provider);
    },

    /** Forgets requests and faults and restores the initial latency. */
    reset(): void {
      log.length = 0;
      queued.clear();
      failing.clear();
      latencyMs = initialLatency;
    },

    /** Releases hanging and delayed requests without answering them; call before closing the server. */
    close(): void {
      for (const release of [...waits]) release();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routing

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Host header as the browser sent it; the URL's host when the header is missing or loopback. */
function requestHost(req: IncomingMessage, url: URL): string {
  const header = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return header && !LOOPBACK.has(header) ? header : url.hostname.toLowerCase();
}

const FIXED_ROUTES: Record<string, { path: string; provider: FakeProviderId }> = {
  'translate-pa.googleapis.com': { path: '/v1/translateHtml', provider: 'google-html' },
  'edge.microsoft.com': { path: '/translate/translatetext', provider: 'microsoft-edge' },
  'translate.googleapis.com': { path: '/translate_a/single', provider: 'google-gtx' },
  'api-free.deepl.com': { path: '/v2/translate', provider: 'deepl' },
  'api.deepl.com': { path: '/v2/translate', provider: 'deepl' },
};

/** Chat completions and LibreTranslate live wherever the user points their base URL. */
function routeFor(host: string, pathname: string): FakeProviderId | undefined {
  const fixed = FIXED_ROUTES[host];
  if (fixed) return pathname === fixed.path ? fixed.provider : undefined;
  if (pathname.endsWith('/chat/completions')) return 'openai-compatible';
  if (host === 'api.openai.com') return undefined;
  if (pathname.endsWith('/translate')) return 'libretranslate';
  return undefined;
}

/**
 * DeepL wants `DeepL-Auth-Key`; OpenAI itself wants a Bearer key (local servers take none);
 * LibreTranslate takes any `api_key` but "bad-key", which it refuses with 403 as a server that
 * requires keys does.
 */
function authFailure(
  provider: FakeProviderId,
  req: IncomingMessage,
  url: URL,
  raw: string,
): number | undefined {
  const authorization = req.headers.authorization ?? '';
  if (provider === 'deepl') {
    const key = /^DeepL-Auth-Key (.+)$/.exec(authorization)?.[1];
    return !key || key === 'bad-key' ? 403 : undefined;
  }
  if (provider === 'openai-compatible') {
    const key = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (key === 'bad-key') return 401;
    return !key && requestHost(req, url) === 'api.openai.com' ? 401 : undefined;
  }
  if (provider === 'libretranslate') {
    const body = parseJson(raw);
    return isRecord(body) && body.api_key === 'bad-key' ? 403 : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Wire formats

function parseRequest(
  provider: FakeProviderId,
  raw: string,
  url: URL,
  slangNotes: Record<string, string>,
): ParsedRequest {
  switch (provider) {
    case 'google-html':
      return parseTranslateHtml(raw);
    case 'microsoft-edge':
      return parseEdge(raw, url);
    case 'google-gtx':
      return parseGtx(url);
    case 'deepl':
      return parseDeepl(raw);
    case 'openai-compatible':
      return parseChatCompletion(raw, slangNotes);
    case 'libretranslate':
      return parseLibretranslate(raw);
  }
}

/** `[[texts, from, to], "wt_lib"]` → `[[translations], [detected]]`, HTML in both directions. */
function parseTranslateHtml(raw: string): ParsedRequest {
  const body = parseJson(raw);
  const [texts, , to] = Array.isArray(body) && Array.isArray(body[0]) ? (body[0] as unknown[]) : [];
  if (!isStringArray(texts) || typeof to !== 'string')
    throw new BadRequest('expected [[texts, from, to], "wt_lib"]');
  const decoded = texts.map(htmlToText);
  return {
    texts: decoded,
    target: ourCode(to),
    respond: (answers) => ({
      contentType: 'application/json+protobuf; charset=UTF-8',
      body: JSON.stringify([
        answers.map(textToHtml),
        answers.map((_, index) => detect(decoded[index] ?? '')),
      ]),
    }),
  };
}

/** JSON array of strings, languages in the query → one result object per text. */
function parseEdge(raw: string, url: URL): ParsedRequest {
  const texts = parseJson(raw);
  const to = url.searchParams.get('to');
  if (!isStringArray(texts) || !to) throw new BadRequest('expected a JSON array of strings and ?to=');
  const autoDetect = !url.searchParams.get('from');
  return {
    texts,
    target: ourCode(to),
    respond: (answers) => ({
      contentType: JSON_TYPE,
      body: JSON.stringify(
        answers.map((text, index) => ({
          ...(autoDetect
            ? {
                detectedLanguage: {
                  language: detect(texts[index] ?? '') === 'zh-CN' ? 'zh-Hans' : 'en',
                  score: 1.0,
                },
              }
            : {}),
          translations: [{ text, to }],
        })),
      ),
    }),
  };
}

/** One text in `q` → sentence pieces `[[[piece, source, null, null, 10], …], null, detected]`. */
function parseGtx(url: URL): ParsedRequest {
  const text = url.searchParams.get('q');
  const to = url.searchParams.get('tl');
  if (text === null || !to) throw new BadRequest('expected q and tl');
  return {
    texts: [text],
    target: ourCode(to),
    respond: (answers) => {
      const pieces = answers.flatMap((answer) => answer.split(/(?<=[.!?。！？\n])/u));
      return {
        contentType: JSON_TYPE,
        body: JSON.stringify([
          pieces.map((piece) => [piece, text, null, null, 10]),
          null,
          detect(text),
          null,
          null,
          null,
          1,
          [],
          [[detect(text)], null, [1], [detect(text)]],
        ]),
      };
    },
  };
}

function parseDeepl(raw: string): ParsedRequest {
  const body = parseJson(raw);
  const texts = isRecord(body) ? body.text : undefined;
  const target = isRecord(body) ? body.target_lang : undefined;
  if (!isStringArray(texts) || typeof target !== 'string')
    throw new BadRequest("Value for 'target_lang' not supported.");
  return {
    texts,
    target: ourCode(target),
    respond: (answers) => ({
      contentType: JSON_TYPE,
      body: JSON.stringify({
        translations: answers.map((text, index) => ({
          detected_source_language: detect(texts[index] ?? '') === 'zh-CN' ? 'ZH' : 'EN',
          text,
        })),
      }),
    }),
  };
}

/**
 * Reads the `{"to", "segments": [{id, text}]}` user message RedBridge sends and answers the way
 * its prompt asks: `{"translations": [{id, text}]}` as the assistant message content. An
 * explanation request (`{"explain", "context", "to"}`) gets a meaning naming the term and its
 * sentence, and the term's translation as its literal reading.
 */
function parseChatCompletion(raw: string, slangNotes: Record<string, string>): ParsedRequest {
  const body = parseJson(raw);
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  const user = [...messages].reverse().find((message) => isRecord(message) && message.role === 'user');
  const content = isRecord(user) && typeof user.content === 'string' ? parseJson(user.content) : undefined;
  const model = isRecord(body) && typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
  const to = isRecord(content) ? content.to : undefined;
  if (isRecord(content) && typeof content.explain === 'string' && typeof to === 'string') {
    // An explanation: `{"explain", "context", "to"}` → `{"meaning", "literal", "origin"}`.
    const term = content.explain;
    const context = typeof content.context === 'string' ? content.context : '';
    return {
      texts: [term],
      target: ourCode(to),
      respond: ([literal]) =>
        chatCompletion(model, {
          meaning: `⟦explained⟧ what “${term}” means in “${context}”`,
          literal: literal ?? '',
          origin: '',
        }),
    };
  }
  const segments = isRecord(content) && Array.isArray(content.segments) ? content.segments : undefined;
  const valid = segments?.every(
    (segment) => isRecord(segment) && typeof segment.id === 'string' && typeof segment.text === 'string',
  );
  if (typeof to !== 'string' || !segments || !valid)
    throw new BadRequest('expected a user message {"to", "segments"}');
  const typed = segments as { id: string; text: string }[];
  return {
    texts: typed.map((segment) => segment.text),
    target: ourCode(to),
    respond: (answers) =>
      chatCompletion(model, {
        translations: answers.map((text, index) => {
          const source = typed[index]?.text ?? '';
          if (!isRecord(content) || content.notes !== true) return { id: typed[index]?.id, text };
          const notes = Object.entries(slangNotes)
            .filter(([term]) => source.includes(term))
            .map(([term, meaning]) => ({ term, meaning }));
          return { id: typed[index]?.id, text, notes };
        }),
      }),
  };
}

/** A chat completion whose assistant message is `answer` as JSON. */
function chatCompletion(model: string, answer: unknown): { contentType: string; body: string } {
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({
      id: `chatcmpl-fake${Date.now().toString(36)}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: JSON.stringify(answer), refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    }),
  };
}

/** `q` is a string or an array; the answer mirrors whichever was sent. */
function parseLibretranslate(raw: string): ParsedRequest {
  const body = parseJson(raw);
  const q = isRecord(body) ? body.q : undefined;
  const target = isRecord(body) ? body.target : undefined;
  const single = typeof q === 'string';
  const texts = single ? [q] : q;
  if (!isStringArray(texts) || typeof target !== 'string')
    throw new BadRequest('Invalid request: missing q or target');
  const detection = (text: string) => ({
    confidence: 90,
    language: detect(text) === 'zh-CN' ? 'zh-Hans' : 'en',
  });
  return {
    texts,
    target: ourCode(target),
    respond: (answers) => ({
      contentType: JSON_TYPE,
      body: JSON.stringify(
        single && answers.length === 1
          ? { detectedLanguage: detection(texts[0] ?? ''), translatedText: answers[0] }
          : { detectedLanguage: texts.map(detection), translatedText: answers },
      ),
    }),
  };
}

function errorBody(provider: FakeProviderId, status: number, message: string): string {
  switch (provider) {
    case 'deepl':
      return JSON.stringify({ message: status === 456 ? 'Quota Exceeded' : message });
    case 'libretranslate':
      return JSON.stringify({ error: message });
    case 'openai-compatible':
      return JSON.stringify({
        error: { message, type: 'fake_error', code: status === 429 ? 'rate_limit_exceeded' : null },
      });
    default:
      return JSON.stringify({ error: { code: status, message } });
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': contentType, ...headers });
  res.end(body);
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  // The chain reads Retry-After; cross-origin callers only see it when it is exposed.
  'Access-Control-Expose-Headers': 'Retry-After',
};

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers':
      req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, X-Goog-API-Key',
    // Public host names resolve to loopback in the e2e browser; Private Network Access asks first.
    'Access-Control-Allow-Private-Network': 'true',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function normaliseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function normaliseTable(translations: TranslationTable): Map<string, Partial<Record<string, string>>> {
  const table = new Map<string, Partial<Record<string, string>>>();
  for (const [source, targets] of Object.entries(translations)) {
    const key = normaliseText(source);
    table.set(key, { ...table.get(key), ...targets });
  }
  return table;
}

/** Provider codes (`zh-Hans`, `ZH-HANS`, `EN-US`, `PT-BR`, `zh`) → RedBridge codes. */
function ourCode(code: string): string {
  const lower = code.toLowerCase();
  if (lower === 'zh' || lower === 'zh-cn' || lower.startsWith('zh-hans')) return 'zh-CN';
  return lower.split('-')[0] ?? lower;
}

function detect(text: string): string {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** What Google's HTML parser makes of the input: `<br>` is a line break, entities decode once. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
      const hex = body[1] === 'x' || body[1] === 'X';
      const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    });
}

/** Google escapes its output like this, apostrophes as `&#39;` included. */
function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
