import type { Command } from 'commander';
import fs from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGraphQLSchema } from '../../server/schema';

export function registerPrintSchema(program: Command): void {
  program
    .command('print-schema')
    .description('write the GraphQL SDL (schema.graphql is committed: frontend codegen reads it)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const sdl = `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
      if (options.out) fs.writeFileSync(options.out, sdl);
      else process.stdout.write(sdl);
    });
}
