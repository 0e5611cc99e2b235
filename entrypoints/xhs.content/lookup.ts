import type { i18n } from 'i18next';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LookUpController } from '@/utils/lookup/look-up-controller';
import type { PopoverLabels } from '@/utils/lookup/popover';
import { sendMessage } from '@/utils/transport/messages';

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
  };
}

/**
 * Look-up on selection: the popover in the page, the dictionary and phrasebook in the background.
 * Returns the controller, which the caller starts and stops with the site switch.
 */
export function setupLookUp(ctx: ContentScriptContext, i18n: i18n): LookUpController {
  const controller = new LookUpController({
    doc: document,
    location: () => ({ pathname: location.pathname, href: location.href, origin: location.origin }),
    labels: popoverLabels(i18n),
    lookUp: (request) => sendMessage('lookUp', request),
    save: (input) => sendMessage('savePhrase', input),
  });
  const relabel = () => controller.setLabels(popoverLabels(i18n));
  i18n.on('languageChanged', relabel);
  ctx.onInvalidated(() => {
    i18n.off('languageChanged', relabel);
    controller.stop();
  });
  return controller;
}
