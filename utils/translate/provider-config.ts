import * as v from 'valibot';

/**
 * How the providers the user brings are reached: DeepL's plan, the servers' addresses and model,
 * and how much each may spend a day. Kept in the background's database beside the keys, never in
 * `storage.local`, which content scripts can write: an address there could send a key elsewhere.
 */
export interface ProviderSettings {
  deepl: { plan: 'free' | 'pro'; dailyCharacterBudget: number };
  openaiCompatible: { baseUrl: string; model: string; dailyCharacterBudget: number };
  libretranslate: { baseUrl: string; dailyCharacterBudget: number };
}

/** The providers whose address the user types. */
export type EndpointId = 'openaiCompatible' | 'libretranslate';
export const ENDPOINT_IDS: readonly EndpointId[] = ['openaiCompatible', 'libretranslate'];

/** The providers that spend the user's money (or quota) and so have a daily budget. */
export type BudgetedId = keyof ProviderSettings;

/**
 * Characters a keyed provider may translate per local day unless the user chooses otherwise: a
 * heavy day of reading, and far below what a runaway loop would send.
 */
export const DEFAULT_DAILY_CHARACTER_BUDGET = 200_000;
/** 0 turns the budget off; above this the user has almost certainly typed one zero too many. */
export const MAX_DAILY_CHARACTER_BUDGET = 100_000_000;

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = {
  deepl: { plan: 'free', dailyCharacterBudget: DEFAULT_DAILY_CHARACTER_BUDGET },
  openaiCompatible: {
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    dailyCharacterBudget: DEFAULT_DAILY_CHARACTER_BUDGET,
  },
  libretranslate: { baseUrl: '', dailyCharacterBudget: DEFAULT_DAILY_CHARACTER_BUDGET },
};

/** What the background holds: the settings, and which addresses still wait for the user's consent. */
export interface ProviderConfig {
  providers: ProviderSettings;
  /**
   * Addresses that arrived by restore (or from an older version) rather than from the options
   * page: not used until the user grants the browser's access to their host there.
   */
  unconfirmed: EndpointId[];
}

const MAX_URL_LENGTH = 2_000;
const MAX_MODEL_LENGTH = 200;

const budget = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DAILY_CHARACTER_BUDGET));
/** An address field: empty (not set up) or a URL the provider may be sent to. */
const address = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_LENGTH),
  v.check(
    (value) => value.trim() === '' || parseEndpoint(value) !== undefined,
    'must be an https address (http only for a server on this computer)',
  ),
);

/** Provider settings exactly as the options page must send them. */
export const providerSettingsSchema = v.strictObject({
  deepl: v.strictObject({ plan: v.picklist(['free', 'pro']), dailyCharacterBudget: budget }),
  openaiCompatible: v.strictObject({
    baseUrl: address,
    model: v.pipe(v.string(), v.maxLength(MAX_MODEL_LENGTH)),
    dailyCharacterBudget: budget,
  }),
  libretranslate: v.strictObject({ baseUrl: address, dailyCharacterBudget: budget }),
});

/**
 * Provider settings from storage or a backup of any version: each field that does not pass falls
 * back to its default, so one bad field never costs the rest.
 */
export function readProviderSettings(stored: unknown): ProviderSettings {
  const raw = objectOr(stored);
  const fallback = DEFAULT_PROVIDER_SETTINGS;
  const field = <T>(schema: v.GenericSchema<T>, value: unknown, otherwise: T): T => {
    const result = v.safeParse(schema, value);
    return result.success ? result.output : otherwise;
  };
  const budgetOf = (section: Record<string, unknown>, otherwise: number) =>
    field(budget, section.dailyCharacterBudget, otherwise);
  const deepl = objectOr(raw.deepl);
  const openai = objectOr(raw.openaiCompatible);
  const libre = objectOr(raw.libretranslate);
  return {
    deepl: {
      plan: deepl.plan === 'pro' ? 'pro' : 'free',
      dailyCharacterBudget: budgetOf(deepl, fallback.deepl.dailyCharacterBudget),
    },
    openaiCompatible: {
      baseUrl: field(address, openai.baseUrl, fallback.openaiCompatible.baseUrl).trim(),
      model: field(
        providerSettingsSchema.entries.openaiCompatible.entries.model,
        openai.model,
        fallback.openaiCompatible.model,
      ).trim(),
      dailyCharacterBudget: budgetOf(openai, fallback.openaiCompatible.dailyCharacterBudget),
    },
    libretranslate: {
      baseUrl: field(address, libre.baseUrl, fallback.libretranslate.baseUrl).trim(),
      dailyCharacterBudget: budgetOf(libre, fallback.libretranslate.dailyCharacterBudget),
    },
  };
}

/** The origin an endpoint's requests go to, or undefined when it is not set or not usable. */
export function endpointOrigin(providers: ProviderSettings, id: EndpointId): string | undefined {
  return parseEndpoint(providers[id].baseUrl)?.origin;
}

/**
 * An address a provider may be sent to: https anywhere, plain http only to a server on this
 * computer, where nothing crosses the network in the clear.
 */
export function parseEndpoint(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:') return url;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? url : undefined;
}

/**
 * This computer: `localhost`, `*.localhost` and the usual loopback addresses. The manifest lets
 * the user grant exactly these over plain http (`wxt.config.ts`).
 */
export const LOOPBACK_HOSTS = ['localhost', '*.localhost', '127.0.0.1', '[::1]'] as const;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}

/** This computer or the user's own network (`.local`, private IPv4): servers that take no key. */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (isLoopbackHost(host) || host.endsWith('.local')) return true;
  const octets = host.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet))) return false;
  const [a = -1, b = -1] = octets;
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

function objectOr(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
