import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProblem } from '@/utils/learning/backup';
import { BACKUP_MAX_LENGTH } from '@/utils/learning/record-schemas';
import type { RestoreOutcome } from '@/utils/learning/protocol';
import { sendMessage } from '@/utils/transport/messages';
import { downloadText } from './learning-data';

/** Saves everything the reader owns to one file, and restores such a file. */
export function BackupControls() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [status, setStatus] = useState<{ text: string; failed: boolean }>();

  const backUp = async () => {
    try {
      const exported = await sendMessage('exportBackup', {});
      downloadText(exported.filename, exported.mimeType, exported.text);
      setStatus({ text: t('learning.backup.saved', { file: exported.filename }), failed: false });
    } catch (error) {
      setStatus({
        text: t('learning.error', { message: error instanceof Error ? error.message : String(error) }),
        failed: true,
      });
    }
  };

  const restore = async () => {
    if (!file) return;
    try {
      const text = await file.text();
      // The background refuses such a file too, but sending it first would only fill its memory.
      const outcome: RestoreOutcome =
        text.length > BACKUP_MAX_LENGTH
          ? { restored: false, problem: 'too-large', detail: `${BACKUP_MAX_LENGTH / 1024 / 1024} MB` }
          : await sendMessage('restoreBackup', { text });
      if (outcome.restored) {
        setStatus({ text: t('learning.backup.restored', outcome), failed: false });
      } else {
        const reason = t(`learning.backup.problems.${outcome.problem satisfies BackupProblem}`, {
          detail: outcome.detail,
        });
        setStatus({ text: t('learning.backup.refused', { reason }), failed: true });
      }
    } catch (error) {
      setStatus({
        text: t('learning.error', { message: error instanceof Error ? error.message : String(error) }),
        failed: true,
      });
    }
    setFile(undefined);
  };

  return (
    <div className="subsection backup">
      <h3>{t('learning.backup.title')}</h3>
      <p className="muted">{t('learning.backup.help')}</p>
      <button type="button" onClick={() => void backUp()}>
        {t('learning.backup.save')}
      </button>
      <label className="field">
        <span className="field-label">{t('learning.backup.choose')}</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setStatus(undefined);
          }}
        />
      </label>
      {file && (
        <p className="notice">
          {t('learning.backup.confirm', { file: file.name })}{' '}
          <button type="button" onClick={() => void restore()}>
            {t('learning.backup.restore')}
          </button>
        </p>
      )}
      {status && (
        <p role={status.failed ? 'alert' : 'status'} className="status">
          {status.text}
        </p>
      )}
    </div>
  );
}
