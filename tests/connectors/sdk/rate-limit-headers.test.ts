/** The pull client's reading of the vendors' wait headers: Retry-After and SendGrid's X-RateLimit-Reset. */
import { rateLimitResetMs, retryAfterMs } from '../../../src/connectors/sdk/pull/http-client';

describe('wait headers', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Thu, 03 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
  it('reads X-RateLimit-Reset as a Unix time in seconds (SendGrid), or as seconds from now when too small to be a date', () => {
    expect(rateLimitResetMs(String(now / 1000 + 7), now)).toBe(7000);
    expect(rateLimitResetMs(String(now / 1000 - 30), now)).toBe(0); // already reset
    expect(rateLimitResetMs('3', now)).toBe(3000);
    expect(rateLimitResetMs('', now)).toBeUndefined();
    expect(rateLimitResetMs('tomorrow', now)).toBeUndefined();
  });
});
