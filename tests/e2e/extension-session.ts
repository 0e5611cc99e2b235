import { afterAll, beforeAll } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './browser';
import { startTestServer, type TestServer } from './server';

export interface ExtensionSession {
  server: TestServer;
  browser: ExtensionBrowser;
}

/**
 * Starts the loopback server and a Chromium with the extension for the enclosing `describe`, and
 * stops both after it. The returned object is filled in before the first test runs.
 */
export function useExtensionSession(
  options: Omit<Parameters<typeof launchExtension>[0], 'port'> = {},
): ExtensionSession {
  const session = {} as ExtensionSession;
  beforeAll(async () => {
    session.server = await startTestServer();
    session.browser = await launchExtension({ ...options, port: session.server.port });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
