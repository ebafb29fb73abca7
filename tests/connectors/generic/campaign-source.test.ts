import { genericConnector } from '../../../src/connectors/generic';
import type { ParseOutput } from '../../../src/connectors/sdk/connector';

const ndjson = genericConnector.fileKinds.find((kind) => kind.name === 'events-ndjson')!;

async function parse(lines: object[]): Promise<ParseOutput[]> {
  const text = lines.map((line) => JSON.stringify(line)).join('\n');
  const outputs: ParseOutput[] = [];
  for await (const output of ndjson.parse((async function* () { yield Buffer.from(text); })(), { fileName: 'site.ndjson', timezone: 'UTC' })) outputs.push(output);
  return outputs;
}

describe('generic rows about another source’s campaign', () => {
  it('name the campaign with campaign_source and emit no campaign record of their own', async () => {
    const [output] = await parse([{ type: 'read', contact: 'ada@example.com', timestamp: '2026-01-01T10:30:00Z', campaign: 'singlesend:launch', campaign_source: 'SendGrid', read_seconds: 12, id: 'r1' }]);
    expect(output).toEqual({
      line: 1,
      records: [{ kind: 'event', sourceEventId: 'r1', type: 'READ', occurredAt: new Date('2026-01-01T10:30:00Z'), contact: { email: 'ada@example.com' }, campaignExternalId: 'singlesend:launch', campaignSource: 'sendgrid', readSeconds: 12 }],
    });
  });

  it('reject an unknown campaign_source, or one without a campaign, naming the field', async () => {
    const outputs = await parse([
      { type: 'read', contact: 'ada@example.com', timestamp: '2026-01-01T10:30:00Z', campaign: 'x', campaign_source: 'klaviyo', read_seconds: 3 },
      { type: 'page_view', contact: 'ada@example.com', timestamp: '2026-01-01T10:30:00Z', campaign_source: 'sendgrid' },
    ]);
    expect(outputs.map((output) => ('rejected' in output ? output.rejected.field : 'records'))).toEqual(['campaign_source', 'campaign']);
    expect('rejected' in outputs[0] && outputs[0].rejected.reason).toBe('"campaign_source" must be one of sendgrid, mailchimp, hubspot, whatsapp (got "klaviyo")');
  });
});
