/**
 * The Mailchimp connector: campaign reports, per-member email activity and audience members, from saved
 * Marketing API v3.0 responses and from the app's audience export. Kinds are tried in this order; their
 * detectors look for fields only that payload has, so the order matters only for speed.
 */
import { defineConnector } from '../sdk/connector';
import { audienceCsvKind } from './audience-csv';
import { emailActivityKind } from './email-activity';
import { listMembersKind } from './list-members';
import { reportsKind } from './reports';
import { webhookKind } from './webhook';

export const mailchimpConnector = defineConnector({
  source: 'mailchimp',
  displayName: 'Mailchimp',
  fileKinds: [reportsKind, emailActivityKind, listMembersKind, audienceCsvKind, webhookKind],
});
