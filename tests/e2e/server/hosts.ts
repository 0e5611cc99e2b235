import { SITE_HOSTS as SITE } from '../../../utils/xhs/hosts';

/** Hosts served by the one loopback test server; the browser reaches them through host-resolver rules. */
export const SITE_HOSTS: readonly string[] = SITE;

export const PROVIDER_HOSTS = [
  'translate-pa.googleapis.com',
  'translate.googleapis.com',
  'edge.microsoft.com',
  'api-free.deepl.com',
  'api.deepl.com',
  'api.openai.com',
  // A self-hosted LibreTranslate as a user would configure it.
  'libre.redbridge.test',
];
