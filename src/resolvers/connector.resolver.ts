import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConfigureConnectorInput, ConnectorConnection, ConnectorType } from '../schema/connector';
import type { Page } from '../schema/connection';
import type { RequestContext } from '../server/context';
import { listConnectors, type ConnectorListing } from '../services/connectors/directory';
import { removeConnectorSettings, saveConnectorSettings } from '../services/connectors/settings';
import { Workspace } from '../store/entities';
import { ImportRunType } from '../schema/import-run';
import { getImport } from '../services/imports';
import { syncConfiguredSource } from '../services/sync/sync-connector';

const slugOf = async (context: RequestContext) => (await context.manager.getRepository(Workspace).findOneByOrFail({ id: context.workspaceId })).slug;

@Resolver()
export class ConnectorResolver {
  @Query(() => ConnectorConnection, { description: 'Every source the workspace can connect (one per source), with its set-up; secret values are never returned.' })
  async connectors(@Ctx() context: RequestContext): Promise<Page<ConnectorListing>> {
    const nodes = await listConnectors(context.dataSource, context.workspaceId, await slugOf(context));
    return {
      edges: nodes.map((node) => ({ cursor: Buffer.from(`source:${node.source}`).toString('base64url'), node })),
      pageInfo: { hasNextPage: false, endCursor: nodes.length ? Buffer.from(`source:${nodes[nodes.length - 1].source}`).toString('base64url') : null },
      totalCount: nodes.length,
    };
  }

  @Authorized('admin')
  @Mutation(() => ConnectorType, { description: 'Sets up a source’s credentials, webhook secrets, base URL and pull schedule (stored encrypted).' })
  async configureConnector(@Arg('input', () => ConfigureConnectorInput) input: ConfigureConnectorInput, @Ctx() context: RequestContext): Promise<ConnectorListing> {
    const { source, clear, ...fields } = input;
    const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
    await saveConnectorSettings(context.dataSource, context.cipher, context.workspaceId, source, { ...given, clear: clear ?? [] });
    const listing = await listConnectors(context.dataSource, context.workspaceId, await slugOf(context));
    return listing.find((connector) => connector.source === source)!;
  }

  @Authorized('admin')
  @Mutation(() => ImportRunType, {
    description: 'Pulls from the source’s API now with the workspace’s set-up (HubSpot, Mailchimp, SendGrid), resuming from its saved cursor; answers with the finished run (also listed in imports as sync:<source>).',
  })
  async syncNow(@Arg('source') source: string, @Ctx() context: RequestContext) {
    const summary = await syncConfiguredSource(context.dataSource, context.cipher, context.workspaceId, source, context.leadEvents);
    return getImport(context.manager, context.workspaceId, summary.importId);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Removes a source’s set-up and its stored secrets; true when there was one.' })
  removeConnector(@Arg('source') source: string, @Ctx() context: RequestContext): Promise<boolean> {
    return removeConnectorSettings(context.dataSource, context.workspaceId, source);
  }
}
