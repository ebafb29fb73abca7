/**
 * Mailchimp list (audience) webhooks: one form-encoded POST per event (§2.8). Subscribe, unsubscribe and cleaned
 * become list-membership changes, profile and upemail contact updates, campaign a campaign. Mailchimp's
 * `fired_at` has no zone; Mailchimp's own examples mean UTC, so it is read as UTC.
 */
import type { ContactRecord, ImportRecord, ListMembershipStatus } from '../../domain/model';
import type { FileKind, ParseOutput } from '../sdk/connector';
import { readWholeText } from '../sdk/input/whole-text';
import { memberRef } from './identity';

const TYPES = ['subscribe', 'unsubscribe', 'profile', 'upemail', 'cleaned', 'campaign'] as const;
type WebhookType = (typeof TYPES)[number];

const MEMBERSHIP: Partial<Record<WebhookType, ListMembershipStatus>> = { subscribe: 'SUBSCRIBED', unsubscribe: 'UNSUBSCRIBED', cleaned: 'CLEANED' };

export const webhookKind: FileKind = {
  name: 'webhook',
  description: 'Mailchimp list webhook (form-encoded: type, fired_at, data[…])',
  detect: (head) => /^(type|fired_at|data%5B|data\[)=?/.test(head.trimStart()) && head.includes('type='),
  async *parse(input, context): AsyncGenerator<ParseOutput> {
    const body = await readWholeText(input, context.fileName);
    yield mapWebhookForm(new URLSearchParams(body), body);
  },
};

/** One Mailchimp webhook form, mapped; a rejection names the field at fault. */
export function mapWebhookForm(form: URLSearchParams, raw = form.toString()): ParseOutput {
  const reject = (field: string, reason: string): ParseOutput => ({ line: 1, rejected: { line: 1, field, reason, raw } });
  const type = form.get('type') as WebhookType | null;
  if (!type || !TYPES.includes(type)) return reject('type', `unknown Mailchimp webhook type "${type ?? ''}" (expected ${TYPES.join(', ')})`);
  const firedAt = parseFiredAt(form.get('fired_at'));
  if (!firedAt) return reject('fired_at', `fired_at must be "YYYY-MM-DD HH:MM:SS" (got "${form.get('fired_at') ?? ''}")`);
  const data = (name: string) => form.get(`data[${name}]`)?.trim() || undefined;
  const listId = data('list_id');

  if (type === 'campaign') {
    const id = data('id');
    if (!id) return reject('data[id]', 'a campaign event needs data[id]');
    return { line: 1, records: [{ kind: 'campaign', externalId: id, name: data('subject') ?? id, subject: data('subject'), channel: 'EMAIL', ...(listId ? { listExternalId: listId } : {}) }] };
  }
  // Keyed by the address (its MD5 is the member id of every other Mailchimp kind): webhook data[id] values are
  // not always that hash (Mailchimp's own examples carry short ids), so they are kept as a property only.
  const email = type === 'upemail' ? data('new_email') : data('email');
  const emailField = type === 'upemail' ? 'data[new_email]' : 'data[email]';
  const { ref, problem } = email ? memberRef(email, undefined, 'data[id]', emailField) : { ref: undefined, problem: { field: emailField, reason: `a ${type} event needs ${emailField}` } };
  if (!ref) return reject(problem!.field ?? 'data[email]', problem!.reason);
  const records: ImportRecord[] = [];
  const contact: ContactRecord = { kind: 'contact', ref };
  const first = form.get('data[merges][FNAME]')?.trim();
  const last = form.get('data[merges][LNAME]')?.trim();
  if (first) contact.firstName = first;
  if (last) contact.lastName = last;
  const memberId = type === 'upemail' ? data('new_id') : data('id');
  const props: Record<string, string> = {};
  if (memberId) props.mailchimpWebhookId = memberId;
  if (type === 'upemail' && data('old_email')) props.previousEmail = data('old_email')!;
  if (Object.keys(props).length) contact.properties = props;
  records.push(contact);
  const status = MEMBERSHIP[type];
  if (status) {
    if (!listId) return reject('data[list_id]', `a ${type} event needs data[list_id]`);
    const reason = data('reason');
    records.push({ kind: 'membership', listExternalId: listId, contact: ref, status, at: firedAt, ...(reason ? { reason } : {}) });
  }
  return { line: 1, records };
}

function parseFiredAt(text: string | null): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
