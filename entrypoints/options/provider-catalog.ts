import type { Settings } from '@/utils/settings-schema';
import type { ProviderConfig, ProviderSettings } from '@/utils/translate/provider-config';
import { createProvider, providerOrigins } from '@/utils/translate/providers';
import { SECRET_OF_PROVIDER, type KeyStatuses } from '@/utils/translate/setup-protocol';
import type { ProviderId } from '@/utils/translate/types';

/** How a provider is reached, as the options page explains it. */
export type ProviderKind = 'on-device' | 'keyless' | 'key' | 'server';

/** Every provider the chain can hold, in the order the page lists those not in use. */
export const PROVIDER_KINDS: Record<ProviderId, ProviderKind> = {
  'chrome-on-device': 'on-device',
  'google-html': 'keyless',
  'microsoft-edge': 'keyless',
  'google-gtx': 'keyless',
  deepl: 'key',
  'openai-compatible': 'key',
  libretranslate: 'server',
};

export const ALL_PROVIDERS = Object.keys(PROVIDER_KINDS) as ProviderId[];

/** The providers in use in their order, then the others in catalogue order. */
export function unusedProviders(order: readonly ProviderId[]): ProviderId[] {
  return ALL_PROVIDERS.filter((id) => !order.includes(id));
}

/** `order` with `id` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveProvider(order: readonly ProviderId[], id: ProviderId, step: -1 | 1): ProviderId[] {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Adds `id` at the end of the chain or takes it out; the chain never becomes empty. */
export function includeProvider(
  order: readonly ProviderId[],
  id: ProviderId,
  include: boolean,
): ProviderId[] {
  if (include) return order.includes(id) ? [...order] : [...order, id];
  const next = order.filter((candidate) => candidate !== id);
  return next.length > 0 ? next : [...order];
}

/**
 * Whether the provider has what it needs to run (key, address, model), judged by the same factory
 * the background builds it with. The on-device translator's readiness is the model's, checked apart.
 */
export function isConfigured(id: ProviderId, config: ProviderConfig, keys: KeyStatuses): boolean {
  if (id === 'chrome-on-device') return true;
  const secret = SECRET_OF_PROVIDER[id];
  // A stand-in for each saved key: the page never holds the keys themselves.
  const key = secret ? keys[secret] : undefined;
  const secrets =
    secret && key?.set ? { [secret]: { value: 'saved', ...(key.origin ? { origin: key.origin } : {}) } } : {};
  try {
    createProvider(id, {
      fetch: () => Promise.reject(new Error('not used')),
      settings: config.providers,
      secrets,
      unconfirmed: config.unconfirmed,
    });
    return true;
  } catch {
    return false;
  }
}

/** The hosts a provider sends text to with these settings, for messages. */
export function providerHosts(id: ProviderId, providers: ProviderSettings): string[] {
  return providerOrigins(id, providers).map((origin) => new URL(origin).host);
}

export interface OpenAiPreset {
  id: 'openai' | 'deepseek' | 'openrouter' | 'ollama';
  baseUrl: string;
  model: string;
  /** Local servers take no key. */
  keyless?: boolean;
}

export const OPENAI_PRESETS: OpenAiPreset[] = [
  { id: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  { id: 'deepseek', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat' },
  { id: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini' },
  { id: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:7b', keyless: true },
];

/** The preset a base URL belongs to, or 'custom'. */
export function presetOf(baseUrl: string): OpenAiPreset['id'] | 'custom' {
  const normalised = baseUrl.trim().replace(/\/+$/, '');
  return OPENAI_PRESETS.find((preset) => preset.baseUrl === normalised)?.id ?? 'custom';
}

export { parseEndpoint } from '@/utils/translate/provider-config';

export type SettingsUpdate = (change: Partial<Settings>) => Promise<void>;

/** What each provider's form gets from the section: saved settings and key states, and how to change them. */
export interface ProviderFormProps {
  providers: ProviderSettings;
  keys: KeyStatuses;
  onConfig: (config: ProviderConfig) => void;
  onKeys: (keys: KeyStatuses) => void;
}
