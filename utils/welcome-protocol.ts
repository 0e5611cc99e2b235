import type { LanguageCode } from './language/languages';
import type { SourceLanguage } from './translate/types';

/** One unit of the welcome page's sample note: the segments the page would send, and from what. */
export interface SampleUnit {
  segments: string[];
  from: SourceLanguage;
}

/** Messages of the first-run welcome page, served by `entrypoints/background/first-run.ts`. */
export interface WelcomeProtocol {
  /**
   * Translates the sample note's units through the same queue, cache and providers as the site's, so
   * the welcome page shows what RedBridge will really do. Answers one list of segments per unit.
   */
  translateSample: {
    request: { units: SampleUnit[]; to: LanguageCode };
    response: { translations: string[][] };
  };
}
