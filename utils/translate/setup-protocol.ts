import type { SecretRecord } from '../db/schema';
import type { LanguageCode } from '../language/languages';
import type { EndpointId, ProviderConfig, ProviderSettings } from './provider-config';
import type { ProviderId, SourceLanguage } from './types';

/** Which key a provider reads from the `secrets` table. */
export type SecretId = SecretRecord['id'];

export const SECRET_IDS: readonly SecretId[] = ['deepl', 'openaiCompatible', 'libretranslate'];

export const SECRET_OF_PROVIDER: Partial<Record<ProviderId, SecretId>> = {
  deepl: 'deepl',
  'openai-compatible': 'openaiCompatible',
  libretranslate: 'libretranslate',
};

export function isSecretId(value: unknown): value is SecretId {
  return typeof value === 'string' && (SECRET_IDS as readonly string[]).includes(value);
}

/** What a page may know about a stored key: that it is there, never the key itself. */
export interface KeyStatus {
  set: boolean;
  /** The last characters, only for keys long enough that these give nothing away. */
  hint?: string;
  /** For providers with a user-typed address: the origin the key was given for, the only one it goes to. */
  origin?: string;
}

export type KeyStatuses = Record<SecretId, KeyStatus>;

/** The short text a provider test translates. */
export interface ProviderTestSample {
  text: string;
  from: SourceLanguage;
  to: LanguageCode;
}

export interface ProviderTestResult {
  provider: ProviderId;
  sample: ProviderTestSample;
  translation: string;
  elapsedMs: number;
}

export interface CacheSizeView {
  entries: number;
  /** Characters stored (source + translation). */
  characters: number;
}

/** Messages of provider set-up (keys, endpoints, tests, on-device model), served by the background. */
export interface ProviderSetupProtocol {
  /** Addresses, plan, model and budgets, and which restored addresses wait for the user's consent. */
  getProviderConfig: { request: Record<string, never>; response: ProviderConfig };
  /** Saves what the options page's forms hold; every address's host must already be granted. */
  saveProviderSettings: { request: { providers: ProviderSettings }; response: ProviderConfig };
  /** The user allowed a restored address (and granted its host): it is used from now on. */
  confirmProviderEndpoint: { request: { id: EndpointId }; response: ProviderConfig };
  getKeyStatus: { request: Record<string, never>; response: KeyStatuses };
  /**
   * Stores a key in the database, bound to the provider's saved address if it has one; the engine
   * is rebuilt with it on the next request.
   */
  saveProviderKey: { request: { id: SecretId; key: string }; response: KeyStatuses };
  removeProviderKey: { request: { id: SecretId }; response: KeyStatuses };
  /**
   * Translates a short sample with one provider as it is saved now, outside the chain (no retries,
   * no fallback), so the answer or the error is that provider's own.
   */
  testProvider: { request: { id: ProviderId; to: LanguageCode }; response: ProviderTestResult };
  /** Forgets a provider's failures, e.g. once its on-device model has been downloaded. */
  resetProviderHealth: { request: { id: ProviderId }; response: Record<string, never> };
  getCacheSize: { request: Record<string, never>; response: CacheSizeView };
}
