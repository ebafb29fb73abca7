import { runImport, type ImportSummary } from '../../src/connectors/sdk/import/run-import';
import type { LeadEventBus } from '../../src/services/engagement/bus';
import type { Store } from '../../src/store/data-source';
import { recordConnector, recordsFile } from './record-connector';

/**
 * Records that drive one contact's engagement, for scoring, tier and subscription tests. Times are minutes after
 * a base instant; event ids are derived from campaign, contact, type and minute, so sending the same events
 * again is a re-import.
 */
export type EventSpec = { type: string; minute: number } & Record<string, unknown>;

export function minutesAfter(base: Date, minutes: number): string {
  return new Date(base.getTime() + minutes * 60_000).toISOString();
}

export function campaignEvents(email: string, campaign: string, base: Date, events: EventSpec[]): object[] {
  return [
    { kind: 'campaign', externalId: campaign, name: `campaign ${campaign}`, channel: 'EMAIL', type: 'NURTURE' },
    ...events.map(({ type, minute, ...extra }) => ({
      kind: 'event', sourceEventId: `${campaign}/${email}/${type}/${minute}`, type, occurredAt: minutesAfter(base, minute),
      contact: { email }, campaignExternalId: campaign, ...extra,
    })),
  ];
}

/** Contact-level events (site visits, form submissions): no campaign, no message. */
export function siteEvents(email: string, base: Date, events: EventSpec[]): object[] {
  return events.map(({ type, minute, ...extra }) => ({
    kind: 'event', sourceEventId: `site/${email}/${type}/${minute}`, type, occurredAt: minutesAfter(base, minute), contact: { email }, ...extra,
  }));
}

export function stageRecord(email: string, stage: string, at: string): object {
  return { kind: 'lifecycle', contact: { email }, stage, at, cause: `test: became ${stage}` };
}

let files = 0;

/** Imports records through the SDK (one batch per `batchSize` records), as the CLI and upload route do. */
export function importRecords(
  store: Store,
  workspaceId: number,
  records: object[],
  options: { leadEvents?: LeadEventBus; now?: Date; batchSize?: number } = {},
): Promise<ImportSummary> {
  return runImport({
    dataSource: store.dataSource,
    workspaceId,
    connector: recordConnector,
    files: [recordsFile(`records-${++files}.ndjson`, records)],
    leadEvents: options.leadEvents,
    now: options.now ? () => options.now! : undefined,
    batchSize: options.batchSize,
  });
}
