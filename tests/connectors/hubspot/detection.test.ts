import { hubspotConnector } from '../../../src/connectors/hubspot';
import { fixturePath, headOf } from './helpers';

/** The first kind whose detect() accepts the file, as the importer picks it. */
async function detectedKind(name: string): Promise<string | undefined> {
  const head = await headOf(name);
  return hubspotConnector.fileKinds.find((kind) => kind.detect(head, fixturePath(name)))?.name;
}

describe('HubSpot file detection', () => {
  it('is one connector object with five file kinds (the app webhook among them)', () => {
    expect(hubspotConnector.source).toBe('hubspot');
    expect(hubspotConnector.fileKinds.map((kind) => kind.name)).toEqual(['deals-csv', 'contacts-csv', 'email-events', 'crm-objects', 'webhook']);
  });

  it.each([
    ['contacts.csv', 'contacts-csv'],
    ['contacts-semicolon.csv', 'contacts-csv'],
    ['contacts-bad.csv', 'contacts-csv'],
    ['deals.csv', 'deals-csv'],
    ['deals-with-contacts.csv', 'deals-csv'],
    ['deals-bad.csv', 'deals-csv'],
    ['email-events.json', 'email-events'],
    ['email-events-array.json', 'email-events'],
    ['email-events-bad.json', 'email-events'],
    ['crm-contacts-search.json', 'crm-objects'],
    ['crm-contacts-page.json', 'crm-objects'],
    ['crm-deals.json', 'crm-objects'],
  ])('reads %s as %s from its content', async (name, kind) => {
    expect(await detectedKind(name)).toBe(kind);
  });

  it.each(['contacts-pipe.csv', 'rate-limit-error.json', 'empty.csv', 'binary.xlsx'])('claims no kind for %s', async (name) => {
    expect(await detectedKind(name)).toBeUndefined();
  });

  it('does not look at the file name', async () => {
    const head = await headOf('deals.csv');
    expect(hubspotConnector.fileKinds.find((kind) => kind.detect(head, 'contacts.csv'))?.name).toBe('deals-csv');
  });
});
