/**
 * HubSpot app webhooks (§3.4): a JSON array of notifications. Contact creations and property changes become
 * contact records keyed by the HubSpot record id (the key of every other HubSpot kind); a lifecyclestage change is
 * also a lifecycle record at `occurredAt` (ms). Other object types (deals, companies…) carry no figures worth
 * storing without a pull and are skipped, noted in the summary.
 */
import type { ContactRecord, ImportRecord } from '../../domain/model';
import type { FileKind, ParseOutput } from '../sdk/connector';
import { readWholeText } from '../sdk/input/whole-text';
import { lifecycleStageOf } from './map';

interface Notification {
  objectId?: unknown;
  eventType?: unknown;
  subscriptionType?: unknown;
  propertyName?: unknown;
  propertyValue?: unknown;
  occurredAt?: unknown;
}

const NAMED: Record<string, 'firstName' | 'lastName' | 'company'> = { firstname: 'firstName', lastname: 'lastName', company: 'company' };

export const webhookKind: FileKind = {
  name: 'webhook',
  description: 'HubSpot app webhook notifications (JSON array of objectId / eventType / occurredAt)',
  detect: (head) => head.trimStart().startsWith('[') && /"(eventType|subscriptionType)"\s*:/.test(head) && head.includes('"objectId"'),
  async *parse(input, context): AsyncGenerator<ParseOutput> {
    const text = await readWholeText(input, context.fileName);
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch (error) {
      yield { line: 1, rejected: { line: 1, reason: `not JSON: ${(error as Error).message}`, raw: text.slice(0, 2000) } };
      return;
    }
    if (!Array.isArray(items)) {
      yield { line: 1, rejected: { line: 1, reason: 'a HubSpot webhook body is a JSON array of notifications', raw: text.slice(0, 2000) } };
      return;
    }
    for (const [index, item] of items.entries()) yield mapNotification(item as Notification, index + 1);
  },
};

/** One notification; `position` (1-based within the batch) stands in for a line number. */
export function mapNotification(item: Notification, position: number): ParseOutput {
  const raw = JSON.stringify(item);
  const reject = (field: string, reason: string): ParseOutput => ({ line: position, rejected: { line: position, field, reason, raw } });
  const type = String(item.eventType ?? item.subscriptionType ?? '');
  if (!type) return reject('eventType', 'a notification needs eventType (or subscriptionType)');
  if (!type.startsWith('contact.')) return { line: position, records: [] };
  const objectId = typeof item.objectId === 'number' || typeof item.objectId === 'string' ? String(item.objectId) : '';
  if (!/^\d+$/.test(objectId)) return reject('objectId', `objectId must be a HubSpot record id (got ${JSON.stringify(item.objectId)})`);
  const occurredAt = typeof item.occurredAt === 'number' ? new Date(item.occurredAt) : undefined;
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) return reject('occurredAt', 'occurredAt must be milliseconds since the epoch');
  const contact: ContactRecord = { kind: 'contact', ref: { externalId: objectId } };
  const records: ImportRecord[] = [contact];
  if (type === 'contact.creation') contact.createdAt = occurredAt;
  if (type === 'contact.propertyChange') {
    const name = typeof item.propertyName === 'string' ? item.propertyName : '';
    const value = item.propertyValue === undefined || item.propertyValue === null ? '' : String(item.propertyValue);
    if (!name) return reject('propertyName', 'a propertyChange needs propertyName');
    if (name === 'email' && value) contact.ref.email = value;
    else if (NAMED[name] && value) contact[NAMED[name]] = value;
    else if (name === 'lifecyclestage') {
      const stage = lifecycleStageOf(value);
      if (stage) {
        contact.lifecycleStage = stage;
        records.push({ kind: 'lifecycle', contact: { externalId: objectId }, stage, at: occurredAt, cause: `hubspot webhook: lifecyclestage → ${value}` });
      }
    } else contact.properties = { [name]: value };
  }
  return { line: position, records };
}
