import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TermForm, explainTermError } from '@/components/term-form';
import { Toggle } from '@/components/toggle';
import { UnreadableRows } from '@/components/unreadable-rows';
import { useSettings } from '@/components/use-settings';
import type { UserTermRecord } from '@/utils/db/schema';
import type { UnreadableRow } from '@/utils/db/unreadable-rows';
import { BUNDLED_GLOSSARY, BUNDLED_GLOSSARY_VERSION } from '@/utils/glossary/bundled-glossary';
import { normalizeTerm } from '@/utils/glossary/normalize';
import { glossaryToCsv, glossaryToJson, parseGlossaryFile } from '@/utils/glossary/glossary-io';
import { watchGlossary, type UserTermInput } from '@/utils/glossary/protocol';
import { sendMessage } from '@/utils/transport/messages';
import { TermRow } from './term-row';

type Status = { kind: 'ok' | 'error'; text: string; undo?: UserTermRecord[] };

/** Offers a file to the user: the browser's download of a blob, named after today. */
function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function matches(term: UserTermRecord, query: string): boolean {
  if (!query) return true;
  const folded = normalizeTerm(query);
  const texts = [
    term.term,
    ...(term.aliases ?? []),
    term.meaning?.en,
    term.meaning?.['zh-CN'],
    term.rendering?.en,
    term.rendering?.['zh-CN'],
    term.pinyin,
  ];
  return texts.some((text) => text && normalizeTerm(text).includes(folded));
}

/** The user's own glossary: search, add, edit, delete with undo, import and export. */
export function GlossarySection() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  const [terms, setTerms] = useState<UserTermRecord[]>();
  const [unreadable, setUnreadable] = useState<UnreadableRow[]>([]);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [confirmClear, setConfirmClear] = useState(false);

  // Bumped after every change to the glossary; the effect below reads the list again.
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((current) => current + 1), []);
  useEffect(() => {
    let alive = true;
    sendMessage('listUserTerms', {}).then(
      (list) => alive && setTerms(list),
      (error: unknown) =>
        alive &&
        setStatus({
          kind: 'error',
          text: t('glossary.errors.load', {
            details: error instanceof Error ? error.message : String(error),
          }),
        }),
    );
    // Stored rows that fail the term schema are left out of the list above and reported here.
    sendMessage('listUnreadableUserTerms', {}).then(
      (rows) => alive && setUnreadable(rows),
      (error: unknown) => console.warn('[RedBridge] unreadable terms', error),
    );
    return () => {
      alive = false;
    };
  }, [revision, t]);
  // Every change reaches the list this way: this page's own, and those made elsewhere (a chip on the
  // page, the toolbar popup, another tab).
  useEffect(() => watchGlossary(reload), [reload]);

  const shown = useMemo(() => (terms ?? []).filter((term) => matches(term, query.trim())), [terms, query]);

  const save = async (input: UserTermInput) => {
    await sendMessage('saveUserTerm', { entry: input });
    setEditing(undefined);
    setStatus({ kind: 'ok', text: t('glossary.saved', { term: input.term.trim() }) });
  };

  const remove = async (term: UserTermRecord) => {
    const { removed } = await sendMessage('deleteUserTerms', { ids: [term.id] });
    setStatus({ kind: 'ok', text: t('glossary.deleted', { term: term.term }), undo: removed });
  };

  const undo = async (removed: UserTermRecord[]) => {
    await sendMessage('importUserTerms', { terms: removed });
    setStatus({ kind: 'ok', text: t('glossary.restored', { count: removed.length }) });
  };

  const removeUnreadable = async (keys: string[]) => {
    const { removed } = await sendMessage('deleteUserTerms', { ids: keys });
    setStatus({ kind: 'ok', text: t('recovery.unreadable.deleted', { count: removed.length }) });
  };

  const importFile = async (file: File) => {
    try {
      const parsed = parseGlossaryFile(file.name, await file.text());
      const { added, updated } = await sendMessage('importUserTerms', { terms: parsed });
      setStatus({
        kind: 'ok',
        text: t('glossary.imported', { added: String(added), updated: String(updated) }),
      });
    } catch (error) {
      // The file's own problems are labelled by row; a missing meaning reads in the interface language.
      const details = explainTermError(error, t, { keepLabels: true });
      setStatus({ kind: 'error', text: t('glossary.errors.import', { name: file.name, details }) });
    }
  };

  const clearAll = async () => {
    const everything = terms ?? [];
    await sendMessage('clearUserTerms', {});
    setConfirmClear(false);
    setStatus({ kind: 'ok', text: t('glossary.cleared', { count: everything.length }), undo: everything });
  };

  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <>
      {settings && (
        <Toggle
          label={t('glossary.showTerms')}
          checked={settings.showTerms}
          onChange={(showTerms) => void update({ showTerms })}
        />
      )}
      <p className="muted">{t('glossary.help')}</p>
      <p className="muted" data-bundled-glossary>
        {t('glossary.bundled', {
          zh: BUNDLED_GLOSSARY.filter((entry) => entry.lang === 'zh').length,
          en: BUNDLED_GLOSSARY.filter((entry) => entry.lang === 'en').length,
          version: BUNDLED_GLOSSARY_VERSION,
        })}
      </p>

      <div className="subsection">
        <h3>{t('glossary.addTitle')}</h3>
        <TermForm onSave={save} />
      </div>

      <div className="subsection">
        <h3>{t('glossary.yourTerms', { count: terms?.length ?? 0 })}</h3>
        <UnreadableRows
          rows={unreadable}
          summary={t('glossary.errors.unreadable', { count: unreadable.length })}
          onDelete={removeUnreadable}
        />
        <label className="field">
          <span className="field-label">{t('glossary.search')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        {terms === undefined ? (
          <p className="muted">{t('common.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="muted">{terms.length === 0 ? t('glossary.empty') : t('glossary.noMatch')}</p>
        ) : (
          <ul className="term-list" aria-label={t('glossary.listLabel')}>
            {shown.map((term) =>
              editing === term.id ? (
                <li key={term.id} className="term-item">
                  <TermForm initial={term} onSave={save} onCancel={() => setEditing(undefined)} />
                </li>
              ) : (
                <TermRow
                  key={term.id}
                  term={term}
                  onEdit={() => setEditing(term.id)}
                  onDelete={() => void remove(term)}
                />
              ),
            )}
          </ul>
        )}
      </div>

      <div className="subsection">
        <h3>{t('glossary.filesTitle')}</h3>
        <p className="muted">{t('glossary.filesHelp')}</p>
        <div className="row">
          <button
            type="button"
            disabled={!terms?.length}
            onClick={() =>
              download(`redbridge-glossary-${stamp}.json`, 'application/json', glossaryToJson(terms ?? []))
            }
          >
            {t('glossary.exportJson')}
          </button>
          <button
            type="button"
            disabled={!terms?.length}
            onClick={() =>
              download(`redbridge-glossary-${stamp}.csv`, 'text/csv', glossaryToCsv(terms ?? []))
            }
          >
            {t('glossary.exportCsv')}
          </button>
          <label className="file-button">
            {t('glossary.import')}
            <input
              type="file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          {confirmClear ? (
            <>
              <button type="button" className="danger" onClick={() => void clearAll()}>
                {t('glossary.clearConfirm', { count: terms?.length ?? 0 })}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmClear(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="secondary"
              disabled={!terms?.length}
              onClick={() => setConfirmClear(true)}
            >
              {t('glossary.clear')}
            </button>
          )}
        </div>
      </div>

      {status && (
        <div
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={status.kind === 'error' ? 'error-text' : 'status'}
        >
          <span className="pre-line">{status.text}</span>
          {status.undo && status.undo.length > 0 && (
            <button type="button" className="link-button" onClick={() => void undo(status.undo!)}>
              {t('glossary.undo')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
