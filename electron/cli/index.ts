import { parseArgs } from 'node:util';
import { openWorkbench } from '../engine/bootstrap';
import { exportCommand, EXPORT_USAGE } from './export-command';
import { formatResult, type OutputFormat } from './format-output';
import { reportCommand, REPORT_USAGE } from './report-command';

const USAGE = `breach-workbench: the Breach Workbench engine without a window

Usage:
  breach-workbench import FILE... [--workspace DIR]
  breach-workbench sql QUERY [--format csv|json|arrow] [--workspace DIR]
  breach-workbench sources [--format text|json] [--workspace DIR]
${REPORT_USAGE}
${EXPORT_USAGE}

--workspace DIR   the workspace folder (default: the desktop app's own workspace, or $BREACH_WORKSPACE)
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      sql: { type: 'string' },
      table: { type: 'string' },
      'page-size': { type: 'string' },
      tlp: { type: 'string' },
      author: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const engine = await openWorkbench({ workspaceDir: values.workspace, transport: 'cli' });
  try {
    switch (command) {
      case 'import':
        return await importCommand(engine, rest);
      case 'sql':
        return await sqlCommand(engine, rest.join(' '), (values.format ?? 'csv') as OutputFormat);
      case 'sources':
        return await sourcesCommand(engine, values.format === 'json');
      case 'report':
        return await reportCommand(engine, { ...values, pageSize: values['page-size'] }, (t) => process.stderr.write(t));
      case 'export':
        return await exportCommand(engine, { ...values, sql: values.sql ?? (rest.length ? rest.join(' ') : undefined) }, (t) => process.stderr.write(t));
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } finally {
    engine.close();
  }
}

type Engine = Awaited<ReturnType<typeof openWorkbench>>;

async function importCommand(engine: Engine, files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('import needs at least one FILE.\n');
    return 2;
  }
  const status = await engine.importAndWait(files);
  for (const r of status.reports) {
    process.stdout.write(
      `${r.file}: ${r.kind}${r.snapshotDate ? `, snapshot ${r.snapshotDate}` : ''}: ${r.rowsRead} rows read, ${r.rowsLoaded} loaded, ${r.rowsRepaired} repaired, ${r.rowsRejected} rejected\n`,
    );
    for (const note of r.notes) process.stdout.write(`  - ${note}\n`);
  }
  if (status.state !== 'done') {
    const e = status.error;
    process.stderr.write(`Import ${status.state}: ${e?.message ?? status.message}${e?.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ''})` : ''}\n`);
    return 1;
  }
  return 0;
}

async function sqlCommand(engine: Engine, sql: string, format: OutputFormat): Promise<number> {
  if (!['csv', 'json', 'arrow'].includes(format)) {
    process.stderr.write(`--format must be csv, json or arrow, not "${format}".\n`);
    return 2;
  }
  try {
    const result = await engine.runSql({ sql });
    const out = formatResult(result.arrow, format);
    await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
    if (result.meta.truncated) process.stderr.write(`Only the first ${result.meta.rowCount} rows are shown.\n`);
    return 0;
  } catch (error) {
    const e = error as { message: string; line?: number; column?: number };
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
}

async function sourcesCommand(engine: Engine, json: boolean): Promise<number> {
  const sources = await engine.listSources();
  if (json) {
    process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
    return 0;
  }
  if (sources.length === 0) process.stdout.write('No sources loaded yet. Import files with: breach-workbench import FILE...\n');
  for (const s of sources) {
    const dates = s.snapshotDates.length ? `, snapshots ${s.snapshotDates.join(', ')}` : '';
    process.stdout.write(`${s.id}\t${s.title}\t${s.rows} rows\t${s.files.length} files${dates}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
