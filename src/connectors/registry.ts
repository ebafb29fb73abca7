/**
 * Every connector, as an explicit typed list: adding a source is adding its object here (docs/connectors.md).
 */
import type { Source } from '../domain/model';
import type { Connector } from './sdk/connector';
import { hubspotConnector } from './hubspot';
import { mailchimpConnector } from './mailchimp';
import { sendgridConnector } from './sendgrid';
import { whatsappConnector } from './whatsapp';
import { genericConnector } from './generic';

export const CONNECTORS: readonly Connector[] = [sendgridConnector, mailchimpConnector, hubspotConnector, whatsappConnector, genericConnector];

export function findConnector(source: string): Connector | undefined {
  return CONNECTORS.find((connector) => connector.source === (source as Source));
}

export const connectorNames = () => CONNECTORS.map((connector) => connector.source).join(', ');
