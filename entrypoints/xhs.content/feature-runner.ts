import type { Settings } from '@/utils/settings-schema';
import type { FeatureContext, FeatureSession, PageFeature, PageInfo } from './features/feature';

interface Running {
  session: FeatureSession;
  abort: AbortController;
}

/**
 * Starts, stops and informs the page's features: each settings change and each SPA navigation
 * reaches every feature through here. A feature that fails to start or throws while informed is
 * reported and left out; the others go on.
 */
export class FeatureRunner {
  private readonly running = new Map<PageFeature, Running>();
  private current: Settings | undefined;

  constructor(
    private readonly features: readonly PageFeature[],
    private readonly page: PageInfo,
    private readonly contextFor: (
      signal: AbortSignal,
    ) => Omit<FeatureContext, 'signal' | 'settings' | 'page'>,
  ) {}

  get settings(): Settings {
    if (!this.current) throw new Error('FeatureRunner: no settings applied yet');
    return this.current;
  }

  /** The settings now: features start, stop or hear of the change, in registry order. */
  apply(next: Settings): void {
    const previous = this.current;
    this.current = next;
    for (const feature of this.features) {
      const running = this.running.get(feature);
      const wanted = this.guard(feature, 'enabled', () => feature.enabled(next, this.page)) ?? false;
      if (running && !wanted) this.stop(feature);
      else if (running && previous)
        this.guard(feature, 'onSettings', () => running.session.onSettings?.(next, previous));
      else if (!running && wanted) this.start(feature);
    }
  }

  /** The app moved to `url`: every running feature hears of it. */
  navigate(url: string): void {
    for (const [feature, { session }] of this.running)
      this.guard(feature, 'onNavigate', () => session.onNavigate?.(url));
  }

  /** Stops every feature (the content script is going away). */
  stopAll(): void {
    for (const feature of [...this.running.keys()]) this.stop(feature);
  }

  /** Names of the features running now, in registry order. */
  runningNames(): string[] {
    return this.features.filter((feature) => this.running.has(feature)).map((feature) => feature.name);
  }

  private start(feature: PageFeature): void {
    const abort = new AbortController();
    const context: FeatureContext = {
      ...this.contextFor(abort.signal),
      page: this.page,
      settings: () => this.settings,
      signal: abort.signal,
    };
    const session = this.guard(feature, 'start', () => feature.start(context) ?? {});
    if (session) this.running.set(feature, { session, abort });
    else abort.abort();
  }

  private stop(feature: PageFeature): void {
    const running = this.running.get(feature);
    if (!running) return;
    this.running.delete(feature);
    this.guard(feature, 'stop', () => running.abort.abort());
  }

  private guard<T>(feature: PageFeature, step: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      console.warn(`[RedBridge] ${feature.name}: ${step} failed`, error);
      return undefined;
    }
  }
}
