import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createFakeProvider } from './fake-provider';
import { SITE_HOSTS } from './hosts';
import { handleSiteRequest } from './site-routes';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export type FakeProvider = ReturnType<typeof createFakeProvider>;

export interface TestServer {
  port: number;
  provider: FakeProvider;
  close(): Promise<void>;
}

export function loadFixtureTranslations(): Record<string, Partial<Record<string, string>>> {
  return JSON.parse(readFileSync(here('../../fixtures/data/translations.json'), 'utf8'));
}

/** Translations of what the reader writes in the tests: comments typed into the site's editors. */
function loadDraftTranslations(): Record<string, Partial<Record<string, string>>> {
  return JSON.parse(readFileSync(here('../../fixtures/data/draft-translations.json'), 'utf8'));
}

/**
 * One HTTPS server on loopback that plays both the site (fixture pages served as the real
 * hostnames) and the translation providers (their real wire formats), dispatching on Host.
 */
export async function startTestServer(
  options: { latencyMs?: number; port?: number } = {},
): Promise<TestServer> {
  const provider = createFakeProvider({
    translations: { ...loadFixtureTranslations(), ...loadDraftTranslations() },
    slangNotes: JSON.parse(readFileSync(here('../../fixtures/data/slang-notes.json'), 'utf8')),
    latencyMs: options.latencyMs ?? 0,
  });
  const server: Server = createServer(
    { key: readFileSync(here('../certs/key.pem')), cert: readFileSync(here('../certs/cert.pem')) },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${host}`);
      try {
        const handled = SITE_HOSTS.includes(host)
          ? handleSiteRequest(req, res, url)
          : provider.handle(req, res, url);
        if (!handled) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end(`not found: ${host}${url.pathname}`);
        }
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    },
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        provider.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
