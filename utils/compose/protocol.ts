import type { LanguageCode } from '../language/languages';
import type { ProviderId, SourceLanguage, WritingStyle } from '../translate/types';

/** What the reader writes, translated: the compose bar on the site and the popup's quick box. */
export interface ComposeProtocol {
  /**
   * Translates the pieces of one draft. With `writing`, the pieces are the reader's own words and
   * come back written as a native commenter would; without it, they are translated plainly (the
   * back-translation the reader checks). Drafts are never cached: they are private and one-off.
   */
  translateWriting: {
    request: {
      texts: string[];
      from: SourceLanguage;
      to: LanguageCode;
      writing?: WritingStyle;
      /** The reader pressed Retry after this provider failed them: it gets another chance. */
      retryProvider?: ProviderId;
    };
    response: { translations: string[]; provider: ProviderId };
  };
}
