import { ProviderError, type ProviderId } from '../types';

/**
 * A batch answer that covered only some of the texts. It is a 'bad-response' like any other, so a
 * chain that knows nothing more asks the whole batch again by halves; a chain that checks for this
 * class can keep `partial` and retry only `missingIndexes`.
 */
export class MisalignedBatchError extends ProviderError {
  /** Indexes into the request's `texts` that got no usable translation. */
  readonly missingIndexes: number[];

  constructor(
    provider: ProviderId,
    /** Aligned with the request's `texts`; `undefined` where the answer was missing or ambiguous. */
    readonly partial: (string | undefined)[],
  ) {
    const missingIndexes = partial.flatMap((translation, index) =>
      translation === undefined ? [index] : [],
    );
    super(
      'bad-response',
      `${provider}: ${missingIndexes.length} of ${partial.length} translations missing or duplicated ` +
        `(indexes ${missingIndexes.join(', ')})`,
      { provider },
    );
    this.missingIndexes = missingIndexes;
  }
}
