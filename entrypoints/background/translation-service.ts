import type { ComposeProtocol } from '@/utils/compose/protocol';
import type { RedBridgeDatabase } from '@/utils/db/database';
import type { GlossaryIndex } from '@/utils/glossary/glossary-index';
import type { GlossaryProtocol } from '@/utils/glossary/protocol';
import { aiNoteCards } from '@/utils/glossary/term-card';
import { cacheKey } from '@/utils/translate/cache-key';
import { readSecrets } from '@/utils/db/secrets';
import type { Priority, ProviderHealthView, StatsView, TranslateRequest } from '@/utils/translate/types';
import type { TranslatedUnit } from '@/utils/transport/translation-port';
import type { Settings } from '@/utils/settings-schema';
import { DailySpending, withDailyBudget } from '@/utils/translate/daily-budget';
import { endpointOrigin, type BudgetedId, type ProviderConfig } from '@/utils/translate/provider-config';
import {
  ON_DEVICE_UNSUPPORTED,
  createChromeOnDeviceProvider,
  type OffscreenBridge,
} from '@/utils/translate/on-device/chrome-on-device';
import { createProviderChain, type ProviderChain } from '@/utils/translate/provider-chain';
import { ProviderHealth } from '@/utils/translate/provider-health';
import { createProvider, type ProviderSecrets } from '@/utils/translate/providers';
import { ProviderLimiter } from '@/utils/translate/rate-limiter';
import { StatsStore } from '@/utils/translate/stats-store';
import { DexieTranslationCache, type CacheStats } from '@/utils/translate/translation-cache';
import { createTranslationQueue, type TranslationQueue } from '@/utils/translate/translation-queue';
import {
  ProviderError,
  type FetchLike,
  type ProviderId,
  type TermExplanation,
  type TranslationProvider,
} from '@/utils/translate/types';

type ExplainTermRequest = GlossaryProtocol['explainTerm']['request'];
type ExplainTermResult = GlossaryProtocol['explainTerm']['response'];
type WritingRequest = ComposeProtocol['translateWriting']['request'];
type WritingResult = ComposeProtocol['translateWriting']['response'];

/** A model writing three short fields answers well within this; past it the reader gets an error. */
const EXPLAIN_TIMEOUT_MS = 30_000;

/** An explanation as cached: JSON with a meaning at least; anything else is a miss. */
function parseExplanation(stored: string): TermExplanation | undefined {
  try {
    const value = JSON.parse(stored) as Partial<TermExplanation>;
    if (typeof value.meaning !== 'string' || !value.meaning) return undefined;
    return {
      meaning: value.meaning,
      ...(typeof value.literal === 'string' ? { literal: value.literal } : {}),
      ...(typeof value.origin === 'string' ? { origin: value.origin } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface TranslationServiceDeps {
  db: RedBridgeDatabase;
  fetch: FetchLike;
  loadSettings: () => Promise<Settings>;
  /** How the user's own providers are reached (addresses, plan, model, budgets), from the database. */
  providerConfig: { read(): Promise<ProviderConfig> };
  /** Reaches Chrome's built-in translator, which only windows (the offscreen document) can use. */
  onDevice: Pick<OffscreenBridge, 'supported' | 'availability' | 'translate'>;
  /** The glossary: terms to explain with each result, and the user's renderings to enforce. */
  glossary?: { index(): Promise<GlossaryIndex> };
}

interface Engine {
  chain: ProviderChain;
  queue: TranslationQueue;
  /** Providers in the chosen order that could not be built (no key, no endpoint) and why. */
  unavailable: { id: ProviderId; reason: string }[];
  /** The chosen order, built or not. */
  order: readonly ProviderId[];
}

/**
 * The background's translation engine: one queue and provider chain built from the settings and
 * keys, rebuilt when they change. Health and rate limits outlive a rebuild, so a provider that was
 * failing a moment ago is not hammered again because the user changed an unrelated setting.
 */
export class TranslationService {
  private readonly health = new ProviderHealth();
  private readonly limiter = new ProviderLimiter();
  private readonly cache: DexieTranslationCache;
  private readonly stats: StatsStore;
  private readonly spending: DailySpending;
  private engine?: Promise<Engine>;
  /** The glossary as last loaded for a request. */
  private glossary?: GlossaryIndex;
  /** The provider order the current engine was built from. */
  private engineSettings?: string;
  /** The reader wants terms explained: language models are asked for notes on slang too. */
  private explainsTerms = true;

  constructor(private readonly deps: TranslationServiceDeps) {
    this.cache = new DexieTranslationCache(deps.db);
    this.stats = new StatsStore(deps.db);
    this.spending = new DailySpending(deps.db);
  }

  /** Drops the current engine; the next request builds one from the current settings and keys. */
  private invalidate(): void {
    this.engine = undefined;
  }

  /**
   * Rebuilds the engine only when the settings that shape it (the provider order) changed, so
   * requests in flight stay cancellable through the same queue.
   */
  settingsChanged(settings: Settings): void {
    this.explainsTerms = settings.showTerms;
    if (engineSettingsOf(settings) !== this.engineSettings) this.invalidate();
  }

  async translate(request: TranslateRequest): Promise<TranslatedUnit> {
    const { queue } = await this.currentEngine();
    // A reader asking again is worth a probe of the provider that failed them: without it a retry
    // would meet the same open circuit. Only that one: a retry must not wake every paused provider.
    if (request.retry && request.retryProvider) this.health.reset(request.retryProvider);
    const glossary = await this.deps.glossary?.index();
    // The queue asks for rules and rule keys synchronously: it reads the index loaded here.
    if (glossary) this.glossary = glossary;
    const { notes, ...result } = await queue.translate(request);
    const found = glossary?.termsFor(request.segments, request.to) ?? [];
    // A language model's notes explain what the glossary lacks, beside its own terms.
    const terms = [...found, ...aiNoteCards(notes, found, request.to)];
    return terms.length ? { ...result, terms } : result;
  }

  /**
   * The reader's own words (or their check back), straight through the chain: no queue, since the
   * reader is waiting on this one request, and no cache, since a draft is private and one-off.
   * The user's renderings apply as they do to what the reader reads.
   */
  async translateWriting({
    texts,
    from,
    to,
    writing,
    retryProvider,
  }: WritingRequest): Promise<WritingResult> {
    const { chain } = await this.currentEngine();
    // As with a unit's retry: the provider whose failure the reader saw gets another chance.
    if (retryProvider) this.health.reset(retryProvider);
    const glossary = (await this.deps.glossary?.index())?.rulesFor(texts, to);
    const { translations, providers, usage } = await chain.translateBatch(texts, from, to, {
      ...(glossary?.length ? { glossary } : {}),
      ...(writing ? { writing } : {}),
    });
    this.stats.add({ requests: usage.requests, characters: usage.characters });
    // The payload rule lets no draft without text through, so there is a first provider.
    return { translations, provider: providers[0]! };
  }

  /** Whether the reader has a language model set up that can explain terms. */
  async canExplain(): Promise<boolean> {
    try {
      return !!(await this.languageModel()).provider.explain;
    } catch {
      return false;
    }
  }

  /**
   * A term explained in its sentence by the reader's language model, cached per term and language
   * (under the model that wrote it), so the same term costs one request.
   */
  async explainTerm({ term, context, to }: ExplainTermRequest): Promise<ExplainTermResult> {
    const { provider, config } = await this.languageModel();
    if (!provider.explain)
      throw new ProviderError('unavailable', 'Explanations need an OpenAI-compatible provider');
    const text = term.trim();
    const key = cacheKey(`explain:${engineSignature(provider.id, config)}`, 'auto', to, text);
    const [hit] = await this.cache.getMany([{ key, text }]);
    const cached = hit && parseExplanation(hit.translation);
    if (cached) return { explanation: cached, provider: provider.id, cached: true };
    const explanation = await provider.explain({
      term: text,
      context,
      to,
      signal: AbortSignal.timeout(EXPLAIN_TIMEOUT_MS),
    });
    await this.cache.putMany([
      { key, text, translation: JSON.stringify(explanation), provider: provider.id },
    ]);
    return { explanation, provider: provider.id, cached: false };
  }

  async cancel(requestIds: string[]): Promise<number> {
    if (!this.engine) return 0;
    return (await this.engine).queue.cancel(requestIds);
  }

  async prioritize(requestIds: string[], priority: Priority): Promise<number> {
    if (!this.engine) return 0;
    return (await this.engine).queue.prioritize(requestIds, priority);
  }

  async providerHealth(): Promise<ProviderHealthView[]> {
    const { chain, unavailable, order } = await this.currentEngine();
    const views: ProviderHealthView[] = [
      ...chain.healthView(),
      ...unavailable.map(({ id, reason }) => ({
        id,
        state: 'failing' as const,
        lastError: reason,
        kind: 'unavailable' as const,
      })),
    ];
    // In the chosen order, so a page can tell the first choice from a fallback.
    return views.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }

  /** One provider built from the saved settings and keys exactly as the engine builds it. */
  async buildProvider(id: ProviderId): Promise<TranslationProvider> {
    return (await this.built(id)).provider;
  }

  /** Addresses, plan or model changed: the next request builds the chain with them. */
  providerConfigChanged(): void {
    this.invalidate();
  }

  /** A key was saved or removed: the next request builds the chain with it, and the provider starts afresh. */
  keysChanged(id: ProviderId): void {
    this.invalidate();
    this.health.reset(id);
  }

  /** Forgets what was learnt about one provider (a test passed, a model was downloaded). */
  resetProviderHealth(id: ProviderId): void {
    this.health.reset(id);
  }

  cacheSize(): Promise<CacheStats> {
    return this.cache.stats();
  }

  todayStats(): Promise<StatsView> {
    return this.stats.read();
  }

  clearCache(): Promise<number> {
    return this.cache.clear();
  }

  /** Expiry and the size cap, run from an alarm so no translation request pays for the scan. */
  pruneCache() {
    return this.cache.prune();
  }

  private currentEngine(): Promise<Engine> {
    this.engine ??= this.buildEngine().catch((error: unknown) => {
      this.engine = undefined;
      throw error;
    });
    return this.engine;
  }

  /** One provider built from the saved settings and keys, with the settings it was built from. */
  private async built(id: ProviderId): Promise<{ provider: TranslationProvider; config: ProviderConfig }> {
    const [config, secrets] = await Promise.all([this.deps.providerConfig.read(), readSecrets(this.deps.db)]);
    return { provider: this.providerFor(id, config, secrets), config };
  }

  /** The reader's OpenAI-compatible provider as set up now; throws when it is not. */
  private languageModel() {
    return this.built('openai-compatible');
  }

  private onDeviceProvider(): TranslationProvider {
    if (!this.deps.onDevice.supported) unsupportedOnDevice();
    return createChromeOnDeviceProvider({ bridge: this.deps.onDevice });
  }

  private async buildEngine(): Promise<Engine> {
    const [settings, config, secrets] = await Promise.all([
      this.deps.loadSettings(),
      this.deps.providerConfig.read(),
      readSecrets(this.deps.db),
    ]);
    this.engineSettings = engineSettingsOf(settings);
    this.explainsTerms = settings.showTerms;
    const providers: TranslationProvider[] = [];
    const unavailable: Engine['unavailable'] = [];
    for (const id of settings.providerOrder) {
      try {
        providers.push(this.providerFor(id, config, secrets));
      } catch (error) {
        unavailable.push({ id, reason: error instanceof ProviderError ? error.message : String(error) });
      }
    }
    const chain = createProviderChain({ providers, health: this.health, limiter: this.limiter });
    // Cached output is looked up under the provider that leads the chain and written under the one
    // that produced it: choosing another provider, model or server must not serve the old one's
    // translations, nor a fallback's stand in for the chosen provider's. A chosen provider that
    // cannot run here at all (no on-device model) does not lead: its fallback's output is served.
    const queue = createTranslationQueue({
      chain,
      cache: this.cache,
      engineFor: () => {
        const lead = chain.leadProvider();
        return lead ? engineSignature(lead, config) : 'none';
      },
      engineOf: (provider) => engineSignature(provider, config),
      slangNotes: () => this.explainsTerms,
      glossaryFor: (texts, _from, to) => this.glossary?.rulesFor(texts, to),
      glossaryKeyFor: (text, _from, to) => this.glossary?.ruleKeyFor(text, to) ?? '',
      onStats: (delta) => this.stats.add(delta),
      onError: (error) => console.warn('[RedBridge] cache', error),
    });
    return { chain, queue, unavailable, order: settings.providerOrder };
  }

  private providerFor(id: ProviderId, config: ProviderConfig, secrets: ProviderSecrets): TranslationProvider {
    if (id === 'chrome-on-device') return this.onDeviceProvider();
    const provider = createProvider(id, {
      fetch: this.deps.fetch,
      settings: config.providers,
      secrets,
      unconfirmed: config.unconfirmed,
    });
    const budgeted = BUDGET_OF[id];
    return budgeted
      ? withDailyBudget(provider, config.providers[budgeted].dailyCharacterBudget, this.spending)
      : provider;
  }
}

/** The providers that spend the user's money or quota, and where their daily budget is set. */
const BUDGET_OF: Partial<Record<ProviderId, BudgetedId>> = {
  deepl: 'deepl',
  'openai-compatible': 'openaiCompatible',
  libretranslate: 'libretranslate',
};

function engineSettingsOf(settings: Settings): string {
  return JSON.stringify(settings.providerOrder);
}

/** Where the browser has no offscreen documents (Firefox), on-device translation is not offered. */
function unsupportedOnDevice(): never {
  throw new ProviderError('unavailable', ON_DEVICE_UNSUPPORTED, { provider: 'chrome-on-device' });
}

/** What shapes a provider's output: the provider, and for servers the user picks, which and how. */
function engineSignature(id: ProviderId, config: ProviderConfig): string {
  const { openaiCompatible, libretranslate } = config.providers;
  if (id === 'openai-compatible')
    return `${id}:${endpointOrigin(config.providers, 'openaiCompatible') ?? ''}:${openaiCompatible.model}`;
  if (id === 'libretranslate')
    return `${id}:${endpointOrigin(config.providers, 'libretranslate') ?? libretranslate.baseUrl}`;
  return id;
}
