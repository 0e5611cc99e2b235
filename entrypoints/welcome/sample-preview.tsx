import { useTranslation } from 'react-i18next';
import { SampleOverlay, SiteSurface } from '@/components/site-sample';
import type { LanguageCode } from '@/utils/language/languages';
import { primarySource } from '@/utils/language/direction';
import { planSample, type SampleNote } from './sample-note';
import type { PlannedText, SampleState } from './use-sample-translation';

/** The sample note as it shows on Xiaohongshu with RedBridge: originals, and overlays under them. */
export function SamplePreview(props: { note: SampleNote; reader: LanguageCode; state: SampleState }) {
  const { t } = useTranslation();
  const [title, body, ...comments] = props.state.texts;
  const unit = (text: PlannedText | undefined) =>
    text && (
      <SampleUnit key={text.sample.key} text={text} reader={props.reader} status={props.state.status} />
    );
  return (
    <SiteSurface theme="light" label={t('welcome.sampleLabel')}>
      <article className="welcome-sample-note">
        <div className="rb-sample-name">{props.note.author}</div>
        {unit(title)}
        {unit(body)}
        <ul className="welcome-sample-comments" aria-label={t('welcome.sampleComments')}>
          {comments.map((text) => (
            <li key={text.sample.key}>
              <div className="rb-sample-name">{text.sample.author}</div>
              {unit(text)}
            </li>
          ))}
        </ul>
      </article>
    </SiteSurface>
  );
}

function SampleUnit(props: { text: PlannedText; reader: LanguageCode; status: SampleState['status'] }) {
  const { t } = useTranslation();
  const { sample, plan, translations } = props.text;
  const paragraphCount = sample.paragraphs.length;
  const original =
    sample.kind === 'note-title' ? (
      <p className="rb-sample-title">{sample.paragraphs.join('\n')}</p>
    ) : (
      <p className="rb-sample-text">
        {sample.paragraphs.join('\n')}
        {sample.hashtags.length > 0 && (
          <span className="rb-sample-tags">
            {' '}
            {sample.hashtags.map((tag) => (
              <span key={tag} className="rb-sample-tag">
                #{tag}
              </span>
            ))}
          </span>
        )}
      </p>
    );

  let below = null;
  if (!plan.translate) {
    const ownLanguage = !planSample(sample, props.reader, 'all').translate;
    const source = t(`welcome.languageNames.${primarySource(props.reader)}`);
    below = (
      <p className="welcome-sample-caption">
        {ownLanguage ? t('welcome.leftAlone') : t('welcome.notInScope', { source })}
      </p>
    );
  } else if (translations) {
    const sent = (index: number) => plan.send[index];
    below = (
      <SampleOverlay
        kind={sample.kind}
        lang={props.reader}
        state="done"
        paragraphs={translations.slice(0, paragraphCount).filter((_, index) => sent(index))}
        hashtags={translations.slice(paragraphCount).filter((_, index) => sent(paragraphCount + index))}
      />
    );
  } else if (props.status === 'pending') {
    below = (
      <SampleOverlay
        kind={sample.kind}
        lang={props.reader}
        state="pending"
        label={t('overlay.translating')}
      />
    );
  }
  return (
    <div className="welcome-sample-unit" data-sample-key={sample.key}>
      {original}
      {below}
    </div>
  );
}
