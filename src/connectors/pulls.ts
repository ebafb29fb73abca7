/**
 * The connectors that can pull from their vendor's API, by source.
 */
import type { Source } from '../domain/model';
import { hubspotPull } from './hubspot/pull';
import { mailchimpPull } from './mailchimp/pull';
import { sendgridPull } from './sendgrid/pull';
import type { ConnectorPull } from './sdk/pull/pull';

const PULLS: Partial<Record<Source, ConnectorPull>> = { hubspot: hubspotPull(), mailchimp: mailchimpPull(), sendgrid: sendgridPull() };

export function findPull(source: string): ConnectorPull | undefined {
  return PULLS[source as Source];
}

export const pullSources = () => Object.keys(PULLS).join(', ');
