import { useEffect, useId, useRef, useState } from 'react';
import { localized, type TermCard } from '@/utils/glossary/term-card';

export type Translate = (key: string, values?: Record<string, string>) => string;

export interface TermPopoverProps {
  card: TermCard;
  /** The interface language explanations are shown in. */
  locale: 'en' | 'zh-CN';
  t: Translate;
  onClose: () => void;
  /** Keeps a bundled term in the user's glossary; resolves when saved, rejects with a message. */
  onKeep?: (card: TermCard) => Promise<void>;
}

/**
 * The explanation of one term, opened from its chip: what it means, where it comes from, how it
 * is said and used. A non-modal dialog: Escape or a click elsewhere closes it and focus returns to
 * the chip.
 */
export function TermPopover({ card, locale, t, onClose, onKeep }: TermPopoverProps) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const meaning = localized(card.meaning, locale);
  const origin = localized(card.origin, locale);
  const rendering = localized(card.rendering, locale);
  // A rendering that only repeats the literal one adds nothing.
  const showRendering = rendering && rendering.toLowerCase() !== card.literal?.toLowerCase();

  useEffect(() => closeRef.current?.focus(), [card]);

  const keep = async () => {
    if (!onKeep) return;
    try {
      await onKeep(card);
      setStatus({ kind: 'saved', text: t('glossary.popover.kept') });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div
      role="dialog"
      aria-labelledby={headingId}
      className="popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="popover-header">
        <div>
          <h2 id={headingId} lang={card.lang === 'zh' ? 'zh-CN' : 'en'}>
            {card.surface}
          </h2>
          {card.pinyin && <p className="pinyin">{card.pinyin}</p>}
        </div>
        <button
          ref={closeRef}
          type="button"
          className="close"
          aria-label={t('glossary.popover.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {card.surface !== card.term && (
        <p className="muted">{t('glossary.popover.variantOf', { term: card.term })}</p>
      )}
      {meaning && <p className="meaning">{meaning}</p>}
      <dl>
        {card.literal && (
          <>
            <dt>{t('glossary.popover.literal')}</dt>
            <dd>{card.literal}</dd>
          </>
        )}
        {showRendering && (
          <>
            <dt>
              {t(card.kind === 'user' ? 'glossary.popover.yourRendering' : 'glossary.popover.rendering')}
            </dt>
            <dd>{rendering}</dd>
          </>
        )}
        {origin && (
          <>
            <dt>{t('glossary.popover.origin')}</dt>
            <dd>{origin}</dd>
          </>
        )}
        {card.example && (
          <>
            <dt>{t('glossary.popover.example')}</dt>
            <dd>
              <span lang={card.lang === 'zh' ? 'zh-CN' : 'en'}>{card.example.text}</span>
              <br />
              <span className="muted">{card.example.translation}</span>
            </dd>
          </>
        )}
      </dl>
      <footer className="popover-footer">
        <span className="muted">
          {card.kind === 'user' ? (
            t('glossary.popover.fromYours')
          ) : card.kind === 'ai' ? (
            <span className="ai-badge" data-rb-ai-generated="">
              {t('glossary.popover.fromModel')}
            </span>
          ) : (
            t('glossary.popover.fromBundled', {
              category: card.category ? t(`glossary.categories.${card.category}`) : '',
            })
          )}
        </span>
        {card.kind !== 'user' && onKeep && status?.kind !== 'saved' && (
          <button type="button" className="keep" onClick={() => void keep()}>
            {t('glossary.popover.keep')}
          </button>
        )}
      </footer>
      {status && (
        <p role="status" className={status.kind === 'error' ? 'error' : 'saved'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
