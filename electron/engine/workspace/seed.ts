import type { Database } from '../db/database';

/**
 * Data every workspace starts with. Each seeder is idempotent (it checks what is already there), so
 * opening an existing workspace costs one catalogue look-up per seeder and parses nothing.
 */
export type WorkspaceSeeder = (db: Database) => Promise<void>;

const seeders: WorkspaceSeeder[] = [];

export async function seedWorkspace(db: Database): Promise<void> {
  for (const seed of seeders) await seed(db);
}
