import 'reflect-metadata';
import { dashboardBenchmark } from './dashboard';
import { importSendgridBenchmark } from './import-sendgrid';
import { leadPushBenchmark } from './lead-push';
import { printTable, writeResult, type BenchResult, type Benchmark } from './harness';

/**
 * npm run bench [-- --only NAME] [-- --scale 0.1]: runs the benchmarks against PostgreSQL (DATABASE_URL, default the
 * machine's server), prints one table and writes bench/results/NAME.json. Figures are ratios to a baseline measured
 * in the same run, never absolute targets.
 */
const BENCHMARKS: Benchmark[] = [importSendgridBenchmark, leadPushBenchmark, dashboardBenchmark];

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? undefined : args[index + 1];
  };
  const only = option('only');
  const scale = Number(option('scale') ?? '1');
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const results: BenchResult[] = [];
  for (const benchmark of BENCHMARKS.filter((b) => !only || b.name === only)) {
    console.error(`▶ ${benchmark.name}: ${benchmark.description}`);
    const result = await benchmark.run({ databaseUrl, scale, log: (line) => console.error(`  ${line}`) });
    console.error(`  wrote ${writeResult(result)}`);
    results.push(result);
  }
  printTable(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
