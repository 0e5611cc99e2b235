import { useCallback, useEffect, useState } from 'react';
import { LEARNING_REVISION_KEY } from '@/utils/learning/protocol';
import { MessageError } from '@/utils/transport/messages';
import { watchRevision } from '@/utils/revision-signal';

export interface Loaded<T> {
  data?: T;
  error?: string;
  reload: () => void;
}

/**
 * Loads data from the background, and again after every change to phrases or reviews: this page's
 * own, and those made elsewhere (a phrase saved on the site, another tab).
 */
export function useLearningData<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    load().then(
      (value) => {
        setData(value);
        setError(undefined);
      },
      (failure: unknown) =>
        setError(
          failure instanceof MessageError || failure instanceof Error ? failure.message : String(failure),
        ),
    );
  }, [load]);
  useEffect(() => {
    reload();
    return watchRevision(LEARNING_REVISION_KEY, reload);
  }, [reload]);
  return { data, error, reload };
}

/** Saves text as a file through the browser's download prompt. */
export function downloadText(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatDate(time: number, language: string): string {
  return new Date(time).toLocaleDateString(language, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(time: number, language: string): string {
  return new Date(time).toLocaleString(language, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
