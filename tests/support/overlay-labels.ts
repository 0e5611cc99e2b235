import type { OverlayLabels } from '@/utils/overlay/overlay-element';

/** The overlay's English labels, as the content script reads them from the locale, for unit tests. */
export const overlayLabels: OverlayLabels = {
  translating: 'Translating…',
  retry: 'Retry',
  failed: (reason) => `Translation failed: ${reason}`,
  replyTo: (name) => `Reply to ${name}:`,
  reason: (kind) => (kind === 'rate-limited' ? 'the services are limiting requests' : undefined),
};
