/** HubSpot app webhook notifications (fixture HS-WH and property changes), mapped to records. */
import { mapNotification } from '../../../src/connectors/hubspot/webhook';

describe('HubSpot webhook notifications', () => {
  it('maps the vendor sample: a lifecyclestage change and a creation', () => {
    expect(mapNotification({ objectId: 1246965, propertyName: 'lifecyclestage', propertyValue: 'subscriber', occurredAt: 1462216307945, eventType: 'contact.propertyChange' }, 1)).toEqual({
      line: 1,
      records: [
        { kind: 'contact', ref: { externalId: '1246965' }, lifecycleStage: 'SUBSCRIBER' },
        { kind: 'lifecycle', contact: { externalId: '1246965' }, stage: 'SUBSCRIBER', at: new Date(1462216307945), cause: 'hubspot webhook: lifecyclestage → subscriber' },
      ],
    });
    expect(mapNotification({ objectId: 1246978, occurredAt: 1462216307945, eventType: 'contact.creation' }, 2)).toEqual({
      line: 2, records: [{ kind: 'contact', ref: { externalId: '1246978' }, createdAt: new Date(1462216307945) }],
    });
  });

  it('keeps e-mail, names and other properties; skips other object types; rejects what it cannot key', () => {
    const email = mapNotification({ objectId: 7, propertyName: 'email', propertyValue: 'x@y.test', occurredAt: 1, subscriptionType: 'contact.propertyChange' }, 1);
    expect(email).toMatchObject({ records: [{ ref: { externalId: '7', email: 'x@y.test' } }] });
    expect(mapNotification({ objectId: 7, propertyName: 'firstname', propertyValue: 'Ada', occurredAt: 1, eventType: 'contact.propertyChange' }, 1)).toMatchObject({ records: [{ firstName: 'Ada' }] });
    expect(mapNotification({ objectId: 7, propertyName: 'hs_lead_status', propertyValue: 'OPEN', occurredAt: 1, eventType: 'contact.propertyChange' }, 1)).toMatchObject({ records: [{ properties: { hs_lead_status: 'OPEN' } }] });
    expect(mapNotification({ objectId: 9, occurredAt: 1, eventType: 'deal.creation' }, 1)).toEqual({ line: 1, records: [] });
    expect(mapNotification({ objectId: 'abc', occurredAt: 1, eventType: 'contact.creation' }, 3)).toMatchObject({ rejected: { line: 3, field: 'objectId' } });
    expect(mapNotification({ objectId: 7, eventType: 'contact.creation' }, 1)).toMatchObject({ rejected: { field: 'occurredAt' } });
  });
});
