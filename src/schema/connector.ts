import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SECRET_NAMES, type SecretName } from '../services/connectors/settings';
import { Connection } from './connection';

export const ConnectorSecretEnum = Object.fromEntries(SECRET_NAMES.map((name) => [name, name])) as { [K in SecretName]: K };
registerEnumType(ConnectorSecretEnum, { name: 'ConnectorSecret', description: 'A secret a connector can hold (its value is never returned).' });

export enum ConnectorSettingField {
  apiKey = 'apiKey',
  webhookSecret = 'webhookSecret',
  webhookVerifyToken = 'webhookVerifyToken',
  webhookPublicKey = 'webhookPublicKey',
  baseUrl = 'baseUrl',
  syncIntervalMinutes = 'syncIntervalMinutes',
}
registerEnumType(ConnectorSettingField, { name: 'ConnectorSettingField', description: 'A setting `configureConnector` can clear.' });

@ObjectType('Connector', { description: 'A source this workspace can bring data from, and how it is set up (secrets shown by name only).' })
export class ConnectorType {
  @Field({ description: 'sendgrid, mailchimp, hubspot or whatsapp.' })
  source!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'Whether credentials or webhook secrets have been set up.' })
  configured!: boolean;

  @Field(() => [ConnectorSecretEnum], { description: 'Which secrets are stored (encrypted at rest; values are never returned).' })
  secrets!: SecretName[];

  @Field(() => String, { nullable: true, description: 'API base URL override (proxies, tests); null = the vendor’s own.' })
  baseUrl!: string | null;

  @Field(() => Int, { nullable: true, description: 'Pull every this many minutes (the in-process scheduler); null = only on demand.' })
  syncIntervalMinutes!: number | null;

  @Field({ description: 'Path of this workspace’s webhook route for the source (Mailchimp’s ends in the webhook secret, shown as {webhookSecret}).' })
  webhookPath!: string;

  @Field(() => [String], { description: 'File kinds `import` reads for this source.' })
  fileKinds!: string[];

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

export const ConnectorConnection = Connection(ConnectorType, 'Connector');

@InputType({ description: 'Sets up a source: given fields replace the stored ones, `clear` removes settings, the rest stay.' })
export class ConfigureConnectorInput {
  @Field()
  source!: string;

  @Field({ nullable: true, description: 'API key (SendGrid, Mailchimp incl. its -usN suffix), private-app token (HubSpot) or access token (WhatsApp).' })
  apiKey?: string;

  @Field({ nullable: true, description: 'Webhook secret: Mailchimp URL secret, HubSpot client secret, WhatsApp app secret.' })
  webhookSecret?: string;

  @Field({ nullable: true, description: 'WhatsApp hub.verify_token for the subscription handshake.' })
  webhookVerifyToken?: string;

  @Field({ nullable: true, description: 'SendGrid Signed Event Webhook verification key (base64 as SendGrid shows it, or PEM).' })
  webhookPublicKey?: string;

  @Field({ nullable: true })
  baseUrl?: string;

  @Field(() => Int, { nullable: true })
  syncIntervalMinutes?: number;

  @Field(() => [ConnectorSettingField], { nullable: true })
  clear?: ConnectorSettingField[];
}
