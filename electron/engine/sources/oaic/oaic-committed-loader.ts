import { readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../../shared/errors';
import type { CommittedFile } from './oaic-committed-files';
import { STAGE, STAGE_PERIODS, STAGE_RAW, buildPeriodMap, dropStageTables, periodJoinSql } from './oaic-staging';

export interface LoadedFrom {
  fileId: string;
  /** File name shown in `source_file` and in errors. */
  name: string;
}

/**
 * Loads one committed OAIC CSV into its table, inside the caller's transaction. The header must be
 * exactly the one the spec names: a reordered or renamed column in a future copy stops the load
 * rather than filling the wrong column. Returns the rows read (= rows loaded; any bad row stops it).
 */
export async function loadCommittedFile(
  connection: DuckDBConnection,
  spec: CommittedFile,
  path: string,
  from: LoadedFrom,
): Promise<number> {
  await checkHeader(spec, path, from.name);
  const columns = spec.columns.map(([name, type]) => `'${name}': '${type}'`).join(', ');
  try {
    await connection.run(
      `CREATE OR REPLACE TABLE ${STAGE_RAW} AS SELECT * FROM read_csv($path, header = true, auto_detect = false,
         delim = ',', quote = '"', escape = '"', columns = {${columns}})`,
      { path },
    );
    // One record per line in these files, so the row's position gives its line (header = line 1). rowid
    // keeps insertion order but is not 0-based inside a transaction, hence row_number().
    await connection.run(
      `CREATE OR REPLACE TABLE ${STAGE} AS SELECT CAST(row_number() OVER (ORDER BY rowid) + 1 AS INTEGER) AS __line, *${spec.derived ? `, ${spec.derived}` : ''} FROM ${STAGE_RAW}`,
    );
    for (const check of spec.checks) {
      const bad = await connection.runAndReadAll(`SELECT __line FROM ${STAGE} s WHERE ${check.failsWhen} ORDER BY __line LIMIT 1`);
      const line = bad.getRowObjectsJS()[0]?.__line;
      if (line !== undefined) throw badFile(from.name, Number(line), `${check.column}: ${check.reason}`);
    }
    const unread = await buildPeriodMap(connection, spec.period);
    if (unread.length) {
      const what = unread.map((u) => u.raw ?? `${u.rawStart}..${u.rawEnd}`).join(', ');
      throw new WorkbenchError({ code: 'bad_input', message: `${from.name}: not an OAIC reporting period: ${what}`, file: from.name });
    }
    const targets = Object.keys(spec.select);
    const reader = await connection.runAndReadAll(
      `INSERT INTO ${spec.table} (${targets.join(', ')}, file_id, source_file, source_line)
       SELECT ${targets.map((t) => spec.select[t]).join(', ')}, $fileId, $sourceFile, s.__line
       FROM ${STAGE} s JOIN ${STAGE_PERIODS} p ON ${periodJoinSql(spec.period)}
       ORDER BY s.__line`,
      { fileId: from.fileId, sourceFile: from.name },
    );
    const loaded = Number(reader.getRowObjectsJS()[0]?.Count ?? 0);
    const read = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${STAGE}`)).getRowObjectsJS()[0]?.n ?? 0);
    if (loaded !== read) throw badFile(from.name, null, `read ${read} rows but loaded ${loaded}`);
    await dropStageTables(connection);
    return loaded;
  } catch (error) {
    // No clean-up here: the caller rolls the transaction back, which drops the stage tables too.
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError({ code: 'bad_input', message: `${from.name}: ${(error as Error).message}`, file: from.name });
  }
}

async function checkHeader(spec: CommittedFile, path: string, name: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const expected = spec.columns.map(([column]) => column).join(',');
  if (header.trim() !== expected) {
    throw new WorkbenchError({
      code: 'bad_input',
      message: `${name} line 1: expected the columns ${expected}, found ${header.trim() || 'nothing'}`,
      file: name,
      line: 1,
    });
  }
}

function badFile(name: string, line: number | null, reason: string): WorkbenchError {
  return new WorkbenchError({
    code: 'bad_input',
    message: line === null ? `${name}: ${reason}` : `${name} line ${line}: ${reason}`,
    file: name,
    ...(line === null ? {} : { line }),
  });
}
