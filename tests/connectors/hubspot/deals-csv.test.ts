import { dealsCsv } from '../../../src/connectors/hubspot/deals-csv';
import { parseFixture, recordsOf, rejectionsOf } from './helpers';

describe('HubSpot deals CSV export', () => {
  it('yields one deal per row with status from the stage label and the stage as its internal id', async () => {
    const outputs = await parseFixture(dealsCsv, 'deals.csv');
    expect(outputs).toHaveLength(5);
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([2, 3, 4, 5, 6]);
    expect(recordsOf(outputs)).toEqual([
      {
        kind: 'deal',
        externalId: '9001',
        name: 'Acme renewal',
        amount: 1500,
        stage: 'closedwon',
        status: 'WON',
        createdAt: new Date('2024-02-01T09:00:00Z'),
        closedAt: new Date('2024-03-28T17:00:00Z'),
      },
      {
        kind: 'deal',
        externalId: '9002',
        name: 'Globex pilot',
        amount: 250,
        stage: 'closedlost',
        status: 'LOST',
        createdAt: new Date('2024-03-01T10:00:00Z'),
        closedAt: new Date('2024-04-02T12:00:00Z'),
      },
      // Open deals: the close date is a forecast, so no closedAt; an empty amount is no amount, not 0.
      { kind: 'deal', externalId: '9003', name: 'Initech expansion', stage: 'appointmentscheduled', status: 'OPEN', createdAt: new Date('2024-05-10T08:30:00Z') },
      // A custom pipeline's stage label means nothing to us: kept as given, the deal stays OPEN.
      { kind: 'deal', externalId: '9004', name: 'Umbrella enterprise', amount: 42000.5, stage: 'Negotiation', status: 'OPEN', createdAt: new Date('2024-05-20T11:45:00Z') },
      {
        kind: 'deal',
        externalId: '9005',
        name: 'Stark, Inc. upgrade',
        amount: 9999.99,
        stage: 'decisionmakerboughtin',
        status: 'OPEN',
        createdAt: new Date('2024-05-21T16:20:00Z'),
      },
    ]);
  });

  it('reads close and create dates in the import time zone', async () => {
    const [won] = recordsOf(await parseFixture(dealsCsv, 'deals.csv', 'Europe/Berlin'));
    expect(won).toMatchObject({ createdAt: new Date('2024-02-01T08:00:00Z'), closedAt: new Date('2024-03-28T16:00:00Z') });
  });

  it('links a deal to the first of its associated contact ids when the export has them', async () => {
    const records = recordsOf(await parseFixture(dealsCsv, 'deals-with-contacts.csv'));
    expect(records).toEqual([
      {
        kind: 'deal',
        externalId: '9101',
        name: "Maria's first order",
        contact: { externalId: '57156923994' },
        amount: 780,
        stage: 'closedwon',
        status: 'WON',
        createdAt: new Date('2024-10-01T10:00:00Z'),
        closedAt: new Date('2024-10-21T21:36:00Z'),
      },
      { kind: 'deal', externalId: '9102', name: 'Unassigned lead deal', amount: 120, stage: 'qualifiedtobuy', status: 'OPEN', createdAt: new Date('2024-10-02T11:00:00Z') },
    ]);
  });

  it('rejects non-numeric amounts, bad dates and missing stages, naming the column', async () => {
    const outputs = await parseFixture(dealsCsv, 'deals-bad.csv');
    expect(outputs).toHaveLength(5);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      {
        line: 2,
        field: 'Amount',
        reason: '"Amount" is not a number (got "1,500.00"); HubSpot amounts are plain decimals such as 1500.00, without currency signs or thousands separators',
      },
      {
        line: 3,
        field: 'Amount',
        reason: '"Amount" is not a number (got "$200"); HubSpot amounts are plain decimals such as 1500.00, without currency signs or thousands separators',
      },
      { line: 4, field: 'Close Date', reason: '"Close Date" is not a date (got "next week"); expected YYYY-MM-DD HH:mm, YYYY-MM-DD HH:mm:ss or YYYY-MM-DD' },
      { line: 5, field: 'Deal Stage', reason: '"Deal Stage" is empty: a deal\'s status (open, won, lost) comes from its stage' },
    ]);
    expect(recordsOf(outputs)).toEqual([
      { kind: 'deal', externalId: '9205', name: 'Good deal', amount: 500, stage: 'contractsent', status: 'OPEN', createdAt: new Date('2024-02-01T09:00:00Z') },
    ]);
  });

  it('refuses a contacts export, which has no "Deal Stage" column', async () => {
    await expect(parseFixture(dealsCsv, 'contacts.csv')).rejects.toThrow(/missing column "Deal Stage"/);
  });

  it('refuses an empty file and a binary file', async () => {
    await expect(parseFixture(dealsCsv, 'empty.csv')).rejects.toThrow(/the file is empty/);
    await expect(parseFixture(dealsCsv, 'binary.xlsx')).rejects.toThrow(/binary file/);
  });
});
