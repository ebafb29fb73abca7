import 'reflect-metadata';
import { Command } from 'commander';
import { registerConnectors } from './commands/connectors';
import { registerImport } from './commands/import';
import { registerSync } from './commands/sync';
import { registerKeys } from './commands/keys';
import { registerMigrate } from './commands/migrate';
import { registerPrintSchema } from './commands/print-schema';
import { registerServe } from './commands/serve';
import { EXIT_UNUSABLE, reportError } from './exit';

const program = new Command();
program.name('funnelgraph').description('GraphQL API over B2B marketing data: campaigns, leads, funnels, metrics').showHelpAfterError();
program.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_UNUSABLE));
registerServe(program);
registerMigrate(program);
registerKeys(program);
registerImport(program);
registerConnectors(program);
registerSync(program);
registerPrintSchema(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = reportError(error);
});
