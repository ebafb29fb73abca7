/**
 * One line of a WhatsApp "Export chat" .txt: does it start a message, and if so with which date, time, author
 * and text. Formats follow the app's locale (see source-formats.md §4.1):
 *   Android  `12/31/23, 9:41 PM - Name: text`      `31/12/2023, 21:41 - Name: text`   `13.6.2018 klo 21.25.15 - …`
 *   iOS      `[31/12/23, 9:41:05 PM] Name: text`   `[20.06.19, 15:58:47] Name: text`
 * Recent exports put U+202F (narrow no-break space) before AM/PM and U+200E (left-to-right mark) before the
 * line, before iOS system notices and before media placeholders; `\s` matches U+202F and U+00A0, the marks are
 * stripped where they would get in the way.
 */

/** Unicode direction marks and isolates that exports scatter through lines. */
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const DATE = String.raw`((\d{1,4})[-/.]\s?(\d{1,4})[-/.]\s?(\d{1,4}))\.?`;
// `p. m.` (Spanish, with NBSP), `a.m.`, `PM` (with U+202F) all match the optional meridiem.
const TIME = String.raw`(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:\s?([ap])\.?\s?m\.?)?`;
const IOS_HEADER = new RegExp(String.raw`^\[${DATE},?\s${TIME}\]\s?(.*)$`, 'i');
// Android separates header and body with ` - `; a few locales use `: ` after the time. Finnish puts `klo`
// between date and time, hence the optional short word.
const ANDROID_HEADER = new RegExp(String.raw`^${DATE},?\s(?:[^\d\s]{1,5}\s)?${TIME}(?:\s-\s|:\s)(.*)$`, 'i');

export interface ChatLineHeader {
  /** The three date numbers as written (their order depends on the exporting phone's locale). */
  dateTokens: [string, string, string];
  /** The date as written, for messages. */
  dateText: string;
  hour: number;
  minute: number;
  second: number;
  /** 'a' or 'p' for 12-hour clocks; absent for 24-hour clocks. */
  meridiem?: 'a' | 'p';
  /** What follows the header: `Author: text`, or a system notice. */
  body: string;
}

export function stripDirectionMarks(text: string): string {
  return text.replace(DIRECTION_MARKS, '');
}

/** The header of a line that starts a message, or undefined for a continuation line. */
export function parseHeader(line: string): ChatLineHeader | undefined {
  const text = line.replace(/^[\u200E\u200F\uFEFF]+/, '');
  const match = IOS_HEADER.exec(text) ?? ANDROID_HEADER.exec(text);
  if (!match) return undefined;
  const [, dateText, first, second, third, hour, minute, seconds, meridiem, body] = match;
  return {
    dateTokens: [first, second, third],
    dateText,
    hour: Number(hour),
    minute: Number(minute),
    second: seconds === undefined ? 0 : Number(seconds),
    meridiem: meridiem === undefined ? undefined : (meridiem.toLowerCase() as 'a' | 'p'),
    body,
  };
}

export type ChatBody = { system: true; text: string } | { system: false; author: string; text: string };

// A name never holds quotes: this keeps `Bob changed the subject from "A" to "B: C"` a system line, the pitfall
// that whatsapp-chat-parser falls into.
const AUTHOR_AND_TEXT = /^([^"“”«»:]{1,80}?):\s?(.*)$/s;

/**
 * iOS attributes some notices to the chat partner (`[…] Rahul: ‎Messages and calls are end-to-end encrypted…`),
 * always with a U+200E before the text. Only such marked texts are tested against these phrases, so a contact
 * who types "I added the file" stays a message.
 */
const MARKED_NOTICE =
  /^(messages and calls are end-to-end encrypted|messages to this (chat|group) are now secured|missed (voice|video) call|your security code with|this (chat|business) |disappearing messages|.{1,60} (created group|added|left|removed|changed the (subject|group)|joined using))|end-to-end|ende-zu-ende|extremo a extremo|de bout en bout|ponta a ponta/i;

/** Splits a header's body into author and text; lines without an author are system notices. */
export function splitBody(body: string): ChatBody {
  const match = AUTHOR_AND_TEXT.exec(body);
  if (!match) return { system: true, text: stripDirectionMarks(body) };
  const author = cleanAuthor(match[1]);
  const text = match[2];
  if (author === '') return { system: true, text: stripDirectionMarks(body) };
  if (text.startsWith('\u200E') && MARKED_NOTICE.test(stripDirectionMarks(text).trim())) {
    return { system: true, text: stripDirectionMarks(text) };
  }
  return { system: false, author, text };
}

/** Drops direction marks and the `~ ` that group chats put before names not in the address book. */
function cleanAuthor(raw: string): string {
  return stripDirectionMarks(raw).replace(/^~\s*/, '').trim();
}
