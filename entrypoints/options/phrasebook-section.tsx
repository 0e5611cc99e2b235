import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnreadableRows } from '@/components/unreadable-rows';
import type { PhraseListItem, RemovedPhrase } from '@/utils/learning/phrase-store';
import type { PhraseLanguage } from '@/utils/learning/records';
import { sendMessage } from '@/utils/transport/messages';
import './learning.css';
import { downloadText, formatDate, useLearningData } from './learning-data';

type LanguageFilter = 'all' | PhraseLanguage;
type DateFilter = 'all' | '7' | '30';
const DAY = 24 * 60 * 60 * 1000;

function matches(phrase: PhraseListItem, query: string): boolean {
  if (!query) return true;
  const haystack = [
    phrase.text,
    phrase.pinyin,
    phrase.meaning,
    phrase.notes,
    ...phrase.tags,
    ...phrase.contexts.map((c) => c.sentence),
  ]
    .join('\n')
    .toLowerCase();
  return haystack.includes(query.toLowerCase());
}

/** One phrase: what it means, where it was found, and the reader's own edits. */
function PhraseEntry({
  phrase,
  onDelete,
}: {
  phrase: PhraseListItem;
  onDelete: (phrase: PhraseListItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const [meaning, setMeaning] = useState(phrase.meaning);
  const [notes, setNotes] = useState(phrase.notes);
  const [tags, setTags] = useState(phrase.tags.join(', '));
  const [status, setStatus] = useState<string>();
  const dirty = meaning !== phrase.meaning || notes !== phrase.notes || tags !== phrase.tags.join(', ');

  const save = async () => {
    try {
      await sendMessage('updatePhrase', {
        id: phrase.id,
        patch: { meaning, notes, tags: tags.split(/[,，]/) },
      });
      setStatus(t('learning.phrasebook.saved'));
    } catch (error) {
      setStatus(t('learning.error', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <li className="phrase" data-phrase-id={phrase.id}>
      <div className="phrase-head">
        <span
          className="phrase-text"
          lang={phrase.lang === 'zh' ? 'zh-CN' : phrase.lang === 'en' ? 'en' : undefined}
        >
          {phrase.text}
        </span>
        {phrase.pinyin && <span className="phrase-pinyin">{phrase.pinyin}</span>}
        <span className="muted">
          {t('learning.phrasebook.savedOn', { date: formatDate(phrase.createdAt, i18n.language) })}
          {phrase.nextDue !== null &&
            ` · ${t('learning.phrasebook.nextReview', { date: formatDate(phrase.nextDue, i18n.language) })}`}
        </span>
      </div>
      {phrase.contexts.map((context) => (
        <blockquote key={`${context.url}|${context.sentence}`} className="phrase-context">
          <p>{context.sentence}</p>
          {context.sentenceTranslation && <p className="muted">{context.sentenceTranslation}</p>}
          {context.url && (
            <a href={context.url} target="_blank" rel="noreferrer">
              {context.title || t('learning.phrasebook.source')}
            </a>
          )}
        </blockquote>
      ))}
      <div className="phrase-fields">
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.meaning')}</span>
          <input type="text" value={meaning} onChange={(event) => setMeaning(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.tags')}</span>
          <input type="text" value={tags} onChange={(event) => setTags(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.notes')}</span>
          <textarea rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </label>
      </div>
      <div className="phrase-actions">
        <button type="button" disabled={!dirty} onClick={() => void save()}>
          {t('learning.phrasebook.saveChanges')}
        </button>
        <button type="button" className="link-button" onClick={() => onDelete(phrase)}>
          {t('learning.phrasebook.delete', { phrase: phrase.text })}
        </button>
        {status && (
          <span role="status" className="status">
            {status}
          </span>
        )}
      </div>
    </li>
  );
}

/** The phrasebook: every saved phrase, searchable and filterable, with exports. */
export function PhrasebookSection() {
  const { t } = useTranslation();
  const load = useCallback(() => sendMessage('listPhrases', {}), []);
  const { data: phrases, error } = useLearningData(load);
  // Stored phrases that fail the phrase schema are left out of the list and reported instead.
  const loadUnreadable = useCallback(() => sendMessage('listUnreadablePhrases', {}), []);
  const { data: unreadable = [] } = useLearningData(loadUnreadable);
  const [query, setQuery] = useState('');
  const [language, setLanguage] = useState<LanguageFilter>('all');
  const [tag, setTag] = useState('');
  const [since, setSince] = useState<DateFilter>('all');
  /** Saved after this moment; set when the date filter is chosen, so filtering stays pure. */
  const [cutoff, setCutoff] = useState(0);
  const [removed, setRemoved] = useState<RemovedPhrase>();
  const [status, setStatus] = useState<string>();

  const allTags = useMemo(
    () => [...new Set((phrases ?? []).flatMap((phrase) => phrase.tags))].sort(),
    [phrases],
  );
  const shown = useMemo(() => {
    return (phrases ?? []).filter(
      (phrase) =>
        (language === 'all' || phrase.lang === language) &&
        (!tag || phrase.tags.includes(tag)) &&
        phrase.createdAt >= cutoff &&
        matches(phrase, query.trim()),
    );
  }, [phrases, language, tag, cutoff, query]);

  const remove = async (phrase: PhraseListItem) => {
    try {
      setRemoved(await sendMessage('deletePhrase', { id: phrase.id }));
      setStatus(t('learning.phrasebook.deleted', { phrase: phrase.text }));
    } catch (failure) {
      setStatus(
        t('learning.error', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
    }
  };
  const undo = async () => {
    if (!removed) return;
    await sendMessage('undoDeletePhrase', removed);
    setRemoved(undefined);
    setStatus(t('learning.phrasebook.restored', { phrase: removed.phrase.text }));
  };
  const removeUnreadable = async (keys: string[]) => {
    for (const id of keys) await sendMessage('deletePhrase', { id });
    setRemoved(undefined);
    setStatus(t('recovery.unreadable.deleted', { count: keys.length }));
  };
  const exportAs = async (format: 'anki' | 'csv') => {
    try {
      const file = await sendMessage('exportPhrases', { format });
      downloadText(file.filename, file.mimeType, file.text);
    } catch (failure) {
      setStatus(
        t('learning.error', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
    }
  };

  return (
    <div className="learning phrasebook">
      <p className="muted">{t('learning.phrasebook.help')}</p>
      <div className="phrase-filters">
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.search')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.language')}</span>
          <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageFilter)}>
            <option value="all">{t('learning.phrasebook.allLanguages')}</option>
            <option value="zh">{t('learning.languages.zh')}</option>
            <option value="en">{t('learning.languages.en')}</option>
            <option value="other">{t('learning.languages.other')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.tag')}</span>
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">{t('learning.phrasebook.allTags')}</option>
            {allTags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('learning.phrasebook.savedWhen')}</span>
          <select
            value={since}
            onChange={(event) => {
              const value = event.target.value as DateFilter;
              setSince(value);
              setCutoff(value === 'all' ? 0 : Date.now() - Number(value) * DAY);
            }}
          >
            <option value="all">{t('learning.phrasebook.anyTime')}</option>
            <option value="7">{t('learning.phrasebook.lastDays', { count: 7 })}</option>
            <option value="30">{t('learning.phrasebook.lastDays', { count: 30 })}</option>
          </select>
        </label>
      </div>
      {(status || removed) && (
        <p role="status" className="status">
          {status}{' '}
          {removed && (
            <button type="button" onClick={() => void undo()}>
              {t('learning.phrasebook.undo')}
            </button>
          )}
        </p>
      )}
      {error && <p role="alert">{t('learning.error', { message: error })}</p>}
      <UnreadableRows
        rows={unreadable}
        summary={t('learning.phrasebook.unreadable', { count: unreadable.length })}
        onDelete={removeUnreadable}
      />
      {phrases && phrases.length === 0 && <p className="notice">{t('learning.phrasebook.empty')}</p>}
      {phrases && phrases.length > 0 && shown.length === 0 && <p>{t('learning.phrasebook.noMatch')}</p>}
      <ul className="phrase-list" aria-label={t('learning.phrasebook.listLabel')}>
        {shown.map((phrase) => (
          <PhraseEntry
            key={`${phrase.id}:${phrase.updatedAt}`}
            phrase={phrase}
            onDelete={(p) => void remove(p)}
          />
        ))}
      </ul>
      <div className="subsection">
        <h3>{t('learning.export.title')}</h3>
        <div className="phrase-actions">
          <button type="button" onClick={() => void exportAs('anki')}>
            {t('learning.export.anki')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('learning.export.csv')}
          </button>
        </div>
        <p className="muted">{t('learning.export.ankiHowTo')}</p>
      </div>
      <p className="muted">{t('learning.credit')}</p>
    </div>
  );
}
