/**
 * The connectors that can pull from their vendor's API, by source. HubSpot so far; Mailchimp and SendGrid pulls
 * are the next entries (issue "Connectors II").
 */
import type { Source } from '../domain/model';
import { hubspotPull } from './hubspot/pull';
import type { ConnectorPull } from './sdk/pull/pull';

const PULLS: Partial<Record<Source, ConnectorPull>> = { hubspot: hubspotPull() };

export function findPull(source: string): ConnectorPull | undefined {
  return PULLS[source as Source];
}

export const pullSources = () => Object.keys(PULLS).join(', ');
