import {
  isLocalNetworkHost,
  parseEndpoint,
  type EndpointId,
  type ProviderSettings,
} from '../provider-config';
import {
  ProviderError,
  type FetchLike,
  type ProviderId,
  type ProviderLimits,
  type TranslationProvider,
} from '../types';
import { DEEPL_ENDPOINTS, DEEPL_LIMITS, createDeeplProvider } from './deepl';
import { GOOGLE_GTX_ENDPOINT, GOOGLE_GTX_LIMITS, createGoogleGtxProvider } from './google-gtx';
import { GOOGLE_HTML_ENDPOINT, GOOGLE_HTML_LIMITS, createGoogleHtmlProvider } from './google-html';
import { LIBRETRANSLATE_LIMITS, createLibretranslateProvider } from './libretranslate';
import {
  MICROSOFT_EDGE_ENDPOINT,
  MICROSOFT_EDGE_LIMITS,
  createMicrosoftEdgeProvider,
} from './microsoft-edge';
import { OPENAI_COMPATIBLE_LIMITS, createOpenAiCompatibleProvider } from './openai-compatible';

export { MisalignedBatchError } from './misaligned-batch-error';

/** Every provider this module builds; 'chrome-on-device' lives with the offscreen document. */
export type BuildableProviderId = Exclude<ProviderId, 'chrome-on-device'>;

export const BUILDABLE_PROVIDER_IDS: readonly BuildableProviderId[] = [
  'google-html',
  'microsoft-edge',
  'google-gtx',
  'deepl',
  'openai-compatible',
  'libretranslate',
];

export function isBuildableProviderId(id: string): id is BuildableProviderId {
  return (BUILDABLE_PROVIDER_IDS as readonly string[]).includes(id);
}

export const PROVIDER_LIMITS: Record<BuildableProviderId, ProviderLimits> = {
  'google-html': GOOGLE_HTML_LIMITS,
  'microsoft-edge': MICROSOFT_EDGE_LIMITS,
  'google-gtx': GOOGLE_GTX_LIMITS,
  deepl: DEEPL_LIMITS,
  'openai-compatible': OPENAI_COMPATIBLE_LIMITS,
  libretranslate: LIBRETRANSLATE_LIMITS,
};

/**
 * A key as the background stores it. Keys of providers with a user-typed address carry the origin
 * they were given for, and are never sent anywhere else.
 */
export interface StoredKey {
  value: string;
  origin?: string;
}

/** API keys, read by the background from its own database; never part of settings. */
export interface ProviderSecrets {
  deepl?: StoredKey;
  openaiCompatible?: StoredKey;
  libretranslate?: StoredKey;
}

export interface ProviderFactoryDeps {
  fetch: FetchLike;
  settings: ProviderSettings;
  secrets: ProviderSecrets;
  /** Addresses still waiting for the user's consent in the options page; not used until then. */
  unconfirmed?: readonly EndpointId[];
}

/**
 * Builds one provider from settings and secrets. Throws ProviderError('unavailable') when the
 * provider cannot run as configured (no key, no endpoint, or not built here), so the chain skips
 * it the same way it skips one that failed at run time.
 */
export function createProvider(
  id: ProviderId,
  { fetch, settings, secrets, unconfirmed = [] }: ProviderFactoryDeps,
): TranslationProvider {
  switch (id) {
    case 'google-html':
      return createGoogleHtmlProvider({ fetch });
    case 'microsoft-edge':
      return createMicrosoftEdgeProvider({ fetch });
    case 'google-gtx':
      return createGoogleGtxProvider({ fetch });
    case 'deepl': {
      // DeepL's hosts are fixed in the code, so its key needs no origin of its own.
      const apiKey = secrets.deepl?.value.trim();
      if (!apiKey) throw unavailable(id, 'DeepL needs an API key');
      return createDeeplProvider({ fetch, apiKey, plan: settings.deepl.plan });
    }
    case 'openai-compatible': {
      const { baseUrl, model } = settings.openaiCompatible;
      const url = parseEndpoint(baseUrl);
      if (!url) throw unavailable(id, `the OpenAI-compatible provider needs a base URL (${ADDRESS_RULE})`);
      if (unconfirmed.includes('openaiCompatible')) throw awaitingConsent(id, url);
      if (!model.trim()) throw unavailable(id, 'the OpenAI-compatible provider needs a model name');
      const apiKey = keyFor(id, secrets.openaiCompatible, url);
      // Local servers such as Ollama take no key; anything on the internet does.
      if (!apiKey && !isLocalNetworkHost(url.hostname))
        throw unavailable(id, 'the OpenAI-compatible provider needs an API key');
      return createOpenAiCompatibleProvider({
        fetch,
        baseUrl,
        model: model.trim(),
        ...(apiKey ? { apiKey } : {}),
      });
    }
    case 'libretranslate': {
      const { baseUrl } = settings.libretranslate;
      const url = parseEndpoint(baseUrl);
      if (!url) throw unavailable(id, `LibreTranslate needs the address of a server (${ADDRESS_RULE})`);
      if (unconfirmed.includes('libretranslate')) throw awaitingConsent(id, url);
      const apiKey = keyFor(id, secrets.libretranslate, url);
      return createLibretranslateProvider({ fetch, baseUrl, ...(apiKey ? { apiKey } : {}) });
    }
    case 'chrome-on-device':
      throw unavailable(id, 'the on-device translator is not built by this factory');
  }
}

/**
 * Origins a provider sends requests to, for host permissions. Fixed endpoints are in the manifest;
 * user-configured ones (DeepL's plan, base URLs) are requested at run time. Empty when the
 * configured address is not a usable URL.
 */
export function providerOrigins(id: ProviderId, settings: ProviderSettings): string[] {
  switch (id) {
    case 'google-html':
      return [new URL(GOOGLE_HTML_ENDPOINT).origin];
    case 'microsoft-edge':
      return [new URL(MICROSOFT_EDGE_ENDPOINT).origin];
    case 'google-gtx':
      return [new URL(GOOGLE_GTX_ENDPOINT).origin];
    case 'deepl':
      return [new URL(DEEPL_ENDPOINTS[settings.deepl.plan]).origin];
    case 'openai-compatible':
      return originOf(settings.openaiCompatible.baseUrl);
    case 'libretranslate':
      return originOf(settings.libretranslate.baseUrl);
    case 'chrome-on-device':
      return [];
  }
}

/**
 * The match pattern to request for an origin. Ports are dropped: Firefox rejects patterns with a
 * port, and in Chrome a pattern without one matches every port.
 */
export function hostPermissionPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

function originOf(baseUrl: string): string[] {
  const url = parseEndpoint(baseUrl);
  return url ? [url.origin] : [];
}

const ADDRESS_RULE = 'https, or http for a server on this computer';

/**
 * The key to send to `url`: only one saved for that very origin. A key saved for another address
 * makes the provider unavailable rather than keyless, so the reason is shown instead of a 401.
 */
function keyFor(id: ProviderId, stored: StoredKey | undefined, url: URL): string | undefined {
  const value = stored?.value.trim();
  if (!value) return undefined;
  if (stored?.origin !== url.origin) {
    const savedFor = stored?.origin ? new URL(stored.origin).host : 'another address';
    throw unavailable(id, `the saved key was given for ${savedFor}; save it again for ${url.host}`);
  }
  return value;
}

function awaitingConsent(id: ProviderId, url: URL): ProviderError {
  return unavailable(id, `the address ${url.host} came from a backup; allow it in the options page first`);
}

function unavailable(provider: ProviderId, message: string): ProviderError {
  return new ProviderError('unavailable', message, { provider });
}
