/**
 * Joins a user-typed base URL and an endpoint path. Users paste base URLs with or without a
 * trailing slash, and sometimes with the endpoint already on the end.
 */
export function endpointUrl(baseUrl: string, path: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  const suffix = `/${path.replace(/^\/+/, '')}`;
  return base.endsWith(suffix) ? base : base + suffix;
}
