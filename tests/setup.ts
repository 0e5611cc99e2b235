import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// Every test starts with empty extension storage and no listeners left over from the last one.
beforeEach(() => {
  fakeBrowser.reset();
});
