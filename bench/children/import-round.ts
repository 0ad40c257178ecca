import { join } from 'node:path';
import { importThroughApp } from '../app-import';
import { peakRssBytes } from '../memory';
import { importThroughDuckdb, importThroughDuckdbInMemory } from '../native-import';
import { profileStatements, type StatementTime } from '../statement-profile';

/**
 * One round of the import comparison, in a process of its own: the app's import path and DuckDB's
 * own CTAS of the same CSV, one after the other in this same process (same DuckDB build, same
 * threads, same page cache). A fresh process per round also gives the app's import a clean memory
 * high-water mark when it goes first.
 *
 * argv: <scratch dir> <csv path> <app-first|duckdb-first> [--profile]
 * Then, as context for duckdb-wasm, the same CTAS into an in-memory database.
 *
 * Prints one JSON line: { appMs, duckdbMs, duckdbMemoryMs, appFirst, rowsLoaded, report, baselineRssBytes,
 * appPeakRssBytes, appStatements }
 * (appPeakRssBytes is null when DuckDB went first, since the mark would then be DuckDB's).
 */
const [dirArg, csvArg, order] = process.argv.slice(2);
if (!dirArg || !csvArg || (order !== 'app-first' && order !== 'duckdb-first')) {
  throw new Error('usage: import-round.ts <scratch dir> <csv path> <app-first|duckdb-first>');
}
const dir: string = dirArg;
const csvPath: string = csvArg;
const appFirst = order === 'app-first';
// Where the app's import spends its time, statement by statement.
const statements = process.argv.includes('--profile') ? profileStatements() : undefined;
const baselineRssBytes = await peakRssBytes();

const app = () => importThroughApp(join(dir, 'workspace'), csvPath, { beforeImport: () => statements?.reset() });
const duckdb = () => importThroughDuckdb(dir, csvPath);

let appPeakRssBytes: number | null = null;
let appStatements: StatementTime[] | undefined;
let appResult;
let duckdbResult;
if (appFirst) {
  appResult = await app();
  appStatements = statements?.read();
  appPeakRssBytes = await peakRssBytes();
  duckdbResult = await duckdb();
} else {
  duckdbResult = await duckdb();
  appResult = await app();
  appStatements = statements?.read();
}
// Context for the wasm comparison, after both (so it touches neither's figure or memory mark).
const duckdbMemoryResult = await importThroughDuckdbInMemory(csvPath);
console.log(
  JSON.stringify({
    appMs: appResult.ms,
    duckdbMs: duckdbResult.ms,
    duckdbMemoryMs: duckdbMemoryResult.ms,
    appFirst,
    rowsLoaded: appResult.report.rowsLoaded,
    report: appResult.report,
    baselineRssBytes,
    appPeakRssBytes,
    appStatements: appStatements?.slice(0, 8),
  }),
);
