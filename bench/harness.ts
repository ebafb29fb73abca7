import fs from 'node:fs';
import path from 'node:path';

/** One benchmark's outcome: its rows for the table, and everything for the JSON file. */
export interface BenchResult {
  name: string;
  /** Rows of the printed table: what was measured, the figure, and the ratio to the baseline of the same run. */
  rows: Array<{ measure: string; value: string; ratio?: string }>;
  data: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

export interface BenchOptions {
  databaseUrl: string;
  scale: number;
  log: (line: string) => void;
}

export const RESULTS_DIR = path.resolve(__dirname, '../../bench/results');

export function writeResult(result: BenchResult): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...result, machine: machineFacts(), at: new Date().toISOString() }, null, 2));
  return file;
}

export function machineFacts() {
  const os = require('node:os') as typeof import('node:os');
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.flatMap((result) => result.rows.map((row) => [result.name, row.measure, row.value, row.ratio ?? '']));
  const header = ['benchmark', 'measure', 'value', 'ratio'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const perSecond = (count: number, ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en-US')} rows/s`;
