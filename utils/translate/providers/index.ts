import type { ProviderSettings } from '../../settings-schema';
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

/** API keys, read by the background from its own database; never part of settings. */
export interface ProviderSecrets {
  deepl?: string;
  openaiCompatible?: string;
  libretranslate?: string;
}

export interface ProviderFactoryDeps {
  fetch: FetchLike;
  settings: ProviderSettings;
  secrets: ProviderSecrets;
}

/**
 * Builds one provider from settings and secrets. Throws ProviderError('unavailable') when the
 * provider cannot run as configured (no key, no endpoint, or not built here), so the chain skips
 * it the same way it skips one that failed at run time.
 */
export function createProvider(
  id: ProviderId,
  { fetch, settings, secrets }: ProviderFactoryDeps,
): TranslationProvider {
  switch (id) {
    case 'google-html':
      return createGoogleHtmlProvider({ fetch });
    case 'microsoft-edge':
      return createMicrosoftEdgeProvider({ fetch });
    case 'google-gtx':
      return createGoogleGtxProvider({ fetch });
    case 'deepl': {
      const apiKey = secrets.deepl?.trim();
      if (!apiKey) throw unavailable(id, 'DeepL needs an API key');
      return createDeeplProvider({ fetch, apiKey, plan: settings.deepl.plan });
    }
    case 'openai-compatible': {
      const { baseUrl, model } = settings.openaiCompatible;
      const url = parseHttpUrl(baseUrl);
      if (!url) throw unavailable(id, 'the OpenAI-compatible provider needs a base URL');
      if (!model.trim()) throw unavailable(id, 'the OpenAI-compatible provider needs a model name');
      const apiKey = secrets.openaiCompatible?.trim();
      // Local servers such as Ollama take no key; anything on the internet does.
      if (!apiKey && !isLocalHost(url.hostname))
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
      if (!parseHttpUrl(baseUrl)) throw unavailable(id, 'LibreTranslate needs the address of a server');
      const apiKey = secrets.libretranslate?.trim();
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
  const url = parseHttpUrl(baseUrl);
  return url ? [url.origin] : [];
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Loopback, `.local`/`.localhost` names and private IPv4 ranges: servers on the user's own network. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '[::1]')
    return true;
  const octets = host.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet))) return false;
  const [a = -1, b = -1] = octets;
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

function unavailable(provider: ProviderId, message: string): ProviderError {
  return new ProviderError('unavailable', message, { provider });
}
