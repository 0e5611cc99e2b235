import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnreadableRow } from '@/utils/db/unreadable-rows';
import './recovery.css';

export interface UnreadableRowsProps {
  rows: readonly UnreadableRow[];
  /** What the rows are and that they are not used, e.g. "Saved terms that could not be read…". */
  summary: string;
  /** Deletes the rows of these keys; a rejection's message is shown. */
  onDelete: (keys: string[]) => Promise<void>;
}

/**
 * Saved entries the background could not read (see `utils/db/unreadable-rows.ts`): what each holds
 * and what is wrong with it, so the user decides what to delete. Nothing when there are none.
 */
export function UnreadableRows({ rows, summary, onDelete }: UnreadableRowsProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  if (rows.length === 0) return null;

  const remove = async (keys: string[]) => {
    setError(undefined);
    try {
      await onDelete(keys);
    } catch (failure) {
      setError(
        t('recovery.unreadable.failed', {
          message: failure instanceof Error ? failure.message : String(failure),
        }),
      );
    }
  };

  return (
    <div className="notice unreadable-rows">
      <p>
        <strong>{summary}</strong> {t('recovery.unreadable.help')}
      </p>
      <ul aria-label={t('recovery.unreadable.listLabel')}>
        {rows.map((row) => {
          const name = row.label || row.key;
          return (
            <li key={row.key}>
              <span>{row.label || t('recovery.unreadable.unnamed')}</span> <code>{row.key}</code>
              <ul className="muted">
                {row.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
              <details>
                <summary>{t('recovery.unreadable.storedData')}</summary>
                <pre>{row.preview}</pre>
              </details>
              <button
                type="button"
                className="secondary"
                aria-label={t('recovery.unreadable.deleteNamed', { name })}
                onClick={() => void remove([row.key])}
              >
                {t('recovery.unreadable.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {rows.length > 1 && (
        <button type="button" className="secondary" onClick={() => void remove(rows.map((row) => row.key))}>
          {t('recovery.unreadable.deleteAll', { count: rows.length })}
        </button>
      )}
      {error && (
        <p role="alert" className="status">
          {error}
        </p>
      )}
    </div>
  );
}
