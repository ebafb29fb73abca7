import { mapCrmDeal, mapCrmObject } from '../../../src/connectors/hubspot/crm-objects-map';
import { crmObjects } from '../../../src/connectors/hubspot/crm-objects';
import { contactsCsv } from '../../../src/connectors/hubspot/contacts-csv';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { parseFixture, recordsOf, rejectionsOf } from './helpers';

describe('HubSpot CRM v3 list responses', () => {
  it('maps the documented search response onto two contacts', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-contacts-search.json');
    expect(outputs).toEqual([
      {
        line: 4,
        records: [
          { kind: 'contact', ref: { externalId: '100451', email: 'testperson@hubspot.com' }, firstName: 'Test', lastName: 'Person', createdAt: new Date('2024-01-17T19:55:04.281Z') },
        ],
      },
      {
        line: 18,
        records: [
          {
            kind: 'contact',
            ref: { externalId: '57156923994', email: 'emailmaria@hubspot.com' },
            firstName: 'Maria',
            lastName: 'Johnson (Sample Contact)',
            createdAt: new Date('2024-09-11T18:21:50.012Z'),
          },
        ],
      },
    ]);
  });

  it('maps internal lifecycle values and stage dates like the CSV export maps labels and columns', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-contacts-page.json');
    expect(outputs).toHaveLength(5);
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(recordsOf(outputs)).toHaveLength(14);
    const ref = { externalId: '100451', email: 'testperson@hubspot.com' };
    expect(outputs.map((output) => output.line)).toEqual([3, 24, 69, 85, 100]);
    expect(outputs[0]).toEqual({
      line: 3,
      records: [
        {
          kind: 'contact',
          ref,
          firstName: 'Test',
          lastName: 'Person',
          createdAt: new Date('2024-01-17T19:55:04.281Z'),
          lifecycleStage: 'MQL',
          properties: { lifecyclestage: 'marketingqualifiedlead', hs_lead_status: 'OPEN', hs_analytics_source: 'ORGANIC_SEARCH' },
        },
        { kind: 'lifecycle', contact: ref, stage: 'SUBSCRIBER', at: new Date('2024-01-17T19:55:04.281Z'), cause: 'hubspot: hs_lifecyclestage_subscriber_date' },
        { kind: 'lifecycle', contact: ref, stage: 'LEAD', at: new Date('2024-02-01T09:30:00Z'), cause: 'hubspot: hs_lifecyclestage_lead_date' },
        { kind: 'lifecycle', contact: ref, stage: 'MQL', at: new Date('2024-03-05T14:12:45Z'), cause: 'hubspot: hs_lifecyclestage_marketingqualifiedlead_date' },
      ],
    });
    // The same contact from the CSV export (UTC) reaches the same stages (the CSV has minute precision).
    const [csvRow] = await parseFixture(contactsCsv, 'contacts.csv');
    const stagesOf = (records: unknown[]) => (records as { kind: string; stage?: string }[]).filter((r) => r.kind === 'lifecycle').map((r) => r.stage);
    expect('records' in csvRow && stagesOf(csvRow.records)).toEqual(stagesOf((outputs[0] as { records: unknown[] }).records));
  });

  it('uses propertiesWithHistory as the stage history when the response has it, oldest change first', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-contacts-page.json');
    const maria = { externalId: '57156923994', email: 'emailmaria@hubspot.com', phone: '+1 617-555-0100' };
    expect(outputs[1]).toEqual({
      line: 24,
      records: [
        {
          kind: 'contact',
          ref: maria,
          firstName: 'Maria',
          lastName: 'Johnson (Sample Contact)',
          createdAt: new Date('2024-09-11T18:21:50.012Z'),
          lifecycleStage: 'CUSTOMER',
          properties: { lifecyclestage: 'customer' },
        },
        { kind: 'lifecycle', contact: maria, stage: 'LEAD', at: new Date('2024-09-11T18:21:50.012Z'), cause: 'hubspot: lifecyclestage history (FORM)' },
        { kind: 'lifecycle', contact: maria, stage: 'SQL', at: new Date('2024-09-20T00:00:00Z'), cause: 'hubspot: lifecyclestage history (CRM_UI)' },
        { kind: 'lifecycle', contact: maria, stage: 'OPPORTUNITY', at: new Date('2024-10-01T10:00:00Z'), cause: 'hubspot: lifecyclestage history (DEALS)' },
        { kind: 'lifecycle', contact: maria, stage: 'CUSTOMER', at: new Date('2024-10-21T21:36:02.961Z'), cause: 'hubspot: lifecyclestage history (CRM_UI)' },
      ],
    });
  });

  it('applies the evangelist, other and custom-stage choices, and reads the newer hs_v2_date_entered_ dates', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-contacts-page.json');
    expect(outputs[2]).toMatchObject({
      records: [
        { kind: 'contact', lifecycleStage: 'CUSTOMER', properties: { lifecyclestage: 'evangelist' } },
        { kind: 'lifecycle', stage: 'CUSTOMER', at: new Date('2023-05-02T08:00:00Z'), cause: 'hubspot: hs_lifecyclestage_customer_date' },
      ],
    });
    expect((outputs[2] as { records: unknown[] }).records).toHaveLength(2);
    expect(outputs[3]).toEqual({
      line: 85,
      records: [
        { kind: 'contact', ref: { externalId: '302', email: 'other@example.com' }, createdAt: new Date('2023-01-05T08:00:00Z'), properties: { lifecyclestage: 'other' } },
        { kind: 'lifecycle', contact: { externalId: '302', email: 'other@example.com' }, stage: 'LEAD', at: new Date('2023-01-05T08:00:00Z'), cause: 'hubspot: hs_v2_date_entered_lead' },
      ],
    });
    expect(outputs[4]).toEqual({
      line: 100,
      records: [{ kind: 'contact', ref: { externalId: '303', email: 'custom@example.com' }, createdAt: new Date('2024-02-02T10:00:00Z'), properties: { lifecyclestage: '123456789' } }],
    });
  });

  it('maps deals with status from the stage or the closed flags, amount from its string, and the associated contact', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-deals.json');
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(recordsOf(outputs)).toEqual([
      {
        kind: 'deal',
        externalId: '9001',
        name: 'Acme renewal',
        contact: { externalId: '100451' },
        amount: 1500,
        currency: 'EUR',
        stage: 'closedwon',
        status: 'WON',
        createdAt: new Date('2019-10-30T03:30:17.883Z'),
        closedAt: new Date('2019-12-07T16:50:06.678Z'),
      },
      // A custom pipeline's numeric stage: hs_is_closed without hs_is_closed_won says lost.
      { kind: 'deal', externalId: '9002', name: 'Globex pilot', amount: 250, stage: '1234567', status: 'LOST', createdAt: new Date('2024-03-01T10:00:00Z'), closedAt: new Date('2024-04-02T12:00:00Z') },
      { kind: 'deal', externalId: '9003', name: 'Initech expansion', stage: 'qualifiedtobuy', status: 'OPEN', createdAt: new Date('2024-05-10T08:30:00Z') },
    ]);
  });

  it('rejects bad dates, non-numeric amounts, non-string properties and unidentifiable objects, keeping the good ones', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-bad.json');
    expect(outputs).toHaveLength(6);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 3, field: 'closedate', reason: '"closedate" is not an ISO 8601 date (got "tomorrow")' },
      { line: 16, field: 'amount', reason: '"amount" is not a number (got "abc"); HubSpot amounts are plain decimals such as 1500.00, without currency signs or thousands separators' },
      {
        line: 28,
        field: 'properties',
        reason:
          'cannot tell whether object 9303 is a contact or a deal from its properties (hs_object_id, createdate); request contacts with properties=email,lifecyclestage or deals with properties=dealname,dealstage',
      },
      { line: 38, field: 'properties.hs_analytics_num_visits', reason: '"properties.hs_analytics_num_visits" is not a string: HubSpot sends every property value as a string (got 12)' },
      { line: 49, field: 'id', reason: '"id" is missing' },
    ]);
    expect(recordsOf(outputs)).toEqual([
      { kind: 'contact', ref: { externalId: '9306', email: 'fine@example.com' }, firstName: 'Fine', createdAt: new Date('2024-01-01T00:00:00Z'), lifecycleStage: 'LEAD', properties: { lifecyclestage: 'lead' } },
    ]);
  });

  it('keeps the result that closes before the file ends and rejects the result it ends inside', async () => {
    const outputs = await parseFixture(crmObjects, 'crm-truncated.json');
    expect(outputs).toEqual([
      {
        line: 4,
        records: [
          { kind: 'contact', ref: { externalId: '100451', email: 'testperson@hubspot.com' }, firstName: 'Test', lastName: 'Person', createdAt: new Date('2024-01-17T19:55:04.281Z') },
        ],
      },
      { line: 18, rejected: expect.objectContaining({ line: 18, reason: 'truncated JSON: the file ends inside this element of "results"' }) },
    ]);
    expect(rejectionsOf(outputs)[0].raw).toContain('"id": "57156923994"');
  });

  it('refuses JSON that is not a CRM response, an empty file and a binary file', async () => {
    await expect(parseFixture(crmObjects, 'rate-limit-error.json')).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(crmObjects, 'rate-limit-error.json')).rejects.toThrow(/this is not a HubSpot CRM response/);
    await expect(parseFixture(crmObjects, 'empty.csv')).rejects.toThrow(/the file is empty/);
    await expect(parseFixture(crmObjects, 'binary.xlsx')).rejects.toThrow(/binary file/);
  });

  it('exports pure mappers that an API pull can call on one result', () => {
    const result = { id: '77', properties: { dealname: 'Pulled', dealstage: 'closedlost', amount: '10', closedate: '2024-01-02T00:00:00Z' } };
    expect(mapCrmObject(result)).toEqual({
      records: [{ kind: 'deal', externalId: '77', name: 'Pulled', amount: 10, stage: 'closedlost', status: 'LOST', closedAt: new Date('2024-01-02T00:00:00Z') }],
    });
    expect(mapCrmDeal({ id: '78', properties: { dealstage: 'contractsent', amount: 'ten' } })).toEqual({
      field: 'amount',
      reason: '"amount" is not a number (got "ten"); HubSpot amounts are plain decimals such as 1500.00, without currency signs or thousands separators',
    });
  });
});
