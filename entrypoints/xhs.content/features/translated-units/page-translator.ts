import type { LanguageCode } from '@/utils/language/languages';
import type { Priority, ProviderId, TranslateRequest } from '@/utils/translate/types';
import type { TranslatedUnit } from '@/utils/transport/translation-port';
import type { TermCard } from '@/utils/glossary/term-card';
import type { DisplayMode, SourceScope } from '@/utils/settings-schema';
import { planUnit, type UnitPlan } from '@/utils/language/direction';
import { SELECTORS, UNIT_ATTRIBUTES, UNIT_SOURCE_SELECTOR } from '@/utils/xhs/selectors';
import {
  enclosingUnitSource,
  findUnitSources,
  mayHoldUnitSource,
  sourcesChangedWith,
  unitFromSource,
  type PageLocation,
  type Unit,
} from '@/utils/xhs/units';
import {
  OVERLAY_SELECTOR,
  createOverlay,
  isOverlay,
  renderDone,
  renderError,
  renderPending,
  retargetOverlay,
  setOverlayMode,
  type OverlayLabels,
  type OverlayState,
} from '@/utils/overlay/overlay-element';
import { VisibilityTracker, type Proximity } from '@/utils/viewport/visibility-tracker';
import { dropScriptEvents } from '@/utils/overlay/trusted-events';

export interface PageTranslatorOptions {
  doc: Document;
  location: () => PageLocation;
  reader: LanguageCode;
  /** Which foreign text is translated (`sourceScope` in settings); everything by default. */
  scope?: SourceScope;
  mode: DisplayMode;
  labels: OverlayLabels;
  translate: (request: TranslateRequest) => Promise<TranslatedUnit>;
  cancel: (requestIds: string[]) => void;
  /** Tells the background that requests sent ahead of the reader are now in view. */
  prioritize: (requestIds: string[]) => void;
  /** Delay that coalesces bursts of text changes and removals (Vue re-renders in several steps). */
  flushDelayMs?: number;
  /** Adds glossary context to a finished overlay (term chips, highlights in the source). */
  decorate?: (source: Element, overlay: HTMLElement, unit: Unit, terms: readonly TermCard[]) => void;
  /** The unit left the page: what `decorate` added to the site's own text goes. */
  undecorate?: (source: Element) => void;
}

type Status = 'waiting' | 'skip' | 'pending' | 'done' | 'error';

interface Tracked {
  unit: Unit;
  plan: UnitPlan;
  status: Status;
  overlay?: HTMLElement;
  requestId?: string;
  /** The priority the pending request was sent with. */
  priority?: Priority;
  /** Shows a translation made before the glossary changed, kept until the new one replaces it. */
  stale?: boolean;
}

/** Translations already shown in this tab, so a re-rendered unit gets its overlay back at once. */
const MEMORY_LIMIT = 5000;

/** A unit's finished translation: one entry per segment, and which were shown as written. */
interface Rendering {
  translations: string[];
  verbatim: boolean[];
  terms: readonly TermCard[];
}

/** The Retry control `renderError` puts in a failed unit's overlay. */
const RETRY_SELECTOR = 'button.rb-retry';

let instanceCounter = 0;

/**
 * Keeps every unit on the page translated while the single-page app changes under it: finds units
 * through the site adapter, asks for near and visible ones first, renders overlays next to the
 * site's elements, and repairs them after Vue re-renders, recycled cards and modal navigation.
 */
export class PageTranslator {
  private readonly tracked = new Map<Element, Tracked>();
  private readonly memory = new Map<string, Rendering>();
  private readonly textDirty = new Set<Element>();
  private readonly tracker: VisibilityTracker;
  /**
   * Subtrees the page added that have not been read yet, watched like units and read once they come
   * near: a long comment list flung past is never read at all (finding its units, reading their
   * text and deciding their language is most of what a new unit costs).
   */
  private unread = new WeakSet<Element>();
  private readonly instanceId = `rb${++instanceCounter}-${Math.random().toString(36).slice(2, 8)}`;
  private observer?: MutationObserver;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private needsCleanup = false;
  private requestSeq = 0;
  private running = false;

  constructor(private options: PageTranslatorOptions) {
    this.tracker = new VisibilityTracker((changes) => this.onProximity(changes), {
      win: options.doc.defaultView!,
      aheadScreens: 3,
      refillScreens: 1,
      behindScreens: 0.5,
      findScroller: (element) => element.closest(SELECTORS.noteScroller),
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const { doc } = this.options;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: UNIT_ATTRIBUTES,
    });
    this.scan(doc.body);
  }

  /** Stops watching and removes every overlay: the page is left exactly as the site rendered it. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.observer?.disconnect();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.textDirty.clear();
    this.unread = new WeakSet();
    this.tracker.disconnect();
    const inFlight: string[] = [];
    for (const entry of this.tracked.values()) {
      if (entry.status === 'pending' && entry.requestId) inFlight.push(entry.requestId);
      entry.overlay?.remove();
    }
    if (inFlight.length) this.options.cancel(inFlight);
    this.tracked.clear();
    for (const stray of this.options.doc.querySelectorAll(OVERLAY_SELECTOR)) stray.remove();
  }

  /** New interface language: used by overlays rendered from now on. */
  setLabels(labels: OverlayLabels): void {
    this.options = { ...this.options, labels };
  }

  setMode(mode: DisplayMode): void {
    this.options = { ...this.options, mode };
    for (const entry of this.tracked.values()) if (entry.overlay) setOverlayMode(entry.overlay, mode);
  }

  /** A new reader language changes every unit's direction: start over. */
  setReader(reader: LanguageCode): void {
    if (reader === this.options.reader) return;
    const wasRunning = this.running;
    this.stop();
    this.options = { ...this.options, reader };
    if (wasRunning) this.start();
  }

  /** A new scope changes which units are translated: start over, forgetting what the old one planned. */
  setScope(scope: SourceScope): void {
    if (scope === (this.options.scope ?? 'all')) return;
    const wasRunning = this.running;
    this.stop();
    this.memory.clear();
    this.options = { ...this.options, scope };
    if (wasRunning) this.start();
  }

  /**
   * The glossary changed: translations and terms may differ now, so every unit is asked for again,
   * near ones now and far ones once they come near. What a unit shows stays until its new answer
   * replaces it: no flash of placeholders, and the page does not jump.
   */
  refresh(): void {
    this.memory.clear();
    if (!this.running) return;
    const inFlight: string[] = [];
    for (const [source, entry] of this.tracked) {
      if (entry.status === 'skip') continue;
      if (entry.status === 'pending' && entry.requestId) inFlight.push(entry.requestId);
      if (entry.status === 'done') entry.stale = true;
      entry.status = 'waiting';
      entry.requestId = undefined;
      // A unit still watched has a known place; a finished one is watched again, and the first
      // check asks for it if it is near.
      if (this.tracker.proximity(source) !== 'far') this.request(source, entry, this.priorityOf(source));
      this.tracker.observe(source);
    }
    if (inFlight.length) this.options.cancel(inFlight);
  }

  /** Re-reads the whole page, e.g. after a route change that kept the same elements. */
  rescan(): void {
    if (!this.running) return;
    this.cleanup();
    for (const source of this.tracked.keys()) this.textDirty.add(source);
    this.scan(this.options.doc.body);
  }

  private onMutations(records: MutationRecord[]): void {
    // A page of comments arrives as one record per thread, all on the same list: where the list is
    // (inside an overlay? inside a unit?) is asked once, not per record.
    let known: Node | undefined;
    let knownInsideOverlay = false;
    let knownEnclosing: Element | null = null;
    for (const record of records) {
      const target = record.target;
      // A reused card now shows another note (its note id replaced in place): its title is read again.
      if (record.type === 'attributes') {
        for (const source of sourcesChangedWith(target as Element)) this.textDirty.add(source);
        continue;
      }
      // Most records are one of our own overlays going in: nothing to do for those, and no need to
      // ask where in the page they are.
      const { addedNodes, removedNodes } = record;
      if (addedNodes.length + removedNodes.length === 1 && isOverlay(addedNodes[0] ?? removedNodes[0])) {
        if (removedNodes.length > 0 && target.nodeType === 1) this.observeUnread(target as Element);
        continue;
      }
      if (target !== known) {
        known = target;
        knownInsideOverlay = isInsideOverlay(target);
        knownEnclosing = knownInsideOverlay ? null : enclosingUnitSource(target);
      }
      if (knownInsideOverlay) continue;
      // A change inside a unit's text: the unit is read again as a whole.
      if (knownEnclosing) this.textDirty.add(knownEnclosing);
      if (record.type === 'characterData') continue;
      if (!knownEnclosing)
        for (const node of addedNodes)
          if (node.nodeType === 1 && !isOverlay(node)) this.observeUnread(node as Element);
      for (const node of removedNodes) {
        if (node.nodeType !== 1) continue;
        // Our overlay removed by someone else: its source needs it back. Site nodes removed with
        // units in them: those units are gone and their requests can be cancelled. (A spinner or
        // a like count going away needs no pass over every unit.)
        if (isOverlay(node)) {
          if (target.nodeType === 1) this.observeUnread(target as Element);
          continue;
        }
        // Unread subtrees it took with it: the tracker drops them once a check meets their empty boxes.
        this.tracker.noteRemovals();
        if (!this.needsCleanup && mayHoldUnitSource(node as Element)) this.needsCleanup = true;
      }
    }
    // Added subtrees wait for the viewport checks, and records of our own overlays ask for nothing:
    // a timer only for changed text and removed nodes.
    if (this.textDirty.size || this.needsCleanup) this.scheduleFlush();
  }

  /**
   * Takes the records our own overlay writes just queued, so the observer's callback is not called
   * for them (each call costs the page a task's worth of overhead); the site's records among them
   * are handled as the callback would.
   */
  private takeOwnRecords(): void {
    const records = this.observer?.takeRecords();
    if (records?.length) this.onMutations(records);
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, this.options.flushDelayMs ?? 30);
  }

  private flush(): void {
    if (!this.running) return;
    if (this.needsCleanup) this.cleanup();
    const dirty = [...this.textDirty];
    this.textDirty.clear();
    const where = this.options.location();
    for (const source of dirty) if (source.isConnected) this.update(source, where);
    this.takeOwnRecords();
  }

  private scan(root: ParentNode): void {
    // Read once per scan, not per unit: the page's location is a getter each time.
    let where: PageLocation | undefined;
    for (const source of findUnitSources(root)) {
      const entry = this.tracked.get(source);
      if (entry && !this.textDirty.has(source)) this.place(source, entry);
      else this.update(source, (where ??= this.options.location()));
    }
  }

  /**
   * A subtree the page added (or the parent of our overlay someone removed): watched until it comes
   * near, then read. Checked after the next layout, by which time a render in several steps is whole.
   */
  private observeUnread(root: Element): void {
    if (!root.isConnected) return;
    this.repairBefore(root);
    this.unread.add(root);
    this.tracker.observe(root);
  }

  /** A node added right after a unit (e.g. Vue inserting between a source and our overlay). */
  private repairBefore(added: Element): void {
    const previous = added.previousElementSibling;
    const entry = previous && this.tracked.get(previous);
    if (previous && entry) this.place(previous, entry);
  }

  /** Reads a subtree that came near; the units found in it are placed by the next check. */
  private read(root: Element): void {
    this.unread.delete(root);
    // A subtree that is a unit's source itself stays watched while its unit waits.
    if (!this.isWaiting(root)) this.tracker.unobserve(root);
    if (root.isConnected) this.scan(root);
  }

  private isWaiting(source: Element): boolean {
    const status = this.tracked.get(source)?.status;
    return status === 'waiting' || status === 'pending';
  }

  /** Forgets units whose elements left the page, cancelling what they still had in flight. */
  private cleanup(): void {
    this.needsCleanup = false;
    const cancelled: string[] = [];
    for (const [source, entry] of this.tracked) {
      if (source.isConnected) continue;
      if (entry.status === 'pending' && entry.requestId) cancelled.push(entry.requestId);
      // An overlay whose source Vue replaced stays for the new source to adopt; an orphan goes.
      if (entry.overlay && !isAdoptable(entry.overlay)) entry.overlay.remove();
      this.tracker.unobserve(source);
      this.options.undecorate?.(source);
      this.tracked.delete(source);
    }
    if (cancelled.length) this.options.cancel(cancelled);
  }

  private update(source: Element, where: PageLocation): void {
    this.textDirty.delete(source);
    const unit = unitFromSource(source, where);
    const previous = this.tracked.get(source);
    if (!unit) {
      if (previous) this.forget(source, previous);
      return;
    }
    if (previous && previous.unit.key === unit.key && previous.unit.text === unit.text) {
      previous.unit = unit;
      this.place(source, previous);
      return;
    }
    if (previous?.status === 'pending' && previous.requestId) this.options.cancel([previous.requestId]);

    const plan = planUnit(unit.segments, unit.paragraphCount, this.options.reader, this.options.scope);
    const entry: Tracked = {
      unit,
      plan,
      status: plan.translate ? 'waiting' : 'skip',
      overlay: previous?.overlay ?? adoptOverlay(source, unit),
    };
    this.tracked.set(source, entry);

    if (!plan.translate) {
      this.removeOverlay(entry);
      this.tracker.unobserve(source);
      return;
    }
    const remembered = this.memory.get(this.memoryKey(unit));
    if (remembered) {
      this.showDone(source, entry, remembered);
      return;
    }
    // Never leave another unit's translation showing (recycled cards, notes switched in place).
    this.removeOverlay(entry);
    if (this.tracker.proximity(source) !== 'far') this.request(source, entry, this.priorityOf(source));
    this.tracker.observe(source);
  }

  /**
   * Units that came near are asked for, visible ones first. One asked for ahead that is in view now
   * is promoted: the background sends it with the next batch instead of holding it.
   */
  private onProximity(changes: readonly (readonly [Element, Proximity])[]): void {
    if (!this.running) return;
    for (const [element, proximity] of changes)
      if (proximity !== 'far' && this.unread.has(element)) this.read(element);
    const promoted: string[] = [];
    for (const wanted of ['visible', 'near'] as const) {
      for (const [source, proximity] of changes) {
        if (proximity !== wanted) continue;
        const entry = this.tracked.get(source);
        if (entry?.status === 'waiting') this.request(source, entry, proximity);
        else if (entry?.status === 'pending' && proximity === 'visible' && entry.priority !== 'visible') {
          entry.priority = 'visible';
          if (entry.requestId) promoted.push(entry.requestId);
          this.showPending(source, entry);
        }
      }
    }
    if (promoted.length > 0) this.options.prioritize(promoted);
    this.takeOwnRecords();
  }

  private priorityOf(source: Element): Priority {
    return this.tracker.proximity(source) === 'visible' ? 'visible' : 'near';
  }

  /**
   * Asks for one unit's translation. `retry` is the reader's Retry on a unit that failed, with the
   * provider whose failure it showed, if one was named: only that provider is given another try.
   */
  private request(
    source: Element,
    entry: Tracked,
    priority: Priority,
    retry?: { provider: ProviderId | undefined },
  ): void {
    const requestId = `${this.instanceId}:${++this.requestSeq}`;
    entry.status = 'pending';
    entry.requestId = requestId;
    entry.priority = priority;
    // Units fetched ahead get no placeholder: most are answered before they scroll into view, and
    // a placeholder would cost two DOM writes and a layout shift for nothing.
    if (priority === 'visible') this.showPending(source, entry);
    const { unit, plan } = entry;
    const segments = unit.segments.filter((_, index) => plan.send[index]);
    this.options
      .translate({
        requestId,
        segments,
        from: plan.from,
        to: this.options.reader,
        priority,
        ...(retry ? { retry: true } : {}),
        ...(retry?.provider ? { retryProvider: retry.provider } : {}),
      })
      .then(
        (result) => {
          if (!this.isCurrent(source, entry, requestId)) return;
          let next = 0;
          const rendering: Rendering = {
            translations: unit.segments.map((segment, index) =>
              plan.send[index] ? (result.translations[next++] ?? '') : segment,
            ),
            verbatim: plan.send.map((sent) => !sent),
            terms: result.terms ?? [],
          };
          this.remember(unit, rendering);
          this.showDone(source, entry, rendering);
          this.takeOwnRecords();
        },
        (error: unknown) => {
          if (!this.isCurrent(source, entry, requestId)) return;
          const failure = (error as { failure?: { kind?: string; provider?: ProviderId } }).failure;
          const kind = failure?.kind ?? (error as { kind?: string }).kind;
          if (kind === 'cancelled') {
            entry.status = 'waiting';
            if (!entry.stale) this.removeOverlay(entry);
            this.tracker.observe(source);
            return;
          }
          entry.status = 'error';
          entry.stale = false;
          this.tracker.unobserve(source);
          // The background's own words are English; say it in the reader's interface language.
          const message = error instanceof Error ? error.message : String(error);
          const reason = (kind && this.options.labels.reason(kind)) || message;
          this.ensureOverlay(source, entry, 'error', (overlay) => {
            renderError(overlay, reason, this.options.labels, () => {
              if (this.tracked.get(source) === entry && entry.status === 'error')
                this.request(source, entry, 'visible', { provider: failure?.provider });
            });
            // A retry makes the background try the failed provider again: the reader's click only.
            // The shared renderer's listener never sees the event, so a script's click stops first.
            const retry = overlay.querySelector(RETRY_SELECTOR);
            if (retry) dropScriptEvents(retry, ['click']);
          });
        },
      );
  }

  private showPending(source: Element, entry: Tracked): void {
    // A translation from before the glossary changed is better to look at than a placeholder.
    if (entry.stale) return;
    this.ensureOverlay(source, entry, 'pending', (overlay) => renderPending(overlay, this.options.labels));
  }

  private isCurrent(source: Element, entry: Tracked, requestId: string): boolean {
    return this.running && this.tracked.get(source) === entry && entry.requestId === requestId;
  }

  private showDone(source: Element, entry: Tracked, rendering: Rendering): void {
    entry.status = 'done';
    entry.stale = false;
    // A finished unit needs no watching until its text changes (which makes a new entry).
    this.tracker.unobserve(source);
    // Chips are added in the same render, so a new overlay enters the page whole, in one insertion.
    this.ensureOverlay(source, entry, 'done', (element) => {
      renderDone(element, entry.unit, rendering.translations, this.options.labels, rendering.verbatim);
      this.options.decorate?.(source, element, entry.unit, rendering.terms);
      if (entry.unit.kind === 'card-title')
        element.style.setProperty('--rb-lines', String(titleLines(source)));
    });
  }

  /** Renders the unit's overlay, a new one before it is inserted: writes to a detached element are cheap. */
  private ensureOverlay(
    source: Element,
    entry: Tracked,
    state: OverlayState,
    render: (overlay: HTMLElement) => void,
  ): void {
    const { doc, reader, mode, labels } = this.options;
    if (entry.overlay) {
      retargetOverlay(entry.overlay, entry.unit, reader);
      setOverlayMode(entry.overlay, mode);
      render(entry.overlay);
    } else {
      entry.overlay = createOverlay(doc, entry.unit, reader, mode, state, labels);
      // A new pending overlay is cloned with its placeholder in it already.
      if (state !== 'pending') render(entry.overlay);
    }
    this.place(source, entry);
  }

  /** Keeps the overlay right after its source, exactly once. */
  private place(source: Element, entry: Tracked): void {
    const overlay = entry.overlay;
    if (!overlay) return;
    const next = source.nextElementSibling;
    if (next === overlay) return;
    // Whatever overlay sits there is stale (a replaced source's, a recycled card's): ours replaces it.
    if (isOverlay(next)) next.remove();
    source.after(overlay);
  }

  private removeOverlay(entry: Tracked): void {
    entry.overlay?.remove();
    entry.overlay = undefined;
  }

  private forget(source: Element, entry: Tracked): void {
    if (entry.status === 'pending' && entry.requestId) this.options.cancel([entry.requestId]);
    this.removeOverlay(entry);
    this.tracker.unobserve(source);
    this.options.undecorate?.(source);
    this.tracked.delete(source);
  }

  private memoryKey(unit: Unit): string {
    return `${this.options.reader}\u0000${unit.text}`;
  }

  private remember(unit: Unit, rendering: Rendering): void {
    const key = this.memoryKey(unit);
    this.memory.delete(key);
    this.memory.set(key, rendering);
    if (this.memory.size > MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value!);
  }
}

function isInsideOverlay(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(OVERLAY_SELECTOR);
}

/**
 * An overlay left right after a replaced source is reused when it belongs to the same unit, so a
 * re-render never duplicates it; one that belongs to another unit is stale and goes.
 */
function adoptOverlay(source: Element, unit: Unit): HTMLElement | undefined {
  const next = source.nextElementSibling;
  if (!isOverlay(next)) return undefined;
  if (next.dataset.rbKey === unit.key) return next;
  next.remove();
  return undefined;
}

/** Still on the page right after some unit's source: left for that source to adopt or replace. */
function isAdoptable(overlay: HTMLElement): boolean {
  const previous = overlay.previousElementSibling;
  return overlay.isConnected && !!previous?.matches(UNIT_SOURCE_SELECTOR);
}

/** Lines the card's own title takes, so its translation never makes the fixed-height card taller. */
function titleLines(title: Element): number {
  const height = title.getBoundingClientRect().height;
  const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
  if (!height || !lineHeight) return 2;
  return Math.min(2, Math.max(1, Math.round(height / lineHeight)));
}
