/**
 * Chat export messages → import records. Pure apart from the per-file memory a conversation needs (who the
 * business is, who the contacts are, the latest business message, which records were already emitted).
 *
 * Who is the business? The export is made on the business's phone, but it does not say whose phone. Rule:
 * the configured business name when there is one, else the author of the first message who is not the chat
 * partner named by an Android file name ("WhatsApp Chat with Rahul.txt"). Campaign chats open with the
 * business's message (WhatsApp only lets a business start a conversation with a template), so the first
 * author is the business; the file-name check covers chats the contact opened.
 *
 * - A business message is a campaign message (identity.ts: campaign keyed by its text) sent to every contact of
 *   the chat: one MessageRecord and one SENT event per contact. Contacts are the other authors found in the
 *   look-ahead window (a 1:1 chat has one), or the partner named by the file name when they never wrote.
 * - A contact's message is a REPLIED event on the latest preceding business message's campaign; before any
 *   business message it is an inquiry: REPLIED without a campaign.
 */
import type { CampaignRecord, ContactRecord, ContactRef, ImportRecord } from '../../domain/model';
import { stripDirectionMarks } from './formats/chat-line';
import { campaignText, chatCampaignId, contactKey, contactRefFromChatName, shortHash, splitName } from './identity';

export interface ChatMessage {
  line: number;
  author: string;
  /** The message text, continuation lines joined with \n. */
  text: string;
  /** Zone-less wall time as the phone showed it (chat-dates.ts wallTimeText). */
  wallTime: string;
  occurredAt: Date;
}

export interface ChatOptions {
  /** The business's display name in the chat, when the user configured it. */
  businessName?: string;
  /** The chat partner named by the file name, if any. */
  partnerName?: string;
}

export type ChatMapResult = { records: ImportRecord[] } | { field: string; reason: string };

export class ChatConversation {
  private business: string | undefined;
  /** Contacts by author name, in the order they were met. */
  private readonly contacts = new Map<string, ContactRef>();
  private readonly emitted = new Set<string>();
  private latestCampaignId: string | undefined;
  private occurrenceWallTime = '';
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly options: ChatOptions) {
    this.business = options.businessName;
  }

  get businessName(): string | undefined {
    return this.business;
  }

  isBusiness(author: string): boolean {
    if (this.business === undefined && author !== this.options.partnerName) this.business = author;
    return author === this.business;
  }

  /** Learns the authors of the look-ahead window, so a business message can be addressed before its reply. */
  learnAuthors(authors: Iterable<string>): void {
    for (const author of authors) if (!this.isBusiness(author)) this.addContact(author);
    const partner = this.options.partnerName;
    if (this.contacts.size === 0 && partner !== undefined) this.addContact(partner);
  }

  map(message: ChatMessage): ChatMapResult {
    return this.isBusiness(message.author) ? this.mapBusinessMessage(message) : this.mapContactMessage(message);
  }

  private mapBusinessMessage(message: ChatMessage): ChatMapResult {
    if (this.contacts.size === 0) {
      return {
        field: 'author',
        reason: `no contact to address this message of "${message.author}" to: the chat has no message from anyone else and the file name does not name the chat partner (rename the file "WhatsApp Chat with <name>.txt")`,
      };
    }
    const campaignId = chatCampaignId(message.text);
    this.latestCampaignId = campaignId;
    const records: ImportRecord[] = [];
    if (this.firstTime(`campaign ${campaignId}`)) records.push(campaignRecord(campaignId, message.text));
    for (const [name, contact] of this.contacts) {
      records.push(...this.contactRecordOnce(name, contact));
      records.push({ kind: 'message', campaignExternalId: campaignId, contact, channel: 'WHATSAPP', sentAt: message.occurredAt });
      records.push({
        kind: 'event',
        sourceEventId: this.eventId('SENT', contact, message),
        type: 'SENT',
        occurredAt: message.occurredAt,
        contact,
        campaignExternalId: campaignId,
        channel: 'WHATSAPP',
        payload: payloadOf(message),
      });
    }
    return { records };
  }

  private mapContactMessage(message: ChatMessage): ChatMapResult {
    const contact = this.addContact(message.author);
    return {
      records: [
        ...this.contactRecordOnce(message.author, contact),
        {
          kind: 'event',
          sourceEventId: this.eventId('REPLIED', contact, message),
          type: 'REPLIED',
          occurredAt: message.occurredAt,
          contact,
          ...(this.latestCampaignId && { campaignExternalId: this.latestCampaignId }),
          channel: 'WHATSAPP',
          payload: payloadOf(message),
        },
      ],
    };
  }

  private addContact(name: string): ContactRef {
    let contact = this.contacts.get(name);
    if (!contact) {
      contact = contactRefFromChatName(name);
      this.contacts.set(name, contact);
    }
    return contact;
  }

  private contactRecordOnce(name: string, ref: ContactRef): ContactRecord[] {
    if (!this.firstTime(`contact ${name}`)) return [];
    // A phone-number "name" is not a name: only saved contact names are kept as the contact's name.
    return [ref.phone ? { kind: 'contact', ref } : { kind: 'contact', ref, ...splitName(name), properties: { whatsappName: name } }];
  }

  private firstTime(key: string): boolean {
    if (this.emitted.has(key)) return false;
    this.emitted.add(key);
    return true;
  }

  /** identity.ts: hash of (type, contact, wall time, sender, text, occurrence among identical tuples). */
  private eventId(type: string, contact: ContactRef, message: ChatMessage): string {
    // Exports are chronological, so identical tuples share a wall time: counting within one wall time is enough.
    if (message.wallTime !== this.occurrenceWallTime) {
      this.occurrenceWallTime = message.wallTime;
      this.occurrences.clear();
    }
    const tuple = [type, contactKey(contact), message.wallTime, message.author, message.text];
    const tupleKey = JSON.stringify(tuple);
    const occurrence = this.occurrences.get(tupleKey) ?? 0;
    this.occurrences.set(tupleKey, occurrence + 1);
    return `wa-chat:${shortHash([...tuple, occurrence])}`;
  }
}

function campaignRecord(externalId: string, text: string): CampaignRecord {
  const firstLine = campaignText(text.split('\n').find((line) => stripDirectionMarks(line).trim() !== '') ?? '');
  const name = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return { kind: 'campaign', externalId, name: name === '' ? '(empty WhatsApp message)' : name, channel: 'WHATSAPP' };
}


function payloadOf(message: ChatMessage): unknown {
  return { author: message.author, text: message.text, localTime: message.wallTime };
}
