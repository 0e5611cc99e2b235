import type { CDPSession, Page } from 'playwright-core';

/**
 * Reading and clicking inside RedBridge's popovers, whose shadow roots are closed so that the page's
 * scripts cannot read the reader's terms and phrases. Playwright's locators pierce open roots only;
 * a test harness can still reach closed ones through the browser's automation protocol (the
 * DevTools protocol in Chromium, WebDriver BiDi in Firefox), which the page has no part in. Reads
 * run in a world of their own, not the page's, and clicks are the real mouse's, at the control's
 * place on screen: trusted, as the reader's are.
 */

/**
 * Runs `fn`, the source of a function `(root, ...args) => JSON`, on the shadow root of the first
 * element matching `host` (light-DOM CSS), out of the page's reach. Undefined when there is no such
 * element or it has no shadow root.
 */
export type ShadowEvaluator = <T>(host: string, fn: string, args: readonly Json[]) => Promise<T | undefined>;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const WORLD = 'rb-e2e-closed-shadow';

/** Chromium: DOM.describeNode with `pierce` lists closed shadow roots as well as open ones. */
export function cdpShadowEvaluator(page: Page): ShadowEvaluator {
  let session: Promise<CDPSession> | undefined;
  let world: number | undefined;
  const isolatedWorld = async (cdp: CDPSession) => {
    if (world !== undefined) return world;
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const created = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: WORLD,
    });
    return (world = created.executionContextId);
  };
  const run = async <T>(host: string, fn: string, args: readonly Json[]): Promise<T | undefined> => {
    const cdp = await (session ??= page.context().newCDPSession(page));
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: host });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
      executionContextId: await isolatedWorld(cdp),
      objectGroup: WORLD,
    });
    try {
      const answer = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `function (...args) { return (${fn})(this, ...args); }`,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
      });
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description);
      return answer.result.value as T;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: WORLD });
    }
  };
  return async (host, fn, args) => {
    try {
      return await run(host, fn, args);
    } catch (error) {
      const message = String(error);
      // The popover went between two commands: as good as not there.
      if (/No node|Could not find node|Node with given id/i.test(message)) return undefined;
      // A new document since the world was made: make another.
      if (/context/i.test(message) && world !== undefined) {
        world = undefined;
        return run(host, fn, args);
      }
      throw error;
    }
  };
}

/** One WebDriver BiDi command, sent beside Playwright's own (see firefox-browser.ts). */
export type BidiSend = (method: string, params: object) => Promise<unknown>;

interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

/**
 * Firefox: WebDriver BiDi serializes closed shadow roots when asked to (`includeShadowTree: 'all'`),
 * as references later commands can pass back in. Both commands run in a sandbox of their own.
 */
export function bidiShadowEvaluator(send: BidiSend, page: Page): ShadowEvaluator {
  const call = async (
    context: string,
    functionDeclaration: string,
    args: object[],
    serializationOptions?: object,
  ) => {
    const answer = (await send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      target: { context, sandbox: WORLD },
      awaitPromise: false,
      resultOwnership: 'none',
      ...(serializationOptions && { serializationOptions }),
    })) as BidiResult;
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text);
    return answer.result;
  };
  return async <T>(host: string, fn: string, args: readonly Json[]) => {
    const context = await contextOf(send, page);
    const found = await call(
      context,
      'function (selector) { return document.querySelector(selector); }',
      [{ type: 'string', value: host }],
      { maxDomDepth: 1, includeShadowTree: 'all' },
    );
    const shadow = (found?.value as { shadowRoot?: { sharedId?: string } | null } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) return undefined;
    const answer = await call(
      context,
      `function (root, args) { return JSON.stringify((${fn})(root, ...JSON.parse(args)) ?? null); }`,
      [{ sharedId: shadow.sharedId }, { type: 'string', value: JSON.stringify(args) }],
    );
    return JSON.parse(String(answer?.value)) as T;
  };
}

/** The BiDi browsing context showing `page`: the only tab at its URL. */
async function contextOf(send: BidiSend, page: Page): Promise<string> {
  const tree = (await send('browsingContext.getTree', { maxDepth: 0 })) as {
    contexts: { context: string; url: string }[];
  };
  const matches = tree.contexts.filter((context) => context.url === page.url());
  if (matches.length !== 1) throw new Error(`${matches.length} tabs are at ${page.url()}, expected one`);
  return matches[0]!.context;
}

/** One step down from the root: elements matching `css` under what the steps before found. */
interface Step {
  css: string;
  hasText?: string;
}

/** Finds what `steps` lead to from the shadow root, in document order. Runs in the browser. */
const FIND = `function find(root, steps) {
  let found = [root];
  for (const step of steps) {
    const next = [];
    for (const element of found)
      for (const match of element.querySelectorAll(step.css))
        if (!next.includes(match) && (!step.hasText || (match.textContent || '').includes(step.hasText)))
          next.push(match);
    found = next;
  }
  return found;
}`;

/** Runs `body` (a function of `found`, the elements matched, and `arg`) and returns its JSON. */
const query = (body: string) =>
  `(root, steps, arg) => { ${FIND}; const found = find(root, steps); return (${body})(found, arg, root); }`;

/** What the first match looks like: its text, an attribute, its box, and whether the point at its centre hits it. */
interface Seen {
  text: string;
  attribute: string | null;
  box: { x: number; y: number; width: number; height: number };
  hit: boolean;
}

const SEE = query(`(found, name, root) => {
  const element = found[0];
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  const hitAt = root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return {
    text: element.textContent,
    attribute: name ? element.getAttribute(name) : null,
    box: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
    hit: !!hitAt && (hitAt === element || element.contains(hitAt)),
  };
}`);
const COUNT = query('(found) => found.length');

const POLL_MS = 100;

/**
 * A small stand-in for Playwright's Locator inside one closed shadow root: CSS steps from the root,
 * reads that wait for the element as Playwright's do, and clicks with the real mouse.
 */
export class ShadowLocator {
  constructor(
    private readonly page: Page,
    private readonly evaluate: ShadowEvaluator,
    private readonly host: string,
    private readonly steps: readonly Step[] = [],
  ) {}

  locator(css: string, options: { hasText?: string } = {}): ShadowLocator {
    return new ShadowLocator(this.page, this.evaluate, this.host, [...this.steps, { css, ...options }]);
  }

  /** Elements whose text holds `text` (the outermost first: enough to wait for it to show). */
  getByText(text: string): ShadowLocator {
    return this.locator('*', { hasText: text });
  }

  async count(): Promise<number> {
    return (await this.evaluate<number>(this.host, COUNT, [this.json(), null])) ?? 0;
  }

  async textContent(timeout?: number): Promise<string> {
    return (await this.seen(timeout)).text;
  }

  async getAttribute(name: string, timeout?: number): Promise<string | null> {
    return (await this.seen(timeout, name)).attribute;
  }

  async boundingBox(timeout?: number): Promise<Seen['box']> {
    return (await this.seen(timeout)).box;
  }

  async waitFor(
    options: { state?: 'attached' | 'visible' | 'detached'; timeout?: number } = {},
  ): Promise<void> {
    const state = options.state ?? 'visible';
    await this.poll(options.timeout, `${state}`, async () => {
      const seen = await this.look();
      if (state === 'detached') return seen ? undefined : true;
      if (!seen) return undefined;
      return state === 'attached' || (seen.box.width > 0 && seen.box.height > 0) ? true : undefined;
    });
  }

  /** A click of the real mouse at the element's centre, once nothing else lies over it there. */
  async click(timeout?: number): Promise<void> {
    const seen = await this.poll(timeout, 'clickable', async () => {
      const now = await this.look();
      return now?.hit && now.box.width > 0 ? now : undefined;
    });
    await this.page.mouse.click(seen.box.x + seen.box.width / 2, seen.box.y + seen.box.height / 2);
  }

  private json(): Json {
    return this.steps.map((step) => ({ css: step.css, hasText: step.hasText ?? null }));
  }

  private look(attribute?: string): Promise<Seen | undefined> {
    return this.evaluate<Seen | null>(this.host, SEE, [this.json(), attribute ?? null]).then(
      (seen) => seen ?? undefined,
    );
  }

  private seen(timeout: number | undefined, attribute?: string): Promise<Seen> {
    return this.poll(timeout, 'attached', () => this.look(attribute));
  }

  private async poll<T>(timeout = 15_000, state: string, check: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`${this.describe()} was not ${state} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private describe(): string {
    const steps = this.steps.map((step) => step.css + (step.hasText ? ` (with "${step.hasText}")` : ''));
    return [`${this.host} (closed shadow root)`, ...steps].join(' » ');
  }
}

/** One DevTools session per page, however many locators the test makes. */
const cdpEvaluators = new WeakMap<Page, ShadowEvaluator>();

/**
 * The closed shadow root of `host` (light-DOM CSS) on `page`, reached through the DevTools
 * protocol in Chromium; pass `evaluate` for another browser.
 */
export function closedShadow(page: Page, host: string, evaluate?: ShadowEvaluator): ShadowLocator {
  if (!evaluate) {
    evaluate = cdpEvaluators.get(page) ?? cdpShadowEvaluator(page);
    cdpEvaluators.set(page, evaluate);
  }
  return new ShadowLocator(page, evaluate, host);
}
