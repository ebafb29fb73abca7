/** The notes a run reports through GraphQL, from its stored summary. */
import { notesOf } from '../../src/services/imports';

describe('notesOf', () => {
  it('lists each file’s notes under its name, then the run’s warnings', () => {
    expect(notesOf({
      files: [
        { file: 'chat.txt', kind: 'chat-txt', notes: ['times read in Europe/Berlin (--timezone)'] },
        { file: 'events.ndjson', kind: 'events', notes: [] },
      ],
      warnings: ['metric alerts were not evaluated: timeout'],
    })).toEqual(['chat.txt: times read in Europe/Berlin (--timezone)', 'metric alerts were not evaluated: timeout']);
  });
  it('has nothing to say for a running or old run without them', () => {
    expect(notesOf({ owner: { host: 'h', pid: 1 } })).toEqual([]);
    expect(notesOf(null)).toEqual([]);
  });
});
