import { MessageError, type TranslateRequest, type TranslateResult } from '../messages';

export interface TranslationClientOptions {
  send: (request: TranslateRequest) => Promise<TranslateResult>;
  /** Attempts when the background could not be reached (a stopped MV3 worker restarts on demand). */
  attempts?: number;
  retryDelayMs?: number;
  /** The longest a unit may wait for an answer before it shows an error with a retry control. */
  timeoutMs?: number;
  timeoutMessage: string;
}

/**
 * Sends translation requests from a content script. A request that could not reach the background
 * (worker stopped mid-batch, extension reloading) is sent again, so nothing is lost; a failure the
 * background reports (all providers down) is passed on for the overlay to show. Every call settles.
 */
export function createTranslationClient(options: TranslationClientOptions) {
  const attempts = options.attempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 400;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const sendWithRetry = async (request: TranslateRequest): Promise<TranslateResult> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.send(request);
      } catch (error) {
        // A MessageError is the background's own answer; anything else means it was not reached.
        if (error instanceof MessageError || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  };

  return (request: TranslateRequest): Promise<TranslateResult> =>
    new Promise<TranslateResult>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new MessageError({ kind: 'timeout', message: options.timeoutMessage })),
        timeoutMs,
      );
      sendWithRetry(request).then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
}
