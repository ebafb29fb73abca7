/** The SendGrid connector object and content-based detection of its file kinds. */
import { sendgridConnector } from '../../../src/connectors/sendgrid';
import { headOf } from './read-fixture';

/** The kind the importer would pick: the first whose detect() accepts the head. */
function detectedKind(name: string): string | undefined {
  return sendgridConnector.fileKinds.find((kind) => kind.detect(headOf(name), name))?.name;
}

describe('SendGrid connector', () => {
  it('is one connector for source sendgrid with the events and activity-csv kinds', () => {
    expect(sendgridConnector.source).toBe('sendgrid');
    expect(sendgridConnector.displayName).toBe('SendGrid');
    expect(sendgridConnector.fileKinds.map((kind) => kind.name)).toEqual(['events', 'activity-csv']);
  });

  it.each([
    ['all-events.json', 'events'],
    ['per-event-posts.json', 'events'],
    ['signed-posts.json', 'events'],
    ['events.ndjson', 'events'],
    ['single-send-open-ms.json', 'events'],
    ['click-category-array.json', 'events'],
    ['async-bounce.json', 'events'],
    ['unique-args-no-event-id.json', 'events'],
    ['bad-rows.ndjson', 'events'],
    ['unknown-event.json', 'events'],
    ['truncated.json', 'events'],
    ['email-activity.csv', 'activity-csv'],
    ['email-activity-bad-rows.csv', 'activity-csv'],
    ['email-activity-pipes.csv', undefined],
    ['activity-api-response.json', undefined],
    ['all-events.json.gz', undefined],
    ['empty.json', undefined],
  ])('detects %s as %s from its content', (name, kind) => {
    expect(detectedKind(name)).toBe(kind);
  });

  it('does not take the name for the content: an events file named .csv is still events', () => {
    const kind = sendgridConnector.fileKinds.find((candidate) => candidate.detect(headOf('events.ndjson'), 'export.csv'));
    expect(kind?.name).toBe('events');
  });

  it('reads a quoted header row, with a byte-order mark, as an activity export', () => {
    const [, activity] = sendgridConnector.fileKinds;
    expect(activity.detect('\uFEFF"processed","message_id","event","email"\r\n', 'x.csv')).toBe(true);
    expect(activity.detect('processed;message_id;event;email\n', 'x.csv')).toBe(true);
    expect(activity.detect('email,event,timestamp\n', 'x.csv')).toBe(false);
  });
});
