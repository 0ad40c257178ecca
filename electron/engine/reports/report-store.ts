import { migrateReport, reportSchema, type Report, type ReportInput, type ReportSummary } from '../../../shared/report';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../db/database';

/**
 * Saved reports live in the workspace, one row per name, the body as JSON with its model version.
 * Bodies are migrated on read (never rewritten behind the user's back), so an older workspace keeps
 * its reports. The table is created on first use: a workspace that never saves a report never has it.
 */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS bw_reports (
  name VARCHAR PRIMARY KEY,
  version INTEGER NOT NULL,
  body VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)`;

export class ReportStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  private ensureTable(): Promise<void> {
    this.ready ??= this.db.run(CREATE_TABLE).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async list(): Promise<ReportSummary[]> {
    await this.ensureTable();
    const rows = await this.db.rows<{ name: string; body: string; updated_at: string }>(
      `SELECT name, body, strftime(updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at FROM bw_reports ORDER BY lower(name)`,
    );
    const summaries: ReportSummary[] = [];
    for (const row of rows) {
      const report = readBody(row.name, row.body);
      summaries.push({ name: row.name, title: report.title, author: report.author, tlp: report.tlp, items: report.items.length, updatedAt: row.updated_at });
    }
    return summaries;
  }

  async get(name: string): Promise<Report> {
    await this.ensureTable();
    const row = (await this.db.rows<{ body: string }>(`SELECT body FROM bw_reports WHERE name = $name`, { name }))[0];
    if (!row) throw new WorkbenchError({ code: 'not_found', message: `There is no saved report called "${name}".` });
    return readBody(name, row.body);
  }

  /** Saves (or replaces) the report under its name. */
  async save(input: ReportInput): Promise<Report> {
    const report = reportSchema.parse(input);
    await this.ensureTable();
    await this.db.run(
      `INSERT INTO bw_reports (name, version, body) VALUES ($name, $version, $body)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, body = excluded.body, updated_at = CAST(now() AS TIMESTAMP)`,
      { name: report.name, version: report.version, body: JSON.stringify(report) },
    );
    return report;
  }

  async delete(name: string): Promise<boolean> {
    await this.ensureTable();
    const existed = (await this.db.value<bigint>(`SELECT count(*) FROM bw_reports WHERE name = $name`, { name })) ?? 0n;
    await this.db.run(`DELETE FROM bw_reports WHERE name = $name`, { name });
    return Number(existed) > 0;
  }
}

function readBody(name: string, body: string): Report {
  try {
    // The row's name wins: it is the key the user saved under.
    return { ...migrateReport(JSON.parse(body)), name };
  } catch (error) {
    throw new WorkbenchError({
      code: 'bad_input',
      message: `The saved report "${name}" cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
