/**
 * The parts of Chrome's built-in AI globals (`Translator`, `LanguageDetector`, Chrome 138+ desktop)
 * this extension uses. Declared here rather than as globals: TypeScript's DOM library does not
 * have them yet, and code must treat them as optional because most browsers lack them.
 */

/** What `availability()` answers for a model. */
export type AiAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export const AI_AVAILABILITIES: readonly AiAvailability[] = [
  'unavailable',
  'downloadable',
  'downloading',
  'available',
];

/** The `CreateMonitor` handed to `monitor`; fires `downloadprogress` with `loaded` in [0, 1]. */
export interface CreateMonitorLike {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

export interface AiCreateOptions {
  monitor?: (monitor: CreateMonitorLike) => void;
  signal?: AbortSignal;
}

export interface TranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}

export interface TranslatorPair {
  sourceLanguage: string;
  targetLanguage: string;
}

export interface TranslatorStatic {
  availability(options: TranslatorPair): Promise<AiAvailability>;
  /** Needs transient user activation unless availability is 'available'. */
  create(options: TranslatorPair & AiCreateOptions): Promise<TranslatorInstance>;
}

/** Sorted by descending confidence; the last entry is usually `und`. */
export interface LanguageDetectionResult {
  detectedLanguage?: string;
  confidence?: number;
}

export interface LanguageDetectorInstance {
  detect(input: string, options?: { signal?: AbortSignal }): Promise<LanguageDetectionResult[]>;
  destroy?(): void;
}

export interface LanguageDetectorStatic {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<AiAvailability>;
  create(options?: AiCreateOptions): Promise<LanguageDetectorInstance>;
}

export interface OnDeviceApis {
  translator?: TranslatorStatic;
  languageDetector?: LanguageDetectorStatic;
}

/** Reads the globals at call time, so a test can install or remove fakes between calls. */
export function readOnDeviceApis(scope: object = globalThis): OnDeviceApis {
  const globals = scope as { Translator?: TranslatorStatic; LanguageDetector?: LanguageDetectorStatic };
  return {
    ...(isApi(globals.Translator) ? { translator: globals.Translator } : {}),
    ...(isApi(globals.LanguageDetector) ? { languageDetector: globals.LanguageDetector } : {}),
  };
}

function isApi(value: unknown): boolean {
  return (
    (typeof value === 'function' || (typeof value === 'object' && value !== null)) &&
    typeof (value as { availability?: unknown }).availability === 'function' &&
    typeof (value as { create?: unknown }).create === 'function'
  );
}

export function isAiAvailability(value: unknown): value is AiAvailability {
  return typeof value === 'string' && (AI_AVAILABILITIES as readonly string[]).includes(value);
}

/** DOMException is not an Error subclass in every realm (jsdom, some workers); compare by name. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
