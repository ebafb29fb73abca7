import pino from 'pino';

/** Structured JSON logs (pino). Secrets never reach them: the Authorization header is redacted. */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'), destination?: pino.DestinationStream) {
  const options = { level, redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.apiKey', '*.secret'], censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
