/** Detection over every fixture (see fixtures/README.md): content decides, not the extension. */
import { readdirSync } from 'node:fs';
import { mailchimpConnector } from '../../../src/connectors/mailchimp';
import { FIXTURES, headOf } from './helpers';

const EXPECTED_KIND: Record<string, string | undefined> = {
  'reports-single.json': 'reports',
  'reports-list.json': 'reports',
  'reports-bad.json': 'reports',
  'reports-truncated.json': 'reports',
  'email-activity.json': 'email-activity',
  'email-activity-pages.ndjson': 'email-activity',
  'email-activity-bad.json': 'email-activity',
  'email-activity-truncated.json': 'email-activity',
  'list-members.json': 'list-members',
  'list-members-bad.json': 'list-members',
  'member-single.json': 'list-members',
  'subscribed_members_export_a6b5da1054.csv': 'audience-csv',
  'unsubscribed_members_export_a6b5da1054.csv': 'audience-csv',
  'cleaned_members_export_a6b5da1054.csv': 'audience-csv',
  'subscribed_members_export_badd8a7e00.csv': 'audience-csv',
  // Not claimed by any kind: the user gets "unknown file" rather than a misleading parse.
  'subscribed_members_export_de11a1e700.csv': undefined,
  'subscribed_members_export_e0e0e0e0e0.csv': undefined,
  'empty.json': undefined,
  'api-error.json': undefined,
  'members_export_a6b5da1054.zip': undefined,
};

function detectedKind(file: string): string | undefined {
  const head = headOf(file);
  return mailchimpConnector.fileKinds.find((kind) => kind.detect(head, file))?.name;
}

describe('mailchimp connector', () => {
  it('is one Mailchimp connector with its five file kinds (the list webhook among them)', () => {
    expect(mailchimpConnector.source).toBe('mailchimp');
    expect(mailchimpConnector.displayName).toBe('Mailchimp');
    expect(mailchimpConnector.fileKinds.map((kind) => kind.name)).toEqual(['reports', 'email-activity', 'list-members', 'audience-csv', 'webhook']);
  });

  it('has an expected kind written down for every fixture', () => {
    const files = readdirSync(FIXTURES).filter((file) => file !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(EXPECTED_KIND).sort());
  });

  it.each(Object.entries(EXPECTED_KIND))('detects %s as %s from its content', (file, kind) => {
    expect(detectedKind(file)).toBe(kind);
  });

  it('detects from content whatever the file is called', () => {
    const head = headOf('email-activity.json');
    expect(mailchimpConnector.fileKinds.find((kind) => kind.detect(head, 'download.txt'))?.name).toBe('email-activity');
  });
});
