import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Database } from '../db/database';
import { rebuildBreachesView } from './breaches-view';
import { migrateWorkspace } from './migrations';
import { seedWorkspace } from './seed';
import { WORKSPACE_FILE } from './workspace-location';

/** Inside the workspace folder: what DuckDB writes when a query or an import needs more than its memory limit. */
export const DUCKDB_TEMP_DIR = '.duckdb-tmp';

/**
 * A user's workspace: one folder holding one DuckDB file (plus files dropped in browser mode).
 * Tables persist in the file, so reopening reads nothing but the catalogue: no source is re-parsed.
 */
export class Workspace {
  private constructor(
    readonly dir: string,
    readonly db: Database,
    readonly schemaVersion: number,
  ) {}

  static async open(dir: string): Promise<Workspace> {
    const absolute = resolve(dir);
    mkdirSync(absolute, { recursive: true });
    // DuckDB spills big imports and queries here rather than beside the user's other files.
    const db = await Database.open(join(absolute, WORKSPACE_FILE), { tempDirectory: join(absolute, DUCKDB_TEMP_DIR) });
    try {
      const schemaVersion = await db.exclusive(async (c) => {
        const version = await migrateWorkspace(c);
        await rebuildBreachesView(c);
        return version;
      });
      await seedWorkspace(db);
      return new Workspace(absolute, db, schemaVersion);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get uploadsDir(): string {
    return join(this.dir, 'uploads');
  }

  close(): void {
    this.db.close();
  }
}
