import { chatTxt, LOOKAHEAD_LINES } from '../../../src/connectors/whatsapp/chat-txt';
// Generated input, not a fixture file: the window is 10 000 lines, and what is tested is when lines are pulled.

describe('WhatsApp chat export: the bounded look-ahead', () => {
  // A long chat whose first LOOKAHEAD_LINES lines never show a number above 12 (always the 5th of May or 5/5).
  async function* longChat(total: number, pulled: { lines: number }): AsyncGenerator<string> {
    for (let index = 0; index < total; index++) {
      pulled.lines++;
      const minute = String(index % 60).padStart(2, '0');
      yield index % 2 === 0 ? `05/05/2024, 10:${minute} - Acme Solar: offer ${index}\n` : `05/05/2024, 10:${minute} - Bea: ok ${index}\n`;
    }
    pulled.lines++;
    yield '05/13/2024, 11:00 - Bea: read as day/month this has no month 13\n';
  }

  test('the first output comes after the window is read, not after the whole file', async () => {
    const pulled = { lines: 0 };
    const total = LOOKAHEAD_LINES * 3;
    for await (const output of chatTxt.parse(longChat(total, pulled), { fileName: '_chat.txt', timezone: 'UTC' })) {
      expect(output.line).toBe(1);
      break;
    }
    expect(pulled.lines).toBeGreaterThan(LOOKAHEAD_LINES);
    expect(pulled.lines).toBeLessThan(total);
  });

  test('a date after the window that the chosen order cannot read is rejected, not re-interpreted', async () => {
    const outputs = [];
    const context = { fileName: '_chat.txt', timezone: 'UTC' };
    for await (const output of chatTxt.parse(longChat(LOOKAHEAD_LINES + 10, { lines: 0 }), context)) outputs.push(output);
    // 5/5 reads the same either way, so the window falls back to day/month; 05/13 comes too late to change that.
    expect(chatTxt.notes?.(context)?.[1]).toBe('no date tells whether the day or the month comes first; assumed day/month/year (most locales) — check the imported dates');
    expect(outputs).toHaveLength(LOOKAHEAD_LINES + 11);
    expect(outputs.filter((output) => 'rejected' in output)).toEqual([
      {
        line: LOOKAHEAD_LINES + 11,
        rejected: {
          line: LOOKAHEAD_LINES + 11,
          field: 'date',
          reason: '"05/13/2024" has no month 13 when read as day/month/year, the order of this file',
          raw: '05/13/2024, 11:00 - Bea: read as day/month this has no month 13',
        },
      },
    ]);
  });
});
