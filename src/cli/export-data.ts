import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { todayUtc } from '../core/dates';
import { exportReadme, exportTables, tableToCsv, tableToJsonl } from '../core/export';
import { loadDatasetIndex } from '../node/read-dataset';

const USAGE = 'usage: data:export <folder>   (writes <table>.csv, <table>.jsonl and README.md into the folder)';

function main(argv: string[]): number {
  let folder: string | undefined;
  try {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'missing folder' : 'give one folder');
    folder = positionals[0]!;
  } catch (error) {
    process.stderr.write(`data:export: ${(error as Error).message.split('\n')[0]} (${USAGE})\n`);
    return 2;
  }
  // The clock only validates ("no date in the future"); what is written depends on the records alone.
  const dataDir = process.env.WHOSE_CLOUD_DATA || undefined;
  let index;
  try {
    index = loadDatasetIndex(todayUtc(), dataDir);
  } catch (error) {
    process.stderr.write(`data:export: cannot load the dataset: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}\n`);
    return 1;
  }
  const { meta } = index.dataset;
  const tables = exportTables(index, meta.reviewed);
  mkdirSync(folder, { recursive: true });
  for (const table of tables) {
    writeFileSync(join(folder, `${table.name}.csv`), tableToCsv(table));
    writeFileSync(join(folder, `${table.name}.jsonl`), tableToJsonl(table));
  }
  writeFileSync(join(folder, 'README.md'), exportReadme(tables, meta));
  const where = relative(process.cwd(), folder) || '.';
  process.stdout.write(`wrote ${tables.length} tables (CSV and JSON Lines) and README.md to ${where}, dataset ${meta.version}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
