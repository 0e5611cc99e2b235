import { configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { sendMessagesAsExtensionPage } from './support/senders';

// `findBy…` and `waitFor` wait for what the background answers through fake IndexedDB; on a loaded
// two-core machine that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

// Every test starts with empty extension storage and no listeners left over from the last one.
beforeEach(() => {
  fakeBrowser.reset();
  sendMessagesAsExtensionPage();
});
