/**
 * Header formats from whatsapp-chat-parser's tests/parser.test.ts (commit 57484d5, source-formats.md WA-TXT-1):
 * each line is its own file there, so each is decided on its own here. Invisible characters as in the original:
 * format8 starts with U+200E, format11 has U+00A0 between "p." and "m.", format12 has U+202F before "PM".
 */
import { decideDateOrder, wallTimeOf, wallTimeText } from '../../../src/connectors/whatsapp/formats/chat-dates';
import { parseHeader, splitBody } from '../../../src/connectors/whatsapp/formats/chat-line';
import { instantOfWallTime } from '../../../src/connectors/sdk/zoned-time';

function wallTimeOfLine(line: string): string {
  const header = parseHeader(line);
  if (!header) throw new Error(`not a header: ${line}`);
  const { order } = decideDateOrder([{ line: 1, dateTokens: header.dateTokens, dateText: header.dateText }]);
  const time = wallTimeOf(header, order);
  if ('field' in time) throw new Error(time.reason);
  return wallTimeText(time);
}

describe('chat line headers', () => {
  test.each([
    ['format1', '3/6/18, 1:55 p.m. - a: m', '2018-06-03T13:55:00'],
    ['format2', '03-06-2018, 01.55 PM - a: m', '2018-06-03T13:55:00'],
    ['format3', '13.06.18 21.25.15: a: m', '2018-06-13T21:25:15'],
    ['format4', '[06.13.18 21:25:15] a: m', '2018-06-13T21:25:15'],
    ['format5', '13.6.2018 klo 21.25.15 - a: m', '2018-06-13T21:25:15'],
    ['format7', '[3/6/18 1:55:00 p. m.] a: m', '2018-06-03T13:55:00'],
    ['format8', '\u200E[3/6/18 1:55:00 p. m.] a: m', '2018-06-03T13:55:00'],
    ['format9', '[2018/06/13, 21:25:15] a: m', '2018-06-13T21:25:15'],
    ['format11', '3/6/2018 1:55 p.\u00A0m. - a: m', '2018-06-03T13:55:00'],
    ['format12', '3/6/18, 1:55\u202FPM - a: m', '2018-06-03T13:55:00'],
  ])('%s "%s" is a message from "a" at %s', (_name, line, expected) => {
    expect(wallTimeOfLine(line)).toBe(expected);
    expect(splitBody(parseHeader(line)!.body)).toEqual({ system: false, author: 'a', text: 'm' });
  });

  test('a header with no separator after the time (format6) is not recognised and reads as a continuation line', () => {
    expect(parseHeader('13. 6. 2018. 21:25:15 a: m')).toBeUndefined();
  });

  test('a year written between day and month (format10) is rejected as not a date', () => {
    const header = parseHeader('[06/2018/13, 21:25:15] a: m')!;
    expect(wallTimeOf(header, 'DMY')).toEqual({ field: 'date', reason: '"06/2018/13" is not a day, month and year' });
  });

  test('12 AM is midnight and 12 PM is noon', () => {
    expect(wallTimeOfLine('12/31/23, 12:05 AM - a: m')).toBe('2023-12-31T00:05:00');
    expect(wallTimeOfLine('12/31/23, 12:05 PM - a: m')).toBe('2023-12-31T12:05:00');
  });

  test('lines without an author, and authored iOS notices marked with U+200E, are system lines', () => {
    expect(splitBody(parseHeader('12/31/23, 9:41 PM - Bob changed the subject from "A" to "B: C"')!.body)).toEqual({
      system: true,
      text: 'Bob changed the subject from "A" to "B: C"',
    });
    expect(splitBody(parseHeader('[20.06.19, 15:58:47] Loris added Emily')!.body).system).toBe(true);
    expect(splitBody(parseHeader('[31/12/23, 9:00:00 PM] Rahul: \u200EMissed voice call')!.body).system).toBe(true);
    // Typed text and media placeholders stay messages.
    expect(splitBody(parseHeader('[31/12/23, 9:00:00 PM] Rahul: I added the file')!.body).system).toBe(false);
    expect(splitBody(parseHeader('[31/12/23, 9:00:00 PM] Rahul: \u200Eimage omitted')!.body).system).toBe(false);
  });
});

describe('wall time in a time zone', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute, second: 0 });

  test('a wall time is converted with the zone offset in force on that date', () => {
    expect(instantOfWallTime(wall(2024, 1, 15, 12, 0), 'Europe/Berlin')).toEqual(new Date('2024-01-15T11:00:00Z'));
    expect(instantOfWallTime(wall(2024, 7, 15, 12, 0), 'Europe/Berlin')).toEqual(new Date('2024-07-15T10:00:00Z'));
    expect(instantOfWallTime(wall(2024, 7, 15, 12, 0), 'Asia/Kolkata')).toEqual(new Date('2024-07-15T06:30:00Z'));
    expect(instantOfWallTime(wall(2024, 7, 15, 12, 0), 'America/New_York')).toEqual(new Date('2024-07-15T16:00:00Z'));
  });

  test('a wall time skipped by the spring change moves forward, a repeated one takes its first occurrence', () => {
    expect(instantOfWallTime(wall(2024, 3, 31, 2, 30), 'Europe/Berlin')).toEqual(new Date('2024-03-31T01:30:00Z'));
    expect(instantOfWallTime(wall(2024, 10, 27, 2, 30), 'Europe/Berlin')).toEqual(new Date('2024-10-27T00:30:00Z'));
  });
});
