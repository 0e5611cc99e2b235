import { useTranslation } from 'react-i18next';
import type { UserTermRecord } from '@/utils/db/schema';
import { localized } from '@/utils/glossary/term-card';

/** One of the user's terms in the list: the term, its meaning and rendering, edit and delete. */
export function TermRow({
  term,
  onEdit,
  onDelete,
}: {
  term: UserTermRecord;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const meaning = localized(term.meaning, locale);
  const renderings = [term.rendering?.en, term.rendering?.['zh-CN']].filter(Boolean).join(' / ');
  return (
    <li className="term-item" data-term-id={term.id}>
      <div className="term-main">
        <strong lang={term.lang === 'zh' ? 'zh-CN' : 'en'}>{term.term}</strong>
        {term.pinyin && <span className="muted"> {term.pinyin}</span>}
        {meaning && <div>{meaning}</div>}
        {renderings && <div className="muted">{t('glossary.renderedAs', { rendering: renderings })}</div>}
      </div>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={onEdit}
          aria-label={t('glossary.editTerm', { term: term.term })}
        >
          {t('glossary.edit')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={onDelete}
          aria-label={t('glossary.deleteTerm', { term: term.term })}
        >
          {t('glossary.delete')}
        </button>
      </div>
    </li>
  );
}
