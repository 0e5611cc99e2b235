import './glossary.css';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';
import type { UserTermRecord } from '@/utils/db/schema';
import type { GlossaryTermLanguage } from '@/utils/glossary/glossary-schema';
import type { UserTermInput } from '@/utils/glossary/protocol';

const HAN = /\p{Script=Han}/u;

/** A term with a Chinese character in it is a Chinese term; anything else is taken as English. */
export function guessTermLanguage(term: string): GlossaryTermLanguage {
  return HAN.test(term) ? 'zh' : 'en';
}

interface Fields {
  term: string;
  lang: GlossaryTermLanguage | 'auto';
  meaningEn: string;
  meaningZh: string;
  renderingEn: string;
  renderingZh: string;
  pinyin: string;
  aliases: string;
}

function fieldsOf(term: Partial<UserTermRecord> | undefined): Fields {
  return {
    term: term?.term ?? '',
    lang: term?.lang ?? 'auto',
    meaningEn: term?.meaning?.en ?? '',
    meaningZh: term?.meaning?.['zh-CN'] ?? '',
    renderingEn: term?.rendering?.en ?? '',
    renderingZh: term?.rendering?.['zh-CN'] ?? '',
    pinyin: term?.pinyin ?? '',
    aliases: (term?.aliases ?? []).join(', '),
  };
}

function localized(en: string, zh: string) {
  return en.trim() || zh.trim()
    ? { ...(en.trim() ? { en } : {}), ...(zh.trim() ? { 'zh-CN': zh } : {}) }
    : undefined;
}

function inputOf(fields: Fields, original: Partial<UserTermRecord> | undefined): UserTermInput {
  const lang = fields.lang === 'auto' ? guessTermLanguage(fields.term) : fields.lang;
  const aliases = fields.aliases
    .split(/[,，、]/)
    .map((alias) => alias.trim())
    .filter(Boolean);
  // Fields this form does not show (origin, example, category…) are kept as they were.
  const {
    meaning: _meaning,
    rendering: _rendering,
    pinyin: _pinyin,
    aliases: _aliases,
    ...kept
  } = original ?? {};
  const meaning = localized(fields.meaningEn, fields.meaningZh);
  const rendering = localized(fields.renderingEn, fields.renderingZh);
  return {
    ...kept,
    term: fields.term,
    lang,
    ...(meaning ? { meaning } : {}),
    ...(rendering ? { rendering } : {}),
    ...(fields.pinyin.trim() ? { pinyin: fields.pinyin } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}

/**
 * The background's refusal in the reader's interface language where it is a known one. Problems
 * come one per line, each labelled with the term (or import row) it is about.
 */
export function explainTermError(
  failure: unknown,
  t: (key: string, values?: Record<string, string>) => string,
  { keepLabels = false } = {},
) {
  const message = failure instanceof Error ? failure.message : String(failure);
  const duplicate = /“(.+)” is already in your glossary/.exec(message);
  if (duplicate) return t('glossary.errors.duplicate', { term: duplicate[1]! });
  const lines = message.split('\n').map((line) => {
    const missing = /^(.*?): meaning: a user term needs a meaning or a rendering$/.exec(line);
    return missing ? `${missing[1]}: ${t('glossary.errors.needsMeaning')}` : line;
  });
  if (!keepLabels && lines.length === 1 && lines[0] !== message) return t('glossary.errors.needsMeaning');
  return lines.join('\n');
}

export interface TermFormProps {
  /** The term being edited, or a draft (e.g. a selection) to start from. */
  initial?: Partial<UserTermRecord>;
  /** Resolves when saved; a rejection's message is shown under the form. */
  onSave: (input: UserTermInput) => Promise<void>;
  onCancel?: () => void;
  /** The popup's short form: term, meaning and rendering in the interface language only. */
  compact?: boolean;
}

/** Adds or edits one of the user's glossary terms. */
export function TermForm({ initial, onSave, onCancel, compact = false }: TermFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initial));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  const zhUi = i18n.language === 'zh-CN';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await onSave(inputOf(fields, initial));
      if (!initial?.id) setFields(fieldsOf(undefined));
    } catch (failure) {
      setError(explainTermError(failure, t));
    } finally {
      setSaving(false);
    }
  };

  const text = (name: keyof Fields, label: string, hint?: string) => (
    <TextField
      label={label}
      value={fields[name]}
      onChange={(value) => setFields((current) => ({ ...current, [name]: value }))}
      required={name === 'term'}
      {...(hint ? { hint } : {})}
    />
  );

  return (
    <form
      className="term-form"
      onSubmit={(event) => void submit(event)}
      aria-label={t('glossary.form.label')}
    >
      {text('term', t('glossary.form.term'))}
      {!compact && (
        <label className="field" htmlFor={`${id}-lang`}>
          <span className="field-label">{t('glossary.form.lang')}</span>
          <select id={`${id}-lang`} value={fields.lang} onChange={set('lang')}>
            <option value="auto">{t('glossary.form.langAuto')}</option>
            <option value="zh">{t('glossary.form.langZh')}</option>
            <option value="en">{t('glossary.form.langEn')}</option>
          </select>
        </label>
      )}
      {(!compact || !zhUi) && text('meaningEn', t('glossary.form.meaningEn'))}
      {(!compact || zhUi) && text('meaningZh', t('glossary.form.meaningZh'))}
      {(!compact || !zhUi) &&
        text('renderingEn', t('glossary.form.renderingEn'), t('glossary.form.renderingHint'))}
      {(!compact || zhUi) &&
        text('renderingZh', t('glossary.form.renderingZh'), t('glossary.form.renderingHint'))}
      {!compact && text('pinyin', t('glossary.form.pinyin'))}
      {!compact && text('aliases', t('glossary.form.aliases'), t('glossary.form.aliasesHint'))}
      <div className="row">
        <button type="submit" disabled={saving}>
          {initial?.id ? t('glossary.form.update') : t('glossary.form.add')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}
