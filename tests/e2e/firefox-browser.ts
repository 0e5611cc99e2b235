import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firefox, type BrowserContext, type Page } from 'playwright-core';
import { bidiShadowEvaluator, type ShadowEvaluator } from './closed-shadow';
import { PROVIDER_HOSTS, SITE_HOSTS } from './server/hosts';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.RB_OUTPUT_DIR ?? '.output', 'firefox-mv2');

/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'redbridge@redbridge.app';

/** Fixed through `extensions.webextensions.uuids`, so the extension's pages have a known origin. */
export const EXTENSION_ORIGIN = 'moz-extension://6f1e3c2a-8d4b-4c1e-9a7f-2b5d0e9c4a11';

/** Debian's Firefox ESR by default; FIREFOX_PATH points elsewhere. Undefined when there is none. */
export function firefoxPath(): string | undefined {
  // A path given on purpose is used as it is: a wrong one fails the launch instead of skipping.
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((candidate) => existsSync(candidate));
}

/** One step on an extension page: wait until a selector matches, or click what it matches. */
export type ExtensionPageStep = { waitFor: string } | { click: string };

export interface ExtensionPageView {
  title: string;
  lang: string;
  /** `document.body.innerText` after the last step. */
  text: string;
}

export interface FirefoxExtensionBrowser {
  /** Tabs of web pages; Playwright cannot see or script the extension's own pages in Firefox. */
  context: BrowserContext;
  /**
   * Opens one of the extension's pages (popup.html, options.html…) in a new background tab, takes
   * the steps in it, and reads it. The tab closes a moment later, once what a click started (a
   * settings write) is done.
   */
  useExtensionPage(path: string, steps: ExtensionPageStep[], timeoutMs?: number): Promise<ExtensionPageView>;
  /**
   * Brings the tab whose URL starts with `urlPrefix` to the front and types `keys` ("Alt+R": Alt,
   * Shift, Ctrl and one letter) as the keyboard would: through the browser's own key handling, so
   * menu access keys and extension shortcuts apply. (Playwright's keyboard reaches the page only.)
   */
  pressKeys(keys: string, urlPrefix: string): Promise<boolean>;
  /** URLs of every open tab, the extension's pages included. */
  tabUrls(): Promise<string[]>;
  /** Reads inside closed shadow roots of `page` through WebDriver BiDi, for `closedShadow`. */
  shadowEvaluator(page: Page): ShadowEvaluator;
  /** Uncaught errors (not warnings) the browser console has from the extension's files. */
  extensionErrors(): Promise<string[]>;
  /** Hosts the proxy refused: anything but the test server's would have left the machine. */
  refusedHosts: string[];
  close(): Promise<void>;
}

/**
 * Starts stock Firefox (WebDriver BiDi) with the Firefox build installed in a fresh profile.
 *
 * - Install: Playwright cannot install extensions in Firefox, so the profile gets an extension
 *   proxy file, `extensions/<gecko id>`, holding the path of the unpacked build; Firefox installs it
 *   at start-up as a profile add-on. `xpinstall.signatures.required=false` lets it run unsigned:
 *   ESR, Developer Edition and Nightly honour it, release Firefox does not.
 * - Hosts: Firefox has no host-resolver rules, so all its traffic goes to an HTTP proxy here that
 *   tunnels the site and provider hosts to the loopback test server and refuses the rest. It is set
 *   with prefs, browser-wide, so it covers the extension's background requests too (Playwright's
 *   `proxy` option would only proxy plain http:// in Firefox).
 * - Certificates: `ignoreHTTPSErrors` becomes WebDriver's `acceptInsecureCerts`, which Firefox
 *   applies to the whole browser, background page included.
 * - Extension pages: Firefox's WebDriver BiDi leaves out extension contexts (bug 1755014), so they
 *   are read from the browser's chrome window (`--remote-allow-system-access`) with a frame script.
 */
export async function launchFirefoxExtension(options: {
  port: number;
  locale?: string;
  headless?: boolean;
}): Promise<FirefoxExtensionBrowser> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('No Firefox found: apt-get install firefox-esr, or set FIREFOX_PATH.');
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "wxt build -b firefox" (RB_OUTPUT_DIR picks the folder).`,
    );
  }
  const locale = options.locale ?? 'en-US';
  const proxy = await startHostProxy(options.port);
  const profile = mkdtempSync(join(tmpdir(), 'rb-e2e-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', GECKO_ID), FIREFOX_EXTENSION_DIR);
  const bidi = tapBidiConnection(profile);
  let context: BrowserContext;
  try {
    context = await firefox.launchPersistentContext(profile, {
      channel: 'moz-firefox',
      executablePath,
      headless: options.headless ?? true,
      args: ['--remote-allow-system-access'],
      ignoreHTTPSErrors: true,
      locale,
      viewport: { width: 1280, height: 860 },
      env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8` },
      firefoxUserPrefs: {
        'xpinstall.signatures.required': false,
        // Add-ons in the profile (scope 1) are installed and enabled without asking; none are
        // taken from the machine (~/.mozilla/extensions, scope 2 and 8).
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 5,
        'extensions.webextensions.uuids': JSON.stringify({
          [GECKO_ID]: new URL(EXTENSION_ORIGIN).host,
        }),
        'intl.locale.requested': locale,
        'intl.accept_languages': locale,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
      },
    });
  } catch (error) {
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const chrome = () => inChromeWindow(bidi);
  const addon = await chrome().then((call) => call<AddonState | null>(ADDON_STATE, GECKO_ID));
  if (!addon?.isActive) {
    await context.close();
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(
      `RedBridge did not start in ${executablePath}: ${JSON.stringify(addon)}. Unsigned add-ons need ` +
        'Firefox ESR, Developer Edition or Nightly (release Firefox ignores xpinstall.signatures.required).',
    );
  }
  return {
    context,
    refusedHosts: proxy.refused,
    useExtensionPage: (path, steps, timeoutMs = 15_000) =>
      chrome().then((call) =>
        call<ExtensionPageView>(
          USE_EXTENSION_PAGE,
          `${EXTENSION_ORIGIN}/${path}`,
          JSON.stringify(steps),
          timeoutMs,
        ),
      ),
    pressKeys: (keys, urlPrefix) => chrome().then((call) => call<boolean>(PRESS_KEYS, keys, urlPrefix)),
    tabUrls: () => chrome().then((call) => call<string[]>(TAB_URLS)),
    shadowEvaluator: (page) => bidiShadowEvaluator(bidi, page),
    extensionErrors: () => chrome().then((call) => call<string[]>(EXTENSION_ERRORS, EXTENSION_ORIGIN)),
    async close() {
      await context.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// --- Raw WebDriver BiDi beside Playwright -------------------------------------------------------

type BidiMessage = {
  id?: number;
  method?: string;
  params?: unknown;
  type?: string;
  result?: unknown;
  error?: string;
  message?: string;
};
interface BidiTransport {
  send(message: BidiMessage): void;
  onmessage?: (message: BidiMessage) => void;
}
type BidiSend = (method: string, params: object) => Promise<unknown>;
interface FirefoxLauncher {
  connectToTransport(transport: BidiTransport, options: { userDataDir?: string }): Promise<unknown>;
  rbTaps?: Map<string, (send: BidiSend) => void>;
}

/**
 * Commands Playwright sends on every new context that Firefox ESR may not know yet. Each only
 * emulates something these tests do not use (prefers-color-scheme), so "unknown command" is
 * answered as a success instead of failing the launch.
 */
const OPTIONAL_COMMANDS = new Set(['emulation.setMediaFeaturesOverride']);

/**
 * Playwright 1.65 offers no raw BiDi access, and fails a Firefox launch on commands ESR lacks. This
 * wraps the connection of the launch that uses `profile`: optional commands Firefox does not know
 * succeed, and the returned function sends commands of our own (their answers never reach
 * Playwright). It relies on Playwright's in-process server internals and says so when they change.
 */
function tapBidiConnection(profile: string): BidiSend {
  const client = firefox as unknown as { _connection?: { toImpl?: (object: unknown) => unknown } };
  const launcher = (client._connection?.toImpl?.(firefox) as { _bidiFirefox?: FirefoxLauncher } | undefined)
    ?._bidiFirefox;
  if (!launcher?.connectToTransport) {
    throw new Error(
      'playwright-core internals changed: update tapBidiConnection in tests/e2e/firefox-browser.ts',
    );
  }
  if (!launcher.rbTaps) {
    const taps = new Map<string, (send: BidiSend) => void>();
    launcher.rbTaps = taps;
    const original = launcher.connectToTransport.bind(launcher);
    launcher.connectToTransport = (transport, options) => {
      const tap = options.userDataDir ? taps.get(options.userDataDir) : undefined;
      if (!tap) return original(transport, options);
      taps.delete(options.userDataDir!);
      const send = transport.send.bind(transport);
      const optional = new Set<number>();
      const ours = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
      let nextId = 2 ** 30;
      tap((method, params) => {
        const id = nextId++;
        const answer = new Promise((resolve, reject) => ours.set(id, { resolve, reject }));
        send({ id, method, params });
        return answer;
      });
      transport.send = (message) => {
        if (message.method && OPTIONAL_COMMANDS.has(message.method)) optional.add(message.id!);
        send(message);
      };
      const connected = original(transport, options);
      // Playwright's connection set its handler as it was made (synchronously); ours goes in front.
      const deliver = transport.onmessage;
      if (!deliver) throw new Error('playwright-core internals changed: no BiDi message handler to tap');
      transport.onmessage = (message) => {
        const mine = message.id === undefined ? undefined : ours.get(message.id);
        if (mine) {
          ours.delete(message.id!);
          if (message.type === 'error') mine.reject(new Error(`${message.error}: ${message.message}`));
          else mine.resolve(message.result);
          return;
        }
        if (message.id !== undefined && optional.delete(message.id) && message.error === 'unknown command') {
          deliver({ id: message.id, type: 'success', result: {} });
          return;
        }
        deliver(message);
      };
      return connected;
    };
  }
  let connected: BidiSend | undefined;
  launcher.rbTaps.set(profile, (send) => (connected = send));
  return (method, params) => {
    if (!connected) return Promise.reject(new Error('Firefox is not connected yet'));
    return connected(method, params);
  };
}

type ChromeCall = <T>(source: string, ...args: (string | number)[]) => Promise<T>;

/** Runs a function in a browser chrome window (privileged JS with gBrowser, Services…). */
async function inChromeWindow(send: BidiSend): Promise<ChromeCall> {
  const tree = (await send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window');
  return async <T>(source: string, ...args: (string | number)[]) => {
    const answer = (await send('script.callFunction', {
      functionDeclaration: source,
      arguments: args.map((value) =>
        typeof value === 'string' ? { type: 'string', value } : { type: 'number', value },
      ),
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text);
    return JSON.parse(answer.result?.value ?? 'null') as T;
  };
}

// The functions below run in the chrome window; each returns JSON.

const USE_EXTENSION_PAGE = `async function (url, steps, timeoutMs) {
  const tab = gBrowser.addTab(url, {
    triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
  });
  const browser = tab.linkedBrowser;
  // A frame script: it runs in the tab's content process, where \`content\` is the page.
  const frameScript = function (url, steps, timeoutMs) {
    const { setTimeout } = ChromeUtils.importESModule('resource://gre/modules/Timer.sys.mjs');
    const started = Date.now();
    let next = 0;
    const poll = () => {
      const document = content.document;
      while (content.location.href === url && next < steps.length) {
        const step = steps[next];
        const element = document.querySelector(step.waitFor || step.click);
        if (!element) break;
        if (step.click) element.click();
        next++;
      }
      if (next === steps.length) {
        sendAsyncMessage('rb:page', {
          title: document.title,
          lang: document.documentElement.lang,
          text: document.body.innerText,
        });
      } else if (Date.now() - started < timeoutMs) setTimeout(poll, 50);
      else sendAsyncMessage('rb:page', { stuckAt: steps[next] });
    };
    poll();
  };
  const deadline = Date.now() + timeoutMs;
  const failure = (what) => new Error(what + ' in ' + url + ' (the tab is at ' + browser.currentURI.spec + ')');
  try {
    // The tab starts on about:blank in a web process and moves to the extension process; a frame
    // script loaded before the move stays behind, so it is loaded once the page is there.
    while (browser.currentURI.spec !== url || browser.remoteType !== 'extension') {
      if (Date.now() > deadline) throw failure('the page never loaded');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const page = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(failure('no answer')), deadline - Date.now() + 1000);
      browser.messageManager.addMessageListener('rb:page', (message) => {
        clearTimeout(timer);
        if (message.data.stuckAt) reject(failure(JSON.stringify(message.data.stuckAt) + ' never matched'));
        else resolve(message.data);
      });
      const args = [JSON.stringify(url), steps, String(deadline - Date.now())].join(',');
      browser.messageManager.loadFrameScript('data:,' + encodeURIComponent('(' + frameScript + ')(' + args + ')'), false);
    });
    return JSON.stringify(page);
  } finally {
    setTimeout(() => gBrowser.removeTab(tab), 1000);
  }
}`;

const PRESS_KEYS = `function (keys, urlPrefix) {
  const MODIFIERS = { Alt: ['Alt', 'AltLeft', 18], Shift: ['Shift', 'ShiftLeft', 16], Ctrl: ['Control', 'ControlLeft', 17] };
  const parts = keys.split('+');
  const letter = parts.pop();
  if (!/^[A-Za-z]$/.test(letter) || parts.some((part) => !MODIFIERS[part])) throw new Error('cannot type ' + keys);
  for (const win of Services.wm.getEnumerator('navigator:browser')) {
    const tab = Array.from(win.gBrowser.tabs).find((candidate) =>
      candidate.linkedBrowser.currentURI.spec.startsWith(urlPrefix),
    );
    if (!tab) continue;
    win.gBrowser.selectedTab = tab;
    win.focus();
    tab.linkedBrowser.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(win)) throw new Error('the keyboard is busy');
    const event = ([key, code, keyCode]) => new win.KeyboardEvent('', { key, code, keyCode });
    const modifiers = parts.map((part) => event(MODIFIERS[part]));
    const upper = letter.toUpperCase();
    const main = event([parts.includes('Shift') ? upper : letter.toLowerCase(), 'Key' + upper, upper.charCodeAt(0)]);
    for (const modifier of modifiers) tip.keydown(modifier);
    tip.keydown(main);
    tip.keyup(main);
    for (const modifier of modifiers.reverse()) tip.keyup(modifier);
    return JSON.stringify(true);
  }
  throw new Error('no tab at ' + urlPrefix);
}`;

interface AddonState {
  version: string;
  isActive: boolean;
  appDisabled: boolean;
  userDisabled: boolean;
  signedState: number;
}

/** The add-on as the add-on manager sees it once start-up installs are done. */
const ADDON_STATE = `async function (id) {
  const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
  for (let waited = 0; waited < 10000; waited += 100) {
    const addon = await AddonManager.getAddonByID(id);
    if (addon?.isActive) return JSON.stringify({ version: addon.version, isActive: true });
    if (addon && waited > 2000) {
      const { version, isActive, appDisabled, userDisabled, signedState } = addon;
      return JSON.stringify({ version, isActive, appDisabled, userDisabled, signedState });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'null';
}`;

const TAB_URLS = `function () {
  const urls = [];
  for (const window of Services.wm.getEnumerator('navigator:browser'))
    for (const tab of window.gBrowser.tabs) urls.push(tab.linkedBrowser.currentURI.spec);
  return JSON.stringify(urls);
}`;

const EXTENSION_ERRORS = `function (origin) {
  const errors = Services.console
    .getMessageArray()
    .filter((message) => message instanceof Ci.nsIScriptError)
    .filter((error) => !(error.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)))
    .filter((error) => (error.sourceName || '').startsWith(origin))
    .map((error) => error.errorMessage + ' (' + error.sourceName + ':' + error.lineNumber + ')');
  return JSON.stringify(errors);
}`;

// --- Host proxy ---------------------------------------------------------------------------------

/**
 * An HTTP proxy that tunnels CONNECTs for the known hosts to the test server on loopback, whatever
 * port was asked for, and refuses every other host (and plain HTTP, which nothing here uses).
 */
async function startHostProxy(
  serverPort: number,
): Promise<{ port: number; refused: string[]; close(): Promise<void> }> {
  const known = new Set([...SITE_HOSTS, ...PROVIDER_HOSTS]);
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((req, res) => {
    refused.push(new URL(req.url ?? '/', 'http://invalid').hostname);
    res.writeHead(403).end();
  });
  server.on('connection', track);
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!known.has(host)) {
      refused.push(host);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(serverPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
