/** The web client's hosts (the same app under both names), and what the manifest matches. */
export const SITE_HOSTS = ['www.xiaohongshu.com', 'www.rednote.com'] as const;

export type SiteHost = (typeof SITE_HOSTS)[number];

export function isSiteHost(host: string): host is SiteHost {
  return (SITE_HOSTS as readonly string[]).includes(host);
}

/**
 * The whole of each host: notes open as modals over any list page through pushState, so a content
 * script matched to `/explore/*` alone would never run when a note opens from the feed. Only over
 * https: the site serves nothing else, and a page sent in the clear could be anyone's.
 */
export const SITE_MATCHES = SITE_HOSTS.map((host) => `https://${host}/*`);
