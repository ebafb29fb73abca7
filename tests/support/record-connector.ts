import { defineConnector, type ByteSource } from '../../src/connectors/sdk/connector';
import { readLines } from '../../src/connectors/sdk/input/lines';
import type { ImportRecord } from '../../src/domain/model';

/**
 * A test connector whose "file" is NDJSON of ImportRecords as they are (dates as ISO strings), so SDK tests
 * can state exactly which records arrive in which order. A line {"reject": "why"} becomes a rejection.
 */
const DATE_FIELDS = ['occurredAt', 'at', 'sentAt', 'createdAt', 'closedAt', 'periodStart', 'periodEnd'];

export const recordConnector = defineConnector({
  source: 'generic',
  displayName: 'test records',
  fileKinds: [
    {
      name: 'records',
      description: 'ImportRecords as NDJSON',
      detect: (head: string) => head.trimStart().startsWith('{'),
      async *parse(input: ByteSource, context) {
        for await (const { line, text } of readLines(input, context.fileName)) {
          if (!text.trim()) continue;
          const parsed = JSON.parse(text) as Record<string, unknown>;
          if (typeof parsed.reject === 'string') {
            yield { line, rejected: { line, field: 'reject', reason: parsed.reject, raw: text } };
            continue;
          }
          for (const field of DATE_FIELDS) if (typeof parsed[field] === 'string') parsed[field] = new Date(parsed[field] as string);
          yield { line, records: [parsed as unknown as ImportRecord] };
        }
      },
    },
  ],
});

export function recordsFile(name: string, records: object[]): { name: string; open: () => ByteSource } {
  const text = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
  return { name, open: () => (async function* () { yield Buffer.from(text); })() };
}
