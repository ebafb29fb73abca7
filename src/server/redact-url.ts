/**
 * Request URLs that carry secrets, made safe for logs: Mailchimp's webhook URL ends in the workspace's webhook
 * secret (that is how Mailchimp authenticates), and WhatsApp's handshake sends its verify token as a query value.
 */
const MAILCHIMP_SECRET_PATH = /^(\/webhooks\/mailchimp\/[^/?#]+\/)[^/?#]+/;
const SECRET_QUERY_PARAMS = ['hub.verify_token'];

export function redactUrl(url: string): string {
  let safe = url.replace(MAILCHIMP_SECRET_PATH, '$1[redacted]');
  const queryAt = safe.indexOf('?');
  if (queryAt >= 0) {
    const query = new URLSearchParams(safe.slice(queryAt + 1));
    let changed = false;
    for (const name of SECRET_QUERY_PARAMS) {
      if (query.has(name)) {
        query.set(name, '[redacted]');
        changed = true;
      }
    }
    if (changed) safe = `${safe.slice(0, queryAt)}?${query.toString()}`;
  }
  return safe;
}

/** pino-http's serialized request with the same secrets masked in its URL, parsed query and route params. */
export function redactRequest<R extends { url: string; query?: Record<string, unknown>; params?: Record<string, unknown> }>(req: R): R {
  const query = req.query && Object.fromEntries(Object.entries(req.query).map(([name, value]) => [name, SECRET_QUERY_PARAMS.includes(name) ? '[redacted]' : value]));
  // Route params may hold the Mailchimp secret; the URL already names the route, so they add nothing to a log line.
  return { ...req, url: redactUrl(req.url), query, params: undefined };
}
