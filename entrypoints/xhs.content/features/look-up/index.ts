import type { i18n } from 'i18next';
import type { UserTermInput } from '@/utils/glossary/protocol';
import type { LanguageCode } from '@/utils/language/languages';
import type { PhraseLanguage } from '@/utils/learning/records';
import type { TermExplanation } from '@/utils/translate/types';
import { sendMessage } from '@/utils/transport/messages';
import { siteEnabled, type PageFeature } from '../feature';
import { LookUpController } from './look-up-controller';
import type { PopoverLabels } from './popover';

function popoverLabels(i18n: i18n): PopoverLabels {
  const t = (key: string, options?: Record<string, string>) => i18n.t(`learning.lookup.${key}`, options);
  return {
    label: t('label'),
    loading: t('loading'),
    failed: (message) => t('failed', { message }),
    translation: t('translation'),
    sentence: t('sentence'),
    words: t('words'),
    noTranslation: (message) => t('noTranslation', { message }),
    save: t('save'),
    saved: t('saved'),
    merged: t('merged'),
    close: t('close'),
    credit: t('credit'),
    explain: t('explain'),
    explaining: t('explaining'),
    explanation: t('explanation'),
    aiGenerated: t('aiGenerated'),
    literal: t('literal'),
    origin: t('origin'),
    keep: t('keep'),
    kept: t('kept'),
    explainFailed: (message) => t('explainFailed', { message }),
  };
}

/**
 * An explained term as the reader's own glossary keeps it. The glossary holds Chinese and English
 * terms explained in English and Chinese, so only those can be kept.
 */
function explainedTerm({
  term,
  lang,
  to,
  explanation,
}: {
  term: string;
  lang: PhraseLanguage;
  to: LanguageCode;
  explanation: TermExplanation;
}): UserTermInput | undefined {
  if (lang === 'other' || (to !== 'en' && to !== 'zh-CN')) return undefined;
  return {
    term,
    lang,
    meaning: { [to]: explanation.meaning },
    ...(explanation.origin ? { origin: { [to]: explanation.origin } } : {}),
    ...(explanation.literal ? { literal: explanation.literal } : {}),
  };
}

/** Look-up on selection or Alt+hover: the popover in the page, dictionary and phrasebook in the background. */
export const lookUp: PageFeature = {
  name: 'look-up',
  enabled: siteEnabled,
  start({ doc, page, i18n, signal }) {
    const controller = new LookUpController({
      doc,
      location: page.location,
      labels: popoverLabels(i18n),
      lookUp: (request) => sendMessage('lookUp', request),
      save: (input) => sendMessage('savePhrase', input),
      explain: async (request) => (await sendMessage('explainTerm', request)).explanation,
      keepTerm: (explained) => {
        const entry = explainedTerm(explained);
        return entry ? async () => void (await sendMessage('saveUserTerm', { entry })) : undefined;
      },
    });
    controller.start();
    const relabel = () => controller.setLabels(popoverLabels(i18n));
    i18n.on('languageChanged', relabel);
    signal.addEventListener('abort', () => {
      i18n.off('languageChanged', relabel);
      controller.stop();
    });
    // A look-up about the note or list the reader just left closes with it.
    return { onNavigate: () => controller.close() };
  },
};
