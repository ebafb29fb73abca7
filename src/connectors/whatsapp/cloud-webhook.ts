/**
 * File kind `cloud-webhook`: saved WhatsApp Business Cloud API webhook bodies (field `messages`, source-formats.md
 * §4.2) — one body per line (NDJSON), a JSON array of bodies, or bodies pretty-printed one after another.
 * Each status and each inbound message is one output, at the line where its body starts.
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { readJsonValues } from '../sdk/input';
import { WebhookMapper } from './map-webhook';
import { envelopeSchema, describeIssue } from './schemas';

export const cloudWebhook: FileKind = {
  name: 'cloud-webhook',
  description: 'WhatsApp Business Cloud API webhook bodies (statuses and inbound messages), NDJSON or JSON',
  detect(head) {
    return /"object"\s*:\s*"whatsapp_business_account"/.test(head);
  },
  parse: parseWebhookBodies,
};

async function* parseWebhookBodies(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const mapper = new WebhookMapper();
  for await (const document of readJsonValues(input, context.fileName)) {
    const { line, raw } = document;
    if ('error' in document) {
      yield { line, rejected: { line, reason: document.error, raw } };
      continue;
    }
    const envelope = envelopeSchema.safeParse(document.value);
    if (!envelope.success) {
      const { field, reason } = describeIssue(envelope.error, '');
      yield { line, rejected: { line, field, reason: `not a WhatsApp Business webhook body: ${reason}`, raw } };
      continue;
    }
    for (const entry of envelope.data.entry) {
      for (const change of entry.changes) {
        // Other fields (account_update, message_template_status_update …) carry no message engagement.
        if (change.field !== 'messages') {
          yield { line, records: [] };
          continue;
        }
        const { statuses = [], messages = [], contacts = [] } = change.value;
        // A body with only `errors` (a webhook-level problem Meta reports) carries no engagement either.
        if (statuses.length === 0 && messages.length === 0) yield { line, records: [] };
        const outputs = [
          ...statuses.map((item, index) => ({ item, result: mapper.mapStatus(item, `statuses[${index}]`, contacts) })),
          ...messages.map((item, index) => ({ item, result: mapper.mapInbound(item, `messages[${index}]`, contacts) })),
        ];
        for (const { item, result } of outputs) {
          yield 'records' in result
            ? { line, records: result.records }
            : { line, rejected: { line, field: result.field, reason: result.reason, raw: JSON.stringify(item) } };
        }
      }
    }
  }
}
