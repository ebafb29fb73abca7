/**
 * The HTTP client of an API pull: axios with axios-retry (5xx, 429 and network errors retried with exponential
 * back-off and jitter, `Retry-After` honoured) and bottleneck (at most N requests in flight, at least M ms apart,
 * per vendor and workspace). Rate-limit headers of the `X-RateLimit-Remaining` / `X-RateLimit-Reset` kind (SendGrid:
 * the reset is a Unix time in seconds, and its 429 has no Retry-After) pause the client until the window resets.
 * 401/403 stop the pull at once with what to fix; a body that is not JSON is an error naming the request, not a
 * crash.
 */
import axios, { type AxiosError, type AxiosRequestConfig } from 'axios';
import axiosRetry from 'axios-retry';
import Bottleneck from 'bottleneck';

export interface VendorClientOptions {
  source: string;
  baseURL: string;
  headers: Record<string, string>;
  /** How to set the credentials right, for the 401/403 message. */
  fixCredentials: string;
  maxConcurrent?: number;
  minTimeMs?: number;
  retries?: number;
  /** Upper bound of one back-off wait (a Retry-After beyond it is capped). */
  maxDelayMs?: number;
  timeoutMs?: number;
}

export class PullRefusedError extends Error {
  constructor(
    message: string,
    /** The HTTP status that refused (401, 403), when it came from the vendor. */
    readonly status?: number,
  ) {
    super(message);
  }
}
export class PullResponseError extends Error {}

export interface VendorClient {
  request<T>(config: AxiosRequestConfig): Promise<T>;
  /** Requests sent, retries included (tests and run summaries). */
  readonly stats: { requests: number; retries: number };
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long until a rate-limit window resets, from `X-RateLimit-Reset`: a Unix time in seconds (SendGrid), or
 * seconds from now when the number is too small to be a date (some vendors send a delta). Undefined when absent.
 */
export function rateLimitResetMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !/^\d+(\.\d+)?$/.test(header.trim())) return undefined;
  const value = Number(header);
  const isUnixTime = value > 1_000_000_000;
  return Math.max(0, isUnixTime ? value * 1000 - now : value * 1000);
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const stats = { requests: 0, retries: 0 };
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const http = axios.create({ baseURL: options.baseURL, headers: options.headers, timeout: options.timeoutMs ?? 30_000, responseType: 'text', transformResponse: [(data) => data] });
  /** Until when the vendor asked us to wait (its window's remaining requests reached 0). */
  let pausedUntil = 0;
  http.interceptors.request.use(async (config) => {
    const wait = pausedUntil - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, maxDelayMs)));
    stats.requests++;
    return config;
  });
  const notePause = (headers: Record<string, unknown> | undefined) => {
    if (String(headers?.['x-ratelimit-remaining'] ?? '').trim() !== '0') return;
    const reset = rateLimitResetMs(headers?.['x-ratelimit-reset']);
    if (reset !== undefined) pausedUntil = Math.max(pausedUntil, Date.now() + reset);
  };
  http.interceptors.response.use(
    (response) => {
      notePause(response.headers as Record<string, unknown>);
      return response;
    },
    (error: AxiosError) => {
      notePause(error.response?.headers as Record<string, unknown> | undefined);
      return Promise.reject(error);
    },
  );
  axiosRetry(http, {
    retries: options.retries ?? 5,
    retryCondition: (error) => axiosRetry.isNetworkError(error) || axiosRetry.isRetryableError(error) || error.response?.status === 429,
    retryDelay: (retryCount, error) => {
      const headers = error.response?.headers;
      const waited = retryAfterMs(headers?.['retry-after']) ?? (error.response?.status === 429 ? rateLimitResetMs(headers?.['x-ratelimit-reset']) : undefined);
      // Exponential with jitter: 250 ms, 500 ms, 1 s … times a random factor in [0.5, 1.5).
      const backoff = 250 * 2 ** (retryCount - 1) * (0.5 + Math.random());
      return Math.min(maxDelayMs, waited ?? backoff);
    },
    onRetry: () => {
      stats.retries++;
    },
  });
  const limiter = new Bottleneck({ maxConcurrent: options.maxConcurrent ?? 4, minTime: options.minTimeMs ?? 0 });

  return {
    stats,
    async request<T>(config: AxiosRequestConfig): Promise<T> {
      const what = `${(config.method ?? 'GET').toUpperCase()} ${config.url}`;
      let text: string;
      try {
        text = (await limiter.schedule(() => http.request<string>(config))).data;
      } catch (error) {
        const status = (error as AxiosError).response?.status;
        if (status === 401 || status === 403) {
          throw new PullRefusedError(`${options.source} refused the credentials (${status} on ${what}): ${options.fixCredentials}`, status);
        }
        const detail = status ? `HTTP ${status}` : (error as Error).message;
        throw new PullResponseError(`${options.source}: ${what} failed after retries (${detail})`);
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new PullResponseError(`${options.source}: ${what} answered with a body that is not JSON (${String(text).slice(0, 80)}…)`);
      }
    },
  };
}
