/**
 * File kind `chat-txt`: the WhatsApp app's "Export chat" .txt (Android `WhatsApp Chat with <name>.txt`, iOS
 * `_chat.txt`), in the locale variants of source-formats.md §4.1.
 *
 * Bounded look-ahead: the first LOOKAHEAD_LINES lines are buffered (as assembled messages) before anything is
 * yielded. From them the parser decides the file's day/month order (chat-dates.ts decideDateOrder) and learns
 * the chat's contacts, so the first business message can be addressed before its reply; then it yields the
 * buffer and streams the rest. A date after the window that is impossible in the chosen order is a rejection.
 *
 * Times are the phone's local time without a zone: they are read in `context.timezone` (notes() says which).
 */
import { basename } from 'node:path';
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { readLines, type TextLine } from '../sdk/input';
import { decideDateOrder, wallTimeOf, wallTimeText, type DateOrder, type DateOrderDecision } from './formats/chat-dates';
import { parseHeader, splitBody, type ChatLineHeader } from './formats/chat-line';
import { instantOfWallTime, isKnownTimeZone } from '../sdk/zoned-time';
import { ChatConversation } from './map-chat';

export const LOOKAHEAD_LINES = 10_000;
/** A "message" longer than this is a file that merely starts like a chat export. */
const MAX_MESSAGE_CHARS = 1024 * 1024;

interface ChatEntry {
  line: number;
  header: ChatLineHeader;
  /** The header line and its continuation lines, as written. */
  rawLines: string[];
}

type Assembled = { entry: ChatEntry } | { orphan: TextLine };

/** The day/month decision of each parse, for notes(); keyed by the context object the SDK passes to both. */
const decisions = new WeakMap<ParseContext, DateOrderDecision>();

/** ParseContext has no business-name option yet: when it gets one, return `context.businessName` here. */
function configuredBusinessName(_context: ParseContext): string | undefined {
  return undefined;
}

export const chatTxt: FileKind = {
  name: 'chat-txt',
  description: 'WhatsApp "Export chat" .txt (Android or iOS, any date format); times are read in the import time zone',
  detect(head) {
    const firstLines = head.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 5);
    return firstLines.some((line) => parseHeader(line) !== undefined);
  },
  parse: parseChatExport,
  notes(context) {
    const zoneNote =
      context.timezone === 'UTC'
        ? 'chat times have no zone and were read as UTC (the default); if the exporting phone was elsewhere, re-import with its IANA time zone'
        : `chat times have no zone and were read as ${context.timezone}`;
    const decision = decisions.get(context);
    return decision ? [zoneNote, decision.reason] : [zoneNote];
  },
};

async function* parseChatExport(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const { fileName, timezone } = context;
  if (!isKnownTimeZone(timezone)) {
    throw new UnusableInputError(fileName, undefined, `time zone "${timezone}" is not an IANA zone name; give the exporting phone's zone, e.g. "Europe/Berlin"`);
  }
  const assembled = assembleEntries(readLines(input, fileName), fileName)[Symbol.asyncIterator]();
  const window: Assembled[] = [];
  let next = await assembled.next();
  for (; !next.done && lineOf(next.value) <= LOOKAHEAD_LINES; next = await assembled.next()) window.push(next.value);

  const entries = window.flatMap((item) => ('entry' in item ? [item.entry] : []));
  if (entries.length === 0) {
    const where = next.done ? 'no line' : `none of the first ${LOOKAHEAD_LINES} lines`;
    throw new UnusableInputError(fileName, undefined, `${where} starts with a WhatsApp date and time (like "31/12/23, 21:41 - Name: text"); is this an "Export chat" .txt?`);
  }
  const decision = decideDateOrder(entries.map(({ line, header }) => ({ line, dateTokens: header.dateTokens, dateText: header.dateText })));
  decisions.set(context, decision);

  const conversation = new ChatConversation({ businessName: configuredBusinessName(context), partnerName: partnerFromFileName(fileName) });
  conversation.learnAuthors(entries.flatMap(({ header }) => {
    const body = splitBody(header.body);
    return body.system ? [] : [body.author];
  }));

  const toOutput = (item: Assembled): ParseOutput =>
    'orphan' in item
      ? { line: item.orphan.line, rejected: { line: item.orphan.line, reason: 'this line is not part of any message: it comes before the first line that starts with a date and time', raw: item.orphan.text } }
      : mapEntry(item.entry, decision.order, timezone, conversation);
  for (const item of window) yield toOutput(item);
  for (; !next.done; next = await assembled.next()) yield toOutput(next.value);
}

function lineOf(item: Assembled): number {
  return 'entry' in item ? item.entry.line : item.orphan.line;
}

/** Groups lines into messages: a line with a date-time header starts one, other lines continue it. */
async function* assembleEntries(lines: AsyncIterable<TextLine>, fileName: string): AsyncGenerator<Assembled> {
  let current: ChatEntry | undefined;
  let size = 0;
  for await (const line of lines) {
    const header = parseHeader(line.text);
    if (header) {
      if (current) yield { entry: current };
      current = { line: line.line, header, rawLines: [line.text] };
      size = line.text.length;
    } else if (current) {
      size += line.text.length;
      if (size > MAX_MESSAGE_CHARS) {
        throw new UnusableInputError(fileName, current.line, 'the message starting here runs on for more than 1 MiB without another dated line; this is not a chat export');
      }
      current.rawLines.push(line.text);
    } else if (line.text.trim() !== '') {
      yield { orphan: line };
    }
  }
  if (current) yield { entry: current };
}

function mapEntry(entry: ChatEntry, order: DateOrder, timezone: string, conversation: ChatConversation): ParseOutput {
  const { line, header, rawLines } = entry;
  const raw = rawLines.join('\n');
  const wallTime = wallTimeOf(header, order);
  if ('field' in wallTime) return { line, rejected: { line, field: wallTime.field, reason: wallTime.reason, raw } };
  const body = splitBody(header.body);
  if (body.system) return { line, records: [] };
  const text = [body.text, ...rawLines.slice(1)].join('\n').trimEnd();
  const result = conversation.map({
    line,
    author: body.author,
    text,
    wallTime: wallTimeText(wallTime),
    occurredAt: instantOfWallTime(wallTime, timezone),
  });
  return 'records' in result ? { line, records: result.records } : { line, rejected: { line, field: result.field, reason: result.reason, raw } };
}

/**
 * Android names the file after the chat: "WhatsApp Chat with Rahul.txt", localised ("WhatsApp-Chat mit …",
 * "Chat de WhatsApp con …", "Discussion WhatsApp avec …"); a second export gets " (1)".
 */
export function partnerFromFileName(fileName: string): string | undefined {
  const match = /^(?:.*WhatsApp.*?\s(?:with|mit|con|avec|com|met)\s|WhatsApp Chat - )(.+?)(?:\s\(\d+\))?\.txt$/i.exec(basename(fileName));
  return match ? match[1].trim() : undefined;
}
